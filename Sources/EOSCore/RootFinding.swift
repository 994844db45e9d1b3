/// Why a numerical routine could not return a trustworthy answer.
///
/// Shared by the 1-D solvers (`RootFinding`, `Maximization`) and available to any other
/// numeric code that needs to report a failed precondition or a failed iteration.
public enum NumericError: Error, CustomStringConvertible, Sendable, Equatable {
    /// f(a) and f(b) have the same (strict) sign, so [a, b] is not a bracket.
    case noSignChange(a: Double, b: Double, fa: Double, fb: Double)
    /// A function value or an input was NaN or ±∞; the message says where.
    case nonFinite(String)
    /// The iteration limit was reached before the tolerance was met; the message says where.
    case didNotConverge(String)
    /// An argument violates the routine's documented assumptions (empty interval, N < 2, …).
    case invalidArgument(String)

    public var description: String {
        switch self {
        case let .noSignChange(a, b, fa, fb):
            return "no sign change on [\(a), \(b)]: f(a) = \(fa), f(b) = \(fb)"
        case let .nonFinite(message):
            return "non-finite value: \(message)"
        case let .didNotConverge(message):
            return "did not converge: \(message)"
        case let .invalidArgument(message):
            return "invalid argument: \(message)"
        }
    }
}

/// Root finding for continuous real functions of one variable.
///
/// `brent(in:_:)` solves f(x) = 0 on a bracket; `allRoots(in:_:)` (in `AllRoots.swift`)
/// scans an interval for every sign change and for tangential (double) roots.
public enum RootFinding {
    /// The default absolute x-tolerance of `brent`: 4 ε ≈ 8.9·10⁻¹⁶. Together with the
    /// relative term 2 ε |x| of the stopping rule, this asks for the root to within a few ulps.
    public static let defaultTolerance: Double = 4 * Double.ulpOfOne

    /// A zero of f in the bracket [a, b] by Brent's method (Brent 1973, *Algorithms for
    /// Minimization without Derivatives*, ch. 4, the `zeroin` algorithm).
    ///
    /// Each step takes inverse quadratic interpolation through the last three points, or the
    /// secant step, when it lands well inside the current bracket and shrinks it fast enough;
    /// otherwise it bisects. The bracket [b, c] always has f(b)·f(c) ≤ 0.
    ///
    /// - Assumptions: f is continuous on [a, b] and f(a)·f(b) < 0 (or one of them is 0, in
    ///   which case that endpoint is returned). The two endpoints may be given in either order.
    /// - Guarantee: the returned x lies in [min(a, b), max(a, b)] and a sign change of f
    ///   (as evaluated in floating point) lies within 4 ε |x| + `tolerance` of x (the final
    ///   bracket has half-width ≤ 2 ε |x| + `tolerance`/2), or f(x) = 0 exactly. For a simple root r this gives |x − r| ≲ that bound plus the rounding error
    ///   of f divided by |f′(r)|.
    /// - Caveat: a discontinuity with a sign change (e.g. a pole of 1/x) is "found" like a
    ///   root; check |f(x)| if f may have poles.
    /// - Complexity: superlinear convergence for smooth f near a simple root; never worse
    ///   than about (log₂((b − a)/tolerance))² evaluations of f, and at most
    ///   `maxIterations` + 2 evaluations.
    /// - Throws: `NumericError.noSignChange` if f(a), f(b) have the same strict sign,
    ///   `.nonFinite` if an endpoint or any value of f is NaN or ±∞, `.didNotConverge` if the
    ///   bracket is still wider than the tolerance after `maxIterations` steps,
    ///   `.invalidArgument` if `tolerance` is negative or NaN.
    public static func brent(in a: Double, _ b: Double,
                             tolerance: Double = defaultTolerance,
                             maxIterations: Int = 200,
                             _ f: (Double) -> Double) throws -> Double {
        guard a.isFinite, b.isFinite else {
            throw NumericError.nonFinite("Brent endpoints a = \(a), b = \(b)")
        }
        guard tolerance >= 0 else {
            throw NumericError.invalidArgument("Brent tolerance \(tolerance) must be ≥ 0")
        }
        var a = a, b = b
        var fa = f(a), fb = f(b)
        guard fa.isFinite, fb.isFinite else {
            throw NumericError.nonFinite("f(\(a)) = \(fa), f(\(b)) = \(fb) at the Brent endpoints")
        }
        if fa == 0 { return a }
        if fb == 0 { return b }
        if (fa > 0) == (fb > 0) {
            throw NumericError.noSignChange(a: a, b: b, fa: fa, fb: fb)
        }

        // b is the best estimate, a the previous one, c the contrapoint: f(b)·f(c) < 0.
        var c = b, fc = fb
        var d = 0.0, e = 0.0
        for _ in 0..<maxIterations {
            if (fb > 0) == (fc > 0) {
                c = a; fc = fa
                d = b - a; e = d
            }
            if abs(fc) < abs(fb) {
                a = b; b = c; c = a
                fa = fb; fb = fc; fc = fa
            }
            let tol1 = 2 * Double.ulpOfOne * abs(b) + 0.5 * tolerance
            let xm = 0.5 * (c - b)
            if abs(xm) <= tol1 || fb == 0 { return b }

            if abs(e) >= tol1 && abs(fa) > abs(fb) {
                // Interpolate: secant if only two distinct points, else inverse quadratic.
                let s = fb / fa
                var p: Double, q: Double
                if a == c {
                    p = 2 * xm * s
                    q = 1 - s
                } else {
                    let qq = fa / fc, r = fb / fc
                    p = s * (2 * xm * qq * (qq - r) - (b - a) * (r - 1))
                    q = (qq - 1) * (r - 1) * (s - 1)
                }
                if p > 0 { q = -q } else { p = -p }
                // Accept the step only if it stays inside the bracket and shrinks fast enough.
                if 2 * p < min(3 * xm * q - abs(tol1 * q), abs(e * q)) {
                    e = d
                    d = p / q
                } else {
                    d = xm; e = d
                }
            } else {
                d = xm; e = d
            }
            a = b; fa = fb
            b += abs(d) > tol1 ? d : (xm > 0 ? tol1 : -tol1)
            fb = f(b)
            guard fb.isFinite else {
                throw NumericError.nonFinite("f(\(b)) = \(fb) during Brent iteration")
            }
        }
        throw NumericError.didNotConverge(
            "Brent: bracket [\(min(b, c)), \(max(b, c))] after \(maxIterations) iterations")
    }
}
