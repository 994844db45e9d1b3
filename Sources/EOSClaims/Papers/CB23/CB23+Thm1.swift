import EOSCore

extension CB23Claims {
    /// The test functions of Theorem 1 and Lemma 1, each with its local minimum x̄.
    static func localTestFunction(_ name: String, a: Double, b: Double) -> (loss: CB23Loss1D, xbar: Double) {
        switch name {
        case "quartic":       // ¼(x² − 1)² at x̄ = 1: f″ = 2, f‴ = 6, f⁗ = 6.
            return (CB23Loss1D { x in 0.25 * (x * x - 1.0) * (x * x - 1.0) }, 1)
        case "squaredExp":    // (eˣ − 1)² at x̄ = 0: f″ = 2, f‴ = 6, f⁗ = 14.
            return (CB23Loss1D { x in (x.exp - 1.0) * (x.exp - 1.0) }, 0)
        case "cubicQuartic":  // x²/2 + a x³ + b x⁴ at 0: f″ = 1, f‴ = 6a, f⁗ = 24b.
            return (CB23Loss1D { x in 0.5 * x * x + a * x.power(3) + b * x.power(4) }, 0)
        case "evenQuartic":   // x²/2 + b x⁴ at 0: k = 4, f⁗ = 24b.
            return (CB23Loss1D { x in 0.5 * x * x + b * x.power(4) }, 0)
        case "oddQuintic":    // x²/2 + a x⁵ + b x⁶ at 0: k = 5, f⁽⁵⁾ = 120a, f⁽⁶⁾ = 720b.
            return (CB23Loss1D { x in 0.5 * x * x + a * x.power(5) + b * x.power(6) }, 0)
        case "sine":          // sin x at x̄ = −π/2: f″ = 1, f‴ = 0, f⁗ = −1.
            return (CB23Loss1D { x in x.sin }, -Double.pi / 2)
        default:              // "quadratic": x²/2 (f‴ = f⁗ = 0).
            return (CB23Loss1D { x in 0.5 * x * x }, 0)
        }
    }

    /// Theorem 1 (restated as Theorem 7): two-step fixed point near a minimum when
    /// f‴ ≠ 0 and 3f‴² − f″f⁗ > 0.
    static let theorem1 = Claim(
        id: "CB23.Thm1",
        title: "3f‴² − f″f⁗ > 0 at a minimum ⇒ F_η²(x₀) = x₀ for some η ∈ (2/f″, 2/(f″ − εf‴))",
        source: ClaimSource(seed: Seed.cb23, statement: "Theorem 1 (restated as Theorem 7)", lines: 97...99),
        statement: """
        Consider any 1-D differentiable function f(x) around a local minima x̄, satisfying (i) f⁽³⁾(x̄) ≠ 0, and (ii) 3[f⁽³⁾]² − f″f⁽⁴⁾ > 0 at x̄. Then, there exists ε with sufficiently small |ε| and ε·f⁽³⁾ > 0 such that: for any point x₀ between x̄ and x̄ − ε, there exists a learning rate η such that F_η²(x₀) = x₀, and 2/f″(x̄) < η < 2/(f″(x̄) − ε·f⁽³⁾(x̄)).
        """,
        uses: ["CB23.Def2", "CB23.Eq3"],
        parameters: [
            ParameterSpec("function", .choice(["quartic", "squaredExp", "cubicQuartic", "quadratic"]),
                          meaning: "the test function: ¼(x²−1)² at 1, (eˣ−1)² at 0, x²/2 + a x³ + b x⁴ at 0, or x²/2"),
            ParameterSpec("a", .real, .all, required: false, meaning: "cubic coefficient of cubicQuartic (default 1)"),
            ParameterSpec("b", .real, .all, required: false, meaning: "quartic coefficient of cubicQuartic (default 0)"),
            ParameterSpec("epsilon", .real, .open(0, 1), meaning: "|ε|; its sign is taken so that ε·f‴(x̄) > 0"),
            ParameterSpec("points", .integer, .closed(1, 200), required: false,
                          meaning: "number of x₀ = x̄ − ε·k/points, k = 1…points (default 16)"),
        ],
        method: """
        The derivatives f″, f‴, f⁗ at x̄ come from Taylor-mode AD (EOSCore's Jet), not from the closed forms. \
        For each x₀ = x̄ − ε·k/N (k = 1…N, ε signed so that εf‴ > 0), the two-step residual \
        r(η) = F_η(F_η(x₀)) − x₀ is scanned on 201 points of the open interval (2/f″, 2/(f″ − εf‴)) and every \
        sign change is refined by Brent's method. The case holds when every x₀ has such a root η (a genuine \
        period-2 point: x₀ ≠ x̄ is not a critical point, so F_η(x₀) ≠ x₀). Hypotheses (i), (ii) are reported as \
        context. Negative control: x²/2 + a x³ + b x⁴ with b > 4.5a², where (i) holds but (ii) fails \
        (3f‴² − f″f⁗ = 108a² − 24b < 0): then no two-step fixed point with η in the printed interval may exist.
        """,
        expected: .confirmed
    ) { c in
        let name = try c.text("function")
        let (loss, xbar) = localTestFunction(name, a: try c.number("a", default: 1), b: try c.number("b", default: 0))
        let n = try c.integer("points", default: 16)
        let d = loss.derivatives(at: xbar, order: 4)
        let (f2, f3, f4) = (d[2], d[3], d[4])
        let eps = (f3 < 0 ? -1.0 : 1.0) * (try c.number("epsilon"))
        let lo = 2 / f2, hi = 2 / (f2 - eps * f3)
        var withRoot = 0, etaMin = Double.infinity, etaMax = -Double.infinity
        if hi > lo {
            for k in 1...n {
                let x0 = xbar - eps * Double(k) / Double(n)
                let roots = try loss.twoCycleRates(x0: x0, in: lo, hi)
                if let r = roots.first {
                    withRoot += 1
                    etaMin = min(etaMin, r); etaMax = max(etaMax, r)
                }
            }
        }
        var q: [Quantity] = [
            .judge("x₀ in (x̄ − ε, x̄) with a two-step fixed point η in (2/f″, 2/(f″ − εf‴))", Double(withRoot),
                   predicted: "all \(n)", holds: withRoot == n),
            .context("f″(x̄) (Jet)", f2), .context("f‴(x̄) (Jet)", f3), .context("f⁗(x̄) (Jet)", f4),
            .context("condition (ii): 3f‴² − f″f⁗", 3 * f3 * f3 - f2 * f4),
            .context("2/f″(x̄)", lo), .context("2/(f″ − εf‴)", hi),
        ]
        if withRoot > 0 {
            q.append(.context("smallest η found", etaMin))
            q.append(.context("largest η found", etaMax))
        }
        return CaseOutcome(q)
    }
}
