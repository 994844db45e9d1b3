/// A closed interval [lo, hi] of reals with outward rounding.
///
/// **Enclosure property.** Every operation returns an interval that contains the exact result
/// of the operation applied to every point of its operands: for ∘ ∈ {+, −, ×, ÷},
/// {x ∘ y : x ∈ A, y ∈ B} ⊆ A ∘ B, and f(A) ⊇ {f(x) : x ∈ A} for the elementary functions of
/// `Interval+Elementary.swift`. So an expression evaluated in intervals over a box encloses the
/// range of the expression over the box (usually with some overestimation when a variable
/// occurs more than once, the *dependency problem*), which is what makes `SignProof` a proof.
///
/// **Rounding.** The basic operations (+ − × ÷ √) of IEEE 754 in round-to-nearest are within
/// ½ ulp of the exact value, so moving the lower end one ulp down and the upper end one ulp up
/// (`nextDown`, `nextUp`) after each operation encloses the exact result. (This is wider than
/// directed rounding by at most one ulp per end and needs no control of the rounding mode.)
///
/// **Unbounded and invalid results.** A NaN end, lo > hi, or an operation whose result is not
/// finite (overflow, 0·∞, division by an interval containing 0) gives the *entire* line
/// [−∞, ∞]: a valid enclosure of anything, which never proves a sign.
///
/// Value type of two doubles; no allocation.
@frozen
public struct Interval: Sendable, Hashable, CustomStringConvertible {
    /// The lower end (−∞ only for the entire line or an explicitly unbounded interval).
    public let lo: Double
    /// The upper end.
    public let hi: Double

    /// [lo, hi]; a NaN end or lo > hi gives the entire line (a safe enclosure of nothing known).
    @inlinable
    public init(_ lo: Double, _ hi: Double) {
        if lo.isNaN || hi.isNaN || lo > hi {
            self.lo = -.infinity; self.hi = .infinity
        } else {
            self.lo = lo; self.hi = hi
        }
    }

    /// The point interval [x, x]. Exact: it encloses the double x itself (not a decimal
    /// literal that x only approximates: `Interval(0.1)` does not contain the real 1/10).
    @inlinable
    public init(_ x: Double) { self.init(x, x) }

    /// [min(x, y), max(x, y)]: the smallest interval containing both doubles.
    @inlinable
    public static func hull(_ x: Double, _ y: Double) -> Interval { Interval(Swift.min(x, y), Swift.max(x, y)) }

    /// [−∞, ∞].
    public static let entire = Interval(-.infinity, .infinity)

    @inlinable public var isFinite: Bool { lo.isFinite && hi.isFinite }
    /// (lo + hi)/2, computed without overflow; lies in [lo, hi] for finite ends.
    @inlinable public var midpoint: Double { lo == hi ? lo : lo / 2 + hi / 2 }
    /// hi − lo (rounded to nearest; not an enclosure).
    @inlinable public var width: Double { hi - lo }
    /// The largest |x| over the interval.
    @inlinable public var magnitude: Double { Swift.max(Swift.abs(lo), Swift.abs(hi)) }
    @inlinable public func contains(_ x: Double) -> Bool { lo <= x && x <= hi }
    @inlinable public func contains(_ other: Interval) -> Bool { lo <= other.lo && other.hi <= hi }
    @inlinable public var containsZero: Bool { lo <= 0 && 0 <= hi }
    /// Certainly positive on the whole interval (lo > 0).
    @inlinable public var isPositive: Bool { lo > 0 }
    /// Certainly negative on the whole interval (hi < 0).
    @inlinable public var isNegative: Bool { hi < 0 }

    public var description: String { lo == hi ? "[\(lo)]" : "[\(lo), \(hi)]" }

    /// [a⁻, b⁺]: outward by one ulp (the rounding of one basic operation); entire if an end is
    /// not finite.
    @inlinable
    public static func outward(_ a: Double, _ b: Double) -> Interval {
        guard a.isFinite, b.isFinite else { return .entire }
        return Interval(a.nextDown, b.nextUp)
    }

    /// Outward by `ulps` ulp on each side (library functions with a documented error bound);
    /// entire if an end is not finite.
    @inlinable
    public static func widened(_ a: Double, _ b: Double, ulps: Int) -> Interval {
        guard a.isFinite, b.isFinite else { return .entire }
        var l = a, h = b
        for _ in 0..<ulps { l = l.nextDown; h = h.nextUp }
        return Interval(l, h)
    }
}

// MARK: - Arithmetic

extension Interval {
    /// [a.lo + b.lo, a.hi + b.hi], outward.
    @inlinable
    public static func + (a: Interval, b: Interval) -> Interval { outward(a.lo + b.lo, a.hi + b.hi) }
    /// [a.lo − b.hi, a.hi − b.lo], outward.
    @inlinable
    public static func - (a: Interval, b: Interval) -> Interval { outward(a.lo - b.hi, a.hi - b.lo) }
    /// [−hi, −lo] (exact).
    @inlinable
    public static prefix func - (a: Interval) -> Interval { Interval(-a.hi, -a.lo) }

    /// The hull of the four end products, outward.
    @inlinable
    public static func * (a: Interval, b: Interval) -> Interval {
        guard a.isFinite, b.isFinite else { return .entire }
        let p0 = a.lo * b.lo, p1 = a.lo * b.hi, p2 = a.hi * b.lo, p3 = a.hi * b.hi
        return outward(Swift.min(Swift.min(p0, p1), Swift.min(p2, p3)), Swift.max(Swift.max(p0, p1), Swift.max(p2, p3)))
    }

    /// a / b = a × (1/b); the entire line when b contains 0 (the quotient is unbounded).
    @inlinable
    public static func / (a: Interval, b: Interval) -> Interval {
        guard !b.containsZero else { return .entire }
        return a * b.reciprocal
    }

    /// [1/hi, 1/lo], outward; entire if the interval contains 0 or is unbounded.
    @inlinable
    public var reciprocal: Interval {
        guard !containsZero, isFinite else { return .entire }
        return Interval.outward(1 / hi, 1 / lo)
    }

    @inlinable public static func += (a: inout Interval, b: Interval) { a = a + b }
    @inlinable public static func -= (a: inout Interval, b: Interval) { a = a - b }
    @inlinable public static func *= (a: inout Interval, b: Interval) { a = a * b }

    /// x², tight and never negative (unlike x × x, which for 0 ∈ x gives a negative lower end).
    @inlinable
    public var squared: Interval {
        guard isFinite else { return .entire }
        if lo >= 0 { return Interval(Swift.max(0, (lo * lo).nextDown), (hi * hi).nextUp) }
        if hi <= 0 { return Interval(Swift.max(0, (hi * hi).nextDown), (lo * lo).nextUp) }
        return Interval(0, Swift.max(lo * lo, hi * hi).nextUp)
    }

    /// |x| = [min |x|, max |x|] (exact).
    @inlinable
    public var absolute: Interval {
        if lo >= 0 { return self }
        if hi <= 0 { return -self }
        return Interval(0, Swift.max(-lo, hi))
    }

    /// xⁿ for an integer n, by binary powering with `squared` (even powers stay ≥ 0);
    /// n < 0 as 1/x^{|n|} (entire if 0 ∈ x).
    @inlinable
    public func power(_ n: Int) -> Interval {
        if n < 0 { return power(-n).reciprocal }
        if n == 0 { return Interval(1) }
        if n == 1 { return self }
        let half = power(n / 2).squared
        return n % 2 == 0 ? half : half * self
    }
}
