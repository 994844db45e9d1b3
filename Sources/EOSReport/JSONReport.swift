import Foundation
import EOSClaims

/// `report.json`:
/// ```
/// { "provenance": { toolchain, commit, tiers, fixturesDigest, seedPolicy },   (when given)
///   "claims": [ { id, title, source, statement, uses, verdict, expected, casesPassed,
///                 figures: [relative SVG paths], cases: [...] } ],
///   "printedNumbers": [ { claim, case, role, quantity, printedAt, printed, computed,
///                         relativeDifference, convention, agrees, tolerance } ] }
/// ```
/// Each case has `label`, `parameters`, `measured`, `predicted`, `tolerance`, `passed` (the
/// key quantity) and all its `quantities`; `printedNumbers` is the printed-number audit
/// (`PrintedNumberAudit`). Keys are sorted and no timing is written, so the same inputs give
/// byte-identical files. Non-finite numbers are written as strings naming them; JSON never
/// holds NaN.
public enum JSONReport {
    struct Document: Encodable {
        let provenance: Provenance?
        let claims: [ClaimRecord]
        let printedNumbers: [PrintedNumberAudit.Row]
    }

    struct ClaimRecord: Encodable {
        let id: String
        let title: String
        let source: String
        let statement: String
        let uses: [String]
        let verdict: String
        let expected: String
        let casesPassed: Int
        let figures: [String]
        let cases: [CaseEvidence]
    }

    public static func render(_ results: [ClaimResult], figures: [String: [ReportFigure]] = [:],
                              provenance: Provenance? = nil) throws -> Data {
        let doc = Document(provenance: provenance, claims: results.map { r in
            ClaimRecord(id: r.claim.id, title: r.claim.title, source: r.claim.source.description,
                        statement: r.claim.statement, uses: r.claim.uses,
                        verdict: r.verdict.rawValue, expected: r.claim.expected.rawValue,
                        casesPassed: r.casesPassed, figures: (figures[r.claim.id] ?? []).map(\.path),
                        cases: r.cases)
        }, printedNumbers: PrintedNumberAudit(results).rows)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(doc)
        data.append(0x0A)
        return data
    }
}
