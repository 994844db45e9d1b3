import EOSCore

/// Small dense linear-algebra utilities the MPDLN checks need and the core did not yet have
/// when they were written (a symmetric eigensolver and random orthogonal frames). They are
/// kept here, under an `MPDLN` prefix, so they can be moved into EOSCore later.
enum MPDLNLinearAlgebra {
    /// The eigen-decomposition A = Q diag(λ) Qᵀ of a symmetric matrix by the cyclic Jacobi
    /// method (Golub & Van Loan, *Matrix Computations*, 4th ed., §8.5.2–8.5.3).
    ///
    /// Each rotation zeroes one off-diagonal pair exactly (in exact arithmetic); sweeps repeat
    /// until the off-diagonal Frobenius mass is below 1e-15 · ‖A‖_F (after which every
    /// eigenvalue is within about n·ε·‖A‖_F of the exact one, since the Jacobi method is
    /// backward stable and, for off-diagonal mass δ, |λ̃ − λ| ≤ δ by Weyl's inequality).
    ///
    /// - Returns: the eigenvalues in ascending order and the matching orthonormal eigenvectors
    ///   (`vectors[j]` belongs to `values[j]`).
    /// - Precondition: `a` is square; only its symmetric part ½(A + Aᵀ) is used.
    /// - Complexity: O(n³) per sweep, typically 6–10 sweeps.
    static func symmetricEigen(_ a: Matrix) -> (values: [Double], vectors: [[Double]]) {
        precondition(a.isSquare, "symmetricEigen needs a square matrix")
        let n = a.rows
        var m = a.symmetrized.storage
        var q = Matrix.identity(n).storage
        let scale = max(a.frobeniusNorm, Double.leastNormalMagnitude)
        m.withUnsafeMutableBufferPointer { mp in
            q.withUnsafeMutableBufferPointer { qp in
                for _ in 0..<100 {
                    var off = 0.0
                    for i in 0..<n { for j in (i + 1)..<max(n, i + 1) { off += 2 * mp[i * n + j] * mp[i * n + j] } }
                    if off.squareRoot() <= 1e-15 * scale { break }
                    for p in 0..<n {
                        for r in (p + 1)..<max(n, p + 1) {
                            let apr = mp[p * n + r]
                            if abs(apr) <= 1e-300 { continue }
                            let app = mp[p * n + p], arr = mp[r * n + r]
                            // Rotation angle from cot 2θ = (a_rr − a_pp) / (2 a_pr), smaller root.
                            let tau = (arr - app) / (2 * apr)
                            let t = (tau >= 0 ? 1.0 : -1.0) / (abs(tau) + (1 + tau * tau).squareRoot())
                            let c = 1 / (1 + t * t).squareRoot(), s = t * c
                            for k in 0..<n {
                                let akp = mp[k * n + p], akr = mp[k * n + r]
                                mp[k * n + p] = c * akp - s * akr
                                mp[k * n + r] = s * akp + c * akr
                            }
                            for k in 0..<n {
                                let apk = mp[p * n + k], ark = mp[r * n + k]
                                mp[p * n + k] = c * apk - s * ark
                                mp[r * n + k] = s * apk + c * ark
                            }
                            for k in 0..<n {
                                let qkp = qp[k * n + p], qkr = qp[k * n + r]
                                qp[k * n + p] = c * qkp - s * qkr
                                qp[k * n + r] = s * qkp + c * qkr
                            }
                        }
                    }
                }
            }
        }
        let order = (0..<n).sorted { m[$0 * n + $0] < m[$1 * n + $1] }
        let values = order.map { m[$0 * n + $0] }
        let vectors = order.map { j in (0..<n).map { q[$0 * n + j] } }
        return (values, vectors)
    }

    /// A random n × n orthogonal matrix: modified Gram–Schmidt (applied twice, which makes the
    /// columns orthonormal to working precision) on a Gaussian matrix from `generator`.
    static func randomOrthogonal(_ n: Int, using generator: inout SeededGenerator) -> Matrix {
        var columns = (0..<n).map { _ in generator.gaussianVector(n) }
        for j in 0..<n {
            for _ in 0..<2 {
                for i in 0..<j {
                    let p = columns[j].dot(columns[i])
                    for k in 0..<n { columns[j][k] -= p * columns[i][k] }
                }
            }
            let norm = columns[j].euclideanNorm
            for k in 0..<n { columns[j][k] /= norm }
        }
        var q = Matrix(rows: n, columns: n)
        for j in 0..<n { q.setColumn(j, columns[j]) }
        return q
    }

    /// u vᵀ as a matrix.
    static func outer(_ u: [Double], _ v: [Double]) -> Matrix {
        var m = Matrix(rows: u.count, columns: v.count)
        for i in 0..<u.count { for j in 0..<v.count { m.storage[i * v.count + j] = u[i] * v[j] } }
        return m
    }
}
