import EOSCore

extension CB23Claims {
    static let gridParameters: [ParameterSpec] = [
        ParameterSpec("mu", .real, .positive, required: false, meaning: "µ (default 1)"),
        ParameterSpec("K", .real, .positive, meaning: "η = K/µ"),
        ParameterSpec("range", .vector(minCount: 2, distinct: true, descending: false), .positive, required: false,
                      meaning: "x₀, y₀ range in units of √µ (default [0.2, 3])"),
        ParameterSpec("grid", .integer, .closed(2, 200), required: false, meaning: "grid points per axis (default 24)"),
        ParameterSpec("steps", .integer, .closed(10, 1_000_000), required: false, meaning: "GD steps per run (default 3000)"),
    ]

    /// The starting points of a grid case: x₀, y₀ on `grid` equispaced points of `range`·√µ.
    static func gridStarts(_ c: ClaimCase, mu: Double) throws -> [(Double, Double)] {
        let range = c.parameters["range"] == nil ? [0.2, 3] : try c.vector("range")
        let n = try c.integer("grid", default: 24), root = mu.squareRoot()
        var starts: [(Double, Double)] = []
        for i in 0..<n {
            for j in 0..<n {
                let x = range[0] + (range[1] - range[0]) * Double(i) / Double(n - 1)
                let y = range[0] + (range[1] - range[0]) * Double(j) / Double(n - 1)
                starts.append((x * root, y * root))
            }
        }
        return starts
    }

    /// Theorem 3 (restated as Theorems 5 and 9): balancing on ½(xy − µ)².
    static let theorem3 = Claim(
        id: "CB23.Thm3",
        title: "½(xy − µ)², 1 < K < 1.5: |x − y| decays to 0 on the points with xy > µ",
        source: ClaimSource(seed: Seed.cb23, statement: "Theorem 3 (restated as Theorems 5 and 9)", lines: 148...148),
        statement: """
        For f(x, y) = ½(xy − µ)², consider GD with learning rate η = K·(1/µ). Assume both x and y are always positive during the whole process {x_i, y_i}_{i≥0}. In this process, denote a series of all points with xy > µ as P = {(x_i, y_i) | x_i y_i > µ}_{i≥0}. Then |x − y| decays to 0 in P, for any 1 < K < 1.5.
        """,
        uses: [],
        parameters: gridParameters,
        method: """
        GD (Eq. 13) from every point of a grid of (x₀, y₀); runs that leave the positive quadrant violate the \
        theorem's assumption and are set aside (counted). On each remaining run, the sequence |x − y| over P must be \
        strictly decreasing while it is above 1e-12·√µ (below that, rounding of x − y dominates) and end below \
        1e-9·√µ. Also reported: the largest ratio of consecutive values in P and the two-step factor of Eq. (15). \
        Negative control: K = 0.8 (below the EoS), where GD converges to an unbalanced minimum and |x − y| does \
        not decay to 0.
        """,
        expected: .confirmed
    ) { c in
        let mu = try c.number("mu", default: 1), k = try c.number("K")
        let steps = try c.integer("steps", default: 3000)
        let gd = CB23ScalarFactorization(mu: mu, eta: k / mu)
        let root = mu.squareRoot()
        var positive = 0, excluded = 0, decaying = 0, worstRatio = 0.0, worstFinal = 0.0
        for (x0, y0) in try gridStarts(c, mu: mu) {
            let r = gd.run(from: x0, y0, steps: steps)
            guard r.stayedPositive else { excluded += 1; continue }
            positive += 1
            var monotone = true
            for (a, b) in zip(r.gapsInP, r.gapsInP.dropFirst()) where a > 1e-12 * root {
                worstRatio = max(worstRatio, b / a)
                if b >= a { monotone = false }
            }
            let final = r.gapsInP.last ?? abs(r.last.0 - r.last.1)
            worstFinal = max(worstFinal, final)
            if monotone && final <= 1e-9 * root { decaying += 1 }
        }
        guard positive > 0 else { throw ClaimError.computation("no run stayed positive: the theorem's assumption holds nowhere on the grid") }
        return CaseOutcome([
            .judge("runs (staying positive) whose |x − y| decreases strictly in P and ends ≤ 1e-9√µ", Double(decaying),
                   predicted: "all \(positive)", holds: decaying == positive),
            .context("runs set aside (left the positive quadrant: assumption violated)", Double(excluded)),
            .context("largest ratio of consecutive |x − y| in P (above 1e-12√µ)", worstRatio),
            .context("largest final |x − y| in P", worstFinal),
        ])
    }

