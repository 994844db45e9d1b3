import Foundation
import EOSCore

extension MPDLNClaims {
    /// Section E.6 (l.484–510): the three learning-rate regimes of the formal central-flow picture.
    static let sectionE6Claim = Claim(
        id: "MPDLN.SecE.6-claim",
        title: "intermediate η: stop partially balanced at S = 2/η; critical η = 2/λ_min: drift to full balance; super-critical: no zero-loss stop [R]",
        source: ClaimSource(seed: Seed.mpdln, statement: "Section E.6, three regimes (Eqs. 67–69)", lines: 484...510),
        statement: """
        This subsection should be read as a leading-order asymptotic description, not as a finite-time approximation \
        theorem. … At the critical learning rate η = 2/λ_min, the formal drift continues until full balance ζ = 0. At \
        intermediate learning rates, the drift stops earlier at the one-sided boundary where the sharpness reaches 2/η; \
        the prediction is then partial balance rather than exact balance. … stopping condition S(ζ_stop) = 2/η (69). \
        Three regimes: 1. Intermediate window 2/λ_single < η < 2/λ_min: … drift until the sharpness reaches 2/η, then \
        stop; the resulting state is partially balanced, not fully balanced. 2. Critical η = 2/λ_min: … the drift drives \
        the trajectory all the way to ζ = 0. 3. Super-critical η > 2/λ_min: even the balanced minimum is GD-unstable in \
        the local model. The slow ODE has no zero-loss stopping boundary; the trajectory must leave or enter a different \
        nonlinear regime. [(67)–(69), S and the regime bounds are RECONSTRUCTED (INDEX [R]); (68) is lost.]
        """,
        uses: ["MPDLN.LemE.9", "MPDLN.PropE.4"],
        parameters: modeDynamicsParameters.filter { $0.name != "eta" } + [
            ParameterSpec("regime", .choice(["intermediate", "critical", "supercritical"]), meaning: "which regime's prediction the case tests"),
            ParameterSpec("position", .real, .closed(-2, 3),
                          meaning: "η = 2/λ_single + position·(2/λ_min − 2/λ_single): (0, 1) intermediate, 1 critical, > 1 super-critical"),
        ],
        method: """
        GD on the exact mode recursion (Eq. 54; homogeneous depth) from slightly different α_k, η placed by `position` \
        in the window. Intermediate: the run settles (|r| ≤ 1e-6 s) with zero-loss sharpness in [0.99·2/η, 2/η] and \
        strictly above λ_min·(1 + 1e-3) (partially, not fully, balanced). Critical: after the run the pathways are \
        balanced to max_k |σ_k − s/K| ≤ 0.02 s (the drift vanishes at the target, so the approach is slow). \
        Super-critical: the residual does not settle (|r| > 1e-3 s over the last 100 steps) and the run stays bounded. \
        Negative control: the intermediate prediction at position −0.5 (η below 2/λ_single), where nothing drifts and \
        the final sharpness is λ_single < 2/η.
        """,
        expected: .confirmed
    ) { c in
        let regime = try c.text("regime"), pos = try c.number("position")
        let depths = try c.vector("depths").map { Int($0) }
        let s = try c.number("s")
        let l = Double(depths[0]), k = Double(depths.count)
        let lambdaSingle = l * pow(s, 2 - 2 / l), lambdaMin = l * k * pow(s / k, 2 - 2 / l)
        let eta = 2 / lambdaSingle + pos * (2 / lambdaMin - 2 / lambdaSingle)
        var p = c.parameters
        p["regime"] = nil; p["position"] = nil; p["eta"] = .number(eta)
        let run = try modeRun(ClaimCase(label: c.label, parameters: p))
        let threshold = 2 / eta
        var q: [Quantity] = [.context("η", eta), .context("2/λ_single", 2 / lambdaSingle), .context("2/λ_min", 2 / lambdaMin)]
        switch regime {
        case "intermediate":
            let final = run.finalSharpness, lastR = abs(run.residuals.last!)
            q.insert(contentsOf: [
                .judge("|r|/s at the end", lastR / s, predicted: "≤ 1e-6 (settles)", holds: lastR <= 1e-6 * s),
                .judge("final zero-loss sharpness × η/2", final / threshold, predicted: "in [0.99, 1] (stops at S = 2/η)",
                       holds: final <= threshold * (1 + 1e-9) && final >= 0.99 * threshold),
                .judge("final sharpness / λ_min", final / lambdaMin, predicted: "> 1.001 (partial, not full, balance)",
                       holds: final > lambdaMin * 1.001),
            ], at: 0)
        case "critical":
            let gap = run.finalSigma.map { abs($0 - s / k) / s }.max()!
            q.insert(.judge("max_k |σ_k − s/K|/s at the end", gap, predicted: "≤ 0.02 (drifts to full balance; slow at the critical η)",
                            holds: gap <= 0.02), at: 0)
        default:
            let tail = run.residuals.suffix(100).map { abs($0) }.min()!
            q.insert(.judge("min |r|/s over the last 100 steps", tail / s, predicted: "> 1e-3 (no zero-loss stop)",
                            holds: tail > 1e-3 * s), at: 0)
        }
        return CaseOutcome(q, series: modeSeries(run))
    }
}
