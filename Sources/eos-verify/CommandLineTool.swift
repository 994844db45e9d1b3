import Foundation
import EOSClaims
import EOSReport

/// The command-line front end. Argument parsing is by hand (no dependencies); every command
/// answers `--help`.
enum CommandLineTool {
    static let usage = """
    eos-verify: executable checks of the edge-of-stability papers' claims.

    USAGE
      eos-verify list [SELECTOR…]                 IDs, titles and sources of the registered claims
      eos-verify run [SELECTOR…] [--full]         check claims; one line each: verdict, cases passed, time
      eos-verify report [--out DIR] [--ci-only]   check every claim, write DIR/report.md and DIR/report.json
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

    struct UsageError: Error, CustomStringConvertible { let description: String }

    static func main(_ args: [String]) async -> Int32 {
        guard let command = args.first else {
            print(usage)
            return 2
        }
        let rest = Array(args.dropFirst())
        do {
            if command == "--help" || command == "-h" || command == "help" {
                print(usage)
                return 0
            }
            if rest.contains("--help") || rest.contains("-h") {
                print(usage)
                return 0
            }
            switch command {
            case "list": return try list(rest)
            case "run": return try await run(rest)
            case "report": return try await report(rest)
            case "check": return try check(rest)
            case "checklist": return try checklist(rest)
            default: throw UsageError(description: "unknown command '\(command)' (try eos-verify --help)")
            }
        } catch {
            FileHandle.standardError.write(Data("eos-verify: \(error)\n".utf8))
            return 2
        }
    }

    // MARK: Commands

    static func list(_ args: [String]) throws -> Int32 {
        if let flag = args.first(where: { $0.hasPrefix("-") }) {
            throw UsageError(description: "list: unknown option \(flag)")
        }
        for c in try ClaimRegistry.select(args) {
            print("\(c.id)\t\(c.expected.rawValue)\t\(c.title)\t\(c.source)")
        }
        return 0
    }

    static func run(_ args: [String]) async throws -> Int32 {
        var selectors: [String] = []
        var tiers: Set<ClaimCase.Tier> = [.ci]
        for a in args {
            if a == "--full" { tiers = [.ci, .full] }
            else if a.hasPrefix("-") { throw UsageError(description: "run: unknown option \(a)") }
            else { selectors.append(a) }
        }
        let claims = try ClaimRegistry.select(selectors)
        let results = try await ClaimRunner.runAll(claims, tiers: tiers)
        var changed = 0
        for r in results {
            let mark = r.matchesRecord ? "" : "  (recorded: \(r.claim.expected.rawValue))"
            if !r.matchesRecord { changed += 1 }
            print("\(r.claim.id)\t\(r.verdict.rawValue)\t\(r.casesPassed)/\(r.cases.count) cases\t"
                  + String(format: "%.2fs", r.seconds) + mark)
        }
        if changed > 0 {
            FileHandle.standardError.write(Data("eos-verify: \(changed) verdict(s) differ from the recorded ones\n".utf8))
            return 1
        }
        return 0
    }

    static func report(_ args: [String]) async throws -> Int32 {
        var out = "out"
        var tiers: Set<ClaimCase.Tier> = [.ci, .full]
        var i = 0
        while i < args.count {
            switch args[i] {
            case "--out":
                guard i + 1 < args.count else { throw UsageError(description: "report: --out needs a folder") }
                out = args[i + 1]; i += 1
            case "--ci-only": tiers = [.ci]
            default: throw UsageError(description: "report: unknown argument \(args[i])")
            }
            i += 1
        }
        let claims = ClaimRegistry.all
        let total = claims.count
        let done = Counter()
        let results = try await ClaimRunner.runAll(claims, tiers: tiers) { r in
            let n = done.increment()
            FileHandle.standardError.write(Data("[\(n)/\(total)] \(r.claim.id): \(r.verdict.rawValue)\n".utf8))
        }
        let index = try StatementIndex.load()
        let dir = URL(fileURLWithPath: out)
        try AtomicFile.write(MarkdownReport.render(results, index: index),
                             to: dir.appendingPathComponent("report.md"))
        try AtomicFile.write(JSONReport.render(results), to: dir.appendingPathComponent("report.json"))
        print("wrote \(dir.appendingPathComponent("report.md").path) and report.json")
        let changed = results.filter { !$0.matchesRecord }
        if !changed.isEmpty {
            FileHandle.standardError.write(Data(("eos-verify: verdict changed for "
                + changed.map(\.claim.id).joined(separator: ", ") + "\n").utf8))
            return 1
        }
        return 0
    }

    static func check(_ args: [String]) throws -> Int32 {
        guard let id = args.first, !id.hasPrefix("-") else {
            throw UsageError(description: "check: give a claim ID (eos-verify list shows them)")
        }
        let claim = try ClaimRegistry.claim(id)
        var sets: [String: ParameterValue] = [:]
        var casesFile: String?
        var i = 1
        while i < args.count {
            switch args[i] {
            case "--set":
                guard i + 1 < args.count else { throw UsageError(description: "check: --set needs NAME=VALUE") }
                let (k, v) = try parseAssignment(args[i + 1], claim: claim)
                sets[k] = v; i += 1
            case "--cases":
                guard i + 1 < args.count else { throw UsageError(description: "check: --cases needs a file") }
                casesFile = args[i + 1]; i += 1
            default: throw UsageError(description: "check: unknown argument \(args[i])")
            }
            i += 1
        }
        if claim.needsDataset != nil {
            print("\(claim.id): not checkable offline (needs \(claim.needsDataset!))")
            return 0
        }
        var cases: [ClaimCase]
        if let file = casesFile {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw UsageError(description: "check: cannot read \(file)")
            }
            cases = try FixtureStore.decode(data, path: file).cases
        } else if sets.isEmpty {
            cases = try FixtureStore.default.cases(for: claim)
        } else {
            // Start from the first as-printed fixture case and override what --set gives.
            let base = try FixtureStore.default.cases(for: claim).first { $0.role == .asPrinted }
            var params = base?.parameters ?? [:]
            for (k, v) in sets { params[k] = v }
            cases = [ClaimCase(label: "user parameters", parameters: params)]
        }
        for c in cases { try claim.validate(c) }
        let r = ClaimRunner.run(claim, cases: cases)
        print(MarkdownReport.section(r))
        return 0
    }

    static func checklist(_ args: [String]) throws -> Int32 {
        var write = false
        for a in args {
            if a == "--write" { write = true } else { throw UsageError(description: "checklist: unknown argument \(a)") }
        }
        let text = Checklist.render(index: try StatementIndex.load(), claims: ClaimRegistry.all)
        if write {
            let url = FixtureStore.packageRootForTools.appendingPathComponent("CHECKLIST.md")
            try AtomicFile.write(text, to: url)
            print("wrote \(url.path)")
        } else {
            print(text, terminator: "")
        }
        return 0
    }

    /// `name=value` → a parameter value of the kind the claim declares for `name`.
    static func parseAssignment(_ s: String, claim: Claim) throws -> (String, ParameterValue) {
        guard let eq = s.firstIndex(of: "=") else {
            throw UsageError(description: "check: --set takes NAME=VALUE, got '\(s)'")
        }
        let name = String(s[..<eq]), raw = String(s[s.index(after: eq)...])
        guard let spec = claim.parameters.first(where: { $0.name == name }) else {
            throw ClaimError.unknownParameter(claim: claim.id, parameter: name, known: claim.parameters.map(\.summary))
        }
        let value: ParameterValue
        switch spec.kind {
        case .real, .integer:
            guard let x = Double(raw) else {
                throw ClaimError.invalidParameter(claim: claim.id, parameter: name, value: raw,
                                                  reason: "not a number", valid: spec.summary)
            }
            value = .number(x)
        case .vector:
            let parts = raw.trimmingCharacters(in: CharacterSet(charactersIn: "[] "))
                .split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
            guard !parts.isEmpty, parts.allSatisfy({ $0 != nil }) else {
                throw ClaimError.invalidParameter(claim: claim.id, parameter: name, value: raw,
                                                  reason: "not a comma-separated list of numbers", valid: spec.summary)
            }
            value = .vector(parts.map { $0! })
        case .choice:
            value = .text(raw)
        }
        if let reason = spec.problem(with: value) {
            throw ClaimError.invalidParameter(claim: claim.id, parameter: name, value: raw,
                                              reason: reason, valid: spec.summary)
        }
        return (name, value)
    }
}

/// A thread-safe counter for progress lines.
final class Counter: @unchecked Sendable {
    private var n = 0
    private let lock = NSLock()
    func increment() -> Int { lock.lock(); defer { lock.unlock() }; n += 1; return n }
}

extension FixtureStore {
    /// The package root the CLI writes CHECKLIST.md into: the parent of the fixtures folder.
    static var packageRootForTools: URL { FixtureStore.default.root.deletingLastPathComponent() }
}
