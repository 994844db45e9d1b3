import Foundation
import EOSCore

/// The deep-chain GD map of MPDLN Section 6 / Appendix F and its worst-case return threshold.
///
/// Raw form (Eq. 19 [R]): w ↦ w − η(w^L − s)w^{L−1}, the GD step on ½(w^L − s)² for the per-layer
/// scalar w of the dominant pathway, fixed point w⋆ = s^{1/L}.
/// Normalised form (Eqs. 71–72 [R]): x = w/s^{1/L}, h = η s^{2−2/L},
///
///     f_h(x) = x − h x^{L−1}(x^L − 1),   f_h′(x) = 1 − h((2L−1)x^{2L−2} − (L−1)x^{L−2}).
///
/// Two independent routes to the normalised WCR constant c_L = L · sup{h : two-step return safe}:
/// - `constantByRoot`: the boundary system (Eqs. 76–81 [R]) reduced to the root of
///   F_L(u) = h(u) M(u)^{L−2}(M(u)^L − 1) − 1 on (((L−1)/(2L−1))^{1/L}, 1), then c_L = L h(u⋆);
/// - `constantByDirectSearch`: bisection in h on Definition 6.1 itself, evaluated without
///   Lemma F.2: every overshoot x₀ ∈ (0, 1) with f(x₀) > 1 must give f(f(x₀)) ∈ (0, 1); the
///   overshoot set is located by a scan and Brent, and the extremes of f∘f on it by global 1-D
///   maximisation.
struct DeepChainReturnMap {
    /// L ≥ 2.
    let depth: Int
    /// Normalised step h = η s^{2−2/L}.
    let h: Double

    /// f_h(x).
    func callAsFunction(_ x: Double) -> Double {
        let l = Double(depth)
        return x - h * pow(x, l - 1) * (pow(x, l) - 1)
    }

    /// f_h′(x).
    func derivative(_ x: Double) -> Double {
        let l = Double(depth)
        return 1 - h * ((2 * l - 1) * pow(x, 2 * l - 2) - (l - 1) * pow(x, l - 2))
    }

    /// M(h) = max_{x∈[0,1]} f_h(x) and its maximiser (Eq. 73), by global 1-D maximisation.
    func worstOvershoot() throws -> (argmax: Double, value: Double) {
        try Maximization.maximize(in: 0, 1, gridPoints: 4001) { self($0) }
    }
}

/// What Definition 6.1 finds for one map: whether any start in (0, w⋆) overshoots w⋆, and the
/// smallest and largest second iterate over the overshooting starts.
struct TwoStepReturn {
    let overshoots: Bool
    /// min f(f(x₀)) over overshooting x₀ (+∞ if none).
    let lowestReturn: Double
    /// max f(f(x₀)) over overshooting x₀ (−∞ if none).
    let highestReturn: Double
    /// The overshooting x₀ attaining `lowestReturn`.
    let bindingStart: Double
    /// Return-safe: no overshoot, or every overshoot returns into (0, w⋆).
    ///
    /// The overshoot set is open and g(g(x₀)) → g(w⋆) = w⋆ at its ends (where g(x₀) = w⋆), so the
    /// supremum of the second iterate over it is w⋆ itself whenever g is decreasing above w⋆;
    /// the upper condition is therefore tested as sup ≤ w⋆(1 + 1e-12) (rounding of g∘g near
    /// the ends), the lower one strictly.
    func isSafe(fixedPoint: Double) -> Bool {
        !overshoots || (lowestReturn > 0 && highestReturn <= fixedPoint * (1 + 1e-12))
    }

    /// Evaluates Definition 6.1 for a map g with fixed point w⋆ directly.
    ///
    /// Starts are scanned on w = w⋆ e^{−τ/L}, τ = τ_max·j/N (j = 1…N, a grid that resolves the
    /// O(w⋆/L) overshoot layer below w⋆ at every depth); τ_max = L ln(1 + h) + 5 with
    /// h = η w⋆^{2L−2}: below w⋆/(1 + h) no start can overshoot, since g(w) ≤ w(1 + η s w^{L−2})
    /// ≤ w(1 + h) there when L ≥ 2 (for L = 1, τ_max = 40). Runs of overshooting grid points are widened to the exact crossing g(w) = w⋆ by
    /// Brent, and on each run min and max of g∘g are found by global 1-D maximisation (grid +
    /// Brent), so the result does not rely on Lemma F.2's reduction to the maximiser of g.
    static func evaluate(_ g: (Double) -> Double, fixedPoint w: Double, depth: Int, normalisedStep h: Double,
                         scanPoints n: Int = 4000) throws -> TwoStepReturn {
        let l = Double(depth)
        // For L = 1 the bound above fails (g(0⁺) = ηs), so the grid reaches down to w⋆e^{−40}.
        let tauMax = depth >= 2 ? l * log(1 + h) + 5 : 40
        // Grid from small w up to w⋆ (exclusive), increasing.
        let grid = (1...n).reversed().map { j in w * exp(-tauMax * Double(j) / Double(n)) }
        let over = grid.map { g($0) > w }
        var lowest = Double.infinity, highest = -Double.infinity, binding = Double.nan
        var any = false
        var j = 0
        while j < grid.count {
            guard over[j] else { j += 1; continue }
            var end = j
            while end + 1 < grid.count && over[end + 1] { end += 1 }
            // Widen to the crossings: left neighbour (not overshooting) and right neighbour (or w⋆).
            var a = grid[j], b = grid[end]
            if j > 0 { a = try RootFinding.brent(in: grid[j - 1], grid[j]) { g($0) - w } }
            if end + 1 < grid.count {
                b = try RootFinding.brent(in: grid[end], grid[end + 1]) { g($0) - w }
            } else {
                b = w
            }
            any = true
            if b > a {
                let low = try Maximization.maximize(in: a, b, gridPoints: 801) { -g(g($0)) }
                let high = try Maximization.maximize(in: a, b, gridPoints: 801) { g(g($0)) }
                if -low.value < lowest { lowest = -low.value; binding = low.argmax }
                highest = max(highest, high.value)
            } else {
                let y = g(g(a))
                if y < lowest { lowest = y; binding = a }
                highest = max(highest, y)
            }
            j = end + 1
        }
        return TwoStepReturn(overshoots: any, lowestReturn: lowest, highestReturn: highest, bindingStart: binding)
    }
}

