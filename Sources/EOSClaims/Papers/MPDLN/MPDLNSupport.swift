import EOSCore

/// Small dense linear-algebra utilities of the MPDLN checks: the symmetric eigensolver is now a
/// wrapper over the core's; the random orthogonal frames keep their own Gram–Schmidt recipe
/// (column-wise Gaussian draws), because the fixtures' frames depend on that exact draw order.
enum MPDLNLinearAlgebra {
    /// The eigen-decomposition A = Q diag(λ) Qᵀ of the symmetric part ½(A + Aᵀ) of a square
    /// matrix, from the core `SymmetricEigendecomposition` (Householder tridiagonalization +
    /// implicit QL, backward stable: every eigenvalue within c·n·ε·‖A‖₂ of the exact one, the
    /// eigenvectors orthonormal to c·n·ε).
    ///
    /// - Returns: the eigenvalues in ascending order and the matching orthonormal eigenvectors
    ///   (`vectors[j]` belongs to `values[j]`); NaN values for a non-finite input.
    /// - Precondition: `a` is square.
    /// - Complexity: ≈ 9n³ flops.
    static func symmetricEigen(_ a: Matrix) -> (values: [Double], vectors: [[Double]]) {
        precondition(a.isSquare, "symmetricEigen needs a square matrix")
        let n = a.rows
        guard let eig = try? SymmetricEigendecomposition(a) else {
            return ([Double](repeating: .nan, count: n), [[Double]](repeating: [Double](repeating: .nan, count: n), count: n))
        }
        return (eig.eigenvalues, (0..<n).map { eig.eigenvector($0) })
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
