import Foundation
import EOSCore
import EOSModels

extension DLNEOSClaims {
    static let fig15Parameters: [ParameterSpec] = [
        ParameterSpec("sigma", .real, .positive, meaning: "σ⋆,1 (10; the other singular values of the setup are not printed)"),
        ParameterSpec("L", .integer, .closed(2, 12), meaning: "depth (not printed for Fig. 15; 3 as everywhere else)"),
        ParameterSpec("alpha", .real, .open(0, 1), meaning: "initialization scale (not printed)"),
        ParameterSpec("eta", .real, .positive, meaning: "learning rate"),
        ParameterSpec("steps", .integer, .closed(600, 1_000_000), meaning: "GD steps"),
        ParameterSpec("panel", .choice(["stable", "oscillating"]), meaning: "the printed regime of the case"),
    ]

    /// Fig. 15 check: below 2/S_1 the gap plateaus; above it the gap goes strictly to zero.
    static func fig15Check(_ c: ClaimCase, figure: String) throws -> CaseOutcome {
        let sigma = try c.number("sigma"), L = try c.integer("L"), alpha = try c.number("alpha")
        let eta = try c.number("eta"), steps = try c.integer("steps"), panel = try c.text("panel")
        let run = DLNFig.indexRun(target: sigma, depth: L, eta: eta, alpha: alpha, steps: steps)
        if let t = run.divergedAt { throw ClaimError.diverged(step: t, what: "top index at η = \(formatNumber(eta))") }
        let limit = DLNFig.threshold(sigma, depth: L)
        let g = run.gaps, gEnd = g.last!, gHalf = g[g.count / 2]
        var q: [Quantity] = [
            .printed("stability limit 2/(Lσ⋆,1^{2−2/L})", printed: 0.031, computed: limit,
                     .absolute(0.0005, "printed to 2 significant digits"), at: "line 1080", convention: "loss with ½ (Eq. 1)"),
            .context("initial gap", g[0]), .context("final gap", gEnd),
        ]
        if panel == "stable" {
            let change = abs(gEnd - gHalf) / gEnd
            q += [.judge("behaviour", measured: DLNFig.describe(run), predicted: "converged", holds: run.period == 1),
                  .judge("final gap / initial gap", gEnd / g[0], predicted: "> 1e-3 (plateau, not → 0)", holds: gEnd / g[0] > 1e-3),
                  .judge("gap change over the second half", change, predicted: "< 1e-9 (plateau)", holds: change < 1e-9)]
        } else {
            q += [.judge("behaviour", measured: DLNFig.describe(run), predicted: "oscillating", holds: run.oscillates),
                  .judge("final gap / initial gap", gEnd / g[0], predicted: "< 1e-8 (strictly to zero)", holds: gEnd / g[0] < 1e-8)]
        }
        let gs = DLNFig.downsample(g), ps = DLNFig.downsample(run.products)
        let losses = run.products.map { 0.5 * ($0 - sigma) * ($0 - sigma) }
        let ls = DLNFig.downsample(losses)
        return CaseOutcome(q, series: [
            DataSeries(name: "balancing gap", x: gs.x, y: gs.y, figure: figure + " — balancing gap",
                       xLabel: "GD step t", yLabel: "max_ℓ |σ_{L,1}² − σ_{ℓ,1}²|", yScale: .log),
            DataSeries(name: "σ_1(W_{L:1})", x: ps.x, y: ps.y, figure: figure + " — singular value",
                       xLabel: "GD step t", yLabel: "σ_1(W_{L:1})"),
            DataSeries(name: "loss of index 1", x: ls.x, y: ls.y, figure: figure + " — training loss",
                       xLabel: "GD step t", yLabel: "½(σ_1(W_{L:1}) − σ⋆,1)²", yScale: .log),
        ])
    }

    /// Figure 15 (l.1078–1081).
    static let fig15 = Claim(
        id: "DLN-EOS.Fig15",
        title: "η = 0.030, 0.032, 0.034 with σ⋆,1 = 10: the gap plateaus at 0.030 and goes to zero when the top singular value oscillates",
        source: ClaimSource(seed: Seed.dlnEOS, statement: "Figure 15", lines: 1078...1081),
        statement: """
        Figure 15: Plots of the training loss, singular value magnitude, and the balancing gap over iterations for \
        different learning rates: η = 0.030, 0.032, 0.034 (top to bottom). When the learning rate is stable (η < 0.031 \
        since the top singular value is σ⋆,1 = 10), the balancing gap plateaus, whereas the balancing gap goes strictly \
        to zero when the oscillations occur.
        """,
        uses: ["DLN-EOS.Prop2", "DLN-EOS.Lem1"],
        parameters: fig15Parameters,
        method: """
        Reduced GD on the top index (σ⋆,1 = 10, L = 3, c = ½, unbalanced init (4), α = 0.01: depth, α and the other \
        singular values are not printed; the gap statement concerns the oscillating top index). 0.031 is recomputed as \
        2/(3·10^{4/3}) = 0.03094. Stable case: converged, gap > 1e-3 of its start and frozen over the second half; \
        oscillating cases: still oscillating at the end and gap below 1e-8 of its start. Negative control: η = 0.030 \
        judged as oscillating.
        """,
        expected: .confirmed
    ) { c in try fig15Check(c, figure: "Fig. 15: σ⋆,1 = 10, η = \(formatNumber(try c.number("eta")))") }

    /// The sentence of Fig. 15's caption as a prose claim.
    static let fig15Claim = Claim(
        id: "DLN-EOS.Fig15-claim",
        title: "stable η < 0.031 (σ⋆,1 = 10): the gap plateaus; with oscillations it goes strictly to zero",
        source: ClaimSource(seed: Seed.dlnEOS, statement: "Figure 15 caption, second sentence", lines: 1079...1081),
        statement: """
        When the learning rate is stable (η < 0.031 since the top singular value is σ⋆,1 = 10), the balancing gap \
        plateaus, whereas the balancing gap goes strictly to zero when the oscillations occur.
        """,
        uses: ["DLN-EOS.Prop2"],
        parameters: fig15Parameters,
        method: "The Fig. 15 check at learning rates on both sides of 0.031, including ones not in the figure; negative control η = 0.0305 judged as oscillating.",
        expected: .confirmed
    ) { c in try fig15Check(c, figure: "Fig. 15 claim: σ⋆,1 = 10, η = \(formatNumber(try c.number("eta")))") }
}