    /// Lemma 2 (restated as Lemma 4): the positivity condition.
    static let lemma2 = Claim(
        id: "CB23.Lem2",
        title: "Positivity of x, y under ½(xy − µ)² GD from the printed condition on (m, p, q, K)",
        source: ClaimSource(seed: Seed.cb23, statement: "Lemma 2 (restated as Lemma 4)", lines: 440...442),
        statement: """
        In the setting of Theorem 3, denote the initialization as m = |y₀ − x₀|/√µ and x₀y₀ > µ. Then, during the whole process, both x and y will always stay positive, denoting p = 4/(m + √(m² + 4))² and q = (1 + p)², if max{η(x₀y₀ − µ), (4/27)(1 + K)³ + ((2/3)K² − (1/3)K + qK²m²/(2(K + 1)))qm² − K} < p.
        """,
        uses: ["CB23.Thm3"],
        parameters: gridParameters + [
            ParameterSpec("select", .choice(["satisfying", "violating"]), required: false,
                          meaning: "run the grid points with x₀y₀ > µ that satisfy (default) or violate the printed condition"),
        ],
        method: """
        For every grid point with x₀y₀ > µ, the printed condition is evaluated; the selected points are run for \
        `steps` GD steps and the case holds when x and y stay positive on every run. Also checked: p equals \
        min{x/y, y/x} on the hyperbola xy = µ at imbalance m (the proof's first step, l.1066). The statement's \
        term qK²m²/(2(K + 1)) follows from Eq. (72) read with ηµ + 1 for its printed η + 1; the printed Eq. (75) \
        writes 2/(ηµ + 1)·(x₀ − y₀)² there instead (a typo in the proof; the lemma is checked as stated). Negative control: \
        the grid points that *violate* the condition, where some run leaves the positive quadrant (the condition is \
        only sufficient, so the control shows it is not vacuous).
        """,
        expected: .confirmed
    ) { c in
        let mu = try c.number("mu", default: 1), k = try c.number("K")
        let steps = try c.integer("steps", default: 3000)
        let wantSatisfying = try c.text("select", default: "satisfying") == "satisfying"
        let gd = CB23ScalarFactorization(mu: mu, eta: k / mu)
        var selected = 0, stayed = 0, worstP = 0.0
        for (x0, y0) in try gridStarts(c, mu: mu) where x0 * y0 > mu {
            let m = abs(y0 - x0) / mu.squareRoot()
            let s = (m * m + 4).squareRoot()
            let p = 4 / ((m + s) * (m + s)), q = (1 + p) * (1 + p)
            let first = k / mu * (x0 * y0 - mu)
            let second = 4.0 / 27 * (1 + k) * (1 + k) * (1 + k)
                + (2.0 / 3 * k * k - k / 3 + q * k * k * m * m / (2 * (k + 1))) * q * m * m - k
            // p against min{x/y, y/x} on xy = µ with y − x = m√µ: x/y = ((m² + 2) − m√(m² + 4))/2.
            worstP = max(worstP, abs(p - ((m * m + 2) - m * s) / 2))
            guard (max(first, second) < p) == wantSatisfying else { continue }
            selected += 1
            if gd.run(from: x0, y0, steps: steps).stayedPositive { stayed += 1 }
        }
        guard selected > 0 else { throw ClaimError.computation("no grid point is selected") }
        return CaseOutcome([
            .judge("selected runs staying positive", Double(stayed), predicted: "all \(selected)", holds: stayed == selected),
            .compare("max |p − min{x/y, y/x}| on xy = µ", measured: worstP, predicted: 0,
                     .absolute(1e-12, "closed form vs closed form; cancellation in (m² + 2) − m√(m² + 4) for m ≤ 30")),
        ])
    }

