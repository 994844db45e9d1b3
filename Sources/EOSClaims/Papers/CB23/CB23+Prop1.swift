import EOSCore

/// What Proposition 1 predicts for f = (g − y)² at x̄ = g⁻¹(y), and what GD does there.
struct CB23SquaredLossAnalysis {
    /// g(x̄), g′, g″, g‴, g⁗ (AD).
    let g: [Double]
    /// f(x̄), f′, …, f⁗ of f = (g − y)², by AD of the composite (not by Eqs. 29–31).
    let f: [Double]
    let xbar: Double
    let eta: Double
    let orbit: CB23OrbitNearMinimum
    /// Leading-order amplitude of the period-2 orbit (NaN when 3f‴² − f″f⁗ ≤ 0).
    let predictedAmplitude: Double

    init(model: CB23BaseModel, xbar: Double, kappa: Double, radius: Double, steps: Int) {
        self.xbar = xbar
        g = model.derivatives(at: xbar, order: 4)
        let loss = model.squaredLoss(target: g[0])
        f = loss.derivatives(at: xbar, order: 4)
        eta = (1 + kappa) * 2 / f[2]
        predictedAmplitude = CB23Support.flipAmplitude(f2: f[2], f3: f[3], f4: f[4], kappa: kappa)
        let offset = predictedAmplitude.isFinite ? 0.5 * predictedAmplitude : 1e-3 * max(1, abs(xbar))
        orbit = CB23OrbitNearMinimum(loss: loss, minimum: xbar, eta: eta, start: xbar + offset,
                                     steps: steps, radius: radius)
    }

    /// Prop. 1 (i) g′(x̄) ≠ 0 and (ii) g′g‴ < 6g″².
    var hypothesesHold: Bool { g[1] != 0 && g[1] * g[3] < 6 * g[2] * g[2] }

    /// The conclusion on f: Theorem 1's conditions (f‴ ≠ 0, 3f‴² − f″f⁗ > 0), or Lemma 1's with k = 4
    /// (f‴ = 0 up to rounding, f⁗ < 0).
    var route: String {
        let scale = max(1, abs(f[2]))
        // 1e-13·scale: f‴ = 6g′g″ is exactly 0 when g″ = 0; AD leaves at most a few ulps.
        if abs(f[3]) > 1e-13 * scale { return 3 * f[3] * f[3] - f[2] * f[4] > 0 ? "Theorem 1" : "none" }
        return f[4] < 0 ? "Lemma 1 (k = 4)" : "none"
    }

    func quantities(judgeHypotheses: Bool) -> [Quantity] {
        var q: [Quantity] = []
        let tol = Tolerance.relative(1e-12, "AD of (g − y)² vs. the closed form from g's derivatives: both exact up to a few roundings")
        q.append(.compare("f″(x̄) vs Eq. (29) 2g′²", measured: f[2], predicted: 2 * g[1] * g[1], tol))
        q.append(.compare("f‴(x̄) vs Eq. (30) 6g″g′", measured: f[3], predicted: 6 * g[2] * g[1],
                          .absolute(1e-12 * max(1, abs(f[2]) + abs(f[4])), "AD vs closed form, absolute because f‴ may be 0")))
        q.append(.compare("f⁗(x̄) vs Eq. (31) 6g″² + 8g′g‴", measured: f[4], predicted: 6 * g[2] * g[2] + 8 * g[1] * g[3],
                          .absolute(1e-12 * max(1, abs(f[4]) + abs(f[2])), "AD vs closed form")))
        let margin = 6 * g[2] * g[2] - g[1] * g[3]
        if judgeHypotheses {
            q.append(.judge("Prop. 1 (ii) margin 6g″² − g′g‴", margin, predicted: "> 0", holds: margin > 0))
        } else {
            q.append(.context("Prop. 1 (ii) margin 6g″² − g′g‴", margin))
        }
        q.append(.context("g′(x̄)", g[1]))
        let routeName = route
        q.append(.judge("Theorem 1 / Lemma 1 conditions on f at x̄", measured: routeName,
                        predicted: "Theorem 1 or Lemma 1 (k = 4)", holds: routeName != "none"))
        q.append(.context("3f‴² − f″f⁗", 3 * f[3] * f[3] - f[2] * f[4]))
        q.append(.judge("GD at η = (1+κ)·2/f″: period-2 orbit around x̄", measured: orbit.summary,
                        predicted: "period 2, δ₁ < x̄ < δ₂", holds: orbit.straddles))
        if orbit.straddles, predictedAmplitude.isFinite {
            q.append(.context("orbit half-width (measured)", orbit.halfWidth))
            q.append(.context("orbit half-width, leading order √(6f″²κ/(3f‴² − f″f⁗))", predictedAmplitude))
        }
        q.append(.context("x̄", xbar))
        q.append(.context("η", eta))
        return q
    }
}

extension CB23Claims {
    static let proposition1 = Claim(
        id: "CB23.Prop1",
        title: "(g(x) − y)² with g′ ≠ 0 and g′g‴ < 6g″² meets Theorem 1 or Lemma 1",
        source: ClaimSource(seed: Seed.cb23, statement: "Proposition 1 (restated as Proposition 9)", lines: 120...120),
        statement: """
        Consider a 1-D function g(x), and define the loss function f as f(x) = (g(x) − y)². Assuming (i) g′ is not zero when g(x̄) = y, (ii) g′(x̄)g⁽³⁾(x̄) < 6[g″(x̄)]², then it satisfies the condition in Theorem 1 or Lemma 1 have a fixed point of F_η² around x̄.
        """,
        uses: ["CB23.Thm1", "CB23.Lem1"],
        parameters: [
            ParameterSpec("g", .choice(CB23BaseModel.names), meaning: "the base model"),
            ParameterSpec("xbar", .real, .all, meaning: "the minimiser x̄; the target is y = g(x̄)"),
            ParameterSpec("kappa", .real, .open(-0.5, 0.5), required: false,
                          meaning: "η = (1 + κ)·2/f″(x̄) (default 0.02)"),
            ParameterSpec("radius", .real, .positive, required: false,
                          meaning: "the orbit must lie within this distance of x̄ (default 0.5)"),
        ],
        method: """
        AD gives g′…g⁗ at x̄ and, separately, f″, f‴, f⁗ of the composite (g − y)²; the latter are compared with \
        Eqs. (29)–(31). The conclusion is evaluated on f itself: Theorem 1's conditions (f‴ ≠ 0 and \
        3f‴² − f″f⁗ > 0) or Lemma 1's with k = 4 (f‴ = 0, f⁗ < 0). Then GD runs 20000 steps at \
        η = (1 + κ)·2/f″(x̄) from x̄ + half the leading-order orbit amplitude; the case holds when the hypotheses \
        and conditions hold and GD ends on a period-2 orbit δ₁ < x̄ < δ₂ within `radius` of x̄. Negative controls: \
        g = x + x³ at 0 (g″ = 0, g′g‴ = 6 > 0: (ii) fails, f⁗ > 0) and g = 2x (f quadratic): no orbit around x̄.
        """,
        expected: .confirmed
    ) { c in
        guard let model = CB23BaseModel.named(try c.text("g")) else { throw ClaimError.computation("unknown g") }
        let a = CB23SquaredLossAnalysis(model: model, xbar: try c.number("xbar"),
                                        kappa: try c.number("kappa", default: 0.02),
                                        radius: try c.number("radius", default: 0.5), steps: 20_000)
        return CaseOutcome(a.quantities(judgeHypotheses: true))
    }
}
