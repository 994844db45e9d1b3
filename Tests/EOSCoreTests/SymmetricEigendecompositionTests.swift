import Testing
@testable import EOSCore

struct SpectrumCase: CustomTestStringConvertible, Sendable {
    let name: String
    let spectrum: [Double]
    let seed: UInt64
    var testDescription: String { "\(name) (n = \(spectrum.count), seed \(seed))" }
}

private let spectrumCases: [SpectrumCase] = [
    SpectrumCase(name: "distinct", spectrum: (0..<30).map { Double($0) - 9.5 }, seed: 1),
    SpectrumCase(name: "repeated (1 ×5, 2 ×4, −3 ×3)",
                 spectrum: [1, 1, 1, 1, 1, 2, 2, 2, 2, -3, -3, -3], seed: 2),
    SpectrumCase(name: "zero eigenvalues (rank 3 of 10)", spectrum: [0, 0, 0, 0, 0, 0, 0, 4, -1, 2.5], seed: 3),
    SpectrumCase(name: "clustered (10, 10, 9.999, 9.9, …)", spectrum: [10, 10, 9.999, 9.9, 5, 1, 0.5, -2], seed: 4),
    SpectrumCase(name: "all equal", spectrum: [3, 3, 3, 3, 3, 3], seed: 5),
    SpectrumCase(name: "graded 1e±8", spectrum: [1e8, 1e4, 1, 1e-4, 1e-8, -1e8], seed: 6),
    SpectrumCase(name: "n = 1", spectrum: [-7], seed: 7),
    SpectrumCase(name: "n = 2", spectrum: [1, 1 + 1e-12], seed: 8),
]

/// The documented bound |λ̂ − λ| ≤ c·n·ε·‖A‖₂ with c = 4 (plus the rounding in forming Q·Λ·Qᵀ,
/// another 2n·ε·‖A‖: c = 8 total for these test matrices).
private func eigenvalueBound(n: Int, norm: Double) -> Double { 8 * Double(max(n, 2)) * machineEpsilon * norm }

