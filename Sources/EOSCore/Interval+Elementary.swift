/// Enclosures of the elementary functions.
///
/// Monotone functions (exp, log, √, tanh, σ, softplus, x^α) are evaluated at the two ends.
/// The C library's results are not correctly rounded, so each end is widened by
/// `Interval.libraryUlps` = 4 ulp: glibc documents a maximal error of ≤ 2 ulp for exp, log,
/// log1p, sin, cos, tanh and pow on x86-64 and AArch64 (and Darwin's libm is at least as
/// accurate), so 4 ulp covers them with a margin. The functions built from several library
/// calls (σ, softplus, sech²) are evaluated at each end in interval arithmetic, so their
/// enclosure is rigorous under the same per-call assumption.
///
/// sin and cos are not monotone: the enclosure of the end values is extended to ±1 whenever
/// the interval might contain an extremum (sin: π/2 + 2kπ and −π/2 + 2kπ; cos: 2kπ and
/// π + 2kπ), with a conservative slack, so an extremum is never missed.
extension Interval {
    /// The widening, in ulp per end, applied to one C library call (see above).
    public static let libraryUlps = 4

    /// eˣ (increasing); [0, ·) at the lower end; entire if e^{hi} overflows.
    @inlinable
    public var exp: Interval {
        let l = _exp(lo), h = _exp(hi)
        guard h.isFinite else { return .entire }
        let w = Interval.widened(l, h, ulps: Interval.libraryUlps)
        return Interval(Swift.max(w.lo, 0), w.hi)
    }

    /// log x (increasing) on (0, ∞); entire if the interval reaches 0 or below, or ∞.
    @inlinable
    public var log: Interval {
        guard lo > 0, hi.isFinite else { return .entire }
        return Interval.widened(_log(lo), _log(hi), ulps: Interval.libraryUlps)
    }

    /// log(1 + x) (increasing) on (−1, ∞), accurate for small |x|; entire outside.
    @inlinable
    public var log1p: Interval {
        guard lo > -1, hi.isFinite else { return .entire }
        return Interval.widened(_log1p(lo), _log1p(hi), ulps: Interval.libraryUlps)
    }

    /// √x (increasing) on [0, ∞) — IEEE √ is correctly rounded, so one ulp suffices; entire if
    /// the interval reaches below 0.
    @inlinable
    public var squareRoot: Interval {
        guard lo >= 0, hi.isFinite else { return .entire }
        return Interval(Swift.max(0, lo.squareRoot().nextDown), hi.squareRoot().nextUp)
    }

    /// tanh x (increasing), clipped to [−1, 1].
    @inlinable
    public var tanh: Interval {
        let w = Interval.widened(_tanh(lo), _tanh(hi), ulps: Interval.libraryUlps)
        return Interval(Swift.max(w.lo, -1), Swift.min(w.hi, 1))
    }

    /// sin x with its extrema: the end values, widened to 1 (−1) whenever the interval might
    /// contain a point π/2 + 2kπ (−π/2 + 2kπ); [−1, 1] for an unbounded or ≥ 2π-wide interval
    /// or one reaching beyond |x| = 10⁷ (see `mightContain`).
    @inlinable
    public var sin: Interval {
        guard isFinite, hi - lo < 6.3, magnitude <= 1e7 else { return Interval(-1, 1) }
        let a = _sin(lo), b = _sin(hi)
        let w = Interval.widened(Swift.min(a, b), Swift.max(a, b), ulps: Interval.libraryUlps)
        let top = Interval.mightContain(lo, hi, phase: 0.25) ? 1 : Swift.min(w.hi, 1)
        let bottom = Interval.mightContain(lo, hi, phase: -0.25) ? -1 : Swift.max(w.lo, -1)
        return Interval(bottom, top)
    }

    /// cos x with its extrema: widened to 1 at 2kπ and to −1 at π + 2kπ.
    @inlinable
    public var cos: Interval {
        guard isFinite, hi - lo < 6.3, magnitude <= 1e7 else { return Interval(-1, 1) }
        let a = _cos(lo), b = _cos(hi)
        let w = Interval.widened(Swift.min(a, b), Swift.max(a, b), ulps: Interval.libraryUlps)
        let top = Interval.mightContain(lo, hi, phase: 0) ? 1 : Swift.min(w.hi, 1)
        let bottom = Interval.mightContain(lo, hi, phase: 0.5) ? -1 : Swift.max(w.lo, -1)
        return Interval(bottom, top)
    }

