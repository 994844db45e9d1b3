import Foundation
import EOSClaims

/// `report.json`: `{ "claims": [ { id, title, source, verdict, expected, cases: [...] } ] }`,
/// each case with `label`, `parameters`, `measured`, `predicted`, `tolerance`, `passed` (the
/// key quantity) and all its `quantities`. Keys are sorted and no timing is written, so the
/// same inputs give byte-identical files. Non-finite numbers are written as strings naming
/// them (see `FiniteNumber`); JSON never holds NaN.
public enum JSONReport {
    struct Document: Encodable {
        let claims: [ClaimRecord]
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
        let cases: [CaseEvidence]
    }

    public static func render(_ results: [ClaimResult]) throws -> Data {
        let doc = Document(claims: results.map { r in
            ClaimRecord(id: r.claim.id, title: r.claim.title, source: r.claim.source.description,
                        statement: r.claim.statement, uses: r.claim.uses,
                        verdict: r.verdict.rawValue, expected: r.claim.expected.rawValue,
                        casesPassed: r.casesPassed, cases: r.cases)
        })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(doc)
        data.append(0x0A)
        return data
    }
}
