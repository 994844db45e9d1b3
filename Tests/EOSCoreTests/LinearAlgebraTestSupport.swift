import Testing
@testable import EOSCore

/// Shared helpers of the linear-algebra tests. ε is the unit roundoff of Double (2.2e-16).
let machineEpsilon = Double.ulpOfOne

/// ‖QᵀQ − I‖_max for a matrix whose columns should be orthonormal.
func orthogonalityError(_ q: Matrix) -> Double {
    (Matrix.product(q, transposeA: true, q) - Matrix.identity(q.columns)).maxAbs
}

/// ‖A − B‖_max.
func maxDifference(_ a: Matrix, _ b: Matrix) -> Double { (a - b).maxAbs }

/// Q·diag(λ)·Qᵀ with a Haar-random Q: a symmetric matrix with exactly known spectrum (up to the
/// rounding of the two products, ≤ 2n·ε·max|λ| per entry).
func symmetricMatrix(spectrum: [Double], seed: UInt64) -> Matrix {
    let q = RandomOrthogonal.matrix(spectrum.count, seed: seed)
    return (q * Matrix.diagonal(spectrum) * q.transposed).symmetrized
}

/// U·diag(σ)·Vᵀ (m×n) with Haar-random orthonormal U (m×k), V (n×k), k = σ.count ≤ min(m, n).
func matrixWithSingularValues(_ sigma: [Double], rows m: Int, columns n: Int, seed: UInt64) -> Matrix {
    var g = SeededGenerator(seed: seed)
    let u = RandomOrthogonal.matrix(rows: m, columns: sigma.count, using: &g)
    let v = RandomOrthogonal.matrix(rows: n, columns: sigma.count, using: &g)
    return Matrix.product(u * Matrix.diagonal(sigma), v, transposeB: true)
}

/// The singular values of A (descending) by an independent route: the eigenvalues of the
/// symmetric augmented matrix [[0, A], [Aᵀ, 0]] are ±σᵢ (and |m − n| zeros). Absolute accuracy
/// c·(m + n)·ε·‖A‖ (backward stable symmetric eigensolver), no squaring of A.
func singularValuesByAugmentedEigen(_ a: Matrix) throws -> [Double] {
    let m = a.rows, n = a.columns, s = m + n
    var b = Matrix(rows: s, columns: s)
    for i in 0..<m {
        for j in 0..<n { b[i, m + j] = a[i, j]; b[m + j, i] = a[i, j] }
    }
    let values = try SymmetricEigendecomposition.eigenvalues(of: b)
    return Array(values.reversed().prefix(min(m, n))).map { max($0, 0) }
}

/// The cyclic Jacobi eigenvalue method (Golub & Van Loan §8.5.3), written here as an
/// independent reference: rotations zero one off-diagonal pair at a time until the off-diagonal
/// Frobenius mass is below 1e-15·‖A‖_F. Returns ascending eigenvalues and eigenvector columns.
/// O(n³) per sweep at -Onone: keep n ≤ ~40 in tests.
func cyclicJacobi(_ input: Matrix) -> (values: [Double], vectors: Matrix) {
    let n = input.rows
    var a = input.symmetrized.storage
    var v = Matrix.identity(n).storage
    let scale = max(input.frobeniusNorm, .leastNormalMagnitude)
    for _ in 0..<100 {
        var off = 0.0
        for i in 0..<n { for j in 0..<n where i != j { off += a[i * n + j] * a[i * n + j] } }
        if off.squareRoot() <= 1e-15 * scale { break }
        for p in 0..<n {
            for q in (p + 1)..<max(n, p + 1) where a[p * n + q] != 0 {
                let theta = (a[q * n + q] - a[p * n + p]) / (2 * a[p * n + q])
                let t = (theta >= 0 ? 1.0 : -1.0) / (abs(theta) + (theta * theta + 1).squareRoot())
                let c = 1 / (t * t + 1).squareRoot(), s = t * c
                for k in 0..<n {
                    let akp = a[k * n + p], akq = a[k * n + q]
                    a[k * n + p] = c * akp - s * akq; a[k * n + q] = s * akp + c * akq
                }
                for k in 0..<n {
                    let apk = a[p * n + k], aqk = a[q * n + k]
                    a[p * n + k] = c * apk - s * aqk; a[q * n + k] = s * apk + c * aqk
                }
                for k in 0..<n {
                    let vkp = v[k * n + p], vkq = v[k * n + q]
                    v[k * n + p] = c * vkp - s * vkq; v[k * n + q] = s * vkp + c * vkq
                }
            }
        }
    }
    let order = (0..<n).sorted { a[$0 * n + $0] < a[$1 * n + $1] }
    var vectors = Matrix(rows: n, columns: n)
    for (j, old) in order.enumerated() { for i in 0..<n { vectors[i, j] = v[i * n + old] } }
    return (order.map { a[$0 * n + $0] }, vectors)
}

/// Modified Gram–Schmidt QR with positive diag(R), applied twice per column (reorthogonalized):
/// the unique QR of a full-rank matrix, as an independent reference for the Householder code.
func gramSchmidtQ(_ a: Matrix) -> Matrix {
    let m = a.rows, n = a.columns
    var cols = (0..<n).map { a.column($0) }
    for j in 0..<n {
        for _ in 0..<2 {
            for i in 0..<j {
                let p = cols[j].dot(cols[i])
                for k in 0..<m { cols[j][k] -= p * cols[i][k] }
            }
        }
        let norm = cols[j].euclideanNorm
        for k in 0..<m { cols[j][k] /= norm }
    }
    var q = Matrix(rows: m, columns: n)
    for j in 0..<n { q.setColumn(j, cols[j]) }
    return q
}
