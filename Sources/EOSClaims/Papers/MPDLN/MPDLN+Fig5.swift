import Foundation
import EOSCore

extension MPDLNClaims {
    /// Figure 5 (l.132): the knife-edge of the deep chain just below and above η_WCR.
    static let figure5 = Claim(
        id: "MPDLN.Fig5",
        title: "deep-chain knife-edge: below η_WCR the worst overshoot bounces back into (0, w⋆), above it crosses the origin [settings lost]",
        source: ClaimSource(seed: Seed.mpdln, statement: "Figure 5 (caption lost; described at l.132)", lines: 132...132),
        statement: """
        Figure 5 shows the knife-edge: at η < η_WCR the iterate bounces back into (0, w⋆), while at η > η_WCR it \
        overshoots the origin into the sign-flip region. [Caption, depth, target and step sizes are lost; η_WCR and w⋆ \
        are RECONSTRUCTED (INDEX [R]).]
        """,
        uses: ["MPDLN.Def6.1", "MPDLN.Thm6.2"],
        parameters: [
            ParameterSpec("L", .integer, .closed(2, 200), meaning: "depth"),
            ParameterSpec("s", .real, .positive, meaning: "target"),
            ParameterSpec("factor", .real, .open(0, 10), meaning: "η / η_WCR"),
            ParameterSpec("steps", .integer, .closed(2, 100_000), required: false, meaning: "iterations shown (default 200)"),
        ],
        method: """
        The raw map (19) is iterated from the worst start, the maximiser of the map on (0, w⋆) (found by global 1-D \
        maximisation, not from the boundary formulas), at η = factor·η_WCR with η_WCR = c_L/(L s^{2−2/L}). Predicted \
        for factor < 1: the first iterate overshoots w⋆, the second lands in (0, w⋆), and the trajectory never crosses \
        the origin. Negative control: factor 1.01 (just above η_WCR): the second iterate is negative.
        """,
        expected: .confirmed
    ) { c in
        let depth = try c.integer("L"), s = try c.number("s"), factor = try c.number("factor")
        let steps = try c.integer("steps", default: 200)
        let l = Double(depth), wStar = pow(s, 1 / l)
        let eta = factor * (try WorstCaseReturn.constantByRoot(depth: depth).c) / (l * pow(s, 2 - 2 / l))
        let g: (Double) -> Double = { w in w - eta * (pow(w, l) - s) * pow(w, l - 1) }
        let start = try Maximization.maximize(in: 0, wStar, gridPoints: 4001) { g($0) }.argmax
        var w = [start]
        for _ in 0..<steps { let next = g(w.last!); guard next.isFinite, abs(next) < 1e6 else { break }; w.append(next) }
        let crossed = w.contains { $0 <= 0 }
        return CaseOutcome([
            .judge("w₁/w⋆", w[1] / wStar, predicted: "> 1 (overshoot)", holds: w[1] > wStar),
            .judge("w₂/w⋆", w[2] / wStar, predicted: "in (0, 1) (bounces back)", holds: w[2] > 0 && w[2] < wStar),
            .judge("iterates ≤ 0 along the run", crossed ? 1 : 0, predicted: "0 (no sign flip)", holds: !crossed),
            .context("η", eta), .context("worst start w₀/w⋆", start / wStar),
        ], series: [DataSeries(name: "w_t / w⋆", x: w.indices.map(Double.init), y: w.map { $0 / wStar })])
    }
}
