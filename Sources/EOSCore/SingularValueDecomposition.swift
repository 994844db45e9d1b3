/// The singular value decomposition A = U·diag(σ)·Vᵀ of a real m×n matrix.
///
/// Method: one-sided (Hestenes) Jacobi (Demmel & Veselić, "Jacobi's method is more accurate
/// than QR", SIAM J. Matrix Anal. Appl. 13 (1992); Drmač & Veselić 2008). For m ≥ n the
/// columns gᵢ of G = A (or of R from A = QR when m > n) are rotated in pairs until they are
/// mutually orthogonal, |g_pᵀg_q| ≤ tol·‖g_p‖‖g_q‖ with tol = √m·ε; the rotation of the pair
/// (p, q) with α = ‖g_p‖², β = ‖g_q‖², γ = g_pᵀg_q is tan θ = sign(ζ)/(|ζ| + √(1 + ζ²)),
/// ζ = (β − α)/(2γ), and is accumulated into V. Then σⱼ = ‖gⱼ‖ and uⱼ = gⱼ/σⱼ. Wide matrices are
/// handled through Aᵀ = V·Σ·Uᵀ. Norms and inner products are computed with scaling, and A is
/// first divided by an exact power of two, so singular values of size 1e±150 and beyond
/// neither overflow nor underflow.
///
/// Accuracy: backward stable, so |σ̂ᵢ − σᵢ| ≤ c·√(mn)·ε·‖A‖₂ (absolute) and ‖A − ÛΣ̂V̂ᵀ‖_F ≤
/// c·n·ε·‖A‖_F; Û, V̂ orthonormal to c·n·ε. Unlike methods that square the matrix (eigenvalues
/// of AᵀA lose everything below √ε·‖A‖), small singular values are computed accurately, and
/// for A = B·D with D diagonal (any column scaling, e.g. 1e±150) they are even accurate
/// *relative to themselves*: |σ̂ᵢ − σᵢ| ≤ c·n·ε·κ(B̄)·σᵢ, κ(B̄) the condition number of A with
/// unit columns (Demmel & Veselić 1992, §4; the unpivoted Householder QR used for m > n keeps
/// this, being columnwise backward stable).
///
/// Singular values are returned in descending order; zero singular values get unit vectors
/// completing U (and, for `.full`, the extra columns) to an orthonormal basis.
///
/// - Complexity: O(m·n²) per Jacobi sweep (plus 2mn² for the QR when m > n), typically 5–10
///   sweeps; meant for the weight matrices of the models (n up to a few hundred).
public struct SingularValueDecomposition: Sendable {
    /// Which singular vectors to compute.
    public enum Vectors: Sendable {
        /// U is m×k and V is n×k, k = min(m, n).
        case thin
        /// U is m×m and V is n×n.
        case full
    }

    /// σ₁ ≥ σ₂ ≥ … ≥ σ_k ≥ 0, k = min(m, n).
    public let singularValues: [Double]
    /// Left singular vectors as columns (m×k or m×m).
    public let u: Matrix
    /// Right singular vectors as columns (n×k or n×n).
    public let v: Matrix

    /// Decomposes `a`.
    /// - Throws: `NumericError.nonFinite` for NaN/∞ entries, `.didNotConverge` if
    ///   60 Jacobi sweeps do not orthogonalize the columns (not observed in practice).
    public init(_ a: Matrix, vectors: Vectors = .thin) throws {
        guard a.isFinite else { throw NumericError.nonFinite("SingularValueDecomposition: the input contains NaN or ±∞") }
        if a.rows >= a.columns {
            let r = try Self.tall(a, full: vectors == .full, wantVectors: true)
            singularValues = r.sigma; u = r.u; v = r.v
        } else {
            let r = try Self.tall(a.transposed, full: vectors == .full, wantVectors: true)
            singularValues = r.sigma; u = r.v; v = r.u
        }
    }

    /// The singular values of `a`, descending, without vectors.
    public static func singularValues(of a: Matrix) throws -> [Double] {
        guard a.isFinite else { throw NumericError.nonFinite("SingularValueDecomposition: the input contains NaN or ±∞") }
        return try tall(a.rows >= a.columns ? a : a.transposed, full: false, wantVectors: false).sigma
    }