    /// Proposition 3 (restated as Proposition 8): the 2-D orbit is the 1-D one.
    static let proposition3 = Claim(
        id: "CB23.Prop3",
        title: "½(xy − µ)², 1 < K < √4.5 − 1: GD converges to the balanced period-2 orbit {(δᵢ, δᵢ)} of Eq. (4)",
        source: ClaimSource(seed: Seed.cb23, statement: "Proposition 3 (restated as Proposition 8)", lines: 152...154),
        statement: """
        Follow the setting in Theorem 3. Further assume 1 < K < √4.5 − 1 ≈ 1.121. Then GD converges to an orbit of period 2. The orbit is formally written as {(x = y = δ_i) | i = 1, 2}, with δ₁ ∈ (0, √µ), δ₂ ∈ (√µ, 2√µ) as the solutions of solving δ in η = 1/(δ²(√(µ/δ² − 3/4) + 1/2)).
        """,
        uses: ["CB23.Thm3", "CB23.Thm2"],
        parameters: gridParameters,
        method: """
        GD from a grid of unbalanced (x₀, y₀); runs leaving the positive quadrant are set aside (assumption of \
        Theorem 3). Each remaining run's last 64 states are classified by the core's trajectory analysis \
        (relative recurrence tolerance 1e-6); the case holds when every run ends on a period-2 orbit whose points \
        have |x − y| ≤ 1e-9√µ and equal δ₁, δ₂ (Brent on Eq. 4, an independent 1-D computation) to 1e-8 relative. \
        Negative controls: K = 0.9 (GD converges to a minimum) and K = 1.25 (period 4, beyond √5 − 1).
        """,
        expected: .confirmed
    ) { c in
        let mu = try c.number("mu", default: 1), k = try c.number("K")
        let steps = try c.integer("steps", default: 3000)
        let gd = CB23ScalarFactorization(mu: mu, eta: k / mu)
        let root = mu.squareRoot()
        let deltas: (Double, Double)? = k > 1 && k < 1.5 ? try CB23ScalarFactorization.equation4Roots(mu: mu, eta: k / mu) : nil
        var included = 0, matching = 0, worstGap = 0.0, worstDelta = 0.0
        var example = ""
        for (x0, y0) in try gridStarts(c, mu: mu) {
            let r = gd.run(from: x0, y0, steps: 10)
            guard r.stayedPositive else { continue }
            var positive = true
            let behaviour = TrajectoryClassification.classifyMap({ s -> [Double] in
                let (x, y) = gd.step(s[0], s[1])
                if !(x > 0 && y > 0) { positive = false }
                return [x, y]
            }, from: [x0, y0], steps: steps)
            guard positive else { continue }
            included += 1
            guard case .periodic(2, let orbit, _) = behaviour, let (d1, d2) = deltas else {
                if example.isEmpty { example = "(\(formatNumber(x0)), \(formatNumber(y0))): \(behaviour)" }
                continue
            }
            let pts = orbit.sorted { $0[0] < $1[0] }
            let gap = pts.map { abs($0[0] - $0[1]) }.max()!
            let dev = max(abs(pts[0][0] - d1) / d1, abs(pts[1][0] - d2) / d2)
            worstGap = max(worstGap, gap); worstDelta = max(worstDelta, dev)
            if gap <= 1e-9 * root && dev <= 1e-8 { matching += 1 }
        }
        guard included > 0 else { throw ClaimError.computation("no run stayed positive") }
        var q: [Quantity] = [
            .judge("positive runs ending on the balanced period-2 orbit of Eq. (4)", Double(matching),
                   predicted: "all \(included)", holds: matching == included),
            .context("largest |x − y| on the final orbits", worstGap),
            .context("largest relative deviation of the orbit from (δ₁, δ₂)", worstDelta),
        ]
        if let (d1, d2) = deltas { q += [.context("δ₁ (Eq. 4)", d1), .context("δ₂ (Eq. 4)", d2)] }
        return CaseOutcome(q, note: example.isEmpty ? "" : "first run not on the orbit: " + example)
    }
}
