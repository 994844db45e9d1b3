/// The Householder QR factorization A = Q·R of an m×n matrix with m ≥ n.
///
/// Column j is reduced by the reflector H_j = I − τ_j v_j v_jᵀ (see `HouseholderReflector`), so
/// H_{n−1}⋯H₀·A = R and Q = H₀H₁⋯H_{n−1}. The thin factors are Q₁ (m×n, orthonormal columns)
/// and R (n×n upper triangular) with A = Q₁R; the full Q is m×m orthogonal and A = Q·[R; 0].
/// R's diagonal may have either sign (LAPACK's convention); |r_jj| is the distance of column j
/// from the span of the previous columns.
///
/// Accuracy (Householder QR is backward stable, Higham, *Accuracy and Stability*, Thm. 19.4):
/// the computed factors satisfy ‖A − Q̂R̂‖_F ≤ c·m·n·ε·‖A‖_F and ‖Q̂ᵀQ̂ − I‖ ≤ c·m·n·ε, with a
/// small constant c, even when A is rank deficient. The reflectors are stored compactly (LAPACK
/// `dgeqr2` layout, column-major internally so every reflector works on unit-stride memory);
/// Q is formed only on request.
///
/// - Complexity: 2n²(m − n/3) flops for the factorization, as much again to form the thin Q.
public struct QRDecomposition: Sendable {
    /// m, the number of rows of A.
    public let rows: Int
    /// n, the number of columns of A.
    public let columns: Int
    /// Column-major m×n: R on and above the diagonal, v_j below it (v_j's leading 1 implicit).
    private let packed: [Double]
    /// τ_j of each reflector (0 when the column was already reduced).
    private let tau: [Double]

    /// Factorizes `a`.
    /// - Precondition: `a.rows >= a.columns`.
    public init(_ a: Matrix) {
        precondition(a.rows >= a.columns, "QRDecomposition needs m ≥ n (got \(a.rows)×\(a.columns))")
        let m = a.rows, n = a.columns
        rows = m
        columns = n
        var work = a.transposed.storage          // row j = column j of A, contiguous
        var taus = [Double](repeating: 0, count: n)
        work.withUnsafeMutableBufferPointer { wp in
            guard let w = wp.baseAddress else { return }
            for j in 0..<n {
                let vj = w + j * m + j
                let t = HouseholderReflector.generate(vj, count: m - j)
                taus[j] = t
                if t == 0 { continue }
                for k in (j + 1)..<Swift.max(n, j + 1) {
                    HouseholderReflector.apply(tau: t, v: vj, to: w + k * m + j, count: m - j)
                }
            }
        }
        packed = work
        tau = taus
    }

    /// The n×n upper-triangular factor R.
    public var r: Matrix {
        let m = rows, n = columns
        var out = Matrix(rows: n, columns: n)
        for i in 0..<n { for j in i..<n { out.storage[i * n + j] = packed[j * m + i] } }
        return out
    }

    /// The m×n upper-trapezoidal R of the full factorization, [R; 0].
    public var fullR: Matrix {
        let m = rows, n = columns
        var out = Matrix(rows: m, columns: n)
        for i in 0..<n { for j in i..<n { out.storage[i * n + j] = packed[j * m + i] } }
        return out
    }

    /// The thin factor Q₁ = first n columns of Q (m×n, Q₁ᵀQ₁ = Iₙ).
    public var thinQ: Matrix { formQ(columns: columns) }

    /// The full orthogonal factor Q (m×m).
    public var fullQ: Matrix { formQ(columns: rows) }

    /// Q·x for a vector of length m (Q the full m×m factor).
    public func applyQ(_ x: [Double]) -> [Double] {
        precondition(x.count == rows, "applyQ: length \(x.count), expected \(rows)")
        var y = x
        let m = rows
        packed.withUnsafeBufferPointer { pp in
            y.withUnsafeMutableBufferPointer { yp in
                for j in stride(from: columns - 1, through: 0, by: -1) {
                    HouseholderReflector.apply(tau: tau[j], v: pp.baseAddress! + j * m + j,
                                               to: yp.baseAddress! + j, count: m - j)
                }
            }
        }
        return y
    }

    /// Qᵀ·x for a vector of length m.
    public func applyQTransposed(_ x: [Double]) -> [Double] {
        precondition(x.count == rows, "applyQTransposed: length \(x.count), expected \(rows)")
        var y = x
        let m = rows
        packed.withUnsafeBufferPointer { pp in
            y.withUnsafeMutableBufferPointer { yp in
                for j in 0..<columns {
                    HouseholderReflector.apply(tau: tau[j], v: pp.baseAddress! + j * m + j,
                                               to: yp.baseAddress! + j, count: m - j)
                }
            }
        }
        return y
    }

    /// The first `k` columns of Q = H₀⋯H_{n−1}, by backward accumulation applied to [I_k; 0]
    /// (LAPACK `dorg2r`): H_j only touches rows ≥ j, so columns < j are still unit vectors when
    /// H_j is applied and are skipped.
    private func formQ(columns k: Int) -> Matrix {
        let m = rows, n = columns
        var q = [Double](repeating: 0, count: k * m)   // column-major: row c = column c of Q
        for c in 0..<k { q[c * m + c] = 1 }
        packed.withUnsafeBufferPointer { pp in
            q.withUnsafeMutableBufferPointer { qp in
                let p = pp.baseAddress!, qb = qp.baseAddress!
                for j in stride(from: n - 1, through: 0, by: -1) {
                    let t = tau[j]
                    if t == 0 { continue }
                    for c in j..<k {
                        HouseholderReflector.apply(tau: t, v: p + j * m + j, to: qb + c * m + j, count: m - j)
                    }
                }
            }
        }
        return Matrix(rows: k, columns: m, storage: q).transposed
    }
}