    /// The condition number σ₁/σ_k (∞ when σ_k = 0).
    public var conditionNumber: Double {
        guard let first = singularValues.first, let last = singularValues.last else { return 1 }
        return last == 0 ? .infinity : first / last
    }

    // MARK: - Implementation

    /// SVD of an m×n matrix with m ≥ n.
    private static func tall(_ a: Matrix, full: Bool, wantVectors: Bool) throws
        -> (sigma: [Double], u: Matrix, v: Matrix) {
        let m = a.rows, n = a.columns
        if n == 0 {
            return ([], full ? Matrix.identity(m) : Matrix(rows: m, columns: 0), Matrix(rows: 0, columns: 0))
        }
        let (scale, inverse) = powerOfTwoScale(forMaximum: a.maxAbs)
        let scaled = inverse == 1 ? a : inverse * a
        // Reduce a tall matrix to its n×n triangular factor first: Jacobi then works on n×n.
        let qr: QRDecomposition? = m > n ? QRDecomposition(scaled) : nil
        let core = qr?.r ?? scaled                                  // n×n
        var g = core.transposed.storage                             // row j = column j, length n
        var vt = [Double](repeating: 0, count: wantVectors ? n * n : 0)
        for j in 0..<(wantVectors ? n : 0) { vt[j * n + j] = 1 }
        try g.withUnsafeMutableBufferPointer { gp in
            try vt.withUnsafeMutableBufferPointer { vp in
                try jacobiSweeps(gp.baseAddress!, length: n, count: n,
                                 vectors: wantVectors ? vp.baseAddress! : nil, tolerance: Double(n).squareRoot() * .ulpOfOne)
            }
        }
        // σⱼ = ‖gⱼ‖, sorted descending.
        var sigma = [Double](repeating: 0, count: n)
        g.withUnsafeBufferPointer { gp in
            for j in 0..<n { sigma[j] = safeNorm(gp.baseAddress! + j * n, count: n) }
        }
        let order = (0..<n).sorted { sigma[$0] > sigma[$1] || (sigma[$0] == sigma[$1] && $0 < $1) }
        let sortedSigma = order.map { sigma[$0] * scale }
        guard wantVectors else { return (sortedSigma, Matrix(rows: 0, columns: 0), Matrix(rows: 0, columns: 0)) }
        // U_core (n×n): columns gⱼ/σⱼ, zero columns completed to an orthonormal basis.
        var ucols = [Double](repeating: 0, count: n * n)            // row j = column j of U_core
        var valid = [Bool](repeating: false, count: n)
        for (newIndex, old) in order.enumerated() where sigma[old] > 0 {
            for i in 0..<n { ucols[newIndex * n + i] = g[old * n + i] / sigma[old] }
            valid[newIndex] = true
        }
        completeOrthonormalRows(&ucols, rows: n, length: n, valid: valid)
        var vcols = [Double](repeating: 0, count: n * n)
        for (newIndex, old) in order.enumerated() {
            for i in 0..<n { vcols[newIndex * n + i] = vt[old * n + i] }
        }
        let vMatrix = Matrix(rows: n, columns: n, storage: vcols).transposed
        let uCore = Matrix(rows: n, columns: n, storage: ucols).transposed
        guard let qr else { return (sortedSigma, uCore, vMatrix) }
        // A = Q·[R; 0] and R = U_core Σ Vᵀ, so U = Q·[U_core 0; 0 I].
        if full {
            var block = Matrix(rows: m, columns: m)
            for i in 0..<n { for j in 0..<n { block[i, j] = uCore[i, j] } }
            for i in n..<m { block[i, i] = 1 }
            return (sortedSigma, qr.fullQ * block, vMatrix)
        }
        return (sortedSigma, qr.thinQ * uCore, vMatrix)
    }

