/// Elementwise arithmetic, products (with transposed operands), transposes and norms.
///
/// The product kernel is the i–k–j loop over contiguous rows: the innermost loop is a
/// saxpy `C[i, :] += A[i, k] · B[k, :]` on unit-stride memory, which the optimiser vectorises.
/// Transposed operands are handled by choosing the loop order, never by materialising a
/// transpose of `B`. Cost O(m·k·n).
extension Matrix {
    /// Aᵀ.
    public var transposed: Matrix {
        var t = Matrix(rows: columns, columns: rows)
        storage.withUnsafeBufferPointer { a in
            t.storage.withUnsafeMutableBufferPointer { tt in
                for i in 0..<rows {
                    for j in 0..<columns { tt[j * rows + i] = a[i * columns + j] }
                }
            }
        }
        return t
    }

    /// op(A)·op(B), where op(X) is X or Xᵀ.
    ///
    /// - Precondition: the inner dimensions agree.
    /// - Complexity: O(m·k·n) multiply–adds.
    public static func product(_ a: Matrix, transposeA: Bool = false,
                               _ b: Matrix, transposeB: Bool = false) -> Matrix {
        let m = transposeA ? a.columns : a.rows
        let k = transposeA ? a.rows : a.columns
        let kb = transposeB ? b.columns : b.rows
        let n = transposeB ? b.rows : b.columns
        precondition(k == kb, "Inner dimensions differ: \(m)×\(k) · \(kb)×\(n)")
        var c = Matrix(rows: m, columns: n)
        if m == 0 || n == 0 || k == 0 { return c }
        let lda = a.columns, ldb = b.columns
        a.storage.withUnsafeBufferPointer { ap in
            b.storage.withUnsafeBufferPointer { bp in
                c.storage.withUnsafeMutableBufferPointer { cp in
                    let A = ap.baseAddress!, B = bp.baseAddress!, C = cp.baseAddress!
                    switch (transposeA, transposeB) {
                    case (false, false):
                        for i in 0..<m {
                            let ci = C + i * n
                            for p in 0..<k {
                                let aip = A[i * lda + p]
                                if aip == 0 { continue }
                                let bp = B + p * ldb
                                for j in 0..<n { ci[j] += aip * bp[j] }
                            }
                        }
                    case (true, false):
                        // C = Aᵀ B: A is k×m, so A[p, i] = A[p * lda + i].
                        for p in 0..<k {
                            let ap = A + p * lda
                            let bp = B + p * ldb
                            for i in 0..<m {
                                let api = ap[i]
                                if api == 0 { continue }
                                let ci = C + i * n
                                for j in 0..<n { ci[j] += api * bp[j] }
                            }
                        }
                    case (false, true):
                        // C = A Bᵀ: C[i, j] = ⟨A[i, :], B[j, :]⟩, both unit stride.
                        for i in 0..<m {
                            let ai = A + i * lda
                            for j in 0..<n {
                                let bj = B + j * ldb
                                var s = 0.0
                                for p in 0..<k { s += ai[p] * bj[p] }
                                C[i * n + j] = s
                            }
                        }
                    case (true, true):
                        // C = Aᵀ Bᵀ = (B A)ᵀ.
                        for i in 0..<m {
                            for j in 0..<n {
                                var s = 0.0
                                for p in 0..<k { s += A[p * lda + i] * B[j * ldb + p] }
                                C[i * n + j] = s
                            }
                        }
                    }
                }
            }
        }
        return c
    }

    /// A·B.
    public static func * (a: Matrix, b: Matrix) -> Matrix { product(a, b) }

    /// A·x for a vector x.
    public static func * (a: Matrix, x: [Double]) -> [Double] {
        precondition(a.columns == x.count, "Matrix–vector dimensions differ")
        var y = [Double](repeating: 0, count: a.rows)
        a.storage.withUnsafeBufferPointer { ap in
            for i in 0..<a.rows {
                var s = 0.0
                let base = i * a.columns
                for j in 0..<a.columns { s += ap[base + j] * x[j] }
                y[i] = s
            }
        }
        return y
    }

    public static func + (a: Matrix, b: Matrix) -> Matrix {
        precondition(a.rows == b.rows && a.columns == b.columns, "Shapes differ")
        var c = a
        for i in 0..<c.storage.count { c.storage[i] += b.storage[i] }
        return c
    }

    public static func - (a: Matrix, b: Matrix) -> Matrix {
        precondition(a.rows == b.rows && a.columns == b.columns, "Shapes differ")
        var c = a
        for i in 0..<c.storage.count { c.storage[i] -= b.storage[i] }
        return c
    }

    public static func * (s: Double, a: Matrix) -> Matrix {
        var c = a
        for i in 0..<c.storage.count { c.storage[i] *= s }
        return c
    }

    public static prefix func - (a: Matrix) -> Matrix { -1 * a }

    public static func += (a: inout Matrix, b: Matrix) { a = a + b }
    public static func -= (a: inout Matrix, b: Matrix) { a = a - b }

    /// self ← self + s·X (an axpy on the whole storage).
    public mutating func add(_ x: Matrix, scaledBy s: Double) {
        precondition(rows == x.rows && columns == x.columns, "Shapes differ")
        storage.withUnsafeMutableBufferPointer { c in
            x.storage.withUnsafeBufferPointer { xp in
                for i in 0..<c.count { c[i] += s * xp[i] }
            }
        }
    }

    /// The Frobenius norm ‖A‖_F = √(Σᵢⱼ aᵢⱼ²).
    public var frobeniusNorm: Double { storage.euclideanNorm }

    /// The largest absolute element max |aᵢⱼ|.
    public var maxAbs: Double { storage.reduce(0) { max($0, abs($1)) } }

    /// The trace Σᵢ aᵢᵢ.
    public var trace: Double { diagonalEntries.reduce(0, +) }

    /// The Frobenius inner product ⟨A, B⟩ = Σᵢⱼ aᵢⱼ bᵢⱼ.
    public func frobeniusDot(_ other: Matrix) -> Double {
        precondition(rows == other.rows && columns == other.columns, "Shapes differ")
        return storage.dot(other.storage)
    }

    /// Aᵖ for a square A and p ≥ 0 (repeated multiplication; A⁰ = I).
    public func power(_ p: Int) -> Matrix {
        precondition(isSquare && p >= 0)
        var r = Matrix.identity(rows)
        for _ in 0..<p { r = r * self }
        return r
    }

    /// The symmetric part ½(A + Aᵀ).
    public var symmetrized: Matrix { 0.5 * (self + transposed) }
}

extension Array where Element == Double {
    /// The Euclidean inner product Σ xᵢyᵢ.
    @inlinable
    public func dot(_ other: [Double]) -> Double {
        precondition(count == other.count, "Vector lengths differ")
        var s = 0.0
        withUnsafeBufferPointer { a in
            other.withUnsafeBufferPointer { b in
                for i in 0..<a.count { s += a[i] * b[i] }
            }
        }
        return s
    }

    /// The Euclidean norm ‖x‖₂, computed with scaling so that it neither overflows nor
    /// underflows for finite input.
    public var euclideanNorm: Double {
        let scale = reduce(0) { Swift.max($0, abs($1)) }
        if scale == 0 || !scale.isFinite { return scale }
        var s = 0.0
        for x in self { let y = x / scale; s += y * y }
        return scale * s.squareRoot()
    }
}
