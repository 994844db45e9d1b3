import EOSCore

/// The arc M₆ = {xy = 1, x + y < √(2 + 2/η)} of Proposition 6 (Damian et al.'s M on the minimisers of
/// ½(xy − 1)² for η < 1) and the Euclidean projection of a point onto it (nearest point of the closed arc,
/// by the core's 1-D maximisation of −distance² over its x-range).
struct CB23ManifoldArc {
    let eta: Double
    var bound: Double { (2 + 2 / eta).squareRoot() }
    /// x-range of the arc: x + 1/x < B ⇔ x ∈ ((B − √(B² − 4))/2, (B + √(B² − 4))/2); nil when B ≤ 2 (η ≥ 1).
    var range: (Double, Double)? {
        let b = bound
        guard b > 2 else { return nil }
        let r = (b * b - 4).squareRoot()
        return ((b - r) / 2, (b + r) / 2)
    }

    func project(_ x: Double, _ y: Double) throws -> (Double, Double)? {
        guard let (lo, hi) = range else { return nil }
        let best = try Maximization.maximize(in: lo, hi) { s in -((s - x) * (s - x) + (1 / s - y) * (1 / s - y)) }
        return (best.argmax, 1 / best.argmax)
    }
}

extension CB23Claims {
    /// GD on ½(xy − 1)² (Eq. 13, µ = 1) for `steps` steps: the states (x, y), stopping at divergence.
    static func productTrajectory(eta: Double, x0: Double, y0: Double, steps: Int) -> [(Double, Double)] {
        let gd = CB23ScalarFactorization(mu: 1, eta: eta)
        var s = (x0, y0), out = [s]
        for _ in 0..<steps {
            s = gd.step(s.0, s.1)
            guard s.0.isFinite, s.1.isFinite, abs(s.0) < 1e6, abs(s.1) < 1e6 else { break }
            out.append(s)
        }
        return out
    }

    /// How many initial steps the projection onto M₆ stays where it was at step 0 (|Δ| ≤ 1e-8), and the
    /// imbalance |x − y| at that step relative to the start.
    static func frozenProjection(_ path: [(Double, Double)], arc: CB23ManifoldArc) throws -> (steps: Int, imbalanceRatio: Double) {
        guard let p0 = try arc.project(path[0].0, path[0].1) else { return (0, 1) }
        var t = 0
        while t + 1 < path.count, let p = try arc.project(path[t + 1].0, path[t + 1].1),
              abs(p.0 - p0.0) <= 1e-8, abs(p.1 - p0.1) <= 1e-8 { t += 1 }
        return (t, abs(path[t].0 - path[t].1) / abs(path[0].0 - path[0].1))
    }

    // MARK: Section 6.2 prose: M is small, the projection does not move early on (Figure 3(b)).

    static let section62Claim2 = Claim(
        id: "CB23.Sec6.2-claim2",
        title: "For η < 1, M is small: the projection onto it stays unchanged in the early steps while GD moves from sharp to flat",
        source: ClaimSource(seed: Seed.cb23, statement: "Section 6.2 prose after Proposition 7", lines: 285...285),
        statement: "Moreover, although M exists when η < 1 (Proposition 6), the size of M is limited, which means the trajectory's projection onto it stays unchanged in the early steps, although the trajectory is moving efficiently from sharper region to flatter region, as shown in Figure 3(b).",
        uses: ["CB23.Prop6"],
        parameters: [
            ParameterSpec("eta", .real, .open(0, 1), meaning: "η (< 1, so M exists)"),
            ParameterSpec("x0", .real, .positive, meaning: "start x"),
            ParameterSpec("y0", .real, .positive, meaning: "start y"),
        ],
        method: """
        M on the minimisers is Proposition 6's arc {xy = 1, x + y < √(2 + 2/η)}; the projection of a GD state is \
        its nearest point on the closed arc (a simplification of Damian et al.'s projection: the nearest \
        minimiser in M). GD on ½(xy − 1)² from (x0, y0). Checked: the projection stays at its step-0 value \
        (|Δ| ≤ 1e-8) for at least 5 steps, while |x − y| is smaller at their end than at the start (towards \
        flatter minima, λ₁ = (x − y)² + 2 on xy = 1; the ratio is reported: 0.49–0.99 over the starts tried, so \
        'efficiently' is only partly borne out), and GD finally converges to a point of M (after 5000 \
        steps: |xy − 1| ≤ 1e-9 and x + y below the bound). Negative control: a start inside M (0.95, 1.1), \
        where the projection moves at once.
        """,
        expected: .confirmed
    ) { c in
        let eta = try c.number("eta"), x0 = try c.number("x0"), y0 = try c.number("y0")
        let arc = CB23ManifoldArc(eta: eta)
        let path = productTrajectory(eta: eta, x0: x0, y0: y0, steps: 5000)
        guard path.count == 5001 else { throw ClaimError.computation("GD on ½(xy − 1)² diverged at step \(path.count)") }
        let frozen = try frozenProjection(path, arc: arc)
        let last = path[path.count - 1]
        let inM = abs(last.0 * last.1 - 1) <= 1e-9 && last.0 + last.1 < arc.bound
        return CaseOutcome([
            .judge("initial steps with the projection onto M unchanged", Double(frozen.steps), predicted: "≥ 5", holds: frozen.steps >= 5),
            .judge("|x − y| at the end of those steps / at the start", frozen.imbalanceRatio, predicted: "< 1 (moving to flatter minima)",
                   holds: frozen.imbalanceRatio < 1 && frozen.steps >= 1),
            .judge("final state in M (xy = 1, x + y < √(2 + 2/η))", measured: "(\(formatNumber(last.0)), \(formatNumber(last.1)))",
                   predicted: "in M", holds: inM),
            .context("√(2 + 2/η)", arc.bound),
        ])
    }

