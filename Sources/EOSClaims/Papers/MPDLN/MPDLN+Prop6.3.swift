import Foundation
import EOSCore

extension MPDLNClaims {
    /// Proposition 6.3 (Growth with depth), l.141–146, Eqs. (22)–(23); App. F.6 (Eqs. 83–87 lost).
    static let proposition6_3 = Claim(
        id: "MPDLN.Prop6.3",
        title: "c_L/2 = η_WCR/η_cl grows unboundedly with depth; c_{L+1} > c_L [R; asymptotic (22) lost]",
        source: ClaimSource(seed: Seed.mpdln, statement: "Proposition 6.3 (App. F.6, l.578–589)", lines: 141...146),
        statement: """
        The normalized WCR ratio c_L/2 = η_WCR/η_cl grows unboundedly with depth and admits the asymptotic scaling (22) \
        [formula lost in extraction; App. F.6 calls it "the Lambert-W scaling" (87)]. In particular, deeper chains admit a \
        strictly larger window of "overshoot-but-return" learning rates: c_{L+1} > c_L (23), so that the maximal safe \
        overshoot amplitude (in the worst-case sense of Definition 6.1) increases with depth. [c_L/2 and (23) are \
        RECONSTRUCTED (INDEX [R]); (22) and (83)–(87) are lost, so the asymptotic form is not checked as printed.]
        """,
        uses: ["MPDLN.LemF.4"],
        parameters: depthRangeParameters + [
            ParameterSpec("sequence", .choice(["cL", "perLayerOvershoot"]), required: false,
                          meaning: "cL (the claim, default) or perLayerOvershoot: M⋆ − 1 = max safe f(x)/1 − 1, which decreases (negative control of the monotonicity test)"),
            ParameterSpec("decades", .integer, .closed(0, 6), required: false,
                          meaning: "also evaluate c_L at L = 10², …, 10^(2+decades) by the root route (default 0)"),
        ],
        method: """
        c_L by the root route (Eq. 80 [R]; agreement with the direct search on Definition 6.1 is checked in \
        MPDLN.Thm6.2) for every depth in the range: the sequence must be strictly increasing (23). Unbounded growth cannot \
        be shown by finitely many values; it is supported by c_L at L = 10², …, 10⁶ and by comparison with the \
        leading-order asymptote c_L ≈ 2W₀(2L) that we derived from the boundary system (u = 1 − a/L, M = 1 + b/L, \
        e^{2b} ≈ L/c, c ≈ 2/(2e^{−a} − 1)), which tends to ∞: |c_L/(2W₀(2L)) − 1| must stay ≤ 5% for L ≥ 100. This \
        asymptote is ours — the paper's (22) is lost. The worst safe overshoot amplitude is reported two ways (per \
        layer M⋆ − 1 in units of w⋆, and end to end M⋆^L − 1 in units of s). Negative control: the per-layer amplitude \
        M⋆ − 1 run through the same strict-monotonicity test (it decreases), showing the test can fail.
        """,
        expected: .confirmed
    ) { c in
        let depths = try depthList(c)
        let useOvershoot = try c.text("sequence", default: "cL") == "perLayerOvershoot"
        var values: [Double] = []
        var q: [Quantity] = []
        for l in depths {
            let r = try WorstCaseReturn.constantByRoot(depth: l)
            values.append(useOvershoot ? r.m - 1 : r.c)
        }
        let increments = zip(values.dropFirst(), values).map { $0 - $1 }
        let smallest = increments.min() ?? .infinity
        q.append(.judge(useOvershoot ? "min over L of (M⋆_{L+1} − 1) − (M⋆_L − 1)" : "min over L of c_{L+1} − c_L (Eq. 23)",
                        smallest, predicted: "> 0 (strictly increasing)", holds: smallest > 0))
        if !useOvershoot {
            let decades = try c.integer("decades", default: 0)
            var worstAsymptote = 0.0
            var previous = -Double.infinity, decadeMonotone = true
            for e in 0...max(decades, 0) where decades > 0 {
                let l = Int(pow(10, Double(2 + e)))
                let cl = try WorstCaseReturn.constantByRoot(depth: l).c
                let asymptote = 2 * WorstCaseReturn.lambertW(2 * Double(l))
                worstAsymptote = max(worstAsymptote, abs(cl / asymptote - 1))
                decadeMonotone = decadeMonotone && cl > previous
                previous = cl
                q.append(.context("c_\(l)", cl))
                q.append(.context("2W₀(2L) at L = \(l) (our leading-order asymptote)", asymptote))
            }
            if decades > 0 {
                q.append(.judge("c_L increasing over L = 10², …, 10^\(2 + decades)", decadeMonotone ? 1 : 0,
                                predicted: "1 (keeps growing)", holds: decadeMonotone))
                q.append(.judge("max |c_L/(2W₀(2L)) − 1| over those L", worstAsymptote,
                                predicted: "≤ 0.05 (c_L tracks 2W₀(2L) → ∞; next-order terms are O(log c/c))",
                                holds: worstAsymptote <= 0.05))
            }
            for l in [2, 3, 10, 100] where depths.contains(l) {
                let r = try WorstCaseReturn.constantByRoot(depth: l)
                q.append(.context("L = \(l): per-layer worst safe overshoot M⋆ − 1 (units of w⋆)", r.m - 1))
                q.append(.context("L = \(l): end-to-end worst safe overshoot M⋆^L − 1 (units of s)", pow(r.m, Double(l)) - 1))
            }
        }
        return CaseOutcome(q, series: [DataSeries(name: useOvershoot ? "M⋆ − 1 vs L" : "c_L vs L",
                                                  x: depths.map(Double.init), y: values)])
    }
}
