import Foundation

/// Every claim of every paper: the one list the tests, the CLI and the report read.
public enum ClaimRegistry {
    /// All claims, in ID order within each paper, papers in seed order.
    public static let all: [Claim] =
        DLNEOSClaims.all + BOMISClaims.all + CB23Claims.all + MPDLNClaims.all

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
