import Foundation
import EOSCore
import EOSModels

extension DLNEOSClaims {
    /// Figure 9 (l.722–727; discussion l.768–773): Holder table catapults vs DLN periodic orbit.
    static let fig9 = Claim(
        id: "DLN-EOS.Fig9",
        title: "Large-η GD catapults to another minimum on the Holder table but orbits the global minimum of a DLN",
        source: ClaimSource(seed: Seed.dlnEOS, statement: "Figure 9 and its discussion", lines: 722...773),
        statement: """
        Figure 9: Loss landscape of the Holder table function and DLNs. The Holder table function is non-convex which \
        allows catapulting to other minima, whereas DLNs do not have spurious local minima. … The Holder table function \
        exhibits numerous local minima, causing the loss to exhibit a sharp "catapult" when a large learning rate is used. \
        In contrast, for DLNs the loss oscillates in a periodic orbit around the global minima.
        """,
        uses: ["DLN-EOS.Eq-Holder", "DLN-EOS.Lem1"],
        parameters: [
            ParameterSpec("landscape", .choice(["holder", "dln"]),
                          meaning: "holder: standard Holder table; dln: the two-layer toy ½(σ2σ1 − σ∗)² of Fig. 4 (σ∗ = 5)"),
            ParameterSpec("eta", .real, .open(0, 1), meaning: "learning rate (not printed for Fig. 9)"),
            ParameterSpec("x0", .real, .all, meaning: "initial x (σ1 for the DLN)"),
            ParameterSpec("y0", .real, .all, meaning: "initial y (σ2 for the DLN)"),
            ParameterSpec("steps", .integer, .closed(100, 1_000_000), meaning: "GD steps"),
        ],
        method: """
        Holder table (standard form, see DLN-EOS.Eq-Holder): GD from near the sharp global minimum (S ≈ 20.26, \
        2/S ≈ 0.0987); the basins of the start and of the last iterate are identified by small-step GD (η = 0.01). \
        Judged: the run ends in a different local minimum (catapult), whose value is above the global −19.2085 \
        (a spurious local minimum), and the loss rose above its start on the way (the catapult spike). DLN toy: GD \
        at the same kind of η beyond its limit 2/(Lσ∗^{2−2/L}) = 0.2; judged: the product σ1σ2 ends on a periodic \
        orbit (TrajectoryClassification, period ≥ 2) that straddles σ∗ (an orbit about the global-minimum set, \
        loss 0 there — the toy has no other minima). Settings are not printed; the as-printed cases use η = 0.2 \
        (Holder) and η = 0.2010 (DLN, Fig. 4(c)). Negative controls: the mechanisms absent — Holder at η = 0.05 < 2/S \
        (stays in its basin) and the DLN at η = 0.18 < 0.2 (converges).
        """,
        expected: .confirmed
    ) { c in
        let eta = try c.number("eta"), steps = try c.integer("steps")
        let start = (try c.number("x0"), try c.number("y0"))
        if try c.text("landscape") == "holder" {
            var path: [(Double, Double)] = [start]
            path.reserveCapacity(steps + 1)
            let end = try HolderTable.descend(from: start, eta: eta, steps: steps, path: &path)
            let b0 = try HolderTable.basinMinimum(of: start), b1 = try HolderTable.basinMinimum(of: end)
            let f0 = HolderTable.value(b0.0, b0.1), f1 = HolderTable.value(b1.0, b1.1)
            let losses = path.map { HolderTable.value($0.0, $0.1) }
            let spike = (losses.max() ?? f0) - losses[0]
            let moved = !HolderTable.sameMinimum(b0, b1)
            let down = DLNFig.downsample(losses)
            let k = max(1, path.count / 1500)
            let idx = Array(stride(from: 0, to: path.count, by: k))
            let fig = "Fig. 9 (left): Holder table, η = \(formatNumber(eta))"
            return CaseOutcome([
                .judge("GD ends in a different local minimum than it started in", measured: moved ? "moved" : "stayed",
                       predicted: "moved (catapult)", holds: moved),
                .judge("value of the final basin's minimum", f1,
                       predicted: "> −19.2085 + 1e-3 (a spurious, non-global minimum)", holds: f1 > -19.2085 + 1e-3),
                .judge("loss rise above the start along the run", spike, predicted: "> 1 (a catapult spike)", holds: spike > 1),
                .context("start basin minimum value", f0),
                .context("start basin sharpness", HolderTable.sharpness(b0.0, b0.1)),
                .context("final basin sharpness", HolderTable.sharpness(b1.0, b1.1)),
                .context("2/η", 2 / eta),
            ], series: [
                DataSeries(name: "loss f(x_t, y_t)", x: down.x, y: down.y, figure: fig + " loss",
                           xLabel: "GD step t", yLabel: "f(x, y)"),
                DataSeries(name: "GD iterates", x: idx.map { path[$0].0 }, y: idx.map { path[$0].1 }, figure: fig + " iterates",
                           xLabel: "x", yLabel: "y", style: .points),
            ])
        } else {
            let s = 5.0   // σ∗ of the Fig. 4 toy, the DLN of Fig. 9's right panel (not printed there)
            let toy = toyRun(sigmaStar: s, eta: eta, start: [start.0, start.1], steps: steps)
            if let t = toy.run.divergenceStep { throw ClaimError.diverged(step: t, what: "DLN toy GD") }
            let behaviour = TrajectoryClassification.classify(scalars: toy.products, options: DLNFig.orbitOptions)
            let tail = toy.products.suffix(DLNFig.orbitOptions.tail)
            let straddles = (tail.min() ?? s) < s && (tail.max() ?? s) > s
            let p = behaviour.period
            let down = DLNFig.downsample(toy.run.losses)
            let fig = "Fig. 9 (right): DLN toy ½(σ2σ1 − 5)², η = \(formatNumber(eta))"
            return CaseOutcome([
                .judge("period of σ1σ2 at the end", measured: p.map { "\($0)" } ?? "aperiodic",
                       measuredValue: p.map(Double.init), predicted: "≥ 2 (periodic orbit)", holds: (p ?? 0) >= 2),
                .judge("the orbit straddles σ∗ (about the global minimum set)", measured: straddles ? "yes" : "no",
                       predicted: "yes", holds: straddles),
                .context("min σ1σ2 over the tail", tail.min() ?? 0), .context("max σ1σ2 over the tail", tail.max() ?? 0),
            ], series: [
                DataSeries(name: "loss", x: down.x, y: down.y, figure: fig + " loss",
                           xLabel: "GD step t", yLabel: "loss ½(σ2σ1 − σ∗)²", yScale: .log),
                DataSeries(name: "GD iterates", x: toy.points.map { $0[0] }, y: toy.points.map { $0[1] }, figure: fig + " iterates",
                           xLabel: "σ1", yLabel: "σ2", style: .points),
            ])
        }
    }
}