    /// Cyclic one-sided Jacobi on `count` contiguous columns of `length` entries each, until
    /// every pair satisfies |g_pᵀg_q| ≤ tolerance·‖g_p‖‖g_q‖; rotations are mirrored on the
    /// rows of `vectors` (Vᵀ, count×count) when given.
    private static func jacobiSweeps(_ g: UnsafeMutablePointer<Double>, length m: Int, count n: Int,
                                     vectors vt: UnsafeMutablePointer<Double>?, tolerance: Double) throws {
        let maxSweeps = 60
        for _ in 0..<maxSweeps {
            var rotated = false
            for p in 0..<(n - 1) {
                for q in (p + 1)..<n {
                    let gp = g + p * m, gq = g + q * m
                    let alpha = unrolledDot(gp, gp, count: m), beta = unrolledDot(gq, gq, count: m)
                    let gamma = unrolledDot(gp, gq, count: m)
                    // ρ = β/α-type quantities through the norms, safe for any scaling.
                    var np: Double, nq: Double, cosine: Double
                    let safe = alpha >= 0x1p-900 && beta >= 0x1p-900 && alpha <= 0x1p900 && beta <= 0x1p900
                    if safe {
                        np = alpha.squareRoot(); nq = beta.squareRoot()
                        cosine = gamma / np / nq
                    } else {
                        np = safeNorm(gp, count: m); nq = safeNorm(gq, count: m)
                        if np == 0 || nq == 0 { continue }
                        var s = 0.0
                        for i in 0..<m { s += (gp[i] / np) * (gq[i] / nq) }
                        cosine = s
                    }
                    if abs(cosine) <= tolerance { continue }
                    rotated = true
                    // ζ = (β − α)/(2γ) = (nq/np − np/nq)/(2 cos).
                    let zeta = (nq / np - np / nq) / (2 * cosine)
                    let t: Double
                    if abs(zeta) > 1 {
                        let inv = 1 / zeta
                        t = (zeta >= 0 ? 1 : -1) / (abs(zeta) * (1 + (1 + inv * inv).squareRoot()))
                    } else {
                        t = (zeta >= 0 ? 1 : -1) / (abs(zeta) + (1 + zeta * zeta).squareRoot())
                    }
                    let c = 1 / (1 + t * t).squareRoot(), s = c * t
                    for i in 0..<m {
                        let x = gp[i], y = gq[i]
                        gp[i] = c * x - s * y
                        gq[i] = s * x + c * y
                    }
                    if let vt {
                        let vp = vt + p * n, vq = vt + q * n
                        for i in 0..<n {
                            let x = vp[i], y = vq[i]
                            vp[i] = c * x - s * y
                            vq[i] = s * x + c * y
                        }
                    }
                }
            }
            if !rotated { return }
        }
        throw NumericError.didNotConverge("SingularValueDecomposition (one-sided Jacobi) after \(maxSweeps) sweeps")
    }
}

/// Fills the rows of `rows` (each `length` long, row-major) whose `valid` flag is false with unit
/// vectors orthogonal to every other row: for each missing row the standard basis vector eᵢ with
/// the largest component outside the current span is orthogonalized by Gram–Schmidt, twice
/// ("twice is enough", Giraud et al. 2005), and normalized. Rows flagged valid must already be
/// orthonormal.
func completeOrthonormalRows(_ rows: inout [Double], rows count: Int, length: Int, valid: [Bool]) {
    var done = valid
    for target in 0..<count where !done[target] {
        // Squared residual of eᵢ after projecting out the done rows: 1 − Σ_r row_r[i]².
        var best = -1, bestResidual = -1.0
        for i in 0..<length {
            var s = 0.0
            for r in 0..<count where done[r] { s += rows[r * length + i] * rows[r * length + i] }
            if 1 - s > bestResidual { bestResidual = 1 - s; best = i }
        }
        var x = [Double](repeating: 0, count: length)
        x[best] = 1
        for _ in 0..<2 {
            for r in 0..<count where done[r] {
                var dot = 0.0
                for i in 0..<length { dot += rows[r * length + i] * x[i] }
                for i in 0..<length { x[i] -= dot * rows[r * length + i] }
            }
        }
        let norm = x.euclideanNorm
        for i in 0..<length { rows[target * length + i] = x[i] / norm }
        done[target] = true
    }
}
