import Foundation
import EOSClaims
import EOSReport

/// The command-line front end. Argument parsing is by hand (no dependencies); every command
/// answers `--help`.
public enum CommandLineTool {
    static let usage = """
    eos-verify: executable checks of the edge-of-stability papers' claims.

    USAGE
      eos-verify list [SELECTOR…]                 IDs, titles and sources of the registered claims
      eos-verify run [SELECTOR…] [--full]         check claims; one line each: verdict, cases passed, time
      eos-verify report [SELECTOR…] [--out DIR] [--ci-only]
                                                  check every claim (or the selected ones), write
                                                  DIR/report.md and DIR/report.json (default DIR: out)
      eos-verify check ID [--set NAME=VALUE…] [--cases FILE.json]
                                                  check one claim at your own parameters, print the evidence
      eos-verify checklist [--write]              print (or write) CHECKLIST.md from the index and the registry

    A SELECTOR is a claim ID (CB23.Thm2) or a paper prefix (CB23, DLN-EOS, BOMIS, MPDLN).
    --full also runs paper-scale cases (tier "full"); report runs them unless --ci-only.
    Fixtures are read from $EOSVERIFY_FIXTURES, else from the checkout's Fixtures/.

    EXIT STATUS
      0  every check ran and its verdict is the one recorded for it
      1  a verdict differs from the recorded one
      2  bad usage or bad input (the reason is printed on stderr)
    """

    /// Runs the tool on `args` (without the program name) and returns the exit status.
    /// Output goes to stdout; errors to stderr as one line `eos-verify: <reason>`.
    public static func main(_ args: [String], console: Console = .standard) async -> Int32 {
        await Console.$current.withValue(console) { await dispatch(args) }
    }

    static func dispatch(_ args: [String]) async -> Int32 {
        do {
            switch try Command.parse(args) {
            case .help:
                say(usage)
                return 0
            case .list(let selectors):
                for c in try ClaimRegistry.select(selectors) {
                    say("\(c.id)\t\(c.expected.rawValue)\t\(c.title)\t\(c.source)")
                }
                return 0
            case .run(let selectors, let full):
                return try await run(try ClaimRegistry.select(selectors), tiers: full ? [.ci, .full] : [.ci])
            case .report(let selectors, let out, let ciOnly):
                return try await report(try ClaimRegistry.select(selectors), out: out,
                                        tiers: ciOnly ? [.ci] : [.ci, .full])
            case .check(let id, let sets, let casesFile):
                return try check(try ClaimRegistry.claim(id), sets: sets, casesFile: casesFile)
            case .checklist(let write):
                return try checklist(write: write)
            }
        } catch {
            Console.current.error("eos-verify: \(error)\n")
            return 2
        }
    }

    // MARK: Commands

    static func run(_ claims: [Claim], tiers: Set<ClaimCase.Tier>) async throws -> Int32 {
        let results = try await ClaimRunner.runAll(claims, tiers: tiers)
        var changed = 0
        for r in results {
            let mark = r.matchesRecord ? "" : "  (recorded: \(r.claim.expected.rawValue))"
            if !r.matchesRecord { changed += 1 }
            say("\(r.claim.id)\t\(r.verdict.rawValue)\t\(r.casesPassed)/\(r.cases.count) cases\t"
                + String(format: "%.2fs", r.seconds) + mark)
        }
        if changed > 0 {
            Console.current.error("eos-verify: \(changed) verdict(s) differ from the recorded ones\n")
            return 1
        }
        return 0
    }

    static func report(_ claims: [Claim], out: String, tiers: Set<ClaimCase.Tier>) async throws -> Int32 {
        let total = claims.count
        let done = Counter()
        let results = try await ClaimRunner.runAll(claims, tiers: tiers) { r in
            let n = done.increment()
            Console.current.error("[\(n)/\(total)] \(r.claim.id): \(r.verdict.rawValue)\n")
        }
        let index = try StatementIndex.load()
        let dir = URL(fileURLWithPath: out)
        try ReportFolder.publish([
            "report.md": Data(MarkdownReport.render(results, index: index).utf8),
            "report.json": try JSONReport.render(results),
        ], to: dir)
        say("wrote \(dir.appendingPathComponent("report.md").path) and report.json")
        let changed = results.filter { !$0.matchesRecord }
        if !changed.isEmpty {
            Console.current.error("eos-verify: verdict changed for " + changed.map(\.claim.id).joined(separator: ", ") + "\n")
            return 1
        }
        return 0
    }

    static func check(_ claim: Claim, sets: [String: ParameterValue], casesFile: String?) throws -> Int32 {
        if let dataset = claim.needsDataset {
            say("\(claim.id): not checkable offline (needs \(dataset))")
            return 0
        }
        var cases: [ClaimCase]
        if let file = casesFile {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw Command.UsageError(description: "check: cannot read \(file)")
            }
            cases = try FixtureStore.decode(data, path: file).cases
        } else if sets.isEmpty {
            cases = try FixtureStore.default.cases(for: claim)
        } else {
            // Start from the first as-printed fixture case and override what --set gives.
            let base = try FixtureStore.default.cases(for: claim).first { $0.role == .asPrinted }
            var params = base?.parameters ?? [:]
            for (k, v) in sets { params[k] = v }
            // The fixture's negative controls run too, so the verdict still says whether the
            // check can tell the difference.
            cases = [ClaimCase(label: "user parameters", parameters: params)]
                + (try FixtureStore.default.cases(for: claim).filter { $0.role == .negativeControl })
        }
        for c in cases { try claim.validate(c) }
        say(MarkdownReport.section(ClaimRunner.run(claim, cases: cases)))
        return 0
    }

    static func checklist(write: Bool) throws -> Int32 {
        let text = Checklist.render(index: try StatementIndex.load(), claims: ClaimRegistry.all)
        if write {
            let url = FixtureStore.default.root.deletingLastPathComponent().appendingPathComponent("CHECKLIST.md")
            try AtomicFile.write(text, to: url)
            say("wrote \(url.path)")
        } else {
            Console.current.output(text)
        }
        return 0
    }
}

/// Where the tool writes: standard output and standard error by default, a buffer in tests.
public struct Console: Sendable {
    public let output: @Sendable (String) -> Void
    public let error: @Sendable (String) -> Void

    public init(output: @escaping @Sendable (String) -> Void, error: @escaping @Sendable (String) -> Void) {
        self.output = output
        self.error = error
    }

    public static let standard = Console(
        output: { s in FileHandle.standardOutput.write(Data(s.utf8)) },
        error: { s in FileHandle.standardError.write(Data(s.utf8)) })

    @TaskLocal static var current: Console = .standard
}

/// A line to standard output.
func say(_ s: String) { Console.current.output(s + "\n") }

/// A thread-safe counter for progress lines.
final class Counter: @unchecked Sendable {
    private var n = 0
    private let lock = NSLock()
    func increment() -> Int { lock.lock(); defer { lock.unlock() }; n += 1; return n }
}

