import Foundation

/// The cases of one claim, as stored in `Fixtures/<PAPER>/<ID>.json`:
///
/// ```json
/// { "id": "CB23.Thm2",
///   "cases": [ { "label": "µ = 1, K = 1.05: inside the window", "role": "asPrinted",
///                "parameters": { "mu": 1, "K": 1.05 } },
///              { "label": "K = 0.95: below 2/f'' — no orbit", "role": "negativeControl",
///                "parameters": { "mu": 1, "K": 0.95 } } ] }
/// ```
/// `role` is `asPrinted` (default), `negativeControl` or `correctedVariant`; `tier` is `ci`
/// (default) or `full` (paper-scale runs, only in `report` and `run --full`).
public struct Fixture: Sendable, Codable {
    public let id: String
    public let cases: [ClaimCase]

    public init(id: String, cases: [ClaimCase]) {
        self.id = id
        self.cases = cases
    }
}

/// Where fixtures are read from.
public struct FixtureStore: Sendable {
    public let root: URL

    public init(root: URL) { self.root = root }

    /// `$EOSVERIFY_FIXTURES` if set, else the `Fixtures/` folder of the checkout this module
    /// was built from (found from this source file's path at compile time).
    public static var `default`: FixtureStore {
        if let env = ProcessInfo.processInfo.environment["EOSVERIFY_FIXTURES"], !env.isEmpty {
            return FixtureStore(root: URL(fileURLWithPath: env))
        }
        return FixtureStore(root: packageRoot.appendingPathComponent("Fixtures"))
    }

    /// The package root: four levels above `Sources/EOSClaims/Registry/Fixture.swift`.
    public static var packageRoot: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }

    /// The path of a claim's fixture: `<root>/<PAPER>/<ID>.json`.
    public func path(for id: String) -> URL {
        let paper = String(id.prefix { $0 != "." })
        return root.appendingPathComponent(paper).appendingPathComponent(id + ".json")
    }

    /// Reads and validates the fixture of `claim`.
    /// - Throws: `ClaimError.missingFixture`, `.malformedFixture` (bad JSON, wrong ID, no
    ///   cases, duplicate labels), or the parameter errors of `Claim.validate`.
    public func cases(for claim: Claim) throws -> [ClaimCase] {
        let url = path(for: claim.id)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ClaimError.missingFixture(claim: claim.id, path: url.path)
        }
        let fixture = try Self.decode(data, path: url.path)
        guard fixture.id == claim.id else {
            throw ClaimError.malformedFixture(path: url.path,
                                              reason: "its id '\(fixture.id)' is not '\(claim.id)'")
        }
        for c in fixture.cases { try claim.validate(c) }
        return fixture.cases
    }

    /// Decodes fixture JSON, turning every decoding failure into one readable line.
    public static func decode(_ data: Data, path: String) throws -> Fixture {
        let fixture: Fixture
        do {
            fixture = try JSONDecoder().decode(Fixture.self, from: data)
        } catch let DecodingError.dataCorrupted(context) {
            throw ClaimError.malformedFixture(path: path, reason: describe(context))
        } catch let DecodingError.keyNotFound(key, context) {
            throw ClaimError.malformedFixture(path: path,
                                              reason: "missing key '\(key.stringValue)' at \(where_(context))")
        } catch let DecodingError.typeMismatch(_, context) {
            throw ClaimError.malformedFixture(path: path, reason: "wrong type at \(where_(context))")
        } catch let DecodingError.valueNotFound(_, context) {
            throw ClaimError.malformedFixture(path: path, reason: "null value at \(where_(context))")
        } catch {
            throw ClaimError.malformedFixture(path: path, reason: "not valid JSON")
        }
        if fixture.cases.isEmpty {
            throw ClaimError.malformedFixture(path: path, reason: "it has no cases")
        }
        var seen = Set<String>()
        for c in fixture.cases where !seen.insert(c.label).inserted {
            throw ClaimError.malformedFixture(path: path, reason: "duplicate case label '\(c.label)'")
        }
        return fixture
    }

    private static func where_(_ context: DecodingError.Context) -> String {
        let p = context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }
        return p.isEmpty ? "top level" : p.joined(separator: ".")
    }

    private static func describe(_ context: DecodingError.Context) -> String {
        let at = where_(context)
        return at == "top level" ? "not valid JSON" : "invalid value at \(at): \(context.debugDescription)"
    }
}
