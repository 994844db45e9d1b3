import Foundation
import EOSClaims

/// Synthetic claims whose evidence is known, for the report tests.
enum SyntheticClaims {
    static let source = ClaimSource(seed: Seed.cb23, statement: "Theorem 99", lines: 1...2)

    /// A claim that squares `x`, predicts 4, recomputes a printed constant (√4.5 − 1 ≈ 1.121,
    /// printed to three decimals) and draws two figures: a titled one with two series and an
    /// untitled one.
    static func squaring(id: String, uses: [String] = [], expected: Verdict = .confirmed) -> Claim {
        Claim(id: id, title: "x² equals four at x = ±2", source: source,
              statement: "For x = 2, x² = 4.", uses: uses,
              parameters: [ParameterSpec("x", .real, .all, meaning: "input")],
              method: "squares x", expected: expected) { c in
            let x = try c.number("x")
            let t = (0..<50).map(Double.init)
            return CaseOutcome([
                .compare("x²", measured: x * x, predicted: 4, .absolute(1e-12, "exact arithmetic")),
                .printed("√4.5 − 1", printed: 1.121, computed: 4.5.squareRoot() - 1,
                         .absolute(5e-4, "printed to three decimals"), at: "line 412", convention: "principal root"),
            ], series: [
                DataSeries(name: "x·t", x: t, y: t.map { x * $0 }, figure: "Fig. 99: growth",
                           xLabel: "step t", yLabel: "value"),
                DataSeries(name: "x²·t", x: t, y: t.map { x * x * $0 }, figure: "Fig. 99: growth"),
                DataSeries(name: "decay", x: t.map { $0 + 1 }, y: t.map { exp(-$0 / 5) }, yScale: .log),
            ])
        }
    }

    static let cases = [
        ClaimCase(label: "x = 2", parameters: ["x": .number(2)]),
        ClaimCase(label: "x = 3 (control)", role: .negativeControl, parameters: ["x": .number(3)]),
    ]

    static func result(_ claim: Claim) -> ClaimResult { ClaimRunner.run(claim, cases: cases) }
}
