import Foundation
import Testing
import EOSCore
import EOSClaims
import EOSCommandLine

/// Fuzzing of the two input parsers: the fixture decoder and the command-line parser.
/// A fixed, seeded corpus of 10⁴ inputs each (set `EOSVERIFY_FUZZ_COUNT` for more). Each input
/// must give either a valid parse or a one-line error of the documented kind: never a crash,
/// never a hang (the time limit bounds the whole run).
@Suite("Fuzzing the input parsers", .timeLimit(.minutes(2)))
struct FuzzTests {
    static var count: Int {
        ProcessInfo.processInfo.environment["EOSVERIFY_FUZZ_COUNT"].flatMap(Int.init) ?? 10_000
    }

    static let seedFixtures = [
        #"{"id": "CB23.Thm2", "cases": [{"label": "a", "parameters": {"mu": 1, "K": 1.05}}, {"label": "b", "role": "negativeControl", "parameters": {"mu": 1, "K": 0.95}}]}"#,
        #"{"id": "X.Y", "cases": [{"label": "v", "role": "correctedVariant", "tier": "full", "expectHolds": false, "parameters": {"sigma": [10, 6, 3], "init": "balanced"}}]}"#,
        #"{"id": "A.B", "cases": [{"label": "e", "parameters": {}}]}"#,
    ]

    static let alphabet = Array(#"{}[]":,.-+eE0123456789 abcdefghijklmnopqrstuvwxyzµ\"#.utf8)

    /// One mutation of `bytes`: flip, insert, delete, duplicate a slice, or truncate.
    static func mutate(_ bytes: [UInt8], _ g: inout SeededGenerator) -> [UInt8] {
        var b = bytes
        for _ in 0...(Int(g.next() % 4)) {
            let pos = b.isEmpty ? 0 : Int(g.next() % UInt64(b.count))
            switch g.next() % 6 {
            case 0 where !b.isEmpty: b[pos] = alphabet[Int(g.next() % UInt64(alphabet.count))]
            case 1: b.insert(alphabet[Int(g.next() % UInt64(alphabet.count))], at: pos)
            case 2 where !b.isEmpty: b.remove(at: pos)
            case 3 where !b.isEmpty:
                let end = min(b.count, pos + Int(g.next() % 16))
                b.insert(contentsOf: b[pos..<end], at: pos)
            case 4: b = Array(b.prefix(pos))
            default: b[pos...].reverse()
            }
        }
        return b
    }

    @Test("the fixture decoder gives a fixture or a one-line malformed-fixture error on every mutated input")
    func fixtureDecoder() {
        var g = SeededGenerator(seed: 2026)
        var parsed = 0, rejected = 0
        for i in 0..<Self.count {
            let base = Array(Self.seedFixtures[i % Self.seedFixtures.count].utf8)
            let input = i % 10 == 0 ? (0..<Int(g.next() % 64)).map { _ in UInt8(truncatingIfNeeded: g.next()) }
                                    : Self.mutate(base, &g)
            do {
                let f = try FixtureStore.decode(Data(input), path: "fuzz.json")
                #expect(!f.cases.isEmpty)
                parsed += 1
            } catch let e as ClaimError {
                guard case .malformedFixture = e else { Issue.record("unexpected error kind \(e)"); continue }
                #expect(!e.description.contains("\n"), "multi-line message for input \(i)")
                rejected += 1
            } catch {
                Issue.record("input \(i): unexpected error type \(type(of: error)): \(error)")
            }
        }
        #expect(parsed + rejected == Self.count)
        #expect(parsed > 0 && rejected > 0, "the corpus must exercise both outcomes (parsed \(parsed), rejected \(rejected))")
    }

    static let words = ["list", "run", "report", "check", "checklist", "--full", "--out", "--ci-only", "--set",
                        "--cases", "--write", "--help", "-h", "CB23", "CB23.Thm2", "DLN-EOS", "MPDLN", "BOMIS",
                        "NOPE.X", "mu=1", "K=1.1", "K=abc", "K=-1", "K=nan", "K=inf", "steps=1e99", "starts=2.5",
                        "=", "", "x=", "mu", "out", "/tmp/x", "K=1e308", "sigma=[1,2]", "µ=1"]

    @Test("the command-line parser gives a command or a one-line error on random argument vectors")
    func commandLine() {
        var g = SeededGenerator(seed: 99)
        var parsed = 0, rejected = 0
        for _ in 0..<Self.count {
            let n = Int(g.next() % 6)
            let args: [String] = (0..<n).map { _ in
                if g.next() % 8 == 0 {
                    return String(decoding: (0..<Int(g.next() % 10)).map { _ in Self.alphabet[Int(g.next() % UInt64(Self.alphabet.count))] }, as: UTF8.self)
                }
                return Self.words[Int(g.next() % UInt64(Self.words.count))]
            }
            do {
                let command = try Command.parse(args)
                if case .check(_, let sets, _) = command {
                    for v in sets.values {
                        if case .number(let x) = v { #expect(x.isFinite, "non-finite value accepted: \(args)") }
                    }
                }
                parsed += 1
            } catch {
                let text = String(describing: error)
                #expect(!text.isEmpty && !text.contains("\n"), "bad message for \(args): \(text)")
                rejected += 1
            }
        }
        #expect(parsed > 0 && rejected > 0, "parsed \(parsed), rejected \(rejected)")
    }
}
