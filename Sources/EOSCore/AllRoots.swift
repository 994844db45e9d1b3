/// A candidate tangential (even-multiplicity) root: a point where |f| has a local minimum
/// close to zero but f does not change sign.
public struct TouchingRoot: Sendable, Equatable {
    /// The refined minimiser of |f|.
    public var x: Double
    /// |f(x)| there: ≈ 0 (rounding level) for a true double root, small but positive for a near miss.
    public var absValue: Double

    public init(x: Double, absValue: Double) {
        self.x = x
        self.absValue = absValue
    }
}

/// The zeros of f found on an interval by `RootFinding.allRoots`.
public struct RootScan: Sendable, Equatable {
    /// Points where f provably vanishes: a sign change refined by Brent's method, or an exact
    /// zero of f at a grid point. Ascending, deduplicated.
    public var roots: [Double]
    /// Tangential-root candidates (local minima of |f| near zero without a sign change),
    /// ascending in x. Not proofs: a near miss min |f| = δ > 0 looks the same; judge by
    /// `absValue`.
    public var touching: [TouchingRoot]

    public init(roots: [Double], touching: [TouchingRoot]) {
        self.roots = roots
        self.touching = touching
    }
}

extension RootFinding {
    /// All zeros of a continuous f on [a, b], up to the resolution of a grid.
    ///
    /// 1. Evaluate f at the `gridPoints` equispaced points xᵢ = a + i h, h = (b − a)/(N − 1),
    ///    i = 0…N − 1 (both endpoints included).
    /// 2. Every grid point with f(xᵢ) = 0 exactly is a root; every cell with
    ///    f(xᵢ) f(xᵢ₊₁) < 0 is a bracket, solved by `brent` with `tolerance`.
    /// 3. Every interior grid point where |f| has a discrete local minimum
    ///    (|f(xᵢ)| < |f(xᵢ₋₁)|, |f(xᵢ)| ≤ |f(xᵢ₊₁)|) and f(xᵢ₋₁), f(xᵢ), f(xᵢ₊₁) have one strict
    ///    sign is refined by minimising |f| on [xᵢ₋₁, xᵢ₊₁] (`Maximization.localMaximum` of −|f|).
    ///    If the refined minimum is ≤ `touchingTolerance` · max |f(xᵢ)| (the largest grid
    ///    value sets the scale) the point is reported in `touching`.
    ///
    /// - Guarantees: every odd-multiplicity root alone in its grid cell is found;
    ///   roots in `roots` are accurate as in `brent`. Touching candidates are located to about
    ///   √(ε·scale / |f″|) (the flatness of |f| at a double root), typically ~10⁻⁸ relative.
    /// - Limits (grid resolution): two roots in one cell cancel and appear at most as a
    ///   touching candidate; a double root whose |f| dip is narrower than a cell can be missed.
    ///   A sign change across a pole is reported as a root: check |f| there if f may have poles.
    ///   A double root that falls exactly on a grid point (f(xᵢ) = 0) is reported in `roots`.
    /// - Complexity: N evaluations of f plus one Brent solve per sign change and one
    ///   1-D minimisation per local minimum of |f|.
    /// - Throws: `NumericError.invalidArgument` if a ≥ b or N < 3, `.nonFinite` if f is NaN or
    ///   ±∞ at a grid point, and errors of the refinements.
    public static func allRoots(in a: Double, _ b: Double,
                                gridPoints: Int = 1001,
                                tolerance: Double = defaultTolerance,
                                touchingTolerance: Double = 1e-8,
                                _ f: (Double) -> Double) throws -> RootScan {
        guard a.isFinite, b.isFinite else {
            throw NumericError.nonFinite("allRoots endpoints a = \(a), b = \(b)")
        }
        guard a < b else { throw NumericError.invalidArgument("allRoots needs a < b, got [\(a), \(b)]") }
        guard gridPoints >= 3 else {
            throw NumericError.invalidArgument("allRoots needs at least 3 grid points, got \(gridPoints)")
        }
        let n = gridPoints
        let h = (b - a) / Double(n - 1)
        var xs = [Double](repeating: 0, count: n)
        var ys = [Double](repeating: 0, count: n)
        var scale = 0.0
        for i in 0..<n {
            let x = i == n - 1 ? b : a + Double(i) * h
            let y = f(x)
            guard y.isFinite else { throw NumericError.nonFinite("f(\(x)) = \(y) in the allRoots grid scan") }
            xs[i] = x
            ys[i] = y
            scale = max(scale, abs(y))
        }

        var roots: [Double] = []
        for i in 0..<n {
            if ys[i] == 0 { roots.append(xs[i]); continue }
            if i + 1 < n, ys[i + 1] != 0, (ys[i] > 0) != (ys[i + 1] > 0) {
                roots.append(try brent(in: xs[i], xs[i + 1], tolerance: tolerance, f))
            }
        }

        var touching: [TouchingRoot] = []
        let threshold = touchingTolerance * scale
        if scale > 0 {
            for i in 1..<(n - 1) {
                let (l, c, r) = (ys[i - 1], ys[i], ys[i + 1])
                guard l != 0, c != 0, r != 0, (l > 0) == (c > 0), (c > 0) == (r > 0) else { continue }
                guard abs(c) < abs(l), abs(c) <= abs(r) else { continue }
                let best = try Maximization.localMaximum(in: xs[i - 1], xs[i + 1], start: xs[i]) { -abs(f($0)) }
                let value = -best.value
                if value <= threshold { touching.append(TouchingRoot(x: best.argmax, absValue: value)) }
            }
        }

        // Deduplicate: roots closer than twice Brent's accuracy are one root; touching
        // candidates closer than one grid spacing to a root or to each other are one point.
        roots.sort()
        var uniqueRoots: [Double] = []
        for x in roots {
            if let last = uniqueRoots.last, x - last <= 2 * (4 * Double.ulpOfOne * abs(x) + tolerance) { continue }
            uniqueRoots.append(x)
        }
        touching.sort { $0.x < $1.x }
        var uniqueTouching: [TouchingRoot] = []
        for t in touching {
            if uniqueRoots.contains(where: { abs($0 - t.x) < h }) { continue }
            if let last = uniqueTouching.last, t.x - last.x < h {
                if t.absValue < last.absValue { uniqueTouching[uniqueTouching.count - 1] = t }
                continue
            }
            uniqueTouching.append(t)
        }
        return RootScan(roots: uniqueRoots, touching: uniqueTouching)
    }
}
