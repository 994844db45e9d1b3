import Testing
@testable import EOSCore

/// Adversarial, seeded property tests of the dense and iterative linear algebra (issue 8.4).
/// Every case derives its shape and spectrum from the seed, and every failure message names the
/// seed, so a failure is reproduced by running that one argument. The bounds asserted are the
/// documented ones:
/// - `SymmetricEigendecomposition`: |λ̂ − λ| ≤ c·n·ε·‖A‖₂, ‖VᵀV − I‖ ≤ c·n·ε, ‖AV − VΛ‖ ≤ c·n·ε·‖A‖₂;
/// - `SingularValueDecomposition`: |σ̂ − σ| ≤ c·√(mn)·ε·‖A‖₂, relative accuracy c·n·ε·κ(B̄)
///   for column-graded A = B·D;
/// - `Lanczos`: an eigenvalue within the explicit residual of each returned value;
/// with c = 8, which also covers the rounding made when the test matrix itself is formed.
@Suite("Linear algebra stress (seeded, adversarial)")
struct LinearAlgebraStressTests {
    static let seeds: [UInt64] = Array(1...12)

    /// A spectrum of `n` values drawn from a few base values with multiplicities, zeros, and
    /// clusters spaced 1e-13 apart, times 1, 1e150 or 1e-150.
    private static func adversarialSpectrum(_ g: inout SeededGenerator, n: Int, scale: Double) -> [Double] {
        let bases = [0.0, 1, -1, 2 * g.nextUniform() - 1, 3]
        return (0..<n).map { i in
            let base = bases[Int(g.next() % UInt64(bases.count))]
            let cluster = g.next() % 3 == 0 ? Double(i) * 1e-13 : 0
            return (base + cluster) * scale
        }
    }

    private static func scale(for seed: UInt64) -> Double { [1, 1e150, 1e-150][Int(seed % 3)] }

    @Test("eigen: repeated, zero, clustered, 1e±150-scaled spectra", arguments: seeds)
    func eigenAdversarial(seed: UInt64) throws {
        var g = SeededGenerator(seed: seed)
        let n = 4 + Int(g.next() % 22)
        let spectrum = Self.adversarialSpectrum(&g, n: n, scale: Self.scale(for: seed))
        let a = symmetricMatrix(spectrum: spectrum, seed: seed &+ 1000)
        let norm = spectrum.map(abs).max()!
        let bound = 8 * Double(n) * machineEpsilon * norm
        let eig = try SymmetricEigendecomposition(a)
        for (got, want) in zip(eig.eigenvalues, spectrum.sorted()) {
            #expect(abs(got - want) <= bound, "seed \(seed): λ = \(got), expected \(want), bound \(bound)")
        }
        let v = eig.eigenvectors
        #expect(orthogonalityError(v) <= 8 * Double(n) * machineEpsilon, "seed \(seed): ‖VᵀV − I‖ = \(orthogonalityError(v))")
        let residual = maxDifference(a * v, v * Matrix.diagonal(eig.eigenvalues))
        #expect(residual <= bound, "seed \(seed): ‖AV − VΛ‖ = \(residual), bound \(bound)")
    }

    @Test("SVD: repeated, zero and 1e±150 singular values, wide and tall", arguments: seeds)
    func svdAdversarial(seed: UInt64) throws {
        var g = SeededGenerator(seed: seed)
        let m = 1 + Int(g.next() % 12), n = 1 + Int(g.next() % 12), k = min(m, n)
        let scale = Self.scale(for: seed)
        let sigma = Self.adversarialSpectrum(&g, n: k, scale: scale).map(abs).sorted(by: >)
        let norm = sigma[0]
        guard norm > 0 else { return }     // the all-zero draw: nothing to measure
        let a = matrixWithSingularValues(sigma, rows: m, columns: n, seed: seed &+ 2000)
        let bound = 8 * Double(m * n).squareRoot() * machineEpsilon * norm
        let svd = try SingularValueDecomposition(a, vectors: g.next() % 2 == 0 ? .thin : .full)
        for (got, want) in zip(svd.singularValues, sigma) {
            #expect(abs(got - want) <= bound, "seed \(seed) (\(m)×\(n)): σ = \(got), expected \(want), bound \(bound)")
        }
        let size = Double(max(m, n))
        #expect(orthogonalityError(svd.u) <= 8 * size * machineEpsilon, "seed \(seed): ‖UᵀU − I‖ = \(orthogonalityError(svd.u))")
        #expect(orthogonalityError(svd.v) <= 8 * size * machineEpsilon, "seed \(seed): ‖VᵀV − I‖ = \(orthogonalityError(svd.v))")
        let rebuilt = Matrix.product(svd.u * Matrix.diagonal(svd.singularValues, rows: svd.u.columns, columns: svd.v.columns),
                                     svd.v, transposeB: true)
        #expect(maxDifference(rebuilt, a) <= bound, "seed \(seed): ‖A − UΣVᵀ‖ = \(maxDifference(rebuilt, a))")
        let augmented = try singularValuesByAugmentedEigen(a)
        for (x, y) in zip(svd.singularValues, augmented) {
            #expect(abs(x - y) <= 2 * bound + 8 * Double(m + n) * machineEpsilon * norm, "seed \(seed): SVD \(x) vs augmented eigen \(y)")
        }
    }

