import Testing
@testable import EOSCore

struct SVDCase: CustomTestStringConvertible, Sendable {
    let name: String
    let sigma: [Double]        // the nonzero part; the rest of min(m, n) is zero
    let rows: Int
    let columns: Int
    var testDescription: String { "\(name) \(rows)×\(columns)" }
}

private let svdCases: [SVDCase] = [
    SVDCase(name: "square distinct", sigma: [5, 4, 3, 2, 1, 0.5], rows: 6, columns: 6),
    SVDCase(name: "tall", sigma: [3, 2, 1, 0.1], rows: 11, columns: 4),
    SVDCase(name: "wide", sigma: [3, 2, 1, 0.1], rows: 4, columns: 11),
    SVDCase(name: "repeated", sigma: [2, 2, 2, 1, 1], rows: 7, columns: 5),
    SVDCase(name: "zero singular values (rank 2 of 5)", sigma: [4, 1], rows: 5, columns: 5),
    SVDCase(name: "rank deficient wide (rank 3 of 6)", sigma: [1, 1e-3, 1e-6], rows: 6, columns: 9),
    SVDCase(name: "small singular values 1e-8, 1e-13", sigma: [1, 0.5, 1e-8, 1e-13], rows: 8, columns: 4),
    SVDCase(name: "1×1", sigma: [3], rows: 1, columns: 1),
    SVDCase(name: "row vector", sigma: [2], rows: 1, columns: 5),
]

/// Documented absolute accuracy c·√(mn)·ε·‖A‖₂ with c = 4, plus the rounding in building
/// U·Σ·Vᵀ (≈ 2k·ε·‖A‖ per entry): c = 8 here.
private func sigmaBound(_ m: Int, _ n: Int, norm: Double) -> Double {
    8 * Double(m * n).squareRoot() * machineEpsilon * norm
}

