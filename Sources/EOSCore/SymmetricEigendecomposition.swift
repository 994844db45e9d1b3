/// The eigendecomposition A = V·diag(λ)·Vᵀ of a real symmetric n×n matrix.
///
/// Method (Golub & Van Loan, *Matrix Computations*, 4th ed., §8.3; LAPACK `dsytd2` + `dsteqr`):
/// 1. Householder tridiagonalization T = QᵀAQ: for k = 0…n−3 the reflector H_k zeroes column k
///    below the subdiagonal and the trailing block is updated by the symmetric rank-2 formula
///    A₂₂ ← A₂₂ − v·wᵀ − w·vᵀ, p = τA₂₂v, w = p − ½τ(pᵀv)v.
/// 2. Implicit QL iteration with Wilkinson shifts on T (the `tql2`/`tqli` algorithm), deflating
///    when |e_m| ≤ ε·(|d_m| + |d_{m+1}|); the Givens rotations are accumulated into Qᵀ.
/// 3. Eigenvalues are sorted ascending, eigenvectors permuted with them.
/// The matrix is first scaled by an exact power of two so that max |aᵢⱼ| ∈ [1, 2), which keeps
/// entries of size 1e±150 (and beyond) free of overflow and underflow.
///
/// Only the symmetric part ½(A + Aᵀ) is used, so a slightly asymmetric finite-difference
/// Hessian is accepted.
///
/// Accuracy (both steps are backward stable, GVL §8.3): the computed λ̂ are the exact
/// eigenvalues of A + E with ‖E‖₂ ≤ c·n·ε·‖A‖₂, hence by Weyl's inequality
/// |λ̂ᵢ − λᵢ| ≤ c·n·ε·‖A‖₂; the eigenvectors are orthonormal to ‖VᵀV − I‖ ≤ c·n·ε, and
/// ‖AV − VΛ‖ ≤ c·n·ε·‖A‖₂. The tests assert c = 8 (which also absorbs the rounding made when
/// forming their test matrices); measured values are far below (≈ 0.03·n·ε·‖A‖ residual,
/// ≈ 0.15·n·ε orthogonality for n = 200…1000). An individual eigenvector is determined only up to
/// sign, and within a cluster of eigenvalues of width δ only the invariant subspace is well
/// defined (angle error ~ n·ε·‖A‖/gap).
///
/// Storage is contiguous throughout (row-major working copy, rotations applied to rows of Qᵀ
/// so every inner loop is unit-stride); nothing is allocated per element.
///
/// - Complexity: ≈ 2n³ flops for the reduction, 4/3·n³ to form Q, ≈ 6n³ for the QL rotations
///   on the vectors (memory-bound: each QL sweep streams all of Qᵀ); values only: the reduction
///   plus O(n²). For n = 1000 that is seconds (values) to ~10 s (vectors) on a shared 2-core
///   machine; for a few extreme eigenpairs of a large Hessian use `Lanczos`.
public struct SymmetricEigendecomposition: Sendable {
    /// The eigenvalues λ₁ ≤ λ₂ ≤ … ≤ λₙ, ascending.
    public let eigenvalues: [Double]
    /// Row j of Vᵀ = eigenvector j, contiguous (n·n doubles).
    private let vectorRows: [Double]

    /// Decomposes the symmetric part of `a`.
    /// - Throws: `NumericError.nonFinite` if `a` has NaN or ±∞ entries,
    ///   `.didNotConverge` if the QL iteration needs more than 30·n sweeps (not observed in practice).
    /// - Precondition: `a` is square.
    public init(_ a: Matrix) throws {
        let (values, rowsOfVT) = try Self.compute(a, vectors: true)
        eigenvalues = values
        vectorRows = rowsOfVT
    }

    /// The eigenvalues of the symmetric part of `a`, ascending, without the eigenvectors
    /// (tridiagonalization plus QL on values only; ~3× faster than the full decomposition).
    public static func eigenvalues(of a: Matrix) throws -> [Double] {
        try compute(a, vectors: false).values
    }

    /// The dimension n.
    public var dimension: Int { eigenvalues.count }

    /// The orthogonal matrix V whose column j is the unit eigenvector for `eigenvalues[j]`.
    public var eigenvectors: Matrix {
        let n = dimension
        return Matrix(rows: n, columns: n, storage: vectorRows).transposed
    }

