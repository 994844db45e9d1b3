/// A proof that a function is positive on a whole box, by interval arithmetic and bisection.
///
/// Given an interval extension F of f (F(B) ⊇ {f(x) : x ∈ B} for every box B, e.g. f written
/// with `CB23Interval` and `CB23Jet<CB23Interval>`), the search keeps a stack of boxes:
/// - F(B).lo > 0 ⇒ f > 0 on B (done with B);
/// - F({m}).hi ≤ 0 at the midpoint m ⇒ f(m) ≤ 0 is *proved*: a counterexample, the search stops;
/// - otherwise B is bisected along its widest side.
/// The result is `proved` only when every box of a cover of the starting box passed, so it is a
/// proof (up to the enclosure property of the interval operations, see `CB23Interval`).
/// It is `undecided` when the box budget runs out (f touches 0, or the extension is too loose).
///
/// Complexity: one evaluation of F per box; the budget bounds the work.
enum CB23SignProof {
    enum Result: Sendable, Equatable, CustomStringConvertible {
        /// f > 0 on the box; `boxes` boxes covered it and the smallest lower bound was `bound`.
        case proved(boxes: Int, bound: Double)
        /// f(point) ≤ 0 proved at `point` (upper bound `value`).
        case counterexample(point: [Double], value: Double)
        /// The budget ran out at `box`.
        case undecided(boxes: Int, box: [CB23Interval])

        var isProved: Bool { if case .proved = self { return true } else { return false } }
        var isCounterexample: Bool { if case .counterexample = self { return true } else { return false } }

        var description: String {
            switch self {
            case let .proved(n, b): return "proved on \(n) boxes (min lower bound \(formatNumber(b)))"
            case let .counterexample(p, v): return "counterexample at \(p.map { formatNumber($0) }) (value ≤ \(formatNumber(v)))"
            case let .undecided(n, b): return "undecided after \(n) boxes, at \(b)"
            }
        }
    }

    /// Proves f > 0 on `box` (a product of closed intervals).
    /// - Parameters:
    ///   - maxBoxes: the budget of evaluations.
    ///   - f: an interval extension of f.
    static func provePositive(on box: [CB23Interval], maxBoxes: Int = 200_000,
                              _ f: ([CB23Interval]) -> CB23Interval) -> Result {
        var stack = [box]
        var evaluated = 0
        var bound = Double.infinity
        while let b = stack.popLast() {
            evaluated += 1
            if evaluated > maxBoxes { return .undecided(boxes: evaluated, box: b) }
            let value = f(b)
            if value.lo > 0 { bound = min(bound, value.lo); continue }
            let mid = b.map { $0.midpoint }
            let atMid = f(mid.map { CB23Interval($0) })
            if atMid.hi <= 0 { return .counterexample(point: mid, value: atMid.hi) }
            // Bisect the widest side; a side that cannot be split further means we are stuck.
            var widest = 0
            for i in b.indices where b[i].width > b[widest].width { widest = i }
            let side = b[widest], m = side.midpoint
            guard m > side.lo, m < side.hi else { return .undecided(boxes: evaluated, box: b) }
            var left = b, right = b
            left[widest] = CB23Interval(side.lo, m)
            right[widest] = CB23Interval(m, side.hi)
            stack.append(right)
            stack.append(left)
        }
        return .proved(boxes: evaluated, bound: bound)
    }

    /// Proves f < 0 on `box` (by proving −f > 0; a counterexample is a point with f ≥ 0).
    static func proveNegative(on box: [CB23Interval], maxBoxes: Int = 200_000,
                              _ f: ([CB23Interval]) -> CB23Interval) -> Result {
        switch provePositive(on: box, maxBoxes: maxBoxes, { -f($0) }) {
        case let .proved(n, b): return .proved(boxes: n, bound: -b)
        case let .counterexample(p, v): return .counterexample(point: p, value: -v)
        case let .undecided(n, b): return .undecided(boxes: n, box: b)
        }
    }
}
