import EOSCore

extension CB23Claims {
    /// The orbit multiplier m(K) = F′(δ₁)F′(δ₂) of the period-2 orbit of ¼(x² − 1)² at η = K.
    static func periodTwoMultiplier(_ k: Double) throws -> Double {
        let (d1, d2) = try CB23ScalarFactorization.equation4Roots(mu: 1, eta: k)
        return OrbitMultiplier.multiplier(orbit: [d1, d2]) { x in 1 + k - 3 * k * x * x }
    }

    /// Appendix L: the period-2 orbit of ¼(x² − 1)² is locally attracting exactly for η < √5 − 1.
    static let appendixL = Claim(
        id: "CB23.AppL-claim",
        title: "¼(x² − 1)²: the period-2 orbit attracts iff η < √5 − 1 ≈ 1.236; period 4 at η = 1.237",
        source: ClaimSource(seed: Seed.cb23, statement: "Appendix L (with Figure 12)", lines: 2066...2075),
        statement: """
        local convergence is guaranteed if η < √5 − 1 ≈ 1.236 by taylor expansion of F_η² around the orbit. Conversely, if the learning rate is larger than it, although the period-2 orbit still exists, GD starting from a point infinitesimally close to the orbit still escapes from it. Figure 12: GD converges to the period-2 orbit when η = 1.235 < √5 − 1 and a period-4 orbit when η = 1.237 > √5 − 1.
        """,
        uses: ["CB23.Thm2"],
        parameters: [
            ParameterSpec("eta", .real, .open(1, 1.5), meaning: "η (µ = 1)"),
            ParameterSpec("expect", .choice(["period2", "period4"]), meaning: "the behaviour the statement predicts at this η"),
        ],
        method: """
        The orbit {δ₁, δ₂} is solved from Eq. (4) (Brent), its multiplier m = F′(δ₁)F′(δ₂), F′(x) = 1 + η − 3ηx², \
        is evaluated (core OrbitMultiplier), and the threshold η* where m = −1 is found by Brent on (1.13, 1.49) and \
        compared with √5 − 1. GD then starts 1e-6 from δ₁ and runs 200000 steps: the case holds when the orbit's \
        linear stability (|m| < 1 or > 1) and GD's final behaviour (period 2 or period 4) are the predicted ones. \
        Negative control: η = 1.2 predicted (wrongly) to give period 4.
        """,
        expected: .confirmed
    ) { c in
        let eta = try c.number("eta"), wantTwo = try c.text("expect") == "period2"
        let threshold = try RootFinding.brent(in: 1.13, 1.49) { k in (try? periodTwoMultiplier(k)).map { $0 + 1 } ?? .nan }
        let m = try periodTwoMultiplier(eta)
        let (d1, _) = try CB23ScalarFactorization.equation4Roots(mu: 1, eta: eta)
        let behaviour = TrajectoryClassification.classifyMap({ x in x + eta * (1 - x * x) * x }, from: d1 + 1e-6, steps: 200_000)
        let period = behaviour.period ?? 0
        return CaseOutcome([
            .compare("η* where the orbit multiplier is −1", measured: threshold, predicted: 5.0.squareRoot() - 1,
                     .relative(1e-12, "Brent on a smooth function to 4ε plus the rounding of Eq. (4)'s roots")),
            .judge("orbit multiplier F′(δ₁)F′(δ₂)", m, predicted: wantTwo ? "|m| < 1 (attracting)" : "|m| > 1 (repelling)",
                   holds: wantTwo == (abs(m) < 1)),
            .judge("GD from δ₁ + 1e-6, 200000 steps", measured: "\(behaviour)".prefix(120).description,
                   predicted: wantTwo ? "period 2" : "period 4", holds: period == (wantTwo ? 2 : 4)),
        ])
    }
}
