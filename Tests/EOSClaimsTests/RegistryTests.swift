import Foundation
import Testing
import EOSClaims

@Suite("Claim registry")
struct RegistryTests {
    @Test("claim IDs are unique and every one is in the statement index")
    func idsAreIndexed() throws {
        let ids = ClaimRegistry.all.map(\.id)
        #expect(Set(ids).count == ids.count, "duplicate claim IDs")
        let indexed = Set(try StatementIndex.load().ids)
        for id in ids { #expect(indexed.contains(id), "\(id) is not an ID of INDEX.md") }
    }

    @Test("every checkable claim has a valid fixture with an as-printed case and a negative control, and its recorded verdict follows from the fixture")
    func fixturesAreComplete() throws {
        for claim in ClaimRegistry.all where claim.needsDataset == nil {
            let cases = try FixtureStore.default.cases(for: claim)
            #expect(cases.contains { $0.role == .asPrinted }, "\(claim.id) has no as-printed case")
            #expect(cases.contains { $0.role == .negativeControl }, "\(claim.id) has no negative control")
            #expect(Verdict.recorded(cases, claim: claim) == claim.expected,
                    "\(claim.id): fixture expectations give \(Verdict.recorded(cases, claim: claim).rawValue), recorded \(claim.expected.rawValue)")
            if claim.expected == .discrepancy {
                #expect(claim.correctedVariant != nil, "\(claim.id) is a discrepancy without a named corrected variant")
            }
        }
    }

    @Test("every fixture file belongs to a registered claim")
    func noOrphanFixtures() throws {
        let root = FixtureStore.default.root
        let fm = FileManager.default
        let ids = Set(ClaimRegistry.all.map(\.id))
        for paper in try fm.contentsOfDirectory(atPath: root.path) {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: root.appendingPathComponent(paper).path, isDirectory: &isDir),
                  isDir.boolValue else { continue }
            for file in try fm.contentsOfDirectory(atPath: root.appendingPathComponent(paper).path)
            where file.hasSuffix(".json") {
                let id = String(file.dropLast(5))
                #expect(ids.contains(id), "Fixtures/\(paper)/\(file) has no claim")
            }
        }
    }

    @Test("the shipped index copy equals shared/claims/INDEX.md when the shared folder is beside the checkout")
    func indexCopyIsCurrent() throws {
        let shared = FixtureStore.packageRoot.deletingLastPathComponent()
            .appendingPathComponent("shared/claims/INDEX.md")
        guard let original = FileManager.default.contents(atPath: shared.path) else { return }
        let copy = FileManager.default.contents(
            atPath: FixtureStore.default.root.appendingPathComponent("INDEX.md").path)
        #expect(copy == original, "Fixtures/INDEX.md differs from ../shared/claims/INDEX.md: cp ../shared/claims/INDEX.md Fixtures/INDEX.md")
    }

    @Test("index entries with several IDs are expanded")
    func indexExpansion() throws {
        let ids = Set(try StatementIndex.load().ids)
        for id in ["CB23.Cor2", "CB23.Cor8", "DLN-EOS.Eq3", "DLN-EOS.Eq4", "BOMIS.Fig16", "CB23.Fig10"] {
            #expect(ids.contains(id), "\(id) missing from the expanded index")
        }
        #expect(!ids.contains("CB23.Cor2–Cor8"))
    }
}
