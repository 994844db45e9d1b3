/// Maximisation of a real function of one variable on a closed interval.
///
/// `maximize(in:_:)` is a global search *up to a grid*: a dense scan finds the grid point with
/// the largest value, and Brent's parabolic/golden-section method refines the maximum within
/// the two neighbouring grid cells. `localMaximum(in:_:)` is the refinement alone.
public enum Maximization {
    /// The default absolute x-tolerance of the refinement, added to the relative term √ε |x|.
    public static let defaultTolerance: Double = 1e-10

    /// √ε ≈ 1.49·10⁻⁸: the relative x-accuracy below which a smooth maximum cannot be located,
    /// because f(x* + δ) − f(x*) ≈ ½ f″(x*) δ² is lost in rounding once δ² ≲ ε.
    static let sqrtEpsilon: Double = Double.ulpOfOne.squareRoot()

    /// The global maximum of f on [a, b], up to the resolution of a grid.
    ///
    /// 1. Evaluate f at the `gridPoints` equispaced points xᵢ = a + i (b − a)/(N − 1),
    ///    i = 0…N − 1 (both endpoints included) and take the index k of the largest value.
    /// 2. Refine by `localMaximum` on [x_{k−1}, x_{k+1}] ∩ [a, b], started at x_k.
    /// 3. Return the better of the refined point and the grid point x_k, so the returned value is
    ///    never below the grid maximum.
    ///
    /// - Guarantee: global optimality holds *up to the grid*: if the global maximiser x* lies in
    ///   a cell whose grid values are all below those around another (lower) peak, it is missed.
    ///   This cannot happen when f is unimodal on every pair of adjacent cells, e.g. when every
    ///   peak of f is wider than two grid spacings. The argmax is then accurate to about
    ///   √ε |x*| + `tolerance` (the limit set by the flatness of f at a smooth maximum),
    ///   and the value to about ε |f(x*)|.
    /// - Endpoint maxima are handled: the refinement runs on the single boundary cell and the
    ///   endpoint itself is a candidate.
    /// - Ties between grid values go to the leftmost point.
    /// - Complexity: N evaluations for the scan plus O(log(h/tolerance)) for the refinement.
    /// - Throws: `NumericError.invalidArgument` if a ≥ b or N < 3, `.nonFinite` if f is NaN or
    ///   ±∞ at a grid point (or a refinement point), `.didNotConverge` from the refinement.
    public static func maximize(in a: Double, _ b: Double,
                                gridPoints: Int = 1001,
                                tolerance: Double = defaultTolerance,
                                maxIterations: Int = 200,
                                _ f: (Double) -> Double) throws -> (argmax: Double, value: Double) {
        guard a.isFinite, b.isFinite else {
            throw NumericError.nonFinite("maximize endpoints a = \(a), b = \(b)")
        }
        guard a < b else { throw NumericError.invalidArgument("maximize needs a < b, got [\(a), \(b)]") }
        guard gridPoints >= 3 else {
            throw NumericError.invalidArgument("maximize needs at least 3 grid points, got \(gridPoints)")
        }
        let n = gridPoints
        let h = (b - a) / Double(n - 1)
        @inline(__always) func gridPoint(_ i: Int) -> Double {
            i == n - 1 ? b : a + Double(i) * h
        }
        var bestIndex = 0
        var bestValue = -Double.infinity
        for i in 0..<n {
            let x = gridPoint(i)
            let y = f(x)
            guard y.isFinite else { throw NumericError.nonFinite("f(\(x)) = \(y) in the maximize grid scan") }
            if y > bestValue { bestValue = y; bestIndex = i }
        }
        let lo = gridPoint(max(bestIndex - 1, 0))
        let hi = gridPoint(min(bestIndex + 1, n - 1))
        let refined = try localMaximum(in: lo, hi, start: gridPoint(bestIndex),
                                       tolerance: tolerance, maxIterations: maxIterations, f)
        if refined.value >= bestValue { return refined }
        return (gridPoint(bestIndex), bestValue)
    }

