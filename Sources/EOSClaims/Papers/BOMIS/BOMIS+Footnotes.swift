import Foundation
import EOSCore
import EOSModels

extension BOMISClaims {
    /// Footnotes 1–2 (l.278–280).
    static let fnClaim1 = Claim(
        id: "BOMIS.Fn-claim1",
        title: "equal initialization keeps the singular values balanced; for a quadratic, η = 2/‖∇²g‖ makes GD diverge",
        source: ClaimSource(seed: Seed.bomis, statement: "Footnotes 1 and 2", lines: 278...280),
        statement: """
        ¹Based on the scalar loss, the derivative with respect to each singular value is the same. Hence, by starting \
        from the same initialization, they remain balanced. ²As opposed to quadratic loss for which using \
        η = 2/‖∇²g(θ)‖ cause the iterates to diverge and blow up.
        """,
        parameters: [
            ParameterSpec("part", .choice(["balanced", "quadratic"]), meaning: "footnote 1 (balanced scalar GD) or footnote 2 (quadratic)"),
            ParameterSpec("factor", .real, .open(0, 3), meaning: "η / (2/λ_max) (for the scalar loss: 2/(Lσ⋆^{2−2/L}))"),
            ParameterSpec("init", .choice(["balanced", "unbalanced"]), required: false, meaning: "footnote 1: the initialization"),
            ParameterSpec("steps", .integer, .closed(10, 1_000_000), meaning: "GD steps"),
        ],
        method: """
        Footnote 1: GD on the scalar loss ½(Π_ℓ σ_ℓ − 10)², L = 3, from equal σ_ℓ(0) = 0.01; the gap max_ℓ |σ_L² − σ_ℓ²| \
        must stay ≤ 1e-12 (the gradient components are equal in exact arithmetic; the partial products are formed in
        different orders, so they agree to a few ulps). \
        Negative control: the unbalanced init (σ_L(0) = 0). Footnote 2: GD on g(x) = ½λx² (λ = 2) from x_0 = 1 at \
        η = factor × 2/λ; "diverge and blow up" is judged as |x_T| > 1e6. At η = 2/λ exactly, x_t = (−1)^t x_0 stays \
        bounded (|1 − ηλ| = 1), so the footnote fails as printed. Corrected variant: η > 2/‖∇²g‖ (factor 1.02).
        """,
        expected: .discrepancy,
        correctedVariant: "for a quadratic, GD diverges for η > 2/‖∇²g‖; at η = 2/‖∇²g‖ it oscillates with constant amplitude"
    ) { c in
        let factor = try c.number("factor"), steps = try c.integer("steps")
        if try c.text("part") == "balanced" {
            let initName = try c.text("init", default: "balanced")
            let eta = factor * DLNFig.threshold(10, depth: 3)
            let run = DLNFig.indexRun(target: 10, depth: 3, eta: eta, alpha: 0.01,
                                      initialization: initName == "balanced" ? .balanced : .unbalanced, steps: steps)
            let worst = run.gaps.max() ?? .nan
            return CaseOutcome([.judge("largest balancing gap over the run", worst, predicted: "≤ 1e-12 (balanced up to rounding: the equal partial products are formed in different orders, a few ulps of σ² ≈ 4.6)",
                                       holds: worst <= 1e-12)])
        }
        let lambda = 2.0, eta = factor * 2 / lambda
        var x = 1.0, peak = 1.0
        for _ in 0..<steps {
            x -= eta * lambda * x
            guard x.isFinite else { peak = .infinity; break }
            peak = max(peak, abs(x))
        }
        let blewUp = peak > 1e6
        return CaseOutcome([.judge("largest |x_t| over \(steps) steps (x_0 = 1)", measured: peak.isFinite ? formatNumber(peak) : "∞",
                                   predicted: "> 1e6 (diverges, blows up)", holds: blewUp)])
    }
}