    /// The unit eigenvector for `eigenvalues[j]` (column j of `eigenvectors`).
    public func eigenvector(_ j: Int) -> [Double] {
        let n = dimension
        return Array(vectorRows[(j * n)..<((j + 1) * n)])
    }

    // MARK: - Implementation

    static func compute(_ input: Matrix, vectors: Bool) throws -> (values: [Double], vectorRows: [Double]) {
        precondition(input.isSquare, "SymmetricEigendecomposition needs a square matrix (got \(input.rows)×\(input.columns))")
        guard input.isFinite else { throw NumericError.nonFinite("SymmetricEigendecomposition: the input contains NaN or ±∞") }
        let n = input.rows
        if n == 0 { return ([], []) }
        let (scale, inverse) = powerOfTwoScale(forMaximum: input.maxAbs)
        // Symmetrize and scale in one pass: a = ½(A + Aᵀ)/2^e.
        var a = [Double](repeating: 0, count: n * n)
        input.storage.withUnsafeBufferPointer { src in
            for i in 0..<n {
                for j in 0..<n { a[i * n + j] = 0.5 * (src[i * n + j] + src[j * n + i]) * inverse }
            }
        }
        var d = [Double](repeating: 0, count: n)
        var e = [Double](repeating: 0, count: n)
        var tau = [Double](repeating: 0, count: n)
        var qt = [Double]()
        a.withUnsafeMutableBufferPointer { ap in
            tridiagonalize(ap.baseAddress!, n: n, d: &d, e: &e, tau: &tau)
        }
        if vectors {
            qt = [Double](repeating: 0, count: n * n)
            a.withUnsafeBufferPointer { ap in
                qt.withUnsafeMutableBufferPointer { qp in
                    formQTransposed(reflectors: ap.baseAddress!, tau: tau, n: n, into: qp.baseAddress!)
                }
            }
        }
        try qt.withUnsafeMutableBufferPointer { qp in
            try tridiagonalQL(d: &d, e: &e, rows: vectors ? qp.baseAddress : nil, rowLength: n)
        }
        for i in 0..<n { d[i] *= scale }
        return (d, qt)
    }

    /// Householder reduction of the full symmetric row-major `a` (n×n) to tridiagonal form:
    /// d = diagonal, e[i] = T[i, i+1] (e[n−1] = 0). Reflector k (acting on indices k+1…n−1) is left
    /// in row k of `a` (v's leading 1 implicit at a[k, k+1]) with τ_k in `tau[k]`.
    static func tridiagonalize(_ a: UnsafeMutablePointer<Double>, n: Int,
                               d: inout [Double], e: inout [Double], tau: inout [Double]) {
        var v = [Double](repeating: 0, count: n)
        var p = [Double](repeating: 0, count: n)
        v.withUnsafeMutableBufferPointer { vb in
            p.withUnsafeMutableBufferPointer { pb in
                let v = vb.baseAddress!, p = pb.baseAddress!
                for k in 0..<Swift.max(n - 2, 0) {
                    let c = n - k - 1
                    let x = a + k * n + k + 1
                    let t = HouseholderReflector.generate(x, count: c)
                    d[k] = a[k * n + k]
                    e[k] = x[0]
                    tau[k] = t
                    if t == 0 { continue }
                    v[0] = 1
                    for i in 1..<c { v[i] = x[i] }
                    // p = τ·A₂₂·v (rows of A₂₂ are contiguous).
                    let a22 = a + (k + 1) * n + (k + 1)
                    var pv = 0.0
                    for i in 0..<c {
                        p[i] = t * unrolledDot(a22 + i * n, v, count: c)
                        pv += p[i] * v[i]
                    }
                    // w = p − ½τ(pᵀv)v, stored over p.
                    let alpha = -0.5 * t * pv
                    for i in 0..<c { p[i] += alpha * v[i] }
                    // A₂₂ ← A₂₂ − v·wᵀ − w·vᵀ.
                    for i in 0..<c {
                        let row = a22 + i * n
                        let vi = v[i], wi = p[i]
                        for j in 0..<c { row[j] -= vi * p[j] + wi * v[j] }
                    }
                }
                if n >= 2 {
                    d[n - 2] = a[(n - 2) * n + (n - 2)]
                    e[n - 2] = a[(n - 2) * n + (n - 1)]
                    tau[n - 2] = 0
                }
                d[n - 1] = a[(n - 1) * n + (n - 1)]
                e[n - 1] = 0
            }
        }
    }

