import Foundation
import Testing
import EOSClaims
import EOSReport

/// Follows `docs/AddingAClaim.md` with a synthetic claim: an index entry, a claim value, a
/// fixture with an as-printed case and a negative control, and the claim added to the
/// registry (here through `ClaimRegistry.withAdditionalClaims`, standing in for the line in
/// the paper's list). Nothing else is edited, and `report`, `checklist`, `list`, `check` and
/// the dependency graph all pick it up.
@Suite("Adding a claim (docs/AddingAClaim.md)")
struct AddingAClaimTests {
    static let id = "CB23.Syn1"

    /// A fixture folder with its INDEX.md and the claim's fixture.
    static func fixtures(in base: URL) throws -> FixtureStore {
        let root = base.appendingPathComponent("Fixtures")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("CB23"), withIntermediateDirectories: true)
        try Data("""
        # Index

        **CB23.Thm2** — Theorem 2 (l.140–142): the period-2 orbit.
        **\(id)** — Theorem 99 (l.1–2): x² = 4 at x = 2.

        """.utf8).write(to: root.appendingPathComponent("INDEX.md"))
        try Data("""
        { "id": "\(id)",
          "cases": [ { "label": "x = 2: as printed", "parameters": { "x": 2 } },
                     { "label": "x = 3: no square root of 4", "role": "negativeControl", "parameters": { "x": 3 } } ] }
        """.utf8).write(to: root.appendingPathComponent("CB23/\(id).json"))
        return FixtureStore(root: root)
    }

    @Test("a registered synthetic claim appears in list, report (summary, section, figures, audit), graph, checklist and check")
    func pickedUpEverywhere() async throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("eosverify-adding-\(getpid())")
        defer { try? FileManager.default.removeItem(at: base) }
        let store = try Self.fixtures(in: base)
        let claim = SyntheticClaims.squaring(id: Self.id, uses: ["CB23.Thm2"])

        // Not registered outside the scope.
        #expect(await Captured.run(["list", Self.id], fixtures: store).status == 2)

        try await ClaimRegistry.withAdditionalClaims([claim]) {
            let list = await Captured.run(["list", "CB23"], fixtures: store)
            #expect(list.output.contains("\(Self.id)\tconfirmed\t"))

            let a = base.appendingPathComponent("a"), b = base.appendingPathComponent("b")
            let run = await Captured.run(["report", Self.id, "--ci-only", "--out", a.path], fixtures: store)
            #expect(run.status == 0, "report failed: \(run.error)")
            #expect(run.error.contains("[1/1] \(Self.id): confirmed"), "one progress line per finished claim")
            _ = await Captured.run(["report", Self.id, "--ci-only", "--out", b.path], fixtures: store)
            let one = try DeterminismTests.tree(a), two = try DeterminismTests.tree(b)
            #expect(one == two, "two report runs differ")

            let md = String(decoding: try #require(one["report.md"]), as: UTF8.self)
            #expect(md.contains("| [\(Self.id)](#cb23-syn1) | x² equals four at x = ±2 | confirmed | 2/2 |"))
            #expect(md.contains("### \(Self.id): x² equals four at x = ±2"))
            #expect(md.contains("](figures/\(Self.id)-1.svg)"))
            #expect(one["figures/\(Self.id)-1.svg"] != nil)
            #expect(md.contains("| [\(Self.id)](#cb23-syn1) | x = 2: as printed | √4.5 − 1 | line 412 |"))
            #expect(md.contains("| indexed, not yet checked | 1 |"))
            #expect(md.contains("| toolchain | Swift compiler"))

            let graph = String(decoding: try #require(one["graph.md"]), as: UTF8.self)
            #expect(graph.contains("n_CB23_Syn1[\"\(Self.id)\"]:::confirmed"))
            #expect(graph.contains("n_CB23_Thm2 --> n_CB23_Syn1"))

            let json = try JSONSerialization.jsonObject(with: try #require(one["report.json"])) as? [String: Any]
            #expect((json?["printedNumbers"] as? [[String: Any]])?.first?["claim"] as? String == Self.id)

            let checklist = await Captured.run(["checklist"], fixtures: store)
            #expect(checklist.output.contains("| [x] | \(Self.id) | confirmed |"))

            let check = await Captured.run(["check", Self.id, "--cases", store.path(for: Self.id).path], fixtures: store)
            #expect(check.status == 0)
            #expect(check.output.contains("**Verdict: confirmed**"))
        }
    }

    @Test("check --cases refuses a cases file of another claim")
    func casesOfAnotherClaim() async throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("eosverify-cases-\(getpid())")
        defer { try? FileManager.default.removeItem(at: base) }
        let store = try Self.fixtures(in: base)
        let r = await ClaimRegistry.withAdditionalClaims([SyntheticClaims.squaring(id: Self.id)]) {
            await Captured.run(["check", "CB23.Thm2", "--cases", store.path(for: Self.id).path], fixtures: store)
        }
        #expect(r.status == 2)
        #expect(r.error.contains("is not 'CB23.Thm2'"))
    }
}
