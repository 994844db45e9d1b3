/// Haar-distributed random orthogonal matrices (and matrices with orthonormal columns).
///
/// If G is m×n with independent N(0, 1) entries and G = Q·R is its QR factorization with the
/// signs fixed so that diag(R) > 0, then Q is distributed according to the Haar (uniform)
/// measure on the orthogonal group O(n) (m = n), or on the Stiefel manifold of m×n matrices
/// with orthonormal columns (Mezzadri, "How to generate random matrices from the classical
/// compact groups", Notices AMS 54 (2007), §5). The sign fix Q ← Q·diag(sign r_jj) is what makes
/// the distribution Haar: Householder QR alone returns an R with arbitrary diagonal signs.
///
/// Deterministic: the same generator state gives the same matrix on every platform (the
/// Gaussian entries are drawn row by row from `SeededGenerator.gaussianMatrix`).
/// Orthogonality holds to ‖QᵀQ − I‖ ≤ c·m·n·ε (backward stable Householder QR).
public enum RandomOrthogonal {
    /// A Haar-random n×n orthogonal matrix drawn from `generator`.
    public static func matrix(_ n: Int, using generator: inout SeededGenerator) -> Matrix {
        matrix(rows: n, columns: n, using: &generator)
    }

    /// A Haar-random n×n orthogonal matrix from a fresh `SeededGenerator(seed:)`.
    public static func matrix(_ n: Int, seed: UInt64) -> Matrix {
        var g = SeededGenerator(seed: seed)
        return matrix(n, using: &g)
    }

    /// A Haar-random m×n matrix with orthonormal columns (m ≥ n) drawn from `generator`.
    public static func matrix(rows m: Int, columns n: Int,
                              using generator: inout SeededGenerator) -> Matrix {
        precondition(m >= n && n >= 0, "RandomOrthogonal needs rows ≥ columns ≥ 0")
        let qr = QRDecomposition(generator.gaussianMatrix(rows: m, columns: n))
        var q = qr.thinQ
        let signs = qr.r.diagonalEntries.map { $0 < 0 ? -1.0 : 1.0 }
        for i in 0..<m { for j in 0..<n { q.storage[i * n + j] *= signs[j] } }
        return q
    }
}