    @Test("SVD: column grading D spanning 1e±150 keeps every σ to relative accuracy", arguments: seeds)
    func svdGraded(seed: UInt64) throws {
        var g = SeededGenerator(seed: seed)
        let n = 2 + Int(g.next() % 6), m = n + Int(g.next() % 4)
        let b = g.gaussianMatrix(rows: m, columns: n)
        let d = (0..<n).map { _ in _pow(10, 300 * g.nextUniform() - 150) }
        let a = b * Matrix.diagonal(d)
        let sigma = try SingularValueDecomposition.singularValues(of: a)
        let sb = try SingularValueDecomposition.singularValues(of: b)
        let kappa = sb[0] / sb[n - 1]
        let dSorted = d.sorted(by: >)
        // σᵢ(B·D) ∈ [σ_min(B)·dᵢ, σ_max(B)·dᵢ] (Horn & Johnson, Topics, Thm 3.3.16), widened by the
        // documented relative error 8·n·ε·κ(B).
        let slack = 8 * Double(n) * machineEpsilon * kappa
        for i in 0..<n {
            let lower = sb[n - 1] * dSorted[i] * (1 - slack), upper = sb[0] * dSorted[i] * (1 + slack)
            #expect(sigma[i] >= lower && sigma[i] <= upper,
                    "seed \(seed): σ\(i) = \(sigma[i]) outside [\(lower), \(upper)] (κ(B) = \(kappa))")
        }
        if m == n {
            // Σ log σᵢ = log|det B| + Σ log dᵢ, with |det B| = Π|r_jj| from the QR of B.
            let logDetB = QRDecomposition(b).r.diagonalEntries.reduce(0) { $0 + _log(abs($1)) }
            let lhs = sigma.reduce(0) { $0 + _log($1) }, rhs = logDetB + d.reduce(0) { $0 + _log($1) }
            #expect(abs(lhs - rhs) <= Double(n) * slack + 1e-12 * abs(rhs), "seed \(seed): Σ log σ = \(lhs), log|det A| = \(rhs)")
        }
    }

    @Test("SVD: ill-conditioned products B₁B₂B₃ (κ up to 1e12)", arguments: seeds)
    func svdIllConditionedProduct(seed: UInt64) throws {
        var g = SeededGenerator(seed: seed)
        let n = 3 + Int(g.next() % 8)
        var a = Matrix.identity(n)
        var logDet = 0.0
        for f in 0..<3 {
            // Factor with singular values 10^(−4·i/(n−1)), i = 0…n−1: κ = 1e4 each.
            let s = (0..<n).map { _pow(10, -4 * Double($0) / Double(n - 1)) }
            logDet += s.reduce(0) { $0 + _log($1) }
            a = a * matrixWithSingularValues(s, rows: n, columns: n, seed: seed &* 10 &+ UInt64(f))
        }
        let svd = try SingularValueDecomposition(a)
        let norm = svd.singularValues[0]
        let bound = 8 * Double(n) * machineEpsilon * norm
        #expect(orthogonalityError(svd.u) <= 8 * Double(n) * machineEpsilon && orthogonalityError(svd.v) <= 8 * Double(n) * machineEpsilon,
                "seed \(seed): orthogonality \(orthogonalityError(svd.u)), \(orthogonalityError(svd.v))")
        let rebuilt = Matrix.product(svd.u * Matrix.diagonal(svd.singularValues), svd.v, transposeB: true)
        // The product itself was formed with rounding ≈ 3n·ε·‖B₁‖‖B₂‖‖B₃‖ = 3n·ε; reconstruction of
        // the stored A is at the SVD's own bound.
        #expect(maxDifference(rebuilt, a) <= bound, "seed \(seed): ‖A − UΣVᵀ‖ = \(maxDifference(rebuilt, a))")
        let augmented = try singularValuesByAugmentedEigen(a)
        for (x, y) in zip(svd.singularValues, augmented) {
            #expect(abs(x - y) <= 2 * bound + 8 * Double(2 * n) * machineEpsilon * norm, "seed \(seed): SVD \(x) vs augmented eigen \(y)")
        }
        // Σ log σᵢ = log|det A| = Σ log|det Bⱼ|. Each σᵢ carries absolute error ≤ 8nε‖A‖ from the
        // SVD plus the rounding of forming A (≈ 3nε‖A‖): the log-sum tolerance is Σ 11nε‖A‖/σᵢ.
        let logSum = svd.singularValues.reduce(0) { $0 + _log($1) }
        let tolerance = svd.singularValues.reduce(0) { $0 + 11 * Double(n) * machineEpsilon * norm / $1 }
        #expect(abs(logSum - logDet) <= tolerance, "seed \(seed): Σ log σ = \(logSum), log|det| = \(logDet), tol \(tolerance)")
    }

    @Test("Lanczos: exact repeats and 1e-6 clusters at the top agree with the dense solver", arguments: seeds.prefix(6))
    func lanczosClustered(seed: UInt64) throws {
        var g = SeededGenerator(seed: seed)
        let n = 60 + Int(g.next() % 40), k = 1 + Int(g.next() % 4)
        let top = 5 + 5 * g.nextUniform()
        let spectrum = [top, top, top - 1e-6, top - 1e-3] + (0..<(n - 4)).map { _ in top * (2 * g.nextUniform() - 1) * 0.9 }
        let a = symmetricMatrix(spectrum: spectrum, seed: seed &+ 3000)
        let dense = Array(try SymmetricEigendecomposition.eigenvalues(of: a).reversed().prefix(k))
        let result = try Lanczos.eigenpairs(count: k, dimension: n, seed: seed) { a * $0 }
        for i in 0..<k {
            // An eigenvalue lies within the residual of each Ritz value; plus the dense bound.
            let tolerance = result.residuals[i] + 8 * Double(n) * machineEpsilon * top
            #expect(abs(result.values[i] - dense[i]) <= tolerance,
                    "seed \(seed) (n = \(n), k = \(k)): λ\(i) = \(result.values[i]), dense \(dense[i]), residual \(result.residuals[i])")
            #expect(result.residuals[i] <= 1e-9 * top, "seed \(seed): residual \(result.residuals[i])")
        }
    }
}