/// The normalised worst-case return constant c_L by the two routes.
enum WorstCaseReturn {
    /// (h, M) on the boundary f_h′(u) = 0 (Eqs. 76–77 [R]), q = u^L:
    /// h = 1/(u^{L−2}((2L−1)q − (L−1))), M = u((2L−2)q − (L−2))/((2L−1)q − (L−1)).
    static func boundary(u: Double, depth: Int) -> (h: Double, m: Double) {
        let l = Double(depth), q = pow(u, l)
        let den = (2 * l - 1) * q - (l - 1)
        return (1 / (pow(u, l - 2) * den), u * ((2 * l - 2) * q - (l - 2)) / den)
    }

    /// F_L(u) = h(u)M(u)^{L−2}(M(u)^L − 1) − 1 (Eq. 80 [R]).
    static func rootFunction(u: Double, depth: Int) -> Double {
        let (h, m) = boundary(u: u, depth: depth)
        let l = Double(depth)
        return h * pow(m, l - 2) * (pow(m, l) - 1) - 1
    }

    /// c_L = L h(u⋆) with F_L(u⋆) = 0 on (((L−1)/(2L−1))^{1/L}, 1): a scan of F_L on 20000
    /// points counts the sign changes (the root must be unique) and Brent refines it.
    static func constantByRoot(depth: Int) throws -> (c: Double, u: Double, m: Double, signChanges: Int) {
        let l = Double(depth)
        let lo = pow((l - 1) / (2 * l - 1), 1 / l)
        let n = 20_000
        var changes: [(Double, Double)] = []
        var previous: (Double, Double)? = nil
        for j in 1..<n {
            let u = lo + (1 - lo) * Double(j) / Double(n)
            let f = rootFunction(u: u, depth: depth)
            guard f.isFinite else { previous = nil; continue }
            if let (pu, pf) = previous, (pf > 0) != (f > 0) { changes.append((pu, u)) }
            previous = (u, f)
        }
        guard let bracket = changes.first else {
            throw ClaimError.computation("no sign change of F_\(depth) on (\(lo), 1)")
        }
        let u = try RootFinding.brent(in: bracket.0, bracket.1) { rootFunction(u: $0, depth: depth) }
        let (h, m) = boundary(u: u, depth: depth)
        return (l * h, u, m, changes.count)
    }

    /// sup{h : Definition 6.1 holds} by bisection (60 halvings) between a safe h (hL = 1.5, below
    /// the onset of instability) and an unsafe one found by doubling; returned as L·h (or as
    /// η for the raw map, see `thresholdByDirectSearch`).
    static func constantByDirectSearch(depth: Int) throws -> Double {
        let l = Double(depth)
        let eta = try thresholdByDirectSearch(depth: depth, target: 1, start: 1.5 / l)
        return l * eta
    }

    /// The WCR step size η_WCR of the RAW map w ↦ w − η(w^L − s)w^{L−1} (no normalisation used
    /// in the map), by bisection on Definition 6.1 evaluated with `TwoStepReturn.evaluate`.
    /// - Parameter start: an η that must be return-safe (checked).
    static func thresholdByDirectSearch(depth: Int, target s: Double, start: Double) throws -> Double {
        let l = Double(depth)
        let w = pow(s, 1 / l)
        func safe(_ eta: Double) throws -> Bool {
            let g: (Double) -> Double = { x in x - eta * (pow(x, l) - s) * pow(x, l - 1) }
            return try TwoStepReturn.evaluate(g, fixedPoint: w, depth: depth,
                                              normalisedStep: eta * pow(w, 2 * l - 2)).isSafe(fixedPoint: w)
        }
        guard try safe(start) else { throw ClaimError.computation("the starting η = \(start) is not return-safe") }
        var lo = start, hi = 2 * start
        while try safe(hi) {
            lo = hi; hi *= 2
            if hi > 1e12 * start { throw ClaimError.computation("no unsafe η found") }
        }
        for _ in 0..<60 {
            let mid = 0.5 * (lo + hi)
            if try safe(mid) { lo = mid } else { hi = mid }
        }
        return 0.5 * (lo + hi)
    }

    /// The principal branch W₀(x) of the Lambert W function for x ≥ 0 (Halley's iteration from
    /// log(1 + x)), used for the leading-order asymptote c_L ≈ 2W₀(2L).
    static func lambertW(_ x: Double) -> Double {
        var w = log(1 + x)
        for _ in 0..<50 {
            let e = exp(w), f = w * e - x
            let step = f / (e * (w + 1) - (w + 2) * f / (2 * w + 2))
            w -= step
            if abs(step) <= 1e-15 * max(1, abs(w)) { break }
        }
        return w
    }
}
