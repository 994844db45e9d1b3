import Foundation
import Testing
import EOSClaims
import EOSReport

@Suite("Printed-number audit")
struct AuditTests {
    @Test("a printed quantity appears once in the table of report.md and in report.json's printedNumbers")
    func printedQuantity() throws {
        let results = [SyntheticClaims.result(SyntheticClaims.squaring(id: "CB23.P1"))]
        let audit = PrintedNumberAudit(results)
        // The same printed number is recomputed in both cases, identically: one row.
        #expect(audit.rows.count == 1)
        let row = try #require(audit.rows.first)
        #expect(row.claim == "CB23.P1" && row.printedAt == "line 412" && row.printed == "1.121")
        #expect(row.agrees && row.convention == "principal root")
        let rel = try #require(row.relativeDifference)
        #expect(abs(rel - abs(4.5.squareRoot() - 1 - 1.121) / 1.121) < 1e-15)

        let md = MarkdownReport.render(results)
        #expect(md.contains("## Printed-number audit"))
        #expect(md.contains("| [CB23.P1](#cb23-p1) | x = 2 | √4.5 − 1 | line 412 | 1.121 | 1.121320344 | 0.000286 | principal root | yes |"))

        let json = try JSONSerialization.jsonObject(with: try JSONReport.render(results)) as? [String: Any]
        let printed = try #require(json?["printedNumbers"] as? [[String: Any]])
        #expect(printed.count == 1)
        #expect(printed[0]["claim"] as? String == "CB23.P1")
        #expect(printed[0]["printed"] as? Double == 1.121)
        #expect(printed[0]["printedAt"] as? String == "line 412")
        #expect(printed[0]["agrees"] as? Bool == true)
        #expect(printed[0]["convention"] as? String == "principal root")
        #expect((printed[0]["relativeDifference"] as? Double).map { abs($0 - rel) < 1e-15 } == true)
    }

    @Test("a printed number that disagrees is marked no; a claim without printed numbers adds no row")
    func disagreement() throws {
        let claim = Claim(id: "CB23.P2", title: "t", source: SyntheticClaims.source, statement: "s",
                          method: "m", expected: .refuted) { _ in
            CaseOutcome([.printed("threshold", printed: 2, computed: 2.5, .relative(1e-3, "printed to 3 digits"), at: "Eq. (7)"),
                         .context("plain", 1)])
        }
        let plain = Claim(id: "CB23.P3", title: "t", source: SyntheticClaims.source, statement: "s",
                          method: "m", expected: .confirmed) { _ in CaseOutcome([.context("plain", 1)]) }
        let results = [ClaimRunner.run(claim, cases: [ClaimCase(label: "a", parameters: [:])]),
                       ClaimRunner.run(plain, cases: [ClaimCase(label: "a", parameters: [:])])]
        let rows = PrintedNumberAudit(results).rows
        #expect(rows.count == 1)
        #expect(rows.first?.agrees == false && rows.first?.relativeDifference == 0.25)
        #expect(PrintedNumberAudit(results).markdown.contains("| Eq. (7) | 2 | 2.5 | 0.25 | — | **no** |"))
    }
}
