import Foundation
import Testing
@testable import EOSClaims

/// Bad input gets a one-line message naming the problem, never a crash.
@Suite("Fixtures and parameters")
struct FixtureTests {
    static let claim = Claim(
        id: "TEST.Example", title: "example", source: ClaimSource(seed: "x", statement: "Test", lines: 1...2),
        statement: "s",
        parameters: [ParameterSpec("eta", .real, .positive, meaning: "learning rate"),
                     ParameterSpec("L", .integer, .atLeast(2), meaning: "depth"),
                     ParameterSpec("sigma", .vector(minCount: 1, distinct: true, descending: true), .positive,
                                   meaning: "target singular values")],
        method: "m", expected: .confirmed) { _ in CaseOutcome([]) }

    @Test("malformed JSON is rejected with a message naming the file",
          arguments: ["", "{", "[]", #"{"id": "TEST.Example"}"#, #"{"id": "TEST.Example", "cases": []}"#,
                      #"{"id": "TEST.Example", "cases": [{"parameters": {}}]}"#,
                      #"{"id": "TEST.Example", "cases": [{"label": "a"}, {"label": "a"}]}"#,
                      #"{"id": "TEST.Example", "cases": [{"label": "a", "role": "bogus"}]}"#])
    func malformed(json: String) {
        #expect {
            try FixtureStore.decode(Data(json.utf8), path: "f.json")
        } throws: { error in
            guard let e = error as? ClaimError, case .malformedFixture(let path, _) = e else { return false }
            return path == "f.json" && !e.description.contains("\n")
        }
    }

    @Test("parameters outside their ranges are rejected naming claim, parameter, value and range",
          arguments: [
            ("eta", ParameterValue.number(-1), "eta"),
            ("eta", .number(.nan), "eta"),
            ("eta", .number(.infinity), "eta"),
            ("L", .number(1), "L"),
            ("L", .number(2.5), "L"),
            ("sigma", .vector([3, 6]), "sigma"),
            ("sigma", .vector([3, 3]), "sigma"),
            ("sigma", .vector([-1]), "sigma"),
            ("eta", .text("fast"), "eta"),
          ])
    func invalid(name: String, value: ParameterValue, mentions: String) {
        var params: [String: ParameterValue] = ["eta": .number(0.1), "L": .number(3), "sigma": .vector([10, 6, 3])]
        params[name] = value
        let c = ClaimCase(label: "bad", parameters: params)
        #expect {
            try Self.claim.validate(c)
        } throws: { error in
            let text = String(describing: error)
            return text.contains("TEST.Example") && text.contains(mentions) && !text.contains("\n")
        }
    }

    @Test("an unknown parameter is rejected with the list of known ones")
    func unknownParameter() {
        let c = ClaimCase(label: "x", parameters: ["eta": .number(0.1), "L": .number(3),
                                                   "sigma": .vector([1]), "beta": .number(1)])
        #expect(throws: ClaimError.self) { try Self.claim.validate(c) }
    }

    @Test("a valid case passes validation")
    func valid() throws {
        try Self.claim.validate(ClaimCase(label: "ok", parameters: ["eta": .number(0.1), "L": .number(3),
                                                                    "sigma": .vector([10, 6, 3])]))
    }

    @Test("numbers print deterministically and never as NaN in JSON")
    func numberFormatting() throws {
        #expect(formatNumber(0.1) == "0.1")
        #expect(formatNumber(2) == "2")
        #expect(formatNumber(1.0 / 3.0) == "0.3333333333")
        let q = Quantity.compare("x", measured: .nan, predicted: 1, .absolute(1, "test"))
        #expect(q.holds == false)
        let data = try JSONEncoder().encode(q)
        #expect(!String(decoding: data, as: UTF8.self).contains("NaN"))
    }
}