    // MARK: Figure 3: the two trajectories of ½(xy − 1)².

    static let figure3 = Claim(
        id: "CB23.Fig3",
        title: "Figure 3: ½(xy − 1)² at η = 1.08 (no M; balanced period-2 orbit) and η = 0.95 (M exists; projection frozen early)",
        source: ClaimSource(seed: Seed.cb23, statement: "Figure 3 and caption", lines: 285...289),
        statement: "Figure 3. Trajectories of minimizing L(x, y) = 1/2(xy − 1)² with η = 1.08, 0.95. For η = 1.08, the manifold M proposed by Damian et al. (2022) does not exist. For η = 0.95, the manifold M exists, but the projection onto it does not change for the first few steps.",
        uses: ["CB23.Prop5", "CB23.Prop6", "CB23.Prop3"],
        parameters: [
            ParameterSpec("eta", .real, .open(0, 1.5), meaning: "η"),
            ParameterSpec("x0", .real, .positive, meaning: "start x (not stated in the paper)"),
            ParameterSpec("y0", .real, .positive, meaning: "start y"),
            ParameterSpec("expect", .choice(["noManifold", "frozenProjection"]), meaning: "which panel's statement the case checks"),
        ],
        method: """
        The trajectory (x, y) over 60 steps is drawn with the hyperbola xy = 1 and, when it exists, Proposition 6's \
        arc of M. η = 1.08: every minimiser has λ₁ = x² + y² ≥ 2 > 2/η, so the arc is empty, and GD (5000 \
        steps) ends on the balanced period-2 orbit x = y = δᵢ of Eq. (4) (relative 1e-8). η = 0.95: the \
        projection onto the arc is unchanged for ≥ 5 steps (as in CB23.Sec6.2-claim2). Negative control: \
        'noManifold' predicted at η = 0.95, where the arc exists.
        """,
        expected: .confirmed
    ) { c in
        let eta = try c.number("eta"), x0 = try c.number("x0"), y0 = try c.number("y0")
        let arc = CB23ManifoldArc(eta: eta)
        let path = productTrajectory(eta: eta, x0: x0, y0: y0, steps: 5000)
        let fig = "Fig. 3: ½(xy − 1)², η = \(formatNumber(eta))"
        let shown = path.prefix(61)
        var series = [
            DataSeries(name: "GD trajectory", x: shown.map { $0.0 }, y: shown.map { $0.1 }, figure: fig, xLabel: "x", yLabel: "y"),
            DataSeries(name: "minimisers xy = 1", x: (1...60).map { 0.05 * Double($0) }, y: (1...60).map { 1 / (0.05 * Double($0)) },
                       figure: fig, xLabel: "x", yLabel: "y"),
        ]
        if let (lo, hi) = arc.range {
            let xs = (0...40).map { lo + (hi - lo) * Double($0) / 40 }
            series.append(DataSeries(name: "M (Prop. 6 arc)", x: xs, y: xs.map { 1 / $0 }, figure: fig, xLabel: "x", yLabel: "y"))
        }
        var q: [Quantity] = []
        if try c.text("expect") == "noManifold" {
            q.append(.judge("points of xy = 1 with λ₁ < 2/η (the arc of M)", measured: arc.range == nil ? "none" : "an arc",
                            predicted: "none", holds: arc.range == nil))
            let tail = path.suffix(64).map { [$0.0, $0.1] }
            let behaviour = tail.count == 64 ? TrajectoryClassification.classify(Array(tail)) : .diverged(step: path.count)
            var ok = false
            if case .periodic(2, let orbit, _) = behaviour, let roots = try? CB23ScalarFactorization.equation4Roots(mu: 1, eta: eta) {
                let xs: [Double] = orbit.map { $0[0] }.sorted()
                let balanced = orbit.allSatisfy { abs($0[0] - $0[1]) <= 1e-8 }
                ok = balanced && abs(xs[0] - roots.0) <= 1e-8 * roots.0 && abs(xs[1] - roots.1) <= 1e-8 * roots.1
            }
            q.append(.judge("final behaviour", measured: "\(behaviour)".prefix(90).description,
                            predicted: "balanced period-2 orbit x = y = δᵢ of Eq. (4)", holds: ok))
        } else {
            guard path.count == 5001 else { throw ClaimError.computation("diverged at step \(path.count)") }
            let frozen = try frozenProjection(path, arc: arc)
            q.append(.judge("initial steps with the projection onto M unchanged", Double(frozen.steps), predicted: "≥ 5", holds: frozen.steps >= 5))
        }
        return CaseOutcome(q, series: series)
    }
}
