import Foundation

/// Every claim of every paper: the one list the tests, the CLI and the report read.
public enum ClaimRegistry {
    /// The claims of the papers' lists, in ID order within each paper, papers in seed order.
    public static let registered: [Claim] =
        DLNEOSClaims.all + BOMISClaims.all + CB23Claims.all + MPDLNClaims.all

    /// All claims: the papers' lists, then the claims added by `withAdditionalClaims` in the
    /// current task (none outside it).
    public static var all: [Claim] {
        let extra = additional
        return extra.isEmpty ? registered : registered + extra
    }

    /// Claims added for the duration of one operation, visible only to the current task and
    /// its child tasks (so concurrent tests cannot see each other's). Used by tests to check
    /// that a claim added as `docs/AddingAClaim.md` describes is picked up everywhere.
    @TaskLocal static var additional: [Claim] = []

    /// Runs `operation` with `claims` registered after the papers' claims. Their IDs must be
    /// new (an ID names one claim).
    public static func withAdditionalClaims<R>(_ claims: [Claim], operation: () throws -> R) rethrows -> R {
        try $additional.withValue(checkedAdditions(claims), operation: operation)
    }

    /// Runs the asynchronous `operation` with `claims` registered after the papers' claims.
    public static func withAdditionalClaims<R>(_ claims: [Claim],
                                               isolation: isolated (any Actor)? = #isolation,
                                               operation: () async throws -> R) async rethrows -> R {
        try await $additional.withValue(checkedAdditions(claims), operation: operation)
    }

    private static func checkedAdditions(_ claims: [Claim]) -> [Claim] {
        var ids = Set(all.map(\.id))
        for c in claims { precondition(ids.insert(c.id).inserted, "claim ID \(c.id) is registered twice") }
        return additional + claims
    }

    /// The claim with this exact ID.
    public static func claim(_ id: String) throws -> Claim {
        guard let c = all.first(where: { $0.id == id }) else { throw ClaimError.unknownClaim(id) }
        return c
    }

    /// Claims selected by exact IDs or paper prefixes (`CB23` selects every `CB23.*`).
    /// An empty selection selects everything.
    /// - Throws: `ClaimError.unknownClaim` for a selector that matches nothing.
    public static func select(_ selectors: [String]) throws -> [Claim] {
        if selectors.isEmpty { return all }
        var chosen: [Claim] = []
        var ids = Set<String>()
        for s in selectors {
            let matches = all.filter { $0.id == s || $0.paper == s || $0.id.hasPrefix(s + ".") }
            if matches.isEmpty { throw ClaimError.unknownClaim(s) }
            for m in matches where ids.insert(m.id).inserted { chosen.append(m) }
        }
        return chosen
    }
}

/// Runs claims on their cases.
public enum ClaimRunner {
    /// Runs one claim on the given cases (validated first). A case whose check throws is
    /// recorded with its error; nothing is thrown for it.
    public static func run(_ claim: Claim, cases: [ClaimCase]) -> ClaimResult {
        let start = DispatchTime.now().uptimeNanoseconds
        let evidence: [CaseEvidence] = cases.map { c in
            do {
                try claim.validate(c)
                return CaseEvidence(case: c, outcome: try claim.check(c))
            } catch {
                return CaseEvidence(case: c, error: error)
            }
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return ClaimResult(claim: claim, cases: evidence, seconds: seconds)
    }

    /// Runs one claim on its fixture's cases of the given tiers.
    public static func run(_ claim: Claim, store: FixtureStore = .default,
                           tiers: Set<ClaimCase.Tier> = [.ci]) throws -> ClaimResult {
        if claim.needsDataset != nil { return ClaimResult(claim: claim, cases: [], seconds: 0) }
        let cases = try store.cases(for: claim).filter { tiers.contains($0.tier) }
        return run(claim, cases: cases)
    }

    /// Runs claims concurrently (independent claims on every core); results come back in the
    /// order of `claims`, whatever the number of cores, so reports are identical.
    /// Fixture errors are thrown before anything runs.
    public static func runAll(_ claims: [Claim], store: FixtureStore = .default,
                              tiers: Set<ClaimCase.Tier> = [.ci],
                              progress: (@Sendable (ClaimResult) -> Void)? = nil) async throws -> [ClaimResult] {
        let work: [(Claim, [ClaimCase])] = try claims.map { claim in
            claim.needsDataset != nil ? (claim, [])
                : (claim, try store.cases(for: claim).filter { tiers.contains($0.tier) })
        }
        return await withTaskGroup(of: (Int, ClaimResult).self) { group in
            for (i, (claim, cases)) in work.enumerated() {
                group.addTask {
                    let r = claim.needsDataset != nil
                        ? ClaimResult(claim: claim, cases: [], seconds: 0) : run(claim, cases: cases)
                    progress?(r)
                    return (i, r)
                }
            }
            var results = [ClaimResult?](repeating: nil, count: work.count)
            for await (i, r) in group { results[i] = r }
            return results.map { $0! }
        }
    }
}
