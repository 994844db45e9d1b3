#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import EOSCore

extension CB23Claims {
    // MARK: Section 5 prose: the three phases of the single-neuron dynamics.

    static let section5Claim2 = Claim(
        id: "CB23.Sec5-claim2",
        title: "Single neuron: (1) angle ↓ while w_y ↑, v − w_x bounded; (2) w_y falls within four steps; (3) w_y decays exponentially, v − w_x → 0, period-2 orbit",
        source: ClaimSource(seed: Seed.cb23, statement: "Section 5 prose after Proposition 4", lines: 194...194),
        statement: "To summarize, the single-neuron model goes through three phases of training dynamics, with an initialization of the angle ∠(w, w̃) as π/2 at most. First, the angle decreases monotonically but, due to the growth of norms, the absolute deviation w_y still increases. Meanwhile, the imbalance v − w_x stays in a bounded level. Second, w_y starts to decrease and the parameters fall into a basin within four steps. Third, in the basin, w_y decreases exponentially and, after w_y at a reasonable low level, the model approximately follows the dynamic of the 2-D case and the imbalance v − w_x decreases as well, following Theorem 3. The model converges to a period-2 orbit as in the 1-D case in Theorem 2.",
        uses: ["CB23.Thm4", "CB23.Thm3", "CB23.Thm2"],
        parameters: [
            ParameterSpec("K", .real, .open(0, 1.5), meaning: "η/d"),
            ParameterSpec("epsilon", .real, .open(0, 0.5), required: false, meaning: "‖w⁽⁰⁾‖ = v⁽⁰⁾ (default 0.1)"),
            ParameterSpec("angle", .real, .closed(0, 1.5707963267948966), required: false, meaning: "∠(w⁽⁰⁾, w̃) (default π/2)"),
            ParameterSpec("steps", .integer, .closed(100, 1_000_000), required: false, meaning: "GD steps (default 3000)"),
        ],
        method: """
        The population dynamics reduced to (v, w_x, w_y) (w̃ = [1, 0], η = Kd, the printed gradient of l.166), \
        from v = ε, w = ε(cos a, sin a). T = argmax |w_y| over the first 500 steps ends phase 1. Checked: angle \
        non-increasing and |w_y| non-decreasing on [0, T]; max |v − w_x| on [0, T] ≤ 0.5 ('bounded': below half \
        the orbit's scale 1); |w_y| strictly decreasing on [T, T + 4] (phase 2); the per-step decay ratio of |w_y| \
        fitted on [T + 60, T + 110] and on [T + 110, T + 160] < 1 and equal within 1% (exponential, phase 3; \
        the windows start after the transient in which (v, w_x) approach the orbit and the rate settles; \
        measured while |w_y| > 1e-280); |v − w_x| at the end ≤ 1e-8; the last 64 states a period-2 orbit (core \
        classification). Negative control: K = 0.9 (below EoS), where GD stops at an unbalanced minimum.
        """,
        expected: .confirmed
    ) { c in
        let k = try c.number("K"), eps = try c.number("epsilon", default: 0.1)
        let a = try c.number("angle", default: Double.pi / 2), steps = try c.integer("steps", default: 3000)
        var s = [eps, eps * cos(a), eps * sin(a)]
        var hist: [[Double]] = [s]
        for t in 1...steps {
            s = CB23SingleNeuron.reducedStep(s, k: k)
            guard s.allSatisfy({ $0.isFinite && abs($0) < 1e6 }) else { throw ClaimError.computation("diverged at step \(t)") }
            hist.append(s)
        }
        let wy = hist.map { abs($0[2]) }
        let peak = (0...min(500, steps)).max { wy[$0] < wy[$1] }!
        let angles = hist.map { atan2(abs($0[2]), $0[1]) }
        let angleMonotone = (0..<peak).allSatisfy { angles[$0 + 1] <= angles[$0] + 1e-15 }
        let wyGrowing = (0..<peak).allSatisfy { wy[$0 + 1] >= wy[$0] }
        let phase1Imbalance = (0...peak).map { abs(hist[$0][0] - hist[$0][1]) }.max()!
        let falling = (peak..<min(peak + 4, steps)).allSatisfy { wy[$0 + 1] < wy[$0] }
        func ratio(_ t0: Int, _ t1: Int) -> Double {
            guard t1 < wy.count, wy[t1] > 1e-280, wy[t0] > 0 else { return .nan }
            return pow(wy[t1] / wy[t0], 1 / Double(t1 - t0))
        }
        let r1 = ratio(peak + 60, peak + 110), r2 = ratio(peak + 110, peak + 160)
        let exponential = r1 < 1 && r2 < 1 && abs(r1 - r2) <= 0.01 * r2
        let finalImbalance = abs(s[0] - s[1])
        let behaviour = TrajectoryClassification.classify(Array(hist.suffix(64)))
        var q: [Quantity] = [
            .judge("phase 1 (steps 0…\(peak)): angle non-increasing and |w_y| non-decreasing", measured: angleMonotone && wyGrowing ? "yes" : "no",
                   predicted: "yes", holds: angleMonotone && wyGrowing),
            .judge("phase 1: max |v − w_x|", phase1Imbalance, predicted: "≤ 0.5 (bounded, below half the orbit scale)", holds: phase1Imbalance <= 0.5),
            .judge("phase 2: |w_y| strictly decreasing on [T, T + 4]", measured: falling ? "yes" : "no", predicted: "yes", holds: falling),
            .judge("phase 3: per-step ratio of |w_y| on [T+60, T+110] and [T+110, T+160]", r1,
                   predicted: "< 1 and equal within 1% (exponential decay)", holds: exponential),
            .judge("|v − w_x| at the end", finalImbalance, predicted: "≤ 1e-8 (decays, Theorem 3)", holds: finalImbalance <= 1e-8),
            .judge("final behaviour", measured: "\(behaviour)".prefix(100).description, predicted: "period 2", holds: behaviour.period == 2),
            .context("T (end of phase 1)", Double(peak)), .context("max |w_y|", wy[peak]), .context("second-window ratio", r2),
        ]
        if case .periodic(2, let orbit, _) = behaviour {
            let vs: [Double] = orbit.map { $0[0] }.sorted()
            q.append(.context("orbit v-values", vs.map { formatNumber($0) }.joined(separator: ", ")))
        }
        return CaseOutcome(q)
    }
}
