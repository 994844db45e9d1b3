#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A closed interval [lo, hi] of reals with outward rounding: every operation returns an
/// interval that contains the exact result of the operation applied to every point of its
/// operands (the *enclosure property*). This is what makes a sign proof a proof.
///
/// Rounding: a basic operation (+ − × ÷ √) in round-to-nearest is within ½ ulp of the exact
/// value, so moving the lower end one ulp down and the upper end one ulp up (`nextDown`,
/// `nextUp`) encloses it. The elementary functions (exp, log, sin, cos, tanh) rely on glibc's
/// documented accuracy (below 2 ulp for these functions on x86-64); their results are widened
/// by 4 ulp on each side, which covers that with a margin.
///
/// Non-finite inputs or results (overflow, 0 · ∞, division by an interval containing 0) give
/// the *entire* line [−∞, ∞], which never proves a sign.
///
/// Written for CB23 (the interval proofs of Corollaries 2–8 and Proposition 2); the lead may
/// move it to EOSCore. Scalar-only, no allocation.
struct CB23Interval: Sendable, Hashable, CustomStringConvertible {
    var lo: Double
    var hi: Double

    /// [lo, hi]; a NaN end or lo > hi gives the entire line (a safe enclosure of nothing known).
    init(_ lo: Double, _ hi: Double) {
        if lo.isNaN || hi.isNaN || lo > hi {
            self.lo = -.infinity; self.hi = .infinity
        } else {
            self.lo = lo; self.hi = hi
        }
    }

    /// The point interval [x, x] (exact: x is a double).
    init(_ x: Double) { self.init(x, x) }

    static let entire = CB23Interval(-.infinity, .infinity)

    var isFinite: Bool { lo.isFinite && hi.isFinite }
    var midpoint: Double { lo == hi ? lo : lo / 2 + hi / 2 }
    var width: Double { hi - lo }
    func contains(_ x: Double) -> Bool { lo <= x && x <= hi }
    var containsZero: Bool { lo <= 0 && 0 <= hi }
    /// Certainly positive / negative on the whole interval.
    var isPositive: Bool { lo > 0 }
    var isNegative: Bool { hi < 0 }

    var description: String { "[\(lo), \(hi)]" }

    /// Outward by one ulp (basic operations).
    @inline(__always) static func outward(_ a: Double, _ b: Double) -> CB23Interval {
        guard a.isFinite, b.isFinite else { return .entire }
        return CB23Interval(a.nextDown, b.nextUp)
    }

    /// Outward by `ulps` ulp (elementary functions).
    @inline(__always) static func widened(_ a: Double, _ b: Double, ulps: Int = 4) -> CB23Interval {
        guard a.isFinite, b.isFinite else { return .entire }
        var l = a, h = b
        for _ in 0..<ulps { l = l.nextDown; h = h.nextUp }
        return CB23Interval(l, h)
    }

    static func + (a: CB23Interval, b: CB23Interval) -> CB23Interval { outward(a.lo + b.lo, a.hi + b.hi) }
    static func - (a: CB23Interval, b: CB23Interval) -> CB23Interval { outward(a.lo - b.hi, a.hi - b.lo) }
    static prefix func - (a: CB23Interval) -> CB23Interval { CB23Interval(-a.hi, -a.lo) }

    static func * (a: CB23Interval, b: CB23Interval) -> CB23Interval {
        guard a.isFinite, b.isFinite else { return .entire }
        let p = (a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi)
        return outward(min(min(p.0, p.1), min(p.2, p.3)), max(max(p.0, p.1), max(p.2, p.3)))
    }

    /// a / b; the entire line when b contains 0.
    static func / (a: CB23Interval, b: CB23Interval) -> CB23Interval {
        guard !b.containsZero else { return .entire }
        return a * reciprocal(b)
    }

