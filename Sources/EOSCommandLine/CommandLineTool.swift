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
                                                  DIR/report.md, DIR/report.json, DIR/graph.md and
                                                  DIR/figures/*.svg in one atomic step (default DIR: out)
      eos-verify check ID [--set NAME=VALUE…] [--cases FILE.json]
                                                  check one claim at your own parameters (or on the
                                                  cases of FILE.json, in the fixture format), print
                                                  the evidence
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
    /// `fixtures` replaces the fixture folder (`$EOSVERIFY_FIXTURES` or the checkout's
    /// `Fixtures/`) for this call only; tests use it to run claims of their own.
    public static func main(_ args: [String], console: Console = .standard,
                            fixtures: FixtureStore? = nil) async -> Int32 {
        await Console.$current.withValue(console) {
            await $fixtureOverride.withValue(fixtures) { await dispatch(args) }
        }
    }

    @TaskLocal static var fixtureOverride: FixtureStore? = nil
    /// The fixture folder of this call.
    static var store: FixtureStore { fixtureOverride ?? .default }

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
        let results = try await ClaimRunner.runAll(claims, store: store, tiers: tiers)
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
        let store = store
        let index = try StatementIndex.load(from: store)
        let console = Console.current
        // Progress on stderr, one line per finished claim with its wall time (stderr only:
        // the report itself holds no timings).
        console.error("eos-verify: checking \(total) claim(s), tier \([ClaimCase.Tier.ci, .full].filter(tiers.contains).map(\.rawValue).joined(separator: " and ")) cases\n")
        let results = try await ClaimRunner.runAll(claims, store: store, tiers: tiers) { r in
            let n = done.increment()
            console.error("[\(n)/\(total)] \(r.claim.id): \(r.verdict.rawValue) (" + String(format: "%.1f s", r.seconds) + ")\n")
        }
        let dir = URL(fileURLWithPath: out)
        let files = try ReportBundle.files(results, index: index,
                                           provenance: Provenance.current(tiers: tiers, store: store))
        try ReportFolder.publish(files, to: dir)
        let figures = files.keys.filter { $0.hasPrefix("figures/") }.count
        say("wrote \(dir.appendingPathComponent("report.md").path), report.json, graph.md and \(figures) figure(s)")
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
            let fixture = try FixtureStore.decode(data, path: file)
            guard fixture.id == claim.id else {
                throw ClaimError.malformedFixture(path: file, reason: "its id '\(fixture.id)' is not '\(claim.id)'")
            }
            cases = fixture.cases
        } else if sets.isEmpty {
            cases = try store.cases(for: claim)
        } else {
            // Start from the first as-printed fixture case and override what --set gives.
            let base = try store.cases(for: claim).first { $0.role == .asPrinted }
            var params = base?.parameters ?? [:]
            for (k, v) in sets { params[k] = v }
            // The fixture's negative controls run too, so the verdict still says whether the
            // check can tell the difference.
            cases = [ClaimCase(label: "user parameters", parameters: params)]
                + (try store.cases(for: claim).filter { $0.role == .negativeControl })
        }
        for c in cases { try claim.validate(c) }
        say(MarkdownReport.section(ClaimRunner.run(claim, cases: cases)))
        return 0
    }

    static func checklist(write: Bool) throws -> Int32 {
        let text = Checklist.render(index: try StatementIndex.load(from: store), claims: ClaimRegistry.all)
        if write {
            let url = store.root.deletingLastPathComponent().appendingPathComponent("CHECKLIST.md")
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

