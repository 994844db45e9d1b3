import EOSCore

extension CB23Claims {
    /// Proposition 2 (restated as Proposition 10): the composition rule.
    static let proposition2 = Claim(
        id: "CB23.Prop2",
        title: "Composition rule: p, q meeting Prop. 1's conditions ⇒ q(p(x)) meets them too",
        source: ClaimSource(seed: Seed.cb23, statement: "Proposition 2 (restated as Proposition 10)", lines: 124...124),
        statement: """
        Consider two 1-D functions p, q. Assume both p(x), q(y) at x = x̄, y = p(x̄) satisfies the conditions of g in Prop 1. Then q(p(x)) also satisfies the conditions to have a fixed point of F_η² around x = x̄.
        """,
        uses: ["CB23.Prop1"],
        parameters: [
            ParameterSpec("inner", .choice(CB23BaseModel.names), meaning: "p"),
            ParameterSpec("outer", .choice(CB23BaseModel.names), meaning: "q"),
            ParameterSpec("xbar", .real, .all, meaning: "x̄; the target is y = q(p(x̄))"),
            ParameterSpec("kappa", .real, .open(-0.5, 0.5), required: false, meaning: "η = (1 + κ)·2/f″(x̄) (default 0.02)"),
            ParameterSpec("radius", .real, .positive, required: false, meaning: "the orbit must lie within this distance of x̄ (default 0.5)"),
        ],
        method: """
        Interval AD at the point x̄ (and at p(x̄)) encloses p′, p″, p‴ and q′, q″, q‴, so the hypotheses \
        (p′ ≠ 0, p′p‴ < 6p″²; q′ ≠ 0, q′q‴ < 6q″²) are certified, and encloses M = F′F‴ − 6F″² of F = q∘p \
        (AD of the composite, not the proof's expansion). The conclusion holds when F′ ≠ 0 and M < 0 are certified \
        and GD on (F(x) − F(x̄))² at η = (1 + κ)·2/f″(x̄) ends on a period-2 orbit around x̄. Reported with it: the \
        proof's bound M ≤ −9q′q″p′²p″ and the product q′q″p″ before and after the proof's re-representation \
        q̂(y) = q(−y), p̂ = −p (the proof claims the sign flips; it is invariant: (−q′)(q″)(−p″) = q′q″p″). \
        Stress pairs: log∘exp (both meet Prop. 1, Corollaries 6 and 7, but the composite is x: M = 0, f quadratic) \
        and (y + y²/2 + 5y³/6)∘(x − x²/2 + 5x³/6) at 0 (each meets (ii) with margin 1, composite M = +7). \
        Negative control: sin∘exp with η below the EoS (κ < 0).
        """,
        expected: .refuted
    ) { c in
        guard let p = CB23BaseModel.named(try c.text("inner")), let qm = CB23BaseModel.named(try c.text("outer")) else {
            throw ClaimError.computation("unknown base model")
        }
        let xbar = try c.number("xbar"), kappa = try c.number("kappa", default: 0.02)
        let radius = try c.number("radius", default: 0.5)
        typealias IJet = Jet<Interval>
        let x = Interval(xbar)
        let pd = p(IJet.variable(x, order: 3)).derivatives
        let qd = qm(IJet.variable(pd[0], order: 3)).derivatives
        let fd = qm(p(IJet.variable(x, order: 3))).derivatives
        func hypothesis(_ d: [Interval]) -> (ok: Bool, margin: Interval) {
            let m = Interval(6) * d[2].squared - d[1] * d[3]
            return (!d[1].containsZero && m.lo > 0, m)
        }
        let hp = hypothesis(pd), hq = hypothesis(qd)
        let mComposite = fd[1] * fd[3] - Interval(6) * fd[2].squared
        // The proof's bound, in its notation g = q (outer), f = p (inner).
        let bound = Interval(-9) * qd[1] * qd[2] * pd[1].squared * pd[2]
        let product = (qd[1] * qd[2] * pd[2]).midpoint
        let productReRepresented = ((-qd[1]) * qd[2] * (-pd[2])).midpoint

        // GD on (F(x) − F(x̄))².
        let composite = CB23Loss1D { t in
            let r = qm(p(t)) - qm.value(p.value(xbar))
            return r * r
        }
        let f = composite.derivatives(at: xbar, order: 4)
        let eta = (1 + kappa) * 2 / f[2]
        let amplitude = CB23Support.flipAmplitude(f2: f[2], f3: f[3], f4: f[4], kappa: kappa)
        let start = xbar + (amplitude.isFinite ? 0.5 * amplitude : 1e-3 * max(1, abs(xbar)))
        let orbit = CB23OrbitNearMinimum(loss: composite, minimum: xbar, eta: eta, start: start, steps: 20_000, radius: radius)

        return CaseOutcome([
            .judge("hypothesis on p at x̄: p′ ≠ 0, 6p″² − p′p‴ > 0 (certified lower end)", hp.margin.lo,
                   predicted: "> 0", holds: hp.ok),
            .judge("hypothesis on q at p(x̄): q′ ≠ 0, 6q″² − q′q‴ > 0 (certified lower end)", hq.margin.lo,
                   predicted: "> 0", holds: hq.ok),
            .judge("F = q∘p: F′F‴ − 6F″² (certified upper end)", mComposite.hi, predicted: "< 0 (Prop. 1 (ii) for F)",
                   holds: mComposite.hi < 0 && !fd[1].containsZero),
            .judge("GD at η = (1+κ)·2/f″: period-2 orbit around x̄", measured: orbit.summary,
                   predicted: "period 2, δ₁ < x̄ < δ₂", holds: orbit.straddles),
            .context("F′F‴ − 6F″² (midpoint)", mComposite.midpoint),
            .context("proof's bound −9q′q″p′²p″", bound.midpoint),
            .context("q′q″p″", product),
            .context("q̂′q̂″p̂″ after the re-representation q̂(y) = q(−y), p̂ = −p (proof claims −q′q″p″)", productReRepresented),
            .context("3f‴² − f″f⁗ of f = (F − F(x̄))²", 3 * f[3] * f[3] - f[2] * f[4]),
            .context("η", eta),
        ])
    }
}