    static func reciprocal(_ b: CB23Interval) -> CB23Interval {
        guard !b.containsZero, b.isFinite else { return .entire }
        return outward(1 / b.hi, 1 / b.lo)
    }

    /// x², tight (never negative).
    var squared: CB23Interval {
        guard isFinite else { return .entire }
        if lo >= 0 { return CB23Interval((lo * lo).nextDown, (hi * hi).nextUp) }
        if hi <= 0 { return CB23Interval((hi * hi).nextDown, (lo * lo).nextUp) }
        return CB23Interval(0, max(lo * lo, hi * hi).nextUp)
    }

    var exp: CB23Interval {
        let l = Glibc.exp(lo), h = Glibc.exp(hi)
        guard h.isFinite else { return .entire }
        let w = CB23Interval.widened(l, h)
        return CB23Interval(max(w.lo, 0), w.hi)
    }

    /// log on (0, ∞); entire if the interval reaches 0 or below.
    var log: CB23Interval {
        guard lo > 0, hi.isFinite else { return .entire }
        return CB23Interval.widened(Glibc.log(lo), Glibc.log(hi))
    }

    /// √ on [0, ∞); entire if the interval reaches below 0.
    var squareRoot: CB23Interval {
        guard lo >= 0, hi.isFinite else { return .entire }
        return CB23Interval(max(0, lo.squareRoot().nextDown), hi.squareRoot().nextUp)
    }

    var tanh: CB23Interval {
        let w = CB23Interval.widened(Glibc.tanh(lo), Glibc.tanh(hi))
        return CB23Interval(max(w.lo, -1), min(w.hi, 1))
    }

    /// sin with its extrema: the interval is widened to 1 (−1) whenever it might contain a
    /// point π/2 + 2kπ (−π/2 + 2kπ). The test "might contain" is conservative (a slack of
    /// 1e-9 in units of the period), so an extremum is never missed.
    var sin: CB23Interval {
        guard isFinite else { return CB23Interval(-1, 1) }
        if hi - lo >= 6.3 { return CB23Interval(-1, 1) }
        let a = Glibc.sin(lo), b = Glibc.sin(hi)
        var w = CB23Interval.widened(min(a, b), max(a, b))
        if CB23Interval.mightContain(lo, hi, phase: 0.25) { w.hi = 1 }
        if CB23Interval.mightContain(lo, hi, phase: -0.25) { w.lo = -1 }
        return CB23Interval(max(w.lo, -1), min(w.hi, 1))
    }

    /// cos(x) = sin(x + π/2) evaluated directly (cos has its maxima at 2kπ, minima at π + 2kπ).
    var cos: CB23Interval {
        guard isFinite else { return CB23Interval(-1, 1) }
        if hi - lo >= 6.3 { return CB23Interval(-1, 1) }
        let a = Glibc.cos(lo), b = Glibc.cos(hi)
        var w = CB23Interval.widened(min(a, b), max(a, b))
        if CB23Interval.mightContain(lo, hi, phase: 0) { w.hi = 1 }
        if CB23Interval.mightContain(lo, hi, phase: 0.5) { w.lo = -1 }
        return CB23Interval(max(w.lo, -1), min(w.hi, 1))
    }

    /// Whether [lo, hi] might contain a point 2π(k + phase), k ∈ ℤ, with a conservative slack.
    static func mightContain(_ lo: Double, _ hi: Double, phase: Double) -> Bool {
        let period = 2 * Double.pi
        let a = lo / period - phase - 1e-9, b = hi / period - phase + 1e-9
        return a.rounded(.up) <= b.rounded(.down)
    }

    /// xⁿ for a whole n ≥ 0 by repeated multiplication (even powers via `squared`, so they stay ≥ 0).
    func power(_ n: Int) -> CB23Interval {
        precondition(n >= 0)
        if n == 0 { return CB23Interval(1) }
        if n == 1 { return self }
        let half = power(n / 2).squared
        return n % 2 == 0 ? half : half * self
    }
}
