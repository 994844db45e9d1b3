import Foundation
import EOSCore
import EOSModels

extension DLNEOSClaims {
    /// Sec. 3.1.2 (l.389–408): Proposition 2's constant in its two cases, the decay of the gap
    /// and the choice of α for all indices.
    static let sec312Claim4 = Claim(
        id: "DLN-EOS.Sec3.1.2-claim4",
        title: "Prop. 2's c: c < 1 below the minimum, c = 1 above; the gap still decays to 0; α chosen with σ⋆,1 works for all indices",
        source: ClaimSource(seed: Seed.dlnEOS, statement: "Sec. 3.1.2, prose after Proposition 2", lines: 389...408),
        statement: """
        Next, note that if the constant in Proposition 2 were to be strictly c < 1, by Lemma 10, the gap would approach \
        zero infinitesimally. Our analysis shows the existence of c in two cases: (i) σi(ΣL:1) < σ⋆,i and (ii) \
        σi(ΣL:1) > σ⋆,i. While we provably show that c < 1 for the first case, we have that c = 1 for the second case. \
        […] in the EOS regime, we oscillate below and above the minima […] This indicates that we alternate between the \
        two cases, and hence, the balancing gap will overall decrease to zero as depicted in Figure 5. […] For \
        Proposition 2 to hold for all indices, we can simply choose α with σ⋆,1 such that it is the smallest α \
        satisfying the condition for all singular values σ⋆,i.
        """,
        uses: ["DLN-EOS.Prop2", "DLN-EOS.Lem6", "DLN-EOS.Lem10", "DLN-EOS.Eq44-48", "DLN-EOS.Fig5"],
        parameters: [
            ParameterSpec("spectrum", .vector(minCount: 1, distinct: true, descending: true), .open(0, 1e3),
                          meaning: "σ⋆,1 > σ⋆,2 > … (the target's singular values)"),
            DLNSimulation.depthSpec,
            ParameterSpec("etaTimesS", .real, .open(0, 20), meaning: "η·S_1 with S_1 = Lσ⋆,1^{2−2/L}"),
            ParameterSpec("alphaFraction", .real, .open(0, 100), required: false,
                          meaning: "α as a multiple of the printed bound of Prop. 2 at σ⋆,1"),
            ParameterSpec("alpha", .real, .open(0, 10), required: false, meaning: "α directly (outside the window the bound is undefined)"),
            DLNSimulation.stepsSpec(1e6),
            ParameterSpec("indices", .choice(["window", "all"]), required: false,
                          meaning: "which indices the α condition is judged on: those with 2 < ηS_i < 2√2 (Prop. 2's window; default), or all with a defined bound"),
        ],
        method: """
        Per index i, GD on ½(Πσ_ℓ − σ⋆,i)² from (α, …, α, 0) with the common η = (η·S_1)/S_1 and α = fraction × the \
        printed bound at σ⋆,1. By Eq. (48) the one-step ratio of every gap is r_t = |1 − X_t|, \
        X_t = η²(π − σ⋆)²π²/(σ_{L−1}²σ_L²) (computed as η²(π − σ⋆)²Π_{ℓ≤L−2}σ_ℓ², no division). Steps are split by \
        case: (i) π < σ⋆, (ii) π > σ⋆. Judged on every index in the window: (a) case (i) contracts, max r_t < 1, and \
        uniformly — the max over the case-(i) steps of the last half of the run is ≤ 1 − 1e-6 (a constant c < 1 for \
        all t: for stable GD X_t → 0 and r_t → 1); (b) case (ii) has r_t ≤ 1 (c = 1); (c) the iterates alternate \
        between the cases (≥ 10 sign changes of π − σ⋆); (d) the gap decays to zero, |b(T)|/|b(0)| ≤ 1e-8. And (e) the \
        α condition: the printed bound at σ⋆,1 is the smallest, bound_1 ≤ bound_i for every judged index. Reported: \
        Lemma 6's c = (ηψ/2)² − 1 on the case-(i) steps (ψ the GFS sharpness) — measured, it does not bound r_t (e.g. \
        L = 3, η·S = 2.5: r_t ≥ c on every case-(i) step), so the c < 1 that exists is not the one the proof names; and \
        the max r_t of case (ii), which is also < 1 on these runs (the c = 1 is conservative). Negative controls: \
        stable GD (η·S_1 = 1.8: r_t → 1 in case (i), the gap stalls); L = 2, η·S = 3.2 > 2√2 (outside the window, \
        case-(i) ratio 1.56); and the α condition over all indices including one far below the window, whose bound \
        is smaller than σ⋆,1's.
        """,
        expected: .confirmed
    ) { c in try DLNPropositionTwoCases.check(c) }
}

