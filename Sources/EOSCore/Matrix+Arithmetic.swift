/// Elementwise arithmetic, products (with transposed operands), transposes and norms.
///
/// Products go through `Matrix.gemm`, a cache-blocked, register-tiled kernel (see below).
/// Transposed operands are absorbed by the packing step, never by materialising a transpose.
/// Cost O(m·k·n).
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
    /// Every element is the fused multiply–add chain cᵢⱼ = fma(aᵢ,ₖ₋₁, bₖ₋₁,ⱼ, … fma(aᵢ₀, b₀ⱼ, 0))
    /// in increasing k (see `gemm`), so the result does not depend on the size-dependent code
    /// path, the vector width or the blocking. Zeros are not skipped: NaN and ∞ propagate as
    /// IEEE arithmetic says (0 · ∞ = NaN).
    ///
    /// - Precondition: the inner dimensions agree.
    /// - Complexity: O(m·k·n) multiply–adds; one allocation of packing buffers (O(k·(m + n)))
    ///   for products above ~16³ multiply–adds, none below.
    public static func product(_ a: Matrix, transposeA: Bool = false,
                               _ b: Matrix, transposeB: Bool = false) -> Matrix {
        let m = transposeA ? a.columns : a.rows
        let k = transposeA ? a.rows : a.columns
        let kb = transposeB ? b.columns : b.rows
        let n = transposeB ? b.rows : b.columns
        precondition(k == kb, "Inner dimensions differ: \(m)×\(k) · \(kb)×\(n)")
        if m == 0 || n == 0 || k == 0 { return Matrix(rows: m, columns: n) }
        // `gemm` without `accumulate` writes every element of C, so C's storage is not zeroed first.
        let storage = [Double](unsafeUninitializedCapacity: m * n) { cp, initialized in
            a.storage.withUnsafeBufferPointer { ap in
                b.storage.withUnsafeBufferPointer { bp in
                    gemm(m, n, k, ap.baseAddress!, transposeA: transposeA,
                         bp.baseAddress!, transposeB: transposeB,
                         cp.baseAddress!, alpha: 1, accumulate: false)
                }
            }
            initialized = m * n
        }
        return Matrix(rows: m, columns: n, storage: storage)
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

// MARK: - The product kernel

extension Matrix {
    /// C ← α · op(A) · op(B) (+ C if `accumulate`): the general matrix product on raw,
    /// contiguous row-major buffers, with op(A) m × k and op(B) k × n. A is stored m × k
    /// (k × m when `transposeA`), B is stored k × n (n × k when `transposeB`), C is m × n.
    /// C must not overlap A or B.
    ///
    /// **Result.** Each element is one fused multiply–add chain in increasing p,
    ///
    ///     cᵢⱼ ← fma(α·op(A)ᵢ,ₖ₋₁, op(B)ₖ₋₁,ⱼ, … fma(α·op(A)ᵢ₀, op(B)₀ⱼ, c⁰ᵢⱼ)),
    ///     c⁰ᵢⱼ = cᵢⱼ if `accumulate`, else 0,
    ///
    /// whatever the sizes, the transposes and the code path, so results are reproducible and
    /// independent of blocking and vector width. (α·a is rounded once; for α = 1 it is exact.)
    /// The error is that of a recursive dot product, |ĉᵢⱼ − cᵢⱼ| ≤ γ_k Σₚ |aᵢₚ bₚⱼ| with
    /// γ_k = kε/(1 − kε). Zeros are not skipped, so NaN and ∞ propagate.
    ///
    /// **Algorithm.** Goto–van de Geijn blocking: op(B) is packed in k-blocks of `kc` rows into
    /// slivers `nr` columns wide, op(A) in blocks of `mc` rows into slivers `mr` rows tall
    /// (packing absorbs the transposes and pads edges with zeros); a register-tiled micro-kernel
    /// then keeps an `mr` × `nr` block of C in SIMD registers (`SIMD8<Double>`) and performs
    /// `mr`·`nr` FMAs per k step from one packed row of each sliver. The B sliver (kc·nr
    /// doubles) stays in L1 and the A block (mc·kc) in L2. Products below ~16³ multiply–adds
    /// use plain loops with the same FMA chains (packing would cost more than it saves).
    ///
    /// On x86-64 the manifest compiles EOSCore for the build machine's CPU (`-march=native`):
    /// without hardware FMA, `fma` is a library call and this is slow, but still correct.
    ///
    /// - Complexity: 2mnk flops; one allocation of O(kc·(mc + nc)) doubles when blocked.
    public static func gemm(_ m: Int, _ n: Int, _ k: Int,
                            _ a: UnsafePointer<Double>, transposeA: Bool,
                            _ b: UnsafePointer<Double>, transposeB: Bool,
                            _ c: UnsafeMutablePointer<Double>, alpha: Double = 1, accumulate: Bool = false) {
        precondition(m >= 0 && n >= 0 && k >= 0, "gemm dimensions must be non-negative")
        if m == 0 || n == 0 { return }
        if k == 0 {
            if !accumulate { c.update(repeating: 0, count: m * n) }
            return
        }
        if m * n * k < GemmKernel.blockedThreshold || m < GemmKernel.mr || n < GemmKernel.nr {
            GemmKernel.small(m, n, k, a, transposeA, b, transposeB, c, alpha, accumulate)
        } else {
            GemmKernel.blocked(m, n, k, a, transposeA, b, transposeB, c, alpha, accumulate)
        }
    }
}

/// The pieces of `Matrix.gemm`: block sizes, packing, the micro-kernel and the small-size loops.
enum GemmKernel {
    /// Micro-tile: mr rows × nr columns of C held in 16 `SIMD8<Double>` registers (AVX-512 has
    /// 32; with AVX2 each SIMD8 takes two of 16 registers and some spill).
    static let mr = 8
    static let nr = 16
    /// Largest k-block: the B sliver (kc·nr·8 B = 32 KiB) stays in a 48 KiB L1d. k is split
    /// into ⌈k/kc⌉ blocks of equal size (no short last block).
    static let kc = 256
    /// m-block: the A block (mc·kc·8 B = 256 KiB) sits in L2 (2 MiB per core here).
    static let mc = 128
    /// n-block: the packed B panel (kc·nc·8 B = 6 MiB) in L3.
    static let nc = 4096
    /// Below this many multiply–adds packing costs more than it saves (measured: the loops
    /// win up to about 16³).
    static let blockedThreshold = 16 * 16 * 16

    typealias V8 = SIMD8<Double>

    @inline(__always)
    static func load(_ p: UnsafePointer<Double>) -> V8 {
        UnsafeRawPointer(p).loadUnaligned(as: V8.self)
    }

    @inline(__always)
    static func store(_ v: V8, _ p: UnsafeMutablePointer<Double>) {
        UnsafeMutableRawPointer(p).storeBytes(of: v, as: V8.self)
    }

    /// Plain loops, each cᵢⱼ the same FMA chain in increasing p as the blocked path.
    static func small(_ m: Int, _ n: Int, _ k: Int,
                      _ a: UnsafePointer<Double>, _ transposeA: Bool,
                      _ b: UnsafePointer<Double>, _ transposeB: Bool,
                      _ c: UnsafeMutablePointer<Double>, _ alpha: Double, _ accumulate: Bool) {
        if !accumulate { c.update(repeating: 0, count: m * n) }
        if !transposeB {
            // i–p–j: the innermost loop is C[i, :] ← fma(α a_ip, B[p, :], C[i, :]), unit stride.
            for i in 0..<m {
                let ci = c + i * n
                for p in 0..<k {
                    let aip = alpha * (transposeA ? a[p * m + i] : a[i * k + p])
                    let bp = b + p * n
                    for j in 0..<n { ci[j] = ci[j].addingProduct(aip, bp[j]) }
                }
            }
        } else {
            // C[i, j] ← fma chain over ⟨op(A)[i, :], B[j, :]⟩; B's rows are unit stride.
            for i in 0..<m {
                for j in 0..<n {
                    let bj = b + j * k
                    var s = c[i * n + j]
                    if transposeA {
                        for p in 0..<k { s = s.addingProduct(alpha * a[p * m + i], bj[p]) }
                    } else {
                        let ai = a + i * k
                        for p in 0..<k { s = s.addingProduct(alpha * ai[p], bj[p]) }
                    }
                    c[i * n + j] = s
                }
            }
        }
    }

    /// Packs rows i0 ..< i0 + h (h ≤ mr) and columns p0 ..< p0 + kc of α·op(A) into
    /// `dst[p · mr + r]`, zero-padding rows h ..< mr.
    @inline(__always)
    static func packA(_ a: UnsafePointer<Double>, _ transposeA: Bool, _ m: Int, _ k: Int,
                      _ i0: Int, _ h: Int, _ p0: Int, _ kc: Int, _ alpha: Double,
                      _ dst: UnsafeMutablePointer<Double>) {
        if transposeA {
            // A is k × m: row p of A holds op(A)[:, p], unit stride in i.
            for p in 0..<kc {
                let src = a + (p0 + p) * m + i0
                let d = dst + p * mr
                for r in 0..<h { d[r] = alpha * src[r] }
                for r in h..<mr { d[r] = 0 }
            }
        } else {
            for r in 0..<h {
                let src = a + (i0 + r) * k + p0
                for p in 0..<kc { dst[p * mr + r] = alpha * src[p] }
            }
            if h < mr { for p in 0..<kc { for r in h..<mr { dst[p * mr + r] = 0 } } }
        }
    }

    /// Packs rows p0 ..< p0 + kc and columns j0 ..< j0 + w (w ≤ nr) of op(B) into
    /// `dst[p · nr + j]`, zero-padding columns w ..< nr.
    @inline(__always)
    static func packB(_ b: UnsafePointer<Double>, _ transposeB: Bool, _ n: Int, _ k: Int,
                      _ j0: Int, _ w: Int, _ p0: Int, _ kc: Int,
                      _ dst: UnsafeMutablePointer<Double>) {
        if transposeB {
            // B is n × k: row j of B holds op(B)[:, j], unit stride in p.
            for j in 0..<w {
                let src = b + (j0 + j) * k + p0
                for p in 0..<kc { dst[p * nr + j] = src[p] }
            }
            if w < nr { for p in 0..<kc { for j in w..<nr { dst[p * nr + j] = 0 } } }
        } else {
            for p in 0..<kc {
                let src = b + (p0 + p) * n + j0
                let d = dst + p * nr
                if w == nr {
                    store(load(src), d); store(load(src + 8), d + 8)
                } else {
                    for j in 0..<w { d[j] = src[j] }
                    for j in w..<nr { d[j] = 0 }
                }
            }
        }
    }

    /// The micro-kernel: C[0 ..< 8, 0 ..< 16] (row stride ldc) ← fma chains over p < kc of the
    /// packed slivers `a` (a[p·8 + r]) and `b` (b[p·16 + j]), starting from C if `load`, else 0.
    @inline(never)
    static func kernel8x16(_ kc: Int, _ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>,
                           _ c: UnsafeMutablePointer<Double>, _ ldc: Int, _ load: Bool) {
        var c00 = V8(), c01 = V8(), c10 = V8(), c11 = V8(), c20 = V8(), c21 = V8(), c30 = V8(), c31 = V8()
        var c40 = V8(), c41 = V8(), c50 = V8(), c51 = V8(), c60 = V8(), c61 = V8(), c70 = V8(), c71 = V8()
        if load {
            c00 = Self.load(c); c01 = Self.load(c + 8)
            c10 = Self.load(c + ldc); c11 = Self.load(c + ldc + 8)
            c20 = Self.load(c + 2 * ldc); c21 = Self.load(c + 2 * ldc + 8)
            c30 = Self.load(c + 3 * ldc); c31 = Self.load(c + 3 * ldc + 8)
            c40 = Self.load(c + 4 * ldc); c41 = Self.load(c + 4 * ldc + 8)
            c50 = Self.load(c + 5 * ldc); c51 = Self.load(c + 5 * ldc + 8)
            c60 = Self.load(c + 6 * ldc); c61 = Self.load(c + 6 * ldc + 8)
            c70 = Self.load(c + 7 * ldc); c71 = Self.load(c + 7 * ldc + 8)
        }
        var ap = a, bp = b
        for _ in 0..<kc {
            let b0 = Self.load(bp), b1 = Self.load(bp + 8)
            var s = V8(repeating: ap[0]); c00 = c00.addingProduct(s, b0); c01 = c01.addingProduct(s, b1)
            s = V8(repeating: ap[1]); c10 = c10.addingProduct(s, b0); c11 = c11.addingProduct(s, b1)
            s = V8(repeating: ap[2]); c20 = c20.addingProduct(s, b0); c21 = c21.addingProduct(s, b1)
            s = V8(repeating: ap[3]); c30 = c30.addingProduct(s, b0); c31 = c31.addingProduct(s, b1)
            s = V8(repeating: ap[4]); c40 = c40.addingProduct(s, b0); c41 = c41.addingProduct(s, b1)
            s = V8(repeating: ap[5]); c50 = c50.addingProduct(s, b0); c51 = c51.addingProduct(s, b1)
            s = V8(repeating: ap[6]); c60 = c60.addingProduct(s, b0); c61 = c61.addingProduct(s, b1)
            s = V8(repeating: ap[7]); c70 = c70.addingProduct(s, b0); c71 = c71.addingProduct(s, b1)
            ap += 8; bp += 16
        }
        store(c00, c); store(c01, c + 8)
        store(c10, c + ldc); store(c11, c + ldc + 8)
        store(c20, c + 2 * ldc); store(c21, c + 2 * ldc + 8)
        store(c30, c + 3 * ldc); store(c31, c + 3 * ldc + 8)
        store(c40, c + 4 * ldc); store(c41, c + 4 * ldc + 8)
        store(c50, c + 5 * ldc); store(c51, c + 5 * ldc + 8)
        store(c60, c + 6 * ldc); store(c61, c + 6 * ldc + 8)
        store(c70, c + 7 * ldc); store(c71, c + 7 * ldc + 8)
    }

    /// The blocked product (loops jc → pc → ic → jr → ir around `kernel8x16`).
    static func blocked(_ m: Int, _ n: Int, _ k: Int,
                        _ a: UnsafePointer<Double>, _ transposeA: Bool,
                        _ b: UnsafePointer<Double>, _ transposeB: Bool,
                        _ c: UnsafeMutablePointer<Double>, _ alpha: Double, _ accumulate: Bool) {
        let kBlocks = (k + kc - 1) / kc
        let kcMax = (k + kBlocks - 1) / kBlocks
        let mcMax = min(mc, (m + mr - 1) / mr * mr)
        let ncMax = min(nc, (n + nr - 1) / nr * nr)
        let count = kcMax * (mcMax + ncMax) + mr * nr
        let raw = UnsafeMutableRawPointer.allocate(byteCount: count * MemoryLayout<Double>.stride, alignment: 64)
        defer { raw.deallocate() }
        let buffer = raw.bindMemory(to: Double.self, capacity: count)
        let packedB = buffer, packedA = buffer + kcMax * ncMax, tile = packedA + kcMax * mcMax

        for jc in stride(from: 0, to: n, by: nc) {
            let ncb = min(nc, n - jc)
            for pc in stride(from: 0, to: k, by: kcMax) {
                let kcb = min(kcMax, k - pc)
                // Continue the chains from C after the first k-block (or from the caller's C).
                let fromC = pc > 0 || accumulate
                for jr in stride(from: 0, to: ncb, by: nr) {
                    packB(b, transposeB, n, k, jc + jr, min(nr, ncb - jr), pc, kcb, packedB + jr * kcb)
                }
                for ic in stride(from: 0, to: m, by: mc) {
                    let mcb = min(mc, m - ic)
                    for ir in stride(from: 0, to: mcb, by: mr) {
                        packA(a, transposeA, m, k, ic + ir, min(mr, mcb - ir), pc, kcb, alpha, packedA + ir * kcb)
                    }
                    for jr in stride(from: 0, to: ncb, by: nr) {
                        let w = min(nr, ncb - jr)
                        let bs = UnsafePointer(packedB + jr * kcb)
                        for ir in stride(from: 0, to: mcb, by: mr) {
                            let h = min(mr, mcb - ir)
                            let as_ = UnsafePointer(packedA + ir * kcb)
                            let cij = c + (ic + ir) * n + jc + jr
                            if h == mr && w == nr {
                                kernel8x16(kcb, as_, bs, cij, n, fromC)
                            } else {
                                // Edge tile: run the full kernel on a scratch tile, copy the valid part.
                                if fromC {
                                    for r in 0..<h { for j in 0..<w { tile[r * nr + j] = cij[r * n + j] } }
                                }
                                kernel8x16(kcb, as_, bs, tile, nr, fromC)
                                for r in 0..<h { for j in 0..<w { cij[r * n + j] = tile[r * nr + j] } }
                            }
                        }
                    }
                }
            }
        }
    }
}
