import EOSCore

extension CB23Claims {
    /// Lemma 1 (restated as Lemma 3): the higher-order version of Theorem 1.
    static let lemma1 = Claim(
        id: "CB23.Lem1",
        title: "Lowest non-zero derivative f⁽ᵏ⁾, k ≥ 4: two-step fixed point with η in the printed interval",
        source: ClaimSource(seed: Seed.cb23, statement: "Lemma 1 (restated as Lemma 3)", lines: 107...112),
        statement: """
        Consider any 1-D differentiable function f(x) around a local minima x̄, satisfying that the lowest order non-zero derivative (except the f″) at x̄ is f⁽ᵏ⁾(x̄) with k ≥ 4. Then, there exists ε with sufficiently small |ε| such that: for any point x₀ between x̄ and x̄ − ε, and 1. if k is odd and ε·f⁽ᵏ⁾(x̄) > 0, f⁽ᵏ⁺¹⁾(x̄) < 0, then there exists η ∈ (2/f″, 2/(f″ − f⁽ᵏ⁾ε^{k−2})), 2. if k is even and f⁽ᵏ⁾(x̄) < 0, then there exists η ∈ (2/f″, 2/(f″ + f⁽ᵏ⁾ε^{k−2})), such that F_η²(x₀) = x₀.
        """,
        uses: ["CB23.Def2"],
        parameters: [
            ParameterSpec("function", .choice(["sine", "evenQuartic", "oddQuintic"]),
                          meaning: "sin x at −π/2 (k = 4), x²/2 + b x⁴ (k = 4), x²/2 + a x⁵ + b x⁶ (k = 5)"),
            ParameterSpec("a", .real, .all, required: false, meaning: "x⁵ coefficient of oddQuintic (default 1)"),
            ParameterSpec("b", .real, .all, required: false, meaning: "x⁴ (evenQuartic) or x⁶ (oddQuintic) coefficient (default −1)"),
            ParameterSpec("epsilon", .real, .open(0, 1), meaning: "|ε|; for odd k its sign makes ε·f⁽ᵏ⁾ > 0"),
            ParameterSpec("points", .integer, .closed(1, 200), required: false,
                          meaning: "number of x₀ = x̄ − ε·j/points, j = 1…points (default 16)"),
        ],
        method: """
        Derivatives up to order 7 at x̄ by Taylor-mode AD; k is the lowest order ≥ 3 with |f⁽ᵏ⁾| > 1e-12 (f‴(−π/2) \
        of sine evaluates to ≈ 6e-17, cos(−π/2) in double). The printed interval for η is built from k's parity, \
        and for each x₀ = x̄ − ε·j/N the two-step residual F_η²(x₀) − x₀ is scanned on 201 points of the interval \
        and refined by Brent's method. The case holds when every x₀ has a root. Negative controls: the sign \
        hypothesis reversed (even k with f⁽ᵏ⁾ > 0; odd k with f⁽ᵏ⁺¹⁾ > 0), where the lemma's mechanism is absent.
        """,
        expected: .confirmed
    ) { c in
        let name = try c.text("function")
        let (loss, xbar) = localTestFunction(name, a: try c.number("a", default: 1), b: try c.number("b", default: -1))
        let n = try c.integer("points", default: 16)
        let d = loss.derivatives(at: xbar, order: 7)
        // 1e-12: f‴ of the sine at −π/2 is cos(−π/2) ≈ 6e-17 in double (π/2 is not representable).
        guard let k = CB23Support.lowestNonzeroOrder(d, zero: 1e-12), k >= 4, k < 7 else {
            throw ClaimError.computation("the lowest non-zero derivative order is not in 4…6")
        }
        let f2 = d[2], fk = d[k], fk1 = d[k + 1]
        let odd = k % 2 == 1
        let eps = (odd && fk < 0 ? -1.0 : 1.0) * (try c.number("epsilon"))
        let epsPower = integerPower(eps, k - 2)
        let lo = 2 / f2
        let hi = odd ? 2 / (f2 - fk * epsPower) : 2 / (f2 + fk * epsPower)
        var withRoot = 0, etaMin = Double.infinity, etaMax = -Double.infinity
        if hi > lo {
            for j in 1...n {
                let x0 = xbar - eps * Double(j) / Double(n)
                if let r = try loss.twoCycleRates(x0: x0, in: lo, hi).first {
                    withRoot += 1
                    etaMin = min(etaMin, r); etaMax = max(etaMax, r)
                }
            }
        }
        var q: [Quantity] = [
            .judge("x₀ in (x̄ − ε, x̄) with a two-step fixed point η in the printed interval", Double(withRoot),
                   predicted: "all \(n)", holds: withRoot == n),
            .context("k (lowest non-zero order ≥ 3)", Double(k)),
            .context("f⁽ᵏ⁾(x̄)", fk), .context("f⁽ᵏ⁺¹⁾(x̄)", fk1),
            .context("|f‴(x̄)| (zero analytically when k ≥ 4)", abs(d[3])),
            .context("2/f″", lo), .context("upper end of the printed interval", hi),
        ]
        if withRoot > 0 {
            q.append(.context("smallest η found", etaMin))
            q.append(.context("largest η found", etaMax))
        }
        return CaseOutcome(q)
    }

    /// x^n for a whole n (a helper that keeps the sign of x).
    static func integerPower(_ x: Double, _ n: Int) -> Double {
        var r = 1.0
        for _ in 0..<n { r *= x }
        return r
    }
}
