/// Σᵢ xᵢ·yᵢ over `count` contiguous doubles with four independent partial sums.
///
/// A single running sum is latency-bound (each addition waits for the previous one, and the
/// optimiser may not reassociate floating-point additions); four interleaved accumulators let
/// the additions overlap, which makes the dot-product-heavy kernels (Householder reflections,
/// Jacobi rotations, Lanczos reorthogonalization) several times faster. The result differs from
/// the sequential sum only by reassociation: the usual bound |ŝ − s| ≤ count·ε·Σ|xᵢyᵢ| holds.
@inline(__always)
func unrolledDot(_ x: UnsafePointer<Double>, _ y: UnsafePointer<Double>, count: Int) -> Double {
    var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
    var i = 0
    while i + 4 <= count {
        s0 += x[i] * y[i]
        s1 += x[i + 1] * y[i + 1]
        s2 += x[i + 2] * y[i + 2]
        s3 += x[i + 3] * y[i + 3]
        i += 4
    }
    while i < count { s0 += x[i] * y[i]; i += 1 }
    return (s0 + s1) + (s2 + s3)
}
