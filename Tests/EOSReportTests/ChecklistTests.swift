import Foundation
import Testing
import EOSClaims
import EOSReport

@Suite("CHECKLIST.md")
struct ChecklistTests {
    @Test("the committed CHECKLIST.md is what the index and the registry generate")
    func checklistIsCurrent() throws {
        let expected = Checklist.render(index: try StatementIndex.load(), claims: ClaimRegistry.all)
        let url = FixtureStore.packageRoot.appendingPathComponent("CHECKLIST.md")
        let committed = FileManager.default.contents(atPath: url.path).flatMap { String(data: $0, encoding: .utf8) }
        #expect(committed == expected, "CHECKLIST.md is stale: regenerate it with `\(Checklist.regenerateCommand)`")
    }

    @Test("every indexed ID appears in the checklist exactly once")
    func everyIDListed() throws {
        let index = try StatementIndex.load()
        let text = Checklist.render(index: index, claims: ClaimRegistry.all)
        for id in index.ids {
            #expect(text.components(separatedBy: "| \(id) |").count == 2, "\(id) listed \(text.components(separatedBy: "| \(id) |").count - 1) times")
        }
    }
}