    /// A local maximum of f on [a, b] by Brent's method for minimisation (Brent 1973, ch. 5, the
    /// `fmin`/`localmin` algorithm) applied to −f: parabolic interpolation through the three best
    /// points when it lands inside the interval and shrinks it, golden-section steps otherwise.
    ///
    /// - Assumptions: f is continuous; if f is unimodal on [a, b] the result is its maximum.
    ///   Otherwise it is a local maximum (or an endpoint region).
    /// - Parameters:
    ///   - start: the first point evaluated; defaults to the golden-section point of [a, b].
    ///     Give the best known point when [a, b] brackets a maximum around it.
    ///   - tolerance: absolute x-tolerance; the stopping rule is that the interval around the
    ///     best point x has half-width ≤ 2 (√ε |x| + tolerance/3).
    /// - Guarantee: the returned point lies in [a, b] and is the best point evaluated; the value
    ///   is f at that point. f is never evaluated at points closer together than the tolerance.
    ///   The endpoints themselves are not evaluated (a maximum at an endpoint is approached to
    ///   within the tolerance).
    /// - Complexity: superlinear near a smooth maximum, never worse than golden section
    ///   (interval × 0.618 per step).
    /// - Throws: `NumericError.invalidArgument` for an empty interval, a start outside it or a
    ///   negative tolerance, `.nonFinite` for NaN/∞ values of f, `.didNotConverge` after
    ///   `maxIterations` steps.
    public static func localMaximum(in a: Double, _ b: Double,
                                    start: Double? = nil,
                                    tolerance: Double = defaultTolerance,
                                    maxIterations: Int = 200,
                                    _ f: (Double) -> Double) throws -> (argmax: Double, value: Double) {
        guard a.isFinite, b.isFinite else {
            throw NumericError.nonFinite("localMaximum endpoints a = \(a), b = \(b)")
        }
        guard a < b else { throw NumericError.invalidArgument("localMaximum needs a < b, got [\(a), \(b)]") }
        guard tolerance >= 0 else {
            throw NumericError.invalidArgument("localMaximum tolerance \(tolerance) must be ≥ 0")
        }
        let goldenSection = 0.381_966_011_250_105_1  // (3 − √5)/2
        var lo = a, hi = b
        let x0 = start ?? (a + goldenSection * (b - a))
        guard x0 >= a && x0 <= b else {
            throw NumericError.invalidArgument("localMaximum start \(x0) outside [\(a), \(b)]")
        }
        // Minimise g = −f. x: best point, w: second best, v: previous w.
        @inline(__always) func g(_ x: Double) throws -> Double {
            let y = f(x)
            guard y.isFinite else { throw NumericError.nonFinite("f(\(x)) = \(y) in localMaximum") }
            return -y
        }
        var x = x0, w = x0, v = x0
        var gx = try g(x)
        var gw = gx, gv = gx
        var d = 0.0, e = 0.0
        for _ in 0..<maxIterations {
            let xm = 0.5 * (lo + hi)
            let tol1 = sqrtEpsilon * abs(x) + tolerance / 3
            let tol2 = 2 * tol1
            if abs(x - xm) <= tol2 - 0.5 * (hi - lo) { return (x, -gx) }

            var useGolden = true
            if abs(e) > tol1 {
                // Parabola through (x, gx), (w, gw), (v, gv); its vertex is x + p/q.
                let r = (x - w) * (gx - gv)
                var q = (x - v) * (gx - gw)
                var p = (x - v) * q - (x - w) * r
                q = 2 * (q - r)
                if q > 0 { p = -p } else { q = -q }
                let eOld = e
                e = d
                if abs(p) < abs(0.5 * q * eOld) && p > q * (lo - x) && p < q * (hi - x) {
                    d = p / q
                    let u = x + d
                    if u - lo < tol2 || hi - u < tol2 { d = xm >= x ? tol1 : -tol1 }
                    useGolden = false
                }
            }
            if useGolden {
                e = x >= xm ? lo - x : hi - x
                d = goldenSection * e
            }
            let u = abs(d) >= tol1 ? x + d : x + (d > 0 ? tol1 : -tol1)
            let gu = try g(u)
            if gu <= gx {
                if u >= x { lo = x } else { hi = x }
                v = w; gv = gw
                w = x; gw = gx
                x = u; gx = gu
            } else {
                if u < x { lo = u } else { hi = u }
                if gu <= gw || w == x {
                    v = w; gv = gw
                    w = u; gw = gu
                } else if gu <= gv || v == x || v == w {
                    v = u; gv = gu
                }
            }
        }
        throw NumericError.didNotConverge(
            "localMaximum: interval [\(lo), \(hi)] after \(maxIterations) iterations")
    }
}
