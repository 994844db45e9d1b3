import Testing
import EOSClaims

/// Shared machinery of the per-paper suites: each statement's test is parameterized over its
/// fixture's CI cases, runs the claim's check on one case, and asserts the computation found
/// what the fixture records (`expectHolds`), printing every quantity on failure.
enum ClaimTesting {
    /// The CI-tier cases of a claim's fixture (paper-scale `full` cases run in `report`).
    static func cases(_ id: String) throws -> [ClaimCase] {
        try FixtureStore.default.cases(for: ClaimRegistry.claim(id)).filter { $0.tier == .ci }
    }

    /// Runs one case and asserts its outcome is the recorded one.
    static func verify(_ id: String, _ c: ClaimCase,
                       sourceLocation: SourceLocation = #_sourceLocation) throws {
        let claim = try ClaimRegistry.claim(id)
        let outcome = try claim.check(c)
        let detail = outcome.quantities.map { q in
            "\(q.name): measured \(q.measured)" + (q.predicted.map { ", predicted \($0)" } ?? "")
                + (q.tolerance.map { ", tol \($0)" } ?? "") + (q.holds.map { $0 ? " ✓" : " ✗" } ?? "")
        }.joined(separator: "; ")
        #expect(outcome.holds == c.expectHolds,
                "\(id) [\(c.label)] \(c.role.rawValue): prediction \(outcome.holds ? "holds" : "fails"), recorded \(c.expectHolds ? "holds" : "fails"). \(detail) \(outcome.note)",
                sourceLocation: sourceLocation)
        for q in outcome.quantities {
            if let v = q.measuredValue { #expect(v.isFinite, "\(q.name) is not finite", sourceLocation: sourceLocation) }
        }
    }
}
