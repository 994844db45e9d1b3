import Testing
@testable import EOSCore

/// Spectrum with a cluster at the top: 10, 10, 9.999, 9.9, then `rest` values spread in [−5, 9].
private func clusteredSpectrum(rest: Int) -> [Double] {
    [10, 10, 9.999, 9.9] + (0..<rest).map { -5 + 14 * Double($0) / Double(rest) }
}

@Suite("Lanczos")
struct LanczosTests {
    @Test("top-k on a clustered spectrum (10, 10, 9.999, 9.9, …) agrees with the dense solver", arguments: [1, 2, 3, 4])
    func clusteredTopK(k: Int) throws {
        let spectrum = clusteredSpectrum(rest: 116)        // n = 120
        let a = symmetricMatrix(spectrum: spectrum, seed: 31)
        let dense = try SymmetricEigendecomposition.eigenvalues(of: a).reversed().prefix(k)
        let result = try Lanczos.eigenpairs(count: k, dimension: a.rows, seed: 5) { a * $0 }
        #expect(result.values.count == k)
        for (i, (got, want)) in zip(result.values, dense).enumerated() {
            // Residual ≤ 1e-10·‖A‖ gives |λ − λ_true| ≤ 1e-9; the dense values are within 1e-12.
            #expect(abs(got - want) <= 1e-9 * 10, "λ\(i) = \(got), dense \(want)")
            #expect(result.residuals[i] <= 1e-8, "residual \(result.residuals[i])")
        }
        // The vectors are orthonormal (eigenvectors of a symmetric operator, from one orthonormal basis).
        for i in 0..<k {
            for j in 0..<k {
                let dot = result.vectors[i].dot(result.vectors[j])
                #expect(abs(dot - (i == j ? 1 : 0)) <= 1e-8, "⟨v\(i), v\(j)⟩ = \(dot)")
            }
        }
    }

    @Test("a triple top eigenvalue is found three times (confirmation runs)")
    func tripleEigenvalue() throws {
        let spectrum = [7, 7, 7] + (0..<57).map { Double($0) / 10 }
        let a = symmetricMatrix(spectrum: spectrum, seed: 33)
        let result = try Lanczos.eigenpairs(count: 4, dimension: a.rows, seed: 1) { a * $0 }
        for i in 0..<3 { #expect(abs(result.values[i] - 7) <= 1e-9, "λ\(i) = \(result.values[i])") }
        #expect(abs(result.values[3] - 5.6) <= 1e-9, "λ3 = \(result.values[3])")
    }

    @Test("two-level spectrum (7 ×3, 1 ×57): the Krylov space is 2-dimensional, confirmation recovers the copies")
    func twoLevelSpectrum() throws {
        let a = symmetricMatrix(spectrum: [7, 7, 7] + [Double](repeating: 1, count: 57), seed: 36)
        let confirmed = try Lanczos.eigenpairs(count: 4, dimension: a.rows, seed: 1) { a * $0 }
        for (got, want) in zip(confirmed.values, [7.0, 7, 7, 1]) {
            // Exact invariant subspaces: rounding only, 1e-12 for ‖A‖ = 7.
            #expect(abs(got - want) <= 1e-12, "\(confirmed.values)")
        }
        // Negative control: without the confirmation the single Krylov space span{q, Aq} holds one
        // direction of the 7-eigenspace, so the second value reported is 1, not 7.
        let single = try Lanczos.eigenpairs(count: 2, dimension: a.rows, seed: 1, confirm: false) { a * $0 }
        #expect(abs(single.values[1] - 1) <= 1e-12, "without confirmation the second copy should be missed: \(single.values)")
    }

    @Test("largest magnitude and smallest algebraic ends")
    func otherTargets() throws {
        let spectrum = [-12, -11.5, 3, 2, 1] + (0..<45).map { -10 + 20 * Double($0) / 45 }
        let a = symmetricMatrix(spectrum: spectrum, seed: 34)
        let magnitude = try Lanczos.eigenpairs(count: 2, dimension: a.rows, target: .largestMagnitude, seed: 2) { a * $0 }
        #expect(abs(magnitude.values[0] + 12) <= 1e-9 && abs(magnitude.values[1] + 11.5) <= 1e-9, "\(magnitude.values)")
        let smallest = try Lanczos.eigenpairs(count: 1, dimension: a.rows, target: .smallestAlgebraic, seed: 2) { a * $0 }
        #expect(abs(smallest.values[0] + 12) <= 1e-9)
        let largest = try Lanczos.eigenpairs(count: 1, dimension: a.rows, seed: 2) { a * $0 }
        // The largest algebraic eigenvalue is the largest of the spread values or 3.
        let expected = spectrum.max()!
        #expect(abs(largest.values[0] - expected) <= 1e-9, "\(largest.values[0]) vs \(expected)")
    }

    @Test("small n, k = n, zero and rank-one operators (invariant Krylov spaces)")
    func degenerateOperators() throws {
        let a = Matrix([[2, 1, 0], [1, 2, 0], [0, 0, -1]])
        let all = try Lanczos.eigenpairs(count: 3, dimension: 3, seed: 0) { a * $0 }
        #expect(zip(all.values, [3.0, 1, -1]).allSatisfy { abs($0 - $1) <= 1e-12 }, "\(all.values)")
        let zero = try Lanczos.eigenpairs(count: 2, dimension: 10, seed: 0) { _ in [Double](repeating: 0, count: 10) }
        #expect(zero.values == [0, 0])
        let u = (0..<30).map { Double($0 % 7) - 3 }
        let uu = u.dot(u)
        let rankOne = try Lanczos.eigenpairs(count: 2, dimension: 30, seed: 4) { x in u.map { $0 * u.dot(x) } }
        #expect(abs(rankOne.values[0] - uu) <= 1e-12 * uu && abs(rankOne.values[1]) <= 1e-12 * uu, "\(rankOne.values)")
    }

    @Test("deterministic per seed; operator returning NaN throws")
    func determinismAndNaN() throws {
        let a = symmetricMatrix(spectrum: (0..<40).map { Double($0) }, seed: 35)
        let r1 = try Lanczos.eigenpairs(count: 2, dimension: 40, seed: 9) { a * $0 }
        let r2 = try Lanczos.eigenpairs(count: 2, dimension: 40, seed: 9) { a * $0 }
        #expect(r1.values == r2.values && r1.vectors == r2.vectors && r1.matrixVectorProducts == r2.matrixVectorProducts)
        #expect(throws: NumericError.self) {
            try Lanczos.eigenpairs(count: 1, dimension: 5, seed: 0) { _ in [.nan, 0, 0, 0, 0] }
        }
    }

    @Test("thick restarts: small basis on a 400-dimensional operator still converges")
    func thickRestart() throws {
        let n = 400
        // Diagonal operator with a slow-converging top gap: 1, 0.999, 0.998, then [0, 0.99].
        let d = [1, 0.999, 0.998] + (0..<(n - 3)).map { 0.99 * Double($0) / Double(n - 4) }
        let result = try Lanczos.eigenpairs(count: 3, dimension: n, seed: 3, maxBasisSize: 30) { x in
            zip(d, x).map { $0 * $1 }
        }
        for (got, want) in zip(result.values, [1, 0.999, 0.998]) { #expect(abs(got - want) <= 1e-9, "\(result.values)") }
    }
}
