import EOSCore

extension CB23Claims {
    /// Theorem 2 (restated as Theorem 8, Eq. 34): GD on f(x) = ¼(x² − µ)² with η = K/µ,
    /// 1 < K < √4.5 − 1, from any 0 < x₀ < √µ converges to the period-2 orbit {δ₁, δ₂},
    /// δ₁ ∈ (0, √µ), δ₂ ∈ (√µ, 2√µ), the solutions of η = 1/(δ²(√(µ/δ² − 3/4) + 1/2)) (Eq. 4).
    ///
    /// Check: run GD from a grid of starting points in (0, √µ); the tail of every run must be a
    /// period-2 orbit whose two points lie in the printed intervals and satisfy Eq. (4).
    /// Negative control: K < 1 (η below 2/f″(√µ)), where GD converges to √µ and no
    /// period-2 orbit exists.
    static let theorem2 = Claim(
        id: "CB23.Thm2",
        title: "¼(x²−µ)²: GD with η = K/µ, 1 < K < √4.5 − 1, converges to the period-2 orbit of Eq. (4)",
        source: ClaimSource(seed: Seed.cb23, statement: "Theorem 2 (restated as Theorem 8, Eq. 34)", lines: 140...142),
        statement: """
        For f(x) = ¼(x² − µ)², consider GD with η = K·(1/µ) where 1 < K < √4.5 − 1 ≈ 1.121, and initialized on any point 0 < x₀ < √µ. Then it converges to an orbit of period 2, except for a measure-zero initialization where it converges to √µ. More precisely, the period-2 orbit are the solutions x = δ₁ ∈ (0, √µ), x = δ₂ ∈ (√µ, 2√µ) of solving δ in η = 1/(δ²(√(µ/δ² − 3/4) + 1/2)). (4)
        """,
        uses: ["CB23.Def2"],
        parameters: [
            ParameterSpec("mu", .real, .positive, meaning: "µ, the target of x²"),
            ParameterSpec("K", .real, .positive, meaning: "η·µ, the learning rate in units of 1/µ"),
            ParameterSpec("starts", .integer, .closed(1, 10_000), required: false,
                          meaning: "number of starting points x₀ on a grid in (0, √µ) (default 64)"),
            ParameterSpec("steps", .integer, .closed(100, 10_000_000), required: false,
                          meaning: "GD steps per run (default 20000)"),
        ],
        method: """
        GD x ← x − η·x(x² − µ) from `starts` points x₀ = (k/(starts+1))·√µ, k = 1…starts (a grid avoids \
        the measure-zero exceptional set with probability one). After `steps` steps the last 64 iterates \
        are classified by the core's trajectory analysis; the claim holds in a case when every run ends \
        on a period-2 orbit {δ₁ < δ₂} with δ₁ ∈ (0, √µ), δ₂ ∈ (√µ, 2√µ), and both orbit points satisfy \
        Eq. (4): |η − 1/(δ²(√(µ/δ² − 3/4) + 1/2))| ≤ 1e-9·η. Also recomputed: f″(√µ) = 2µ and f‴(√µ) = 6√µ \
        (printed before the theorem, l.138) by Taylor AD, the orbit multiplier, and the constants of the proof \
        (App. F): (36) ηµ ≤ 3/2, (37) x̄₀² ≥ (3 + √2)µ/7 ⇒ (38) ηµ ≤ √4.5 − 1, (39) at the window's end, and the \
        printed bound (2/3)(1 + ηµ) ≤ 1.4 (which is √2 ≈ 1.414 at ηµ = √4.5 − 1; the proof only needs < √3).
        """,
        expected: .confirmed
    ) { c in
        let mu = try c.number("mu"), k = try c.number("K")
        let starts = try c.integer("starts", default: 64), steps = try c.integer("steps", default: 20_000)
        let eta = k / mu, root = mu.squareRoot()
        let gdStep: (Double) -> Double = { x in x - eta * x * (x * x - mu) }

        var periodTwoRuns = 0, inIntervals = 0, worstResidual = 0.0
        var delta1 = Double.nan, delta2 = Double.nan
        var nonPeriodTwo: [String] = []
        for i in 1...starts {
            let x0 = Double(i) / Double(starts + 1) * root
            let behaviour = TrajectoryClassification.classifyMap(gdStep, from: x0, steps: steps)
            guard case .periodic(let period, let orbit, _) = behaviour, period == 2 else {
                if nonPeriodTwo.count < 3 { nonPeriodTwo.append("x₀ = \(formatNumber(x0)): \(behaviour)") }
                continue
            }
            periodTwoRuns += 1
            let points = orbit.map { $0[0] }.sorted()
            (delta1, delta2) = (points[0], points[1])
            if delta1 > 0, delta1 < root, delta2 > root, delta2 < 2 * root { inIntervals += 1 }
            for d in points {
                // Eq. (4) evaluated at an orbit point; the square root is real for δ² < 4µ/3.
                let inner = mu / (d * d) - 0.75
                let predictedEta = inner >= 0 ? 1 / (d * d * (inner.squareRoot() + 0.5)) : .infinity
                worstResidual = max(worstResidual, abs(predictedEta - eta) / eta)
            }
        }
        var quantities: [Quantity] = [
            .judge("runs ending on a period-2 orbit", Double(periodTwoRuns),
                   predicted: "all \(starts)", holds: periodTwoRuns == starts),
            .judge("orbits with δ₁ ∈ (0, √µ), δ₂ ∈ (√µ, 2√µ)", Double(inIntervals),
                   predicted: "all \(starts)", holds: inIntervals == starts),
        ]
        if periodTwoRuns > 0 {
            quantities.append(.judge("max relative residual of Eq. (4) at the orbit points", worstResidual,
                                     predicted: "≤ 1e-9 (orbit converged to machine precision; 1e-9 allows the residual of a 20000-step run)",
                                     holds: worstResidual <= 1e-9))
            quantities.append(.context("δ₁", delta1))
            quantities.append(.context("δ₂", delta2))
        }
        quantities.append(.context("η = K/µ", eta))
        quantities.append(.context("2/f″(√µ) = 1/µ", 1 / mu))
        if periodTwoRuns > 0 {
            quantities.append(.context("orbit multiplier F′(δ₁)F′(δ₂) (|m| < 1: attracting)",
                                       OrbitMultiplier.multiplier(orbit: [delta1, delta2]) { x in 1 + k - 3 * eta * x * x }))
        }
        let jet = CB23Loss1D { x in 0.25 * (x * x - mu) * (x * x - mu) }.derivatives(at: root, order: 3)
        quantities.append(.compare("f″(√µ) (AD; printed 2µ)", measured: jet[2], predicted: 2 * mu,
                                   .relative(1e-14, "AD of a polynomial, a few roundings")))
        quantities.append(.compare("f‴(√µ) (AD; printed 6√µ)", measured: jet[3], predicted: 6 * root,
                                   .relative(1e-14, "AD of a polynomial, a few roundings")))
        quantities += theorem2ProofConstants(k: k)
        return CaseOutcome(quantities, note: nonPeriodTwo.isEmpty ? "" : "not period 2: " + nonPeriodTwo.joined(separator: "; "))
    }

