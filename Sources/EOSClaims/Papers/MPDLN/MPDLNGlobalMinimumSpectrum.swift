import Foundation
import EOSCore
import EOSModels

/// The dense Hessian of the FULL multi-pathway loss ½‖Σ_k W_k − Y‖²_F at a global minimum in
/// the SVS set, and the mode-wise quantities MPDLN Proposition 4.1 / Lemma C.1 / Proposition 5.1
/// predict for it.
///
/// The point: Y = U diag(s) Vᵀ with seeded random orthogonal U, V and intermediate frames;
/// pathway k of depth L_k carries σ_{k,i} ≥ 0 in mode i with Σ_k σ_{k,i} = s_i (a global
/// minimum); its layer singular values are (S_{k,l})_{ii} = σ_{k,i}^{1/L_k} (depth-balanced,
/// Eq. 38/45), optionally skewed by a factor c on layer 1 and 1/c on layer 2 (same σ_{k,i},
/// off the depth-balanced manifold — the negative control).
///
/// What is computed, all independently of the paper's formulas:
/// - the dense Hessian H (n HVPs, n = d² Σ_k L_k) and its spectrum by Jacobi;
/// - the restriction BᵀHB to the chart coordinates (S_{k,l})_{ii} (B orthonormal: its columns
///   are the unit directions Q_{k,l} e_i e_iᵀ Q_{k,l−1}ᵀ) and its spectrum;
/// - a finite-difference HVP on a random direction, to cross-check the exact HVP.
struct MPDLNGlobalMinimumSpectrum {
    let network: MultiPathwayLinearNetwork
    let chart: MultiPathwaySVSChart
    let θ: [Double]
    /// σ_{k,i}.
    let allocation: [[Double]]
    let loss: Double
    let gradientNorm: Double
    /// Dense spectrum of the full Hessian, ascending.
    let eigenvalues: [Double]
    /// Spectrum of the chart-restricted Hessian BᵀHB, ascending.
    let chartEigenvalues: [Double]
    let hessian: Matrix
    let hessianAsymmetry: Double
    /// ‖H_exact v − H_FD v‖ / ‖H_exact v‖ on a seeded random direction.
    let finiteDifferenceError: Double

    /// - Parameters:
    ///   - allocation: `allocation[k][i]` = σ_{k,i}; columns must sum to s_i.
    ///   - skew: c = 1 for the depth-balanced manifold.
    init(singularValues s: [Double], depths: [Int], allocation: [[Double]], skew: Double, seed: UInt64) {
        chart = MultiPathwaySVSChart(singularValues: s, depths: depths, seed: seed)
        network = chart.network
        self.allocation = allocation
        let values: [[[Double]]] = depths.enumerated().map { k, depth in
            (0..<depth).map { l in
                s.indices.map { i in
                    let base = pow(allocation[k][i], 1 / Double(depth))
                    if depth >= 2 && l == 0 { return base * skew }
                    if depth >= 2 && l == 1 { return base / skew }
                    return base
                }
            }
        }
        θ = chart.parameters(values)
        let (f, g) = network.valueAndGradient(θ)
        loss = f
        gradientNorm = g.euclideanNorm
        let dense = DenseHessian(of: network, at: θ)
        hessian = dense.matrix
        hessianAsymmetry = dense.relativeAsymmetry
        eigenvalues = MPDLNLinearAlgebra.symmetricEigen(dense.matrix).values
        // B: one column per chart coordinate (k, l, i).
        var columns: [[Double]] = []
        for (k, depth) in depths.enumerated() {
            for l in 0..<depth { for i in s.indices { columns.append(chart.coordinateDirection(pathway: k, layer: l, mode: i)) } }
        }
        let m = columns.count
        var restricted = Matrix(rows: m, columns: m)
        let hb = columns.map { dense.matrix * $0 }
        for a in 0..<m { for b in 0..<m { restricted.storage[a * m + b] = columns[a].dot(hb[b]) } }
        chartEigenvalues = MPDLNLinearAlgebra.symmetricEigen(restricted).values
        var gen = SeededGenerator(seed: seed &+ 7)
        let v = gen.gaussianVector(network.dimension)
        let exact = network.hessianVectorProduct(θ, v)
        let fd = FiniteDifferences.hessianVectorProduct(of: network, at: θ, direction: v)
        finiteDifferenceError = zip(exact, fd).map { $0 - $1 }.euclideanNorm / max(exact.euclideanNorm, 1e-300)
    }

    /// Lemma C.1's predicted eigenvector of mode i: entry σ_{k,i}^{(L_k−1)/L_k} on every chart
    /// coordinate (k, l, i), zero elsewhere — built from σ_{k,i} alone, as the lemma states it,
    /// not from the actual layer values (so off the depth-balanced manifold it is wrong).
    func predictedJacobianDirection(mode i: Int) -> [Double] {
        var v = [Double](repeating: 0, count: network.dimension)
        for (k, depth) in network.depths.enumerated() {
            let entry = pow(allocation[k][i], Double(depth - 1) / Double(depth))
            for l in 0..<depth {
                let e = chart.coordinateDirection(pathway: k, layer: l, mode: i)
                for j in 0..<v.count where e[j] != 0 { v[j] += entry * e[j] }
            }
        }
        return v
    }

    /// ‖H v − (vᵀHv/vᵀv) v‖ / (|vᵀHv/vᵀv| ‖v‖) and the Rayleigh quotient vᵀHv / vᵀv.
    func eigenResidual(_ v: [Double]) -> (residual: Double, rayleigh: Double) {
        let hv = hessian * v
        let rq = v.dot(hv) / v.dot(v)
        let r = zip(hv, v).map { $0 - rq * $1 }.euclideanNorm
        return (r / max(abs(rq) * v.euclideanNorm, 1e-300), rq)
    }

    /// λ_i = Σ_k L_k σ_{k,i}^{2−2/L_k} (MPDLN Eq. 13 for equal depths, Eq. 17 in general) [R].
    static func predictedModeEigenvalue(_ sigmas: [Double], depths: [Int]) -> Double {
        zip(sigmas, depths).reduce(0) { acc, p in
            acc + Double(p.1) * pow(p.0, 2 - 2 / Double(p.1))
        }
    }

    /// An allocation σ_{k,i} = s_i · w_{(k + i·shift) mod K} / Σw from pathway weights w.
    static func allocation(singularValues s: [Double], weights w: [Double], rotate: Bool) -> [[Double]] {
        let total = w.reduce(0, +)
        let kCount = w.count
        return (0..<kCount).map { k in
            s.indices.map { i in s[i] * w[(k + (rotate ? i : 0)) % kCount] / total }
        }
    }
}