@Suite("SingularValueDecomposition")
struct SingularValueDecompositionTests {
    @Test("known singular values; A = UΣVᵀ; orthonormal U and V (thin and full)", arguments: svdCases)
    func knownSingularValues(_ c: SVDCase) throws {
        let a = matrixWithSingularValues(c.sigma, rows: c.rows, columns: c.columns, seed: UInt64(c.rows * 31 + c.columns))
        let k = min(c.rows, c.columns)
        let expected = c.sigma + [Double](repeating: 0, count: k - c.sigma.count)
        let norm = c.sigma[0]
        for vectors in [SingularValueDecomposition.Vectors.thin, .full] {
            let svd = try SingularValueDecomposition(a, vectors: vectors)
            #expect(svd.singularValues.count == k)
            for (got, want) in zip(svd.singularValues, expected) {
                #expect(abs(got - want) <= sigmaBound(c.rows, c.columns, norm: norm), "σ = \(got), expected \(want) (\(vectors))")
            }
            let kk = vectors == .thin ? k : nil
            #expect(svd.u.rows == c.rows && svd.u.columns == (kk ?? c.rows))
            #expect(svd.v.rows == c.columns && svd.v.columns == (kk ?? c.columns))
            // Orthonormality to c·n·ε (c = 8: Jacobi rotations plus the QR for tall inputs).
            let size = Double(max(c.rows, c.columns))
            #expect(orthogonalityError(svd.u) <= 8 * size * machineEpsilon, "‖UᵀU − I‖ = \(orthogonalityError(svd.u))")
            #expect(orthogonalityError(svd.v) <= 8 * size * machineEpsilon, "‖VᵀV − I‖ = \(orthogonalityError(svd.v))")
            let sigmaMatrix = Matrix.diagonal(svd.singularValues, rows: svd.u.columns, columns: svd.v.columns)
            let rebuilt = Matrix.product(svd.u * sigmaMatrix, svd.v, transposeB: true)
            #expect(maxDifference(rebuilt, a) <= sigmaBound(c.rows, c.columns, norm: norm), "‖A − UΣVᵀ‖ = \(maxDifference(rebuilt, a))")
        }
        let valuesOnly = try SingularValueDecomposition.singularValues(of: a)
        for (got, want) in zip(valuesOnly, expected) { #expect(abs(got - want) <= sigmaBound(c.rows, c.columns, norm: norm)) }
    }

    @Test("agrees with ±σ from the eigenvalues of [[0, A], [Aᵀ, 0]] (independent route)",
          arguments: [(5, 5), (9, 4), (3, 8)])
    func againstAugmentedEigen(m: Int, n: Int) throws {
        var g = SeededGenerator(seed: UInt64(m * 100 + n))
        let a = g.gaussianMatrix(rows: m, columns: n)
        let svd = try SingularValueDecomposition.singularValues(of: a)
        let reference = try singularValuesByAugmentedEigen(a)
        // Both absolute-accurate: the sum of the two bounds, 8·(m + n)·ε·‖A‖.
        for (x, y) in zip(svd, reference) { #expect(abs(x - y) <= 8 * Double(m + n) * machineEpsilon * svd[0], "\(x) vs \(y)") }
    }

    @Test("small singular values are not lost (eigenvalues of AᵀA would lose everything below √ε·‖A‖)")
    func smallSingularValuesAccurate() throws {
        let sigma = [1.0, 1e-10, 1e-14]
        let a = matrixWithSingularValues(sigma, rows: 6, columns: 3, seed: 12)
        let svd = try SingularValueDecomposition.singularValues(of: a)
        // Absolute accuracy c·√(mn)·ε·‖A‖ ≈ 1e-14: σ₃ = 1e-14 itself is at that level, σ₂ = 1e-10
        // to 4 digits.
        #expect(abs(svd[1] - 1e-10) <= sigmaBound(6, 3, norm: 1), "σ₂ = \(svd[1])")
        #expect(abs(svd[2] - 1e-14) <= sigmaBound(6, 3, norm: 1), "σ₃ = \(svd[2])")
        // Negative control: √λ(AᵀA) has absolute error ~√(ε·‖A‖²) ≈ 1e-8 and so misses σ₂ = 1e-10
        // entirely, by far more than the SVD's error.
        let gram = try SymmetricEigendecomposition.eigenvalues(of: Matrix.product(a, transposeA: true, a))
        let squared = gram.reversed().map { max($0, 0).squareRoot() }
        #expect(abs(squared[1] - 1e-10) > 100 * abs(svd[1] - 1e-10), "squaring the matrix should have lost σ₂: \(squared[1])")
    }

    @Test("column scaling 1e±150: every singular value relative to itself (Demmel–Veselić)")
    func gradedColumns() throws {
        var g = SeededGenerator(seed: 21)
        let b = g.gaussianMatrix(rows: 6, columns: 4)
        let d = [1e150, 1e50, 1e-50, 1e-150]
        let a = b * Matrix.diagonal(d)
        let sigma = try SingularValueDecomposition(a).singularValues
        let sb = try SingularValueDecomposition.singularValues(of: b)
        // σᵢ(B·D) ∈ [σ_min(B)·dᵢ, σ_max(B)·dᵢ] (Horn & Johnson, Topics, Thm 3.3.16); 1e-12 relative
        // slack for rounding.
        for i in 0..<4 {
            #expect(sigma[i] >= sb.last! * d[i] * (1 - 1e-12) && sigma[i] <= sb[0] * d[i] * (1 + 1e-12),
                    "σ\(i) = \(sigma[i]) outside [\(sb.last! * d[i]), \(sb[0] * d[i])]")
        }
    }

    @Test("NaN input throws; empty shapes")
    func edgeCases() throws {
        #expect(throws: NumericError.self) { try SingularValueDecomposition(Matrix([[1, .nan]])) }
        let empty = try SingularValueDecomposition(Matrix(rows: 3, columns: 0))
        #expect(empty.singularValues.isEmpty)
        let zero = try SingularValueDecomposition(Matrix(rows: 3, columns: 2), vectors: .full)
        #expect(zero.singularValues == [0, 0])
        #expect(orthogonalityError(zero.u) <= 4 * machineEpsilon && orthogonalityError(zero.v) <= 4 * machineEpsilon)
    }
}