/// Proposition 2's contraction factor split by the two cases of its proof (Lemma 6).
enum DLNPropositionTwoCases {
    struct Cases {
        var maxBelow = 0.0, maxBelowTail = 0.0, maxAbove = 0.0, maxLemma6C = -Double.infinity
        var below = 0, above = 0, ratioAtLeastLemma6C = 0, switches = 0
        var initialGap = 0.0, finalGap = 0.0
        var xs = [Double](), gaps = [Double]()
    }

    static func run(sigmaStar σ: Double, depth L: Int, eta: Double, alpha: Double, steps: Int) throws -> Cases {
        let loss = ScalarProductLoss(depth: L, target: σ)
        var out = Cases()
        var previousSign = 0.0
        let every = max(1, steps / 400)
        _ = try DLNScalarChecks.run(loss, alpha: alpha, eta: eta, steps: steps) { t, s in
            let gap = abs(s[L - 2] * s[L - 2] - s[L - 1] * s[L - 1])
            if t == 0 { out.initialGap = gap }
            out.finalGap = gap
            if t % every == 0 { out.xs.append(Double(t)); out.gaps.append(gap) }
            guard t < steps else { return }
            let pi = s.reduce(1, *), d = pi - σ
            let others = s.prefix(L - 2).reduce(1.0) { $0 * $1 * $1 }
            let r = abs(1 - eta * eta * d * d * others)
            let sign: Double = d < 0 ? -1 : 1
            if previousSign != 0, sign != previousSign { out.switches += 1 }
            previousSign = sign
            if d < 0 {
                out.below += 1
                out.maxBelow = max(out.maxBelow, r)
                if 2 * t >= steps { out.maxBelowTail = max(out.maxBelowTail, r) }
                if let psi = try? DLNScalarChecks.gfsSharpness(from: s, sigmaStar: σ) {
                    let c6 = pow(eta * psi / 2, 2) - 1
                    out.maxLemma6C = max(out.maxLemma6C, c6)
                    if r >= c6 { out.ratioAtLeastLemma6C += 1 }
                }
            } else {
                out.above += 1
                out.maxAbove = max(out.maxAbove, r)
            }
        }
        return out
    }

