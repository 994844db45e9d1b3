#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#elseif canImport(ucrt)
import ucrt
#endif

/// The elementary functions whose *values* a `Jet` needs at its expansion point. Everything
/// else (the higher Taylor coefficients) comes from the recurrences in `Jet+Elementary.swift`.
///
/// `sechSquared` (sech² x = 1 − tanh² x, the derivative of tanh) is listed separately because
/// forming 1 − tanh² x from a rounded tanh x cancels to 0 for |x| ≳ 19, which would zero every
/// derivative of tanh and of the sigmoid there.
public enum ElementaryFunction: String, Sendable, CaseIterable {
    case exp, log, sin, cos, tanh, sqrt, sigmoid, softplus, sechSquared
}

/// A number type a `Jet` can carry as coefficients.
///
/// Two conformances ship with EOSCore: `Double` (fast, rounded to nearest) and `Interval`
/// (rigorous enclosures: a `Jet<Interval>` encloses every Taylor coefficient of the function
/// over every point of the input interval, which is what interval proofs of derivative
/// conditions need).
///
/// The requirements are the field operations, the embedding of a double, and the values of
/// the elementary functions and of real powers. The names `elementary(_:_:)` and
/// `realPower(_:_:)` are deliberately distinct from the C library's `exp`, `pow`, … so that the
/// conformance of `Double` does not shadow those functions inside other `Double` extensions.
public protocol JetScalar: Sendable {
    /// The scalar nearest to (Double) or enclosing (Interval) `value`; exact for doubles.
    init(_ value: Double)
    static func + (a: Self, b: Self) -> Self
    static func - (a: Self, b: Self) -> Self
    static func * (a: Self, b: Self) -> Self
    static func / (a: Self, b: Self) -> Self
    static prefix func - (a: Self) -> Self
    /// f(x) for an elementary function f.
    static func elementary(_ f: ElementaryFunction, _ x: Self) -> Self
    /// x^α for x > 0 (and x = 0 when α > 0).
    static func realPower(_ x: Self, _ alpha: Self) -> Self
}

extension Double: JetScalar {
    /// f(x) from the C library (glibc and Darwin's libm are within 1–2 ulp for these).
    /// The sigmoid, softplus and sech² are evaluated in forms without overflow or cancellation:
    /// σ(x) = 1/(1 + e^{−x}) for x ≥ 0 and eˣ/(1 + eˣ) for x < 0;
    /// softplus(x) = max(x, 0) + log1p(e^{−|x|}); sech² x = 4e/(1 + e)² with e = e^{−2|x|}.
    @inlinable
    public static func elementary(_ f: ElementaryFunction, _ x: Double) -> Double {
        switch f {
        case .exp: return _exp(x)
        case .log: return _log(x)
        case .sin: return _sin(x)
        case .cos: return _cos(x)
        case .tanh: return _tanh(x)
        case .sqrt: return x.squareRoot()
        case .sigmoid:
            if x >= 0 { return 1 / (1 + _exp(-x)) }
            let e = _exp(x)
            return e / (1 + e)
        case .softplus: return Swift.max(x, 0) + _log1p(_exp(-Swift.abs(x)))
        case .sechSquared:
            let e = _exp(-2 * Swift.abs(x))
            return 4 * e / ((1 + e) * (1 + e))
        }
    }

    /// x^α by the C library's `pow` (within 1 ulp).
    @inlinable
    public static func realPower(_ x: Double, _ alpha: Double) -> Double { _pow(x, alpha) }
}

// Wrappers of the C library functions that `Elementary.swift` does not provide (same pattern:
// always inlined, no Foundation). They could move there.
@inline(__always) @usableFromInline func _tanh(_ x: Double) -> Double { tanh(x) }
@inline(__always) @usableFromInline func _log1p(_ x: Double) -> Double { log1p(x) }