@Suite("SymmetricEigendecomposition")
struct SymmetricEigendecompositionTests {
    @Test("known spectrum Q·diag(λ)·Qᵀ: eigenvalues, orthonormal vectors, small residual", arguments: spectrumCases)
    func knownSpectrum(_ c: SpectrumCase) throws {
        let a = symmetricMatrix(spectrum: c.spectrum, seed: c.seed)
        let n = c.spectrum.count
        let norm = c.spectrum.map(abs).max()!
        let eig = try SymmetricEigendecomposition(a)
        let expected = c.spectrum.sorted()
        for (got, want) in zip(eig.eigenvalues, expected) {
            #expect(abs(got - want) <= eigenvalueBound(n: n, norm: norm), "λ = \(got), expected \(want)")
        }
        let v = eig.eigenvectors
        #expect(orthogonalityError(v) <= 4 * Double(n) * machineEpsilon, "‖VᵀV − I‖ = \(orthogonalityError(v))")
        let residual = maxDifference(a * v, v * Matrix.diagonal(eig.eigenvalues))
        #expect(residual <= eigenvalueBound(n: n, norm: norm), "‖AV − VΛ‖ = \(residual)")
        // Values-only path gives the same values (the same QL on the same tridiagonal).
        let valuesOnly = try SymmetricEigendecomposition.eigenvalues(of: a)
        for (x, y) in zip(valuesOnly, eig.eigenvalues) { #expect(abs(x - y) <= eigenvalueBound(n: n, norm: norm)) }
    }

    @Test("2×2 closed form λ = (a + c)/2 ± √(((a − c)/2)² + b²)",
          arguments: [(1.0, 2.0, 3.0), (0.0, 1.0, 0.0), (5.0, 1e-9, 5.0), (-2.0, 0.0, 7.0), (1e100, 3e99, -2e100)])
    func twoByTwo(a: Double, b: Double, c: Double) throws {
        let eig = try SymmetricEigendecomposition(Matrix([[a, b], [b, c]]))
        let mid = (a + c) / 2, radius = (((a - c) / 2) * ((a - c) / 2) + b * b).squareRoot()
        let scale = max(abs(a), abs(b), abs(c))
        // A handful of roundings: 8ε·max|aᵢⱼ|.
        #expect(abs(eig.eigenvalues[0] - (mid - radius)) <= 8 * machineEpsilon * scale)
        #expect(abs(eig.eigenvalues[1] - (mid + radius)) <= 8 * machineEpsilon * scale)
    }

    @Test("agrees with cyclic Jacobi (independent method) on random symmetric matrices", arguments: [3, 12, 25])
    func againstJacobi(n: Int) throws {
        var g = SeededGenerator(seed: UInt64(100 + n))
        let a = g.gaussianMatrix(rows: n, columns: n).symmetrized
        let eig = try SymmetricEigendecomposition(a)
        let jacobi = cyclicJacobi(a)
        let norm = max(abs(jacobi.values.first!), abs(jacobi.values.last!))
        for (x, y) in zip(eig.eigenvalues, jacobi.values) {
            // Both backward stable: the sum of the two bounds.
            #expect(abs(x - y) <= 2 * eigenvalueBound(n: n, norm: norm), "QL \(x) vs Jacobi \(y)")
        }
        // Eigenvectors agree up to sign (the spectrum of a Gaussian matrix is well separated here:
        // the angle error is ≤ n·ε·‖A‖/gap).
        let gap = zip(jacobi.values.dropFirst(), jacobi.values).map { $0 - $1 }.min()!
        for j in 0..<n {
            let x = eig.eigenvector(j), y = jacobi.vectors.column(j)
            let cosine = abs(x.dot(y))
            #expect(1 - cosine <= 100 * Double(n) * machineEpsilon * norm / gap, "vector \(j): |cos| = \(cosine), gap \(gap)")
        }
    }

    @Test("diagonal and tridiagonal inputs, n = 0, and the symmetric part of a non-symmetric input")
    func edgeCases() throws {
        let diag = try SymmetricEigendecomposition(Matrix.diagonal([3, -1, 2, 0]))
        #expect(diag.eigenvalues == [-1, 0, 2, 3])
        // Tridiagonal Toeplitz (2, −1): λ_k = 2 − 2cos(kπ/(n+1)), k = 1…n (closed form).
        let n = 20
        var t = Matrix(rows: n, columns: n)
        for i in 0..<n { t[i, i] = 2; if i + 1 < n { t[i, i + 1] = -1; t[i + 1, i] = -1 } }
        let values = try SymmetricEigendecomposition.eigenvalues(of: t)
        for k in 1...n {
            let exact = 2 - 2 * _cos(Double(k) * Double.pi / Double(n + 1))
            #expect(abs(values[k - 1] - exact) <= eigenvalueBound(n: n, norm: 4))
        }
        #expect(try SymmetricEigendecomposition(Matrix(rows: 0, columns: 0)).eigenvalues.isEmpty)
        // Only ½(A + Aᵀ) is used: [[1, 2], [0, 1]] → [[1, 1], [1, 1]], λ = 0, 2.
        let sym = try SymmetricEigendecomposition(Matrix([[1, 2], [0, 1]]))
        #expect(abs(sym.eigenvalues[0]) <= 4 * machineEpsilon && abs(sym.eigenvalues[1] - 2) <= 4 * machineEpsilon)
    }

    @Test("NaN or ∞ input throws instead of returning garbage")
    func nonFinite() {
        #expect(throws: NumericError.self) { try SymmetricEigendecomposition(Matrix([[1, .nan], [.nan, 1]])) }
        #expect(throws: NumericError.self) { try SymmetricEigendecomposition.eigenvalues(of: Matrix([[.infinity]])) }
    }

    @Test("200×200 random symmetric: residual and orthogonality at n·ε")
    func mediumSize() throws {
        let n = 200
        var g = SeededGenerator(seed: 200)
        let a = g.gaussianMatrix(rows: n, columns: n).symmetrized
        let eig = try SymmetricEigendecomposition(a)
        let v = eig.eigenvectors
        let norm = max(abs(eig.eigenvalues.first!), abs(eig.eigenvalues.last!))
        #expect(orthogonalityError(v) <= 4 * Double(n) * machineEpsilon)
        #expect(maxDifference(a * v, v * Matrix.diagonal(eig.eigenvalues)) <= eigenvalueBound(n: n, norm: norm))
        // Trace = Σλ (exact identity; rounding of n terms).
        #expect(abs(a.trace - eig.eigenvalues.reduce(0, +)) <= Double(n) * eigenvalueBound(n: n, norm: norm))
    }
}
