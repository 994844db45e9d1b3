/// Proofs that a function has a strict sign on a whole box, by interval arithmetic and
/// bisection (branch and bound).
///
/// **Input.** An *interval extension* F of f: F(B) ⊇ {f(x) : x ∈ B} for every box
/// B = B₁ × … × B_d (e.g. f written with `Interval` and `Jet<Interval>` operations, which have the
/// enclosure property by construction).
///
/// **Algorithm** (for f > 0; f < 0 is the same on −f). A stack of boxes starts with the given
/// box. For the box B on top:
/// - F(B).lo > 0 ⇒ f > 0 on all of B: B is settled;
/// - otherwise, at the midpoint m of B, F({m}).hi ≤ 0 ⇒ f(m) ≤ 0 is *proved*: a counterexample,
///   the search stops;
/// - otherwise B is bisected at the midpoint of its widest side and both halves are pushed.
/// The search is depth first, so the stack holds at most (depth + 1) boxes.
///
/// **Guarantee.** `proved` only when every box of a cover of the starting box was settled, so it
/// is a proof, as rigorous as the enclosure property of F (see `Interval`). `counterexample`
/// proves that the sign condition fails at a point. `undecided` means neither: the box budget
/// ran out, or some box could not be split further (its widest side has no double strictly
/// inside; the search then goes on with the other boxes, so a counterexample elsewhere is still
/// found, and reports the first such box at the end) — typically because f touches 0 (e.g.
/// f(y) = (y − 1/3)² on [−1, 1]: every box around 1/3 has F(B).lo ≤ 0 and f(m) > 0), or because
/// the zero set of f crosses the boundary of the box, or because F overestimates too much.
///
/// - Complexity: one evaluation of F per box plus one per bisected box (the midpoint test);
///   `maxBoxes` bounds the number of boxes.
public enum SignProof {
    /// The sign condition to prove.
    public enum Sign: String, Sendable {
        /// f > 0 on the box.
        case positive
        /// f < 0 on the box.
        case negative
    }

    /// The outcome of a search.
    public enum Result: Sendable, Equatable, CustomStringConvertible {
        /// The condition holds on the box; `boxes` boxes were evaluated and `bound` is the
        /// certified margin: min F(B).lo over the settled boxes for f > 0 (max F(B).hi for
        /// f < 0), so f ≥ bound > 0 (f ≤ bound < 0) on the whole box.
        case proved(boxes: Int, bound: Double)
        /// The condition fails at `point`: f(point) ≤ `value` ≤ 0 for f > 0 (f(point) ≥ `value`
        /// ≥ 0 for f < 0), found after `boxes` boxes.
        case counterexample(point: [Double], value: Double, boxes: Int)
        /// Neither, after `boxes` boxes; `bound` is the margin over the boxes settled so far
        /// (±∞ if none), `box` the box at which the search stopped.
        case undecided(boxes: Int, bound: Double, box: [Interval])

        public var isProved: Bool { if case .proved = self { return true } else { return false } }
        public var isCounterexample: Bool { if case .counterexample = self { return true } else { return false } }
        public var isUndecided: Bool { if case .undecided = self { return true } else { return false } }

        /// The number of boxes evaluated.
        public var boxes: Int {
            switch self {
            case let .proved(n, _), let .counterexample(_, _, n), let .undecided(n, _, _): return n
            }
        }

        public var description: String {
            switch self {
            case let .proved(n, b): return "proved on \(n) boxes (margin \(b))"
            case let .counterexample(p, v, n): return "counterexample at \(p) (value bound \(v)) after \(n) boxes"
            case let .undecided(n, b, box): return "undecided after \(n) boxes (margin so far \(b)), at \(box)"
            }
        }
    }

    /// Proves f > 0 (`.positive`) or f < 0 (`.negative`) on `box`.
    /// - Parameters:
    ///   - box: a product of closed intervals with finite ends.
    ///   - maxBoxes: the budget of boxes (≥ 1).
    ///   - f: an interval extension of f.
    public static func prove(_ sign: Sign, on box: [Interval], maxBoxes: Int = 200_000,
                             _ f: ([Interval]) -> Interval) -> Result {
        switch sign {
        case .positive:
            return provePositive(on: box, maxBoxes: maxBoxes, f)
        case .negative:
            switch provePositive(on: box, maxBoxes: maxBoxes, { -f($0) }) {
            case let .proved(n, b): return .proved(boxes: n, bound: -b)
            case let .counterexample(p, v, n): return .counterexample(point: p, value: -v, boxes: n)
            case let .undecided(n, b, stuck): return .undecided(boxes: n, bound: -b, box: stuck)
            }
        }
    }

    /// Proves f < 0 on `box` (see `prove(_:on:maxBoxes:_:)`).
    public static func proveNegative(on box: [Interval], maxBoxes: Int = 200_000,
                                     _ f: ([Interval]) -> Interval) -> Result {
        prove(.negative, on: box, maxBoxes: maxBoxes, f)
    }

    /// Proves f(y) > 0 (or < 0) for every y in the interval `domain` (the 1-D case).
    public static func prove(_ sign: Sign, on domain: Interval, maxBoxes: Int = 200_000,
                             _ f: (Interval) -> Interval) -> Result {
        prove(sign, on: [domain], maxBoxes: maxBoxes) { f($0[0]) }
    }

    /// Proves f > 0 on `box` (see `prove(_:on:maxBoxes:_:)`).
    public static func provePositive(on box: [Interval], maxBoxes: Int = 200_000,
                                     _ f: ([Interval]) -> Interval) -> Result {
        precondition(!box.isEmpty && maxBoxes >= 1, "a sign proof needs a box and a budget")
        var stack = [box]
        var evaluated = 0
        var bound = Double.infinity
        var stuck: [Interval]? = nil
        while let b = stack.popLast() {
            evaluated += 1
            if evaluated > maxBoxes { return .undecided(boxes: maxBoxes, bound: bound, box: b) }
            let value = f(b)
            if value.lo > 0 { bound = Swift.min(bound, value.lo); continue }
            let mid = b.map { $0.midpoint }
            let atMid = f(mid.map { Interval($0) })
            if atMid.hi <= 0 { return .counterexample(point: mid, value: atMid.hi, boxes: evaluated) }
            // Bisect the widest side; a side with no double strictly inside cannot be split.
            var widest = 0
            for i in b.indices where b[i].width > b[widest].width { widest = i }
            let side = b[widest], m = side.midpoint
            guard m > side.lo, m < side.hi else {
                // Keep searching the other boxes (a counterexample elsewhere still counts).
                if stuck == nil { stuck = b }
                continue
            }
            var left = b, right = b
            left[widest] = Interval(side.lo, m)
            right[widest] = Interval(m, side.hi)
            stack.append(right)
            stack.append(left)
        }
        if let stuck { return .undecided(boxes: evaluated, bound: bound, box: stuck) }
        return .proved(boxes: evaluated, bound: bound)
    }
}