    /// The constants of the proof of Theorem 2 (App. F), recomputed (µ = 1; they are scale-free in ηµ and x²/µ).
    static func theorem2ProofConstants(k: Double) -> [Quantity] {
        // Eq. (35): ηµ as a function of s = x̄₀²/µ.
        func etaMu(_ s: Double) -> Double { 1 / (s * ((1 / s - 0.75).squareRoot() + 0.5)) }
        let exact = Tolerance.relative(1e-14, "closed forms evaluated in double, a few roundings")
        var q: [Quantity] = [
            .compare("(36) ηµ at x₀² = 4µ/3 (printed bound 3/2)", measured: etaMu(4.0 / 3), predicted: 1.5, exact),
            .compare("(38) ηµ at x̄₀² = (3+√2)µ/7 via Eq. (35) (printed √4.5 − 1)", measured: etaMu((3 + 2.0.squareRoot()) / 7),
                     predicted: 4.5.squareRoot() - 1, exact),
        ]
        // (37): the boundary x̄₀² = x_s² = ⅓(µ + 1/η(x̄₀)), solved by Brent in s ∈ (0.5, 0.99).
        if let s = try? RootFinding.brent(in: 0.5, 0.99, { s in s - (1 + 1 / etaMu(s)) / 3 }) {
            q.append(.compare("(37) boundary x̄₀²/µ where x̄₀ = x_s (printed (3+√2)/7)", measured: s,
                              predicted: (3 + 2.0.squareRoot()) / 7,
                              .relative(1e-13, "Brent to 4ε on a function with slope ≈ 1")))
        }
        let top = 4.5.squareRoot()
        func eq39(_ k: Double) -> Double { 2.0 / 3 * (1 + k) * (1 + k - 4.0 / 27 * (1 + k) * (1 + k) * (1 + k)) }
        q.append(.compare("(39) left side at ηµ = √4.5 − 1 (the window's end, = 1)", measured: eq39(top - 1), predicted: 1,
                          .relative(1e-14, "closed form, a few roundings")))
        q.append(.context("(39) left side at this K (> 1 inside the window)", eq39(k)))
        q.append(.context("(2/3)(1 + ηµ) at this K (printed '≤ 1.4'; equals √2 ≈ 1.414 at ηµ = √4.5 − 1)", 2.0 / 3 * (1 + k)))
        return q
    }
}