    /// Qᵀ = H_{n−3}⋯H₀ (row-major into `qt`), by applying the reflectors from the right to the
    /// identity in the order H_{n−3}, …, H₀: M ← M·H_k = M − τ(Mv)vᵀ. Rows ≤ k of M are still
    /// unit vectors supported outside k+1… when H_k is applied, so only rows > k are touched.
    static func formQTransposed(reflectors a: UnsafePointer<Double>, tau: [Double], n: Int,
                                into qt: UnsafeMutablePointer<Double>) {
        for i in 0..<(n * n) { qt[i] = 0 }
        for i in 0..<n { qt[i * n + i] = 1 }
        var v = [Double](repeating: 0, count: n)
        v.withUnsafeMutableBufferPointer { vb in
            let v = vb.baseAddress!
            for k in stride(from: n - 3, through: 0, by: -1) {
                let t = tau[k]
                if t == 0 { continue }
                let c = n - k - 1
                v[0] = 1
                for i in 1..<c { v[i] = a[k * n + k + 1 + i] }
                for r in (k + 1)..<n {
                    let row = qt + r * n + k + 1
                    let s = t * unrolledDot(row, v, count: c)
                    if s == 0 { continue }
                    for j in 0..<c { row[j] -= s * v[j] }
                }
            }
        }
    }

    /// Implicit QL with Wilkinson shifts on the symmetric tridiagonal (d, e), e[i] = T[i, i+1]
    /// (Numerical Recipes §11.4 `tqli`, itself EISPACK `tql2`). Each Givens rotation acting on
    /// indices (i, i+1) is applied to rows i and i+1 of `rows` (each `rowLength` long), which
    /// therefore turn from Qᵀ into Vᵀ. On return d holds the eigenvalues ascending and the rows
    /// are permuted to match.
    static func tridiagonalQL(d: inout [Double], e: inout [Double],
                              rows z: UnsafeMutablePointer<Double>?, rowLength: Int) throws {
        let n = d.count
        if n == 0 { return }
        e[n - 1] = 0
        let eps = Double.ulpOfOne
        let maxIterations = 30 * n
        var iterations = 0
        for l in 0..<n {
            while true {
                var m = l
                while m < n - 1 {
                    let dd = abs(d[m]) + abs(d[m + 1])
                    if abs(e[m]) <= eps * dd || abs(e[m]) < Double.leastNormalMagnitude { break }
                    m += 1
                }
                if m == l { break }
                iterations += 1
                if iterations > maxIterations {
                    throw NumericError.didNotConverge("SymmetricEigendecomposition (tridiagonal QL) after \(iterations) iterations")
                }
                // Wilkinson shift from the leading 2×2 block, formed without overflow.
                var g = (d[l + 1] - d[l]) / (2 * e[l])
                var r = safeHypot(g, 1)
                g = d[m] - d[l] + e[l] / (g + (g >= 0 ? r : -r))
                var s = 1.0, c = 1.0, p = 0.0
                var i = m - 1
                var deflatedEarly = false
                while i >= l {
                    var f = s * e[i]
                    let b = c * e[i]
                    r = safeHypot(f, g)
                    e[i + 1] = r
                    if r == 0 {
                        // Underflow: the rotation is the identity; split here and restart.
                        d[i + 1] -= p
                        e[m] = 0
                        deflatedEarly = true
                        break
                    }
                    s = f / r
                    c = g / r
                    g = d[i + 1] - p
                    r = (d[i] - g) * s + 2 * c * b
                    p = s * r
                    d[i + 1] = g + p
                    g = c * r - b
                    if let z {
                        let zi = z + i * rowLength, zj = z + (i + 1) * rowLength
                        for k in 0..<rowLength {
                            f = zj[k]
                            zj[k] = s * zi[k] + c * f
                            zi[k] = c * zi[k] - s * f
                        }
                    }
                    i -= 1
                }
                if deflatedEarly { continue }
                d[l] -= p
                e[l] = g
                e[m] = 0
            }
        }
        // Selection sort, ascending; a row swap per exchange (≤ n swaps).
        for i in 0..<(n - 1) {
            var k = i
            for j in (i + 1)..<n where d[j] < d[k] { k = j }
            if k != i {
                d.swapAt(i, k)
                if let z {
                    let zi = z + i * rowLength, zk = z + k * rowLength
                    for t in 0..<rowLength { let tmp = zi[t]; zi[t] = zk[t]; zk[t] = tmp }
                }
            }
        }
    }
}
