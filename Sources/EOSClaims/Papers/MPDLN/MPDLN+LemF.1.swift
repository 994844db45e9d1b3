import Foundation
import EOSCore

extension MPDLNClaims {
    /// Lemma F.1 (Overshoot regime and monotonicity for hL > 1), l.539–544.
    static let lemmaF1 = Claim(
        id: "MPDLN.LemF.1",
        title: "for hL > 1: some x ∈ (0,1) overshoots (f_h(x) > 1), and f_h is strictly decreasing on [1, ∞) [R]",
        source: ClaimSource(seed: Seed.mpdln, statement: "Lemma F.1", lines: 539...544),
        statement: """
        Assume hL > 1. Then (i) there exist x ∈ (0, 1) such that f_h(x) > 1 (overshoot occurs), and (ii) f_h is strictly \
        decreasing on [1, ∞). Proof: f_h(1) = 1 and f_h′(1) = 1 − hL < 0, so f_h exceeds 1 for x sufficiently close to 1, \
        proving (i). For (ii), for every x ≥ 1, f_h′(x) ≤ 1 − hL < 0. [f_h(x) = x − hx^{L−1}(x^L − 1) (Eq. 72), the \
        assumption and both conclusions are RECONSTRUCTED (INDEX [R]).]
        """,
        uses: ["MPDLN.EqF71-72"],
        parameters: [
            ParameterSpec("L", .integer, .closed(2, 1000), meaning: "depth"),
            ParameterSpec("hL", .real, .positive, meaning: "normalised step times depth"),
        ],
        method: """
        (i) max of f_h on [0, 1] by global 1-D maximisation must exceed 1, at an interior point. (ii) f_h evaluated on \
        20001 points of [1, 1 + 20/L] must be strictly decreasing, and f_h′(x) ≤ 1 − hL must hold at every grid point \
        (f_h′ in closed form; its values are cross-checked against central differences of f_h to 1e-6). Negative \
        control: hL = 0.8 < 1: no overshoot and f_h increasing just above 1.
        """,
        expected: .confirmed
    ) { c in
        let depth = try c.integer("L"), hl = try c.number("hL")
        let f = DeepChainReturnMap(depth: depth, h: hl / Double(depth))
        let best = try f.worstOvershoot()
        let n = 20_000
        let width = 20 / Double(depth)
        var decreasing = true, boundHolds = true, worstFD = 0.0
        var previous = f(1.0)
        for j in 1...n {
            let x = 1 + width * Double(j) / Double(n)
            let y = f(x)
            if !(y < previous) { decreasing = false }
            previous = y
            let d = f.derivative(x)
            if d > 1 - hl + 1e-12 * abs(d) { boundHolds = false }
            if j % 1000 == 0 {
                let step = 1e-6 * x
                let fd = (f(x + step) - f(x - step)) / (2 * step)
                worstFD = max(worstFD, abs(fd - d) / max(1, abs(d)))
            }
        }
        return CaseOutcome([
            .judge("max_{x∈[0,1]} f_h(x)", best.value, predicted: "> 1 (overshoot occurs)", holds: best.value > 1 + 1e-12),
            .judge("its maximiser", best.argmax, predicted: "in (0, 1)", holds: best.argmax > 0 && best.argmax < 1 - 1e-9),
            .judge("f_h strictly decreasing on a 20001-point grid of [1, 1 + 20/L]", decreasing ? 1 : 0,
                   predicted: "1", holds: decreasing),
            .judge("f_h′(x) ≤ 1 − hL on that grid", boundHolds ? 1 : 0, predicted: "1 (1e-12 rounding)", holds: boundHolds),
            .judge("closed-form f_h′ vs central differences (max relative error)", worstFD,
                   predicted: "≤ 1e-6 (central-difference truncation + rounding)", holds: worstFD <= 1e-6),
        ])
    }
}
