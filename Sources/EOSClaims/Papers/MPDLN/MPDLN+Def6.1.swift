import Foundation
import EOSCore

extension MPDLNClaims {
    /// Definition 6.1 (Worst-case return threshold), l.127–132, with the sentence that follows it.
    static let definition6_1 = Claim(
        id: "MPDLN.Def6.1",
        title: "two-step return-safe step sizes; the binding case is the largest overshoot, from the maximiser of f [R]",
        source: ClaimSource(seed: Seed.mpdln, statement: "Definition 6.1 and l.132", lines: 127...132),
        statement: """
        With w⋆ = s^{1/L} and f from (19), a stepsize η is two-step return-safe if every overshoot from (0, w⋆) returns to \
        the interval after one further step: ∀w₀ ∈ (0, w⋆) with w₁ = f(w₀) > w⋆: w₂ = f(w₁) ∈ (0, w⋆). The worst-case \
        return threshold η_WCR is the supremum of all return-safe stepsizes. On the relevant overshoot branch, the \
        binding case is the largest overshoot, produced by the maximizer of f (Appendix F); if that worst overshoot \
        returns, every smaller one does too. [The map (19) w ↦ w − η(w^L − s)w^{L−1}, w⋆ and the condition are \
        RECONSTRUCTED (INDEX [R]).]
        """,
        uses: ["MPDLN.Eq19"],
        parameters: [
            ParameterSpec("L", .integer, .closed(2, 200), meaning: "depth"),
            ParameterSpec("s", .real, .positive, meaning: "target"),
            ParameterSpec("factor", .real, .open(0, 10), meaning: "η / η_WCR (η_WCR from the root route, MPDLN.Thm6.2)"),
        ],
        method: """
        For the RAW map at η = factor·η_WCR (η_WCR = c_L/(L s^{2−2/L}), c_L from the root of Eq. 80): the definition is \
        evaluated directly — the overshoot set {w₀ ∈ (0, w⋆): f(w₀) > w⋆} located by scan + Brent, min and max of f∘f on \
        it by global 1-D maximisation. Predicted for η < η_WCR: return-safe (min f∘f > 0, sup f∘f ≤ w⋆), and the start \
        attaining min f∘f (the binding case) is the maximiser of f on (0, w⋆) (found separately; relative gap ≤ 1e-5). \
        The supremum property: η slightly above η_WCR is not safe. Negative control: factor 1.01 (just above η_WCR): \
        not return-safe.
        """,
        expected: .confirmed
    ) { c in
        let depth = try c.integer("L"), s = try c.number("s"), factor = try c.number("factor")
        let l = Double(depth), w = pow(s, 1 / l), lambda = l * pow(s, 2 - 2 / l)
        let cL = try WorstCaseReturn.constantByRoot(depth: depth).c
        let eta = factor * cL / lambda
        func map(_ e: Double) -> (Double) -> Double { { x in x - e * (pow(x, l) - s) * pow(x, l - 1) } }
        let g = map(eta)
        let r = try TwoStepReturn.evaluate(g, fixedPoint: w, depth: depth, normalisedStep: factor * cL / l)
        let argmax = try Maximization.maximize(in: 0, w, gridPoints: 4001) { g($0) }.argmax
        let above = try TwoStepReturn.evaluate(map(cL * 1.001 / lambda), fixedPoint: w, depth: depth,
                                               normalisedStep: cL * 1.001 / l)
        let safe = r.isSafe(fixedPoint: w)
        let gap = r.overshoots ? abs(r.bindingStart - argmax) / w : .infinity
        return CaseOutcome([
            .judge("overshoots exist at this η", r.overshoots ? 1 : 0, predicted: "1 (η above the onset 1/λ)", holds: r.overshoots),
            .judge("min over overshooting w₀ of w₂ = f(f(w₀)), in units of w⋆", r.lowestReturn / w,
                   predicted: "> 0 (returns without crossing the origin)", holds: r.lowestReturn > 0),
            .judge("sup over overshooting w₀ of w₂, in units of w⋆", r.highestReturn / w,
                   predicted: "≤ 1 (returns below w⋆; = 1 only at the ends of the open overshoot set; 1e-12 rounding)",
                   holds: r.highestReturn <= w * (1 + 1e-12)),
            .judge("binding start (argmin of f∘f) vs maximiser of f, |Δ|/w⋆", gap,
                   predicted: "≤ 1e-5 (both are smooth extrema located to ≈ √ε)", holds: gap <= 1e-5),
            .judge("η = 1.001·η_WCR is return-safe", above.isSafe(fixedPoint: w) ? 1 : 0,
                   predicted: "0 (η_WCR is the supremum)", holds: !above.isSafe(fixedPoint: w)),
            .context("return-safe at this η", safe ? 1 : 0),
            .context("η", eta), .context("η_WCR", cL / lambda), .context("c_L", cL),
        ])
    }
}
