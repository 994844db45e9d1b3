import Testing
@testable import EOSCore

struct QRCase: CustomTestStringConvertible, Sendable {
    let name: String
    let matrix: Matrix
    var testDescription: String { "\(name) \(matrix.rows)×\(matrix.columns)" }
}

private func qrCases() -> [QRCase] {
    var g = SeededGenerator(seed: 11)
    let tall = g.gaussianMatrix(rows: 9, columns: 4)
    let square = g.gaussianMatrix(rows: 6, columns: 6)
    let column = g.gaussianMatrix(rows: 5, columns: 1)
    var deficient = g.gaussianMatrix(rows: 7, columns: 4)
    deficient.setColumn(2, deficient.column(0).map { 2 * $0 })   // rank 3
    var withZero = g.gaussianMatrix(rows: 5, columns: 3)
    withZero.setColumn(1, [0, 0, 0, 0, 0])
    return [
        QRCase(name: "tall Gaussian", matrix: tall),
        QRCase(name: "square Gaussian", matrix: square),
        QRCase(name: "single column", matrix: column),
        QRCase(name: "rank deficient (col 2 = 2·col 0)", matrix: deficient),
        QRCase(name: "zero column", matrix: withZero),
        QRCase(name: "upper triangular already", matrix: Matrix([[2, 1, 1], [0, -3, 1], [0, 0, 4], [0, 0, 0]])),
        QRCase(name: "zero matrix", matrix: Matrix(rows: 4, columns: 3)),
    ]
}

@Suite("QRDecomposition")
struct QRDecompositionTests {
    @Test("QᵀQ = I (thin and full), QR = A, R upper triangular", arguments: qrCases())
    func factorization(_ c: QRCase) {
        let a = c.matrix, qr = QRDecomposition(a)
        let m = a.rows, n = a.columns
        let q = qr.thinQ, full = qr.fullQ, r = qr.r
        #expect(q.rows == m && q.columns == n && full.rows == m && full.columns == m)
        // Backward stability (Higham Thm 19.4): ‖QᵀQ − I‖ ≤ c·m·n·ε; c = 4 leaves room for the
        // constant of the bound while a wrong reflector gives O(1).
        let bound = 4 * Double(m * n) * machineEpsilon
        #expect(orthogonalityError(q) <= bound, "thin QᵀQ − I = \(orthogonalityError(q))")
        #expect(orthogonalityError(full) <= bound, "full QᵀQ − I = \(orthogonalityError(full))")
        let scale = max(a.maxAbs, 1e-300)
        #expect(maxDifference(q * r, a) <= bound * scale, "‖QR − A‖ = \(maxDifference(q * r, a))")
        #expect(maxDifference(full * qr.fullR, a) <= bound * scale)
        for i in 0..<n { for j in 0..<i { #expect(r[i, j] == 0, "R[\(i),\(j)] = \(r[i, j])") } }
        // The first n columns of the full Q are the thin Q.
        for i in 0..<m { for j in 0..<n { #expect(full[i, j] == q[i, j]) } }
    }

    @Test("|r₀₀| = ‖a₀‖ and |r₁₁| = distance of a₁ from span(a₀) (closed forms)")
    func diagonalClosedForm() {
        var g = SeededGenerator(seed: 3)
        let a = g.gaussianMatrix(rows: 8, columns: 3)
        let r = QRDecomposition(a).r
        let a0 = a.column(0), a1 = a.column(1)
        let proj = a1.dot(a0) / a0.dot(a0)
        let dist = zip(a1, a0).map { $0 - proj * $1 }.euclideanNorm
        // A few roundings of O(1) numbers: 1e-14 relative.
        #expect(abs(abs(r[0, 0]) - a0.euclideanNorm) <= 1e-14 * a0.euclideanNorm)
        #expect(abs(abs(r[1, 1]) - dist) <= 1e-14 * a0.euclideanNorm)
    }

    @Test("thin Q agrees with reorthogonalized Gram–Schmidt up to column signs")
    func againstGramSchmidt() {
        var g = SeededGenerator(seed: 5)
        let a = g.gaussianMatrix(rows: 10, columns: 6)
        let qr = QRDecomposition(a)
        let q = qr.thinQ, reference = gramSchmidtQ(a), r = qr.r
        for j in 0..<6 {
            let sign = r[j, j] < 0 ? -1.0 : 1.0
            for i in 0..<10 {
                // Both are backward stable for a well-conditioned A (κ ≈ 5): 1e-13 absolute.
                #expect(abs(sign * q[i, j] - reference[i, j]) <= 1e-13)
            }
        }
    }

    @Test("applyQ and applyQTransposed agree with the explicit full Q")
    func applyOperators() {
        var g = SeededGenerator(seed: 8)
        let qr = QRDecomposition(g.gaussianMatrix(rows: 7, columns: 3))
        let x = g.gaussianVector(7)
        let full = qr.fullQ
        let qx = qr.applyQ(x), qtx = qr.applyQTransposed(x)
        let explicitQx = full * x, explicitQtx = full.transposed * x
        for i in 0..<7 {
            // Same reflections, different association: 1e-14 for O(1) entries.
            #expect(abs(qx[i] - explicitQx[i]) <= 1e-14 * 7)
            #expect(abs(qtx[i] - explicitQtx[i]) <= 1e-14 * 7)
        }
        let back = qr.applyQ(qtx)
        for i in 0..<7 { #expect(abs(back[i] - x[i]) <= 1e-14 * 7) }
    }

    @Test("huge and tiny columns (1e±150): no overflow or underflow")
    func extremeScales() {
        var g = SeededGenerator(seed: 9)
        var a = g.gaussianMatrix(rows: 6, columns: 3)
        for i in 0..<6 { a[i, 0] *= 1e150; a[i, 2] *= 1e-150 }
        let qr = QRDecomposition(a)
        #expect(qr.thinQ.isFinite && qr.r.isFinite)
        #expect(orthogonalityError(qr.thinQ) <= 4 * 18 * machineEpsilon)
        let qrProduct = qr.thinQ * qr.r
        // Columnwise backward stability: each column reproduced relative to its own norm.
        for j in 0..<3 {
            let err = zip(qrProduct.column(j), a.column(j)).map { $0 - $1 }.euclideanNorm
            #expect(err <= 4 * 18 * machineEpsilon * a.column(j).euclideanNorm, "column \(j): \(err)")
        }
    }
}
