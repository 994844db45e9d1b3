import Foundation
import EOSCore
import EOSModels

extension BOMISClaims {
    /// Figure 4 (l.234 of the file): balancedness between the singular value initialized to 0 and
    /// one initialized to α, for several α.
    static let fig4 = Claim(
        id: "BOMIS.Fig4",
        title: "the gap between the layer value initialized to 0 and one initialized to α starts larger for larger α and quickly closes",
        source: ClaimSource(seed: Seed.bomis, statement: "Figure 4", lines: 234...234),
        statement: """
        Figure 4: Observing the balancedness between the singular value initialized to 0 and a singular value initialized \
        to α. The scattered points are successive GD iterations (going left to right). For a larger value of α, the initial \
        gap between the two values is larger, but quickly gets closer over more GD iterations.
        """,
        uses: ["BOMIS.Conj1", "BOMIS.Eq6"],
        parameters: [DLNSimulation.sigmaSpec("σ_i*, the target singular value of the index"), DLNSimulation.depthSpec,
                     ParameterSpec("alphas", .vector(minCount: 2, distinct: true, descending: false), .positive,
                                   meaning: "the initialization scales α, ascending"),
                     ParameterSpec("etaTimesS", .real, .open(0, 3), meaning: "η·S with S = Lσ*^{2−2/L} (loss with ½)"),
                     DLNSimulation.stepsSpec(1e6)],
        method: """
        Settings not printed (η, σ*, L). Per-index GD on 001's Eq. (6) (loss with ½) from (α, …, α, 0) — exactly \
        the full GD of init (3) on that index (DLNFig) — for each α, at η beyond the stability limit \
        (η·S = 2.05, the EOS regime of 001's Sec. 3.2; σ* = 10, L = 3). The balancing gap is \
        max_ℓ |σ_L² − σ_ℓ²| (zero iff the values are equal). Judged: the initial gap (= α²) increases with α, \
        and every final gap is below 1e-6 × its initial value. Found as printed. At stable η the gap \
        plateaus instead (000's DLN-EOS.Fig15 and Prop. 2, same mechanism; 001 conjectures it in Conj. 1). \
        Negative control: η·S = 1.5, where about 2/3 of the gap remains.
        """,
        expected: .confirmed
    ) { c in
        let σ = try c.vector("sigma")[0], L = try c.integer("depth"), alphas = try c.vector("alphas")
        let eta = try c.number("etaTimesS") / DLN.stabilityLimit(σ, depth: L), steps = try c.integer("steps")
        let runs = DLNFig.parallelMap(alphas.count) { k in
            DLNFig.indexRun(target: σ, depth: L, eta: eta, alpha: alphas[k], steps: steps)
        }
        if let bad = runs.firstIndex(where: { $0.divergedAt != nil }) {
            throw ClaimError.diverged(step: runs[bad].divergedAt!, what: "α = \(formatNumber(alphas[bad]))")
        }
        let initial = runs.map { $0.gaps.first ?? .nan }, final = runs.map { $0.gaps.last ?? .nan }
        let ordered = zip(initial, initial.dropFirst()).allSatisfy { $0 < $1 }
        let worst = zip(final, initial).map { $0 / $1 }.max() ?? .nan
        let series = runs.enumerated().map { k, r -> DataSeries in
            let s = DLNFig.downsample(r.gaps.map { max($0, 1e-300) }, maxPoints: 300)
            return DataSeries(name: "α = \(formatNumber(alphas[k]))", x: s.x, y: s.y, figure: "BOMIS Fig. 4: balancing gap",
                              xLabel: "GD step t", yLabel: "max_ℓ |σ_L² − σ_ℓ²|", yScale: .log)
        }
        return CaseOutcome([
            .context("η", eta),
            .judge("initial gaps (ascending α)", measured: initial.map { formatNumber($0) }.joined(separator: ", "),
                   predicted: "increasing in α", holds: ordered),
            .judge("largest final / initial gap over α", worst, predicted: "< 1e-6 (gets closer)", holds: worst < 1e-6),
        ], series: series)
    }
}
