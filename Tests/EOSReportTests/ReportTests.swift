import Foundation
import Testing
import EOSClaims
import EOSReport

/// The report writers on a synthetic claim whose evidence is known.
@Suite("report.md and report.json")
struct ReportTests {
    static let claim = Claim(
        id: "CB23.Thm2", title: "synthetic", source: ClaimSource(seed: Seed.cb23, statement: "Theorem 2", lines: 140...142),
        statement: "as printed", uses: ["CB23.Def2"],
        parameters: [ParameterSpec("x", .real, .all, meaning: "input")],
        method: "squares x", expected: .confirmed) { c in
            let x = try c.number("x")
            return CaseOutcome([.compare("x²", measured: x * x, predicted: 4, .absolute(1e-12, "exact arithmetic")),
                                .context("not finite", .nan)])
        }

    static func results() -> [ClaimResult] {
        [ClaimRunner.run(claim, cases: [
            ClaimCase(label: "x = 2", parameters: ["x": .number(2)]),
            ClaimCase(label: "x = 3 (control)", role: .negativeControl, parameters: ["x": .number(3)]),
        ])]
    }

    @Test("report.json has the documented fields, no NaN, and is byte-identical across runs")
    func json() throws {
        let a = try JSONReport.render(Self.results()), b = try JSONReport.render(Self.results())
        #expect(a == b)
        let text = String(decoding: a, as: UTF8.self)
        #expect(!text.contains("NaN") && !text.lowercased().contains("infinity"))
        let object = try JSONSerialization.jsonObject(with: a) as? [String: Any]
        let claims = try #require(object?["claims"] as? [[String: Any]])
        let first = try #require(claims.first)
        for key in ["id", "title", "source", "verdict", "cases"] { #expect(first[key] != nil, "missing \(key)") }
        #expect(first["verdict"] as? String == "confirmed")
        let cases = try #require(first["cases"] as? [[String: Any]])
        for key in ["label", "parameters", "measured", "predicted", "tolerance", "passed"] {
            #expect(cases[0][key] != nil, "case missing \(key)")
        }
        #expect(cases[0]["passed"] as? Bool == true)
        #expect(cases[1]["passed"] as? Bool == true, "the control's prediction fails, so the control passes")
    }

    @Test("report.md opens with the summary table and has a section per claim")
    func markdown() {
        let md = MarkdownReport.render(Self.results())
        #expect(md.hasPrefix("# EOSVerify report"))
        #expect(md.contains("| [CB23.Thm2](#cb23-thm2) | synthetic | confirmed | 2/2 |"))
        #expect(md.contains("### CB23.Thm2: synthetic"))
        #expect(!md.contains("NaN"))
        #expect(MarkdownReport.render(Self.results()) == md)
    }

    @Test("a verdict follows from the cases: failing control → inconclusive, failing printed case → refuted")
    func verdicts() {
        let bad = ClaimRunner.run(Self.claim, cases: [
            ClaimCase(label: "x = 2", parameters: ["x": .number(2)]),
            ClaimCase(label: "x = 2 control", role: .negativeControl, parameters: ["x": .number(2)]),
        ])
        #expect(bad.verdict == .inconclusive)
        let refuted = ClaimRunner.run(Self.claim, cases: [
            ClaimCase(label: "x = 3", parameters: ["x": .number(3)]),
            ClaimCase(label: "x = 3 control", role: .negativeControl, parameters: ["x": .number(3)]),
        ])
        #expect(refuted.verdict == .refuted)
        let variant = ClaimRunner.run(Self.claim, cases: [
            ClaimCase(label: "x = 3", parameters: ["x": .number(3)]),
            ClaimCase(label: "x = -2 variant", role: .correctedVariant, parameters: ["x": .number(-2)]),
            ClaimCase(label: "x = 3 control", role: .negativeControl, parameters: ["x": .number(3)]),
        ])
        #expect(variant.verdict == .discrepancy)
    }

    @Test("files are written atomically: the destination holds the complete new bytes, no temporary file is left")
    func atomicWrite() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("eosverify-atomic-\(getpid())")
        let url = dir.appendingPathComponent("report.md")
        try AtomicFile.write("old", to: url)
        try AtomicFile.write("new", to: url)
        #expect(String(decoding: try Data(contentsOf: url), as: UTF8.self) == "new")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["report.md"])
        try FileManager.default.removeItem(at: dir)
    }
}