    static func check(_ c: ClaimCase) throws -> CaseOutcome {
        let spectrum = try c.vector("spectrum"), L = try c.integer("depth"), steps = try c.integer("steps")
        let allIndices = try c.text("indices", default: "window") == "all"
        let S1 = DLN.stabilityLimit(spectrum[0], depth: L), eta = try c.number("etaTimesS") / S1
        let bounds = spectrum.map { DLN.prop2AlphaBound(eta: eta, sigma: $0, depth: L) }
        let alpha = c.parameters["alpha"] != nil ? try c.number("alpha") : try c.number("alphaFraction") * bounds[0]
        guard alpha.isFinite, alpha > 0 else { throw ClaimError.computation("α undefined: the printed bound needs η·S_1 < 2√2") }
        let etaS = spectrum.map { eta * DLN.stabilityLimit($0, depth: L) }
        let inWindow = etaS.indices.filter { etaS[$0] > 2 && etaS[$0] < 2 * 2.0.squareRoot() }
        // Trajectories: every index in the window; index 1 always (also when it is outside, for the controls).
        let traced = Array(Set(inWindow + [0])).sorted()
        var q: [Quantity] = [.context("η·S_i", etaS.map { formatNumber($0, significantDigits: 4) }.joined(separator: ", ")),
                             .context("α", alpha)]
        var series = [DataSeries]()
        var maxBelow = 0.0, maxBelowTail = 0.0, maxAbove = 0.0, minSwitches = Int.max, worstGap = 0.0
        var lemma6Max = -Double.infinity, atLeast = 0, belowSteps = 0
        for i in traced {
            let r = try run(sigmaStar: spectrum[i], depth: L, eta: eta, alpha: alpha, steps: steps)
            maxBelow = max(maxBelow, r.maxBelow); maxBelowTail = max(maxBelowTail, r.maxBelowTail)
            maxAbove = max(maxAbove, r.maxAbove); minSwitches = min(minSwitches, r.switches)
            worstGap = max(worstGap, r.finalGap / r.initialGap)
            lemma6Max = max(lemma6Max, r.maxLemma6C); atLeast += r.ratioAtLeastLemma6C; belowSteps += r.below
            q.append(.context("i = \(i + 1): steps in case (i) π < σ⋆ / case (ii) π > σ⋆", "\(r.below) / \(r.above)"))
            series.append(DataSeries(name: "i = \(i + 1), σ⋆,i = \(formatNumber(spectrum[i]))", x: r.xs, y: r.gaps.map { max($0, 1e-300) },
                                     figure: "Sec. 3.1.2: balancing gap |σ²_{L−1} − σ²_L| (cf. Fig. 5)",
                                     xLabel: "iteration t", yLabel: "gap", yScale: .log))
        }
        q += [
            .judge("case (i): max r_t = |b(t+1)|/|b(t)|", maxBelow, predicted: "< 1 (contraction)", holds: maxBelow < 1),
            .judge("case (i), last half of the run: max r_t", maxBelowTail, predicted: "≤ 1 − 1e-6 (a uniform c < 1)", holds: maxBelowTail <= 1 - 1e-6),
            .judge("case (ii): max r_t", maxAbove, predicted: "≤ 1 (c = 1)", holds: maxAbove <= 1),
            .judge("fewest sign changes of π − σ⋆ (alternation)", Double(minSwitches), predicted: "≥ 10", holds: minSwitches >= 10),
            .judge("largest |b(T)|/|b(0)|", worstGap, predicted: "≤ 1e-8 (gap → 0)", holds: worstGap <= 1e-8),
            lemma6Max.isFinite ? .context("Lemma 6's c = (ηψ/2)² − 1 on case-(i) steps: max", lemma6Max)
                : .context("Lemma 6's c on case-(i) steps", "ψ undefined"),
            .context("case-(i) steps with r_t ≥ Lemma 6's c (it does not bound the ratio)", "\(atLeast) of \(belowSteps)"),
        ]
        let judged = allIndices ? bounds.indices.filter { bounds[$0].isFinite } : inWindow
        q.append(.context("printed α bounds per index", bounds.map { formatNumber($0, significantDigits: 4) }.joined(separator: ", ")))
        let name = "min over judged indices of bound_i / bound_1 (\(allIndices ? "all" : "window") indices)"
        if judged.isEmpty || !bounds[0].isFinite {
            q.append(.judge(name, measured: judged.isEmpty ? "no index to judge" : "bound_1 undefined (η·S_1 ≥ 2√2)",
                            predicted: "≥ 1 (σ⋆,1 gives the smallest α)", holds: false))
        } else {
            let ratio = judged.map { bounds[$0] }.min()! / bounds[0]
            q.append(.judge(name + ": " + judged.map { "\($0 + 1)" }.joined(separator: ", "), ratio,
                            predicted: "≥ 1 (σ⋆,1 gives the smallest α)", holds: ratio >= 1))
        }
        return CaseOutcome(q, note: "L = \(L), η = \(formatNumber(eta))", series: series)
    }
}
