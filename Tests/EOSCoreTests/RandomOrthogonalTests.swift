import Testing
@testable import EOSCore

@Suite("RandomOrthogonal")
struct RandomOrthogonalTests {
    @Test("QᵀQ = I and QQᵀ = I", arguments: [1, 2, 5, 17, 40])
    func orthogonality(n: Int) {
        let q = RandomOrthogonal.matrix(n, seed: UInt64(n))
        // Householder QR: ‖QᵀQ − I‖ ≤ c·n²·ε; c = 4.
        #expect(orthogonalityError(q) <= 4 * Double(n * n) * machineEpsilon)
        #expect(orthogonalityError(q.transposed) <= 4 * Double(n * n) * machineEpsilon)
    }

    @Test("same seed, same matrix; different seed, different matrix")
    func determinism() {
        let a = RandomOrthogonal.matrix(6, seed: 42), b = RandomOrthogonal.matrix(6, seed: 42)
        let c = RandomOrthogonal.matrix(6, seed: 43)
        #expect(a == b)
        #expect(maxDifference(a, c) > 0.1)
    }

    @Test("equals the unique positive-diagonal QR factor (Gram–Schmidt) of the same Gaussian matrix")
    func signFixedAgainstGramSchmidt() {
        var g1 = SeededGenerator(seed: 77), g2 = SeededGenerator(seed: 77)
        let q = RandomOrthogonal.matrix(rows: 9, columns: 5, using: &g1)
        let gaussian = g2.gaussianMatrix(rows: 9, columns: 5)
        let reference = gramSchmidtQ(gaussian)
        // QR with diag(R) > 0 is unique for full rank; both routes stable (κ(G) ≈ 4): 1e-13.
        #expect(maxDifference(q, reference) <= 1e-13)
    }

    @Test("Haar moments: E[Q₀₀] = 0 and E[Q₀₀²] = 1/n")
    func haarMoments() {
        // Q₀₀ = g₀₀/‖g₀‖ for Haar Q: mean 0, second moment 1/n. Without the sign fix Householder
        // gives Q₀₀ ≤ 0 always (mean ≈ −0.46 for n = 4), so this fails if the fix is missing.
        let n = 4, samples = 2000
        var g = SeededGenerator(seed: 2024)
        var sum = 0.0, sumSquares = 0.0
        for _ in 0..<samples {
            let x = RandomOrthogonal.matrix(n, using: &g)[0, 0]
            sum += x; sumSquares += x * x
        }
        let mean = sum / Double(samples), second = sumSquares / Double(samples)
        // sd(Q₀₀) = 1/√n = 0.5 → sd of the mean 0.011; sd(Q₀₀²) = 0.25 → 0.0056. 5σ bounds.
        #expect(abs(mean) <= 5 * 0.5 / Double(samples).squareRoot(), "mean \(mean)")
        #expect(abs(second - 1 / Double(n)) <= 5 * 0.25 / Double(samples).squareRoot(), "E[Q²] \(second)")
    }
}