    /// Whether [lo, hi] might contain a point 2π(k + phase), k ∈ ℤ. Conservative: the ends
    /// are divided by the rounded 2π and given a slack of 10⁻⁹ periods, which exceeds the
    /// rounding error of x/2π (≈ 2ε·|x|/2π ≤ 7·10⁻¹⁰ periods, counting the rounding of 2π and of the division) for |x| ≤ 10⁷; `sin` and `cos`
    /// answer [−1, 1] beyond that.
    @inlinable
    public static func mightContain(_ lo: Double, _ hi: Double, phase: Double) -> Bool {
        let period = 2 * Double.pi
        let a = lo / period - phase - 1e-9, b = hi / period - phase + 1e-9
        return a.rounded(.up) <= b.rounded(.down)
    }

    /// The logistic sigmoid σ(x) = 1/(1 + e^{−x}) (increasing), each end evaluated in interval
    /// arithmetic in the overflow-free form (1/(1 + e^{−x}) for x ≥ 0, eˣ/(1 + eˣ) for x < 0).
    @inlinable
    public var sigmoid: Interval {
        func at(_ x: Double) -> Interval {
            if x.isInfinite { return Interval(x > 0 ? 1 : 0) }
            if x >= 0 { return Interval(1) / (Interval(1) + Interval(-x).exp) }
            let e = Interval(x).exp
            return e / (Interval(1) + e)
        }
        return Interval(Swift.max(0, at(lo).lo), Swift.min(1, at(hi).hi))
    }

    /// softplus x = log(1 + eˣ) (increasing, > 0), each end in interval arithmetic as
    /// log1p(eˣ) for x ≤ 0 and x + log1p(e^{−x}) for x > 0.
    @inlinable
    public var softplus: Interval {
        func at(_ x: Double) -> Interval {
            if x == -.infinity { return Interval(0) }
            if x == .infinity { return .entire }
            if x <= 0 { return Interval(x).exp.log1p }
            return Interval(x) + Interval(-x).exp.log1p
        }
        guard hi < .infinity else { return Interval(Swift.max(0, at(lo).lo), .infinity) }
        return Interval(Swift.max(0, at(lo).lo), at(hi).hi)
    }

    /// sech² x = 1/cosh² x = 1 − tanh² x, even and decreasing in |x|: [sech²(max|x|), sech²(min|x|)],
    /// each end evaluated in interval arithmetic as 4e/(1 + e)² with e = e^{−2|x|}.
    @inlinable
    public var sechSquared: Interval {
        func at(_ t: Double) -> Interval {   // t ≥ 0
            if t == .infinity { return Interval(0) }
            let e = Interval(-2 * t).exp
            return Interval(4) * e / (Interval(1) + e).squared
        }
        let near = containsZero ? 0 : Swift.min(Swift.abs(lo), Swift.abs(hi))
        let far = magnitude
        return Interval(Swift.max(0, at(far).lo), Swift.min(1, at(near).hi))
    }

    /// x^α for a real α: increasing in x for α > 0, decreasing for α < 0, on x ≥ 0 (x > 0 for
    /// α ≤ 0); each end by the C library's `pow`, widened. Entire if the interval reaches
    /// below 0 (a real power of a negative number is not real), or 0 when α ≤ 0.
    @inlinable
    public func power(real alpha: Double) -> Interval {
        if alpha == 0 { return Interval(1) }
        guard isFinite, alpha.isFinite, lo >= 0, alpha > 0 || lo > 0 else { return .entire }
        let a = _pow(lo, alpha), b = _pow(hi, alpha)
        let w = Interval.widened(Swift.min(a, b), Swift.max(a, b), ulps: Interval.libraryUlps)
        return Interval(Swift.max(0, w.lo), w.hi)
    }

    /// x^α for an interval of exponents α, as exp(α · log x) in interval arithmetic (x > 0).
    /// For a point α, `power(real:)` is tighter.
    @inlinable
    public func power(real alpha: Interval) -> Interval {
        if alpha.lo == alpha.hi { return power(real: alpha.lo) }
        return (alpha * log).exp
    }
}

extension Interval: JetScalar {
    /// The enclosures above, so a `Jet<Interval>` encloses every Taylor coefficient.
    @inlinable
    public static func elementary(_ f: ElementaryFunction, _ x: Interval) -> Interval {
        switch f {
        case .exp: return x.exp
        case .log: return x.log
        case .sin: return x.sin
        case .cos: return x.cos
        case .tanh: return x.tanh
        case .sqrt: return x.squareRoot
        case .sigmoid: return x.sigmoid
        case .softplus: return x.softplus
        case .sechSquared: return x.sechSquared
        }
    }

    /// x^α for x > 0 (see `power(real:)`).
    @inlinable
    public static func realPower(_ x: Interval, _ alpha: Interval) -> Interval { x.power(real: alpha) }
}
