import Foundation
import EOSCore
import EOSModels

/// The deterministic inputs of the benchmarks, defined by closed formulas so that
/// `numpy_baseline.py` builds bit-identical ones (both use the C library's sin and cos).
enum Problems {
    /// M⋆ (d × d): M⋆ᵢⱼ = δᵢⱼ + ½ sin(1.3 i + 0.7 j + 0.1)/√d, zero-based i, j.
    static func target(_ d: Int) -> Matrix {
        var m = Matrix(rows: d, columns: d)
        let s = 1 / Double(d).squareRoot()
        for i in 0..<d {
            for j in 0..<d {
                m[i, j] = (i == j ? 1 : 0) + 0.5 * sin(1.3 * Double(i) + 0.7 * Double(j) + 0.1) * s
            }
        }
        return m
    }

    /// θ₀: (W_ℓ)ᵢⱼ = α δᵢⱼ + 0.1 cos(0.9 i + 1.7 j + 0.5 ℓ)/√d, ℓ = 1…L (W_1 first, row-major).
    static func initialParameters(width d: Int, depth: Int, alpha: Double = 1) -> [Double] {
        var θ: [Double] = []
        θ.reserveCapacity(depth * d * d)
        let s = 1 / Double(d).squareRoot()
        for l in 1...depth {
            for i in 0..<d {
                for j in 0..<d {
                    θ.append((i == j ? alpha : 0) + 0.1 * cos(0.9 * Double(i) + 1.7 * Double(j) + 0.5 * Double(l)) * s)
                }
            }
        }
        return θ
    }

    /// A matrix with entries sin(0.37 (i n + j) + seed), for the product benchmark.
    static func dense(_ n: Int, seed: Double) -> Matrix {
        Matrix(rows: n, columns: n, storage: (0..<(n * n)).map { sin(0.37 * Double($0) + seed) })
    }

    static func loss(width d: Int, depth: Int) -> DeepMatrixFactorization {
        DeepMatrixFactorization(target: target(d), depth: depth)
    }

    /// Learning rate of the timed GD steps and of the 10⁴-step run: well inside the stable range
    /// (the sharpness near these minima is below 10, so 2/η = 40 is never reached).
    static let stableLearningRate = 0.05

    /// The bifurcation sweep: d = 5, L = 3, M⋆ = diag(1, 0.8, 0.6, 0.4, 0.2), θ₀ = W_ℓ = 0.5 I +
    /// the perturbation above, η_i = 0.2 + 0.6 i/999 (i = 0…999), 5000 steps each. The minimum's
    /// sharpness is ≈ L σ_max^{2−2/L} = 3, so η crosses 2/3 (edge of stability) mid-sweep.
    static let sweepCount = 1000
    static let sweepSteps = 5000
    static func sweepLearningRate(_ i: Int) -> Double { 0.2 + 0.6 * Double(i) / Double(sweepCount - 1) }
    static var sweepLoss: DeepMatrixFactorization {
        DeepMatrixFactorization(target: Matrix.diagonal([1, 0.8, 0.6, 0.4, 0.2]), depth: 3)
    }
    static var sweepStart: [Double] { initialParameters(width: 5, depth: 3, alpha: 0.5) }
}
