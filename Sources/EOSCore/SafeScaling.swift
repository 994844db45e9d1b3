// Overflow- and underflow-safe norms and exact power-of-two scaling, shared by the dense
// factorizations (QR, symmetric eigendecomposition, SVD). Internal to EOSCore.

/// √(a² + b²) without overflow or harmful underflow (relative error a few ulps).
@inline(__always)
func safeHypot(_ a: Double, _ b: Double) -> Double {
    let x = abs(a), y = abs(b)
    let big = Swift.max(x, y), small = Swift.min(x, y)
    if big == 0 || !big.isFinite || small.isNaN { return big + small }
    let r = small / big
    return big * (1 + r * r).squareRoot()
}

/// ‖x‖₂ of `count` contiguous doubles. One plain pass when the sum of squares is safely inside
/// the normal range; otherwise a second pass scaled by max |xᵢ|, so neither overflow nor
/// underflow can spoil the result for finite input. NaN propagates.
@inline(__always)
func safeNorm(_ x: UnsafePointer<Double>, count: Int) -> Double {
    var s = 0.0
    for i in 0..<count { s += x[i] * x[i] }
    // Inside [2⁻⁹⁰⁰, 2⁹⁰⁰] no term that matters relative to ε·s can have underflowed and
    // nothing overflowed.
    if s >= 0x1p-900 && s <= 0x1p900 { return s.squareRoot() }
    if s.isNaN { return s }
    var scale = 0.0
    for i in 0..<count { scale = Swift.max(scale, abs(x[i])) }
    if scale == 0 || !scale.isFinite { return scale }
    var t = 0.0
    for i in 0..<count { let y = x[i] / scale; t += y * y }
    return scale * t.squareRoot()
}

/// An exact power-of-two factor 2^e with 2^e ≤ x < 2^(e+1) (e clamped to ±1000 so that both 2^e
/// and 2^−e are finite normal numbers), or 1 for zero or non-finite x. Dividing a matrix by it
/// brings max |aᵢⱼ| into [1, 2) without rounding, so squares neither overflow nor underflow
/// needlessly; multiplying the results back is exact too.
@inline(__always)
func powerOfTwoScale(forMaximum x: Double) -> (scale: Double, inverse: Double) {
    guard x.isFinite, x > 0 else { return (1, 1) }
    let e = Swift.min(Swift.max(Int(x.exponent), -1000), 1000)
    return (Double(sign: .plus, exponent: e, significand: 1),
            Double(sign: .plus, exponent: -e, significand: 1))
}
