import EOSCore

extension CB23Claims {
    /// Corollary 1: sin allows stable oscillation around its local minima (via Lemma 1, k = 4).
    static let corollary1 = Claim(
        id: "CB23.Cor1",
        title: "sin x allows stable oscillation around its local minima (Lemma 1 with k = 4)",
        source: ClaimSource(seed: Seed.cb23, statement: "Corollary 1", lines: 722...724),
        statement: """
        f(x) = sin(x) allows stable oscillation around its local minima x̄. Proof: Its lowest order nonzero derivative (except f″) is f⁽⁴⁾(x̄) = sin(x̄) = −1 < 0 and the order 4 is even. Then Lemma 1 gives the result.
        """,
        uses: ["CB23.Lem1"],
        parameters: [
            ParameterSpec("minimum", .integer, .closed(-5, 5), required: false,
                          meaning: "which minimum: x̄ = −π/2 + 2πm (default 0)"),
            ParameterSpec("kappa", .real, .open(-0.5, 0.5), required: false, meaning: "η = (1 + κ)·2/f″(x̄) (default 0.02)"),
        ],
        method: """
        At x̄ = −π/2 + 2πm the derivatives are enclosed by interval AD on an interval containing the true x̄ \
        (x̄ is not a double): f″ ∈ [1 − δ, 1], f⁗ ∈ [−1, −1 + δ] (certified < 0), and |f‴| ≤ twice the box width (zero analytically: −cos(−π/2)). GD at η = (1 + κ)·2/f″ (20000 steps) from x̄ + half the leading-order amplitude √(6κ) \
        (Lemma 1's expansion, −6f″κ/f⁗) must end on a period-2 orbit δ₁ < x̄ < δ₂ within 0.5 of x̄, stable because \
        GD converged to it. Negative control: κ < 0, where GD converges to x̄.
        """,
        expected: .confirmed
    ) { c in
        let m = Double(try c.integer("minimum", default: 0)), kappa = try c.number("kappa", default: 0.02)
        let xbar = -Double.pi / 2 + 2 * Double.pi * m
        // The true x̄ lies within 4 ulp of its double (π rounded once, one multiplication, one addition).
        let box = Interval(xbar - 4 * xbar.ulp, xbar + 4 * xbar.ulp)
        let d = Jet<Interval>.variable(box, order: 4).sin.derivatives
        let loss = CB23Loss1D { x in x.sin }
        let eta = (1 + kappa) * 2 / 1.0
        let amplitude = CB23Support.flipAmplitude(f2: 1, f3: 0, f4: -1, kappa: kappa)
        let start = xbar + (amplitude.isFinite ? 0.5 * amplitude : 1e-3)
        let orbit = CB23OrbitNearMinimum(loss: loss, minimum: xbar, eta: eta, start: start, steps: 20_000, radius: 0.5)
        var q: [Quantity] = [
            .judge("f⁗(x̄) = sin x̄ (interval enclosure, upper end)", d[4].hi, predicted: "< 0", holds: d[4].hi < 0),
            .judge("|f‴(x̄)| (interval enclosure, largest)", max(abs(d[3].lo), abs(d[3].hi)),
                   predicted: "≤ 2·width of the x̄ box = \(formatNumber(2 * box.width)) (f‴ = −cos x is 0 at the true x̄, slope 1)",
                   holds: max(abs(d[3].lo), abs(d[3].hi)) <= 2 * box.width),
            .judge("f″(x̄) (interval enclosure, lower end)", d[2].lo, predicted: "> 0 (a minimum)", holds: d[2].lo > 0),
            .judge("GD at η = (1+κ)·2/f″: period-2 orbit around x̄", measured: orbit.summary,
                   predicted: "period 2, δ₁ < x̄ < δ₂", holds: orbit.straddles),
            .context("η", eta),
        ]
        if orbit.straddles {
            q.append(.context("orbit half-width (measured)", orbit.halfWidth))
            q.append(.context("orbit half-width, leading order √(6κ)", amplitude))
        }
        return CaseOutcome(q)
    }
}
