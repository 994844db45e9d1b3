import Foundation
import EOSClaims

/// A parsed command line. Parsing checks everything that can be checked without running a
/// claim (the command, its options, claim IDs, `--set` names and values against the claim's
/// parameter specs), so that bad input is rejected before any work starts.
public enum Command: Sendable, Equatable {
    case help
    case list(selectors: [String])
    case run(selectors: [String], full: Bool)
    case report(selectors: [String], out: String, ciOnly: Bool)
    case check(id: String, sets: [String: ParameterValue], casesFile: String?)
    case checklist(write: Bool)

    /// A usage error: one line, shown after `eos-verify: `.
    public struct UsageError: Error, CustomStringConvertible, Equatable {
        public let description: String
    }

    /// Parses `args` (without the program name).
    /// - Throws: `UsageError` or `ClaimError` with a one-line reason.
    public static func parse(_ args: [String]) throws -> Command {
        guard let name = args.first else {
            throw UsageError(description: "no command given (try eos-verify --help)")
        }
        let rest = Array(args.dropFirst())
        if ["--help", "-h", "help"].contains(name) || rest.contains("--help") || rest.contains("-h") {
            guard ["--help", "-h", "help", "list", "run", "report", "check", "checklist"].contains(name) else {
                throw UsageError(description: "unknown command '\(name)' (try eos-verify --help)")
            }
            return .help
        }
        switch name {
        case "list":
            if let flag = rest.first(where: { $0.hasPrefix("-") }) {
                throw UsageError(description: "list: unknown option \(flag)")
            }
            _ = try ClaimRegistry.select(rest)
            return .list(selectors: rest)
        case "run":
            var selectors: [String] = [], full = false
            for a in rest {
                if a == "--full" { full = true }
                else if a.hasPrefix("-") { throw UsageError(description: "run: unknown option \(a)") }
                else { selectors.append(a) }
            }
            _ = try ClaimRegistry.select(selectors)
            return .run(selectors: selectors, full: full)
        case "report":
            var out = "out", ciOnly = false, i = 0, selectors: [String] = []
            while i < rest.count {
                switch rest[i] {
                case "--out":
                    guard i + 1 < rest.count, !rest[i + 1].isEmpty, !rest[i + 1].hasPrefix("-") else {
                        throw UsageError(description: "report: --out needs a folder")
                    }
                    out = rest[i + 1]; i += 1
                case "--ci-only": ciOnly = true
                case let a where a.hasPrefix("-"): throw UsageError(description: "report: unknown option \(a)")
                default: selectors.append(rest[i])
                }
                i += 1
            }
            _ = try ClaimRegistry.select(selectors)
            return .report(selectors: selectors, out: out, ciOnly: ciOnly)
        case "check":
            guard let id = rest.first, !id.hasPrefix("-") else {
                throw UsageError(description: "check: give a claim ID (eos-verify list shows them)")
            }
            let claim = try ClaimRegistry.claim(id)
            var sets: [String: ParameterValue] = [:], casesFile: String?, i = 1
            while i < rest.count {
                switch rest[i] {
                case "--set":
                    guard i + 1 < rest.count else { throw UsageError(description: "check: --set needs NAME=VALUE") }
                    let (k, v) = try parseAssignment(rest[i + 1], claim: claim)
                    sets[k] = v; i += 1
                case "--cases":
                    guard i + 1 < rest.count else { throw UsageError(description: "check: --cases needs a file") }
                    casesFile = rest[i + 1]; i += 1
                default: throw UsageError(description: "check: unknown argument \(rest[i])")
                }
                i += 1
            }
            if casesFile != nil && !sets.isEmpty {
                throw UsageError(description: "check: give either --set or --cases, not both")
            }
            return .check(id: id, sets: sets, casesFile: casesFile)
        case "checklist":
            var write = false
            for a in rest {
                if a == "--write" { write = true }
                else { throw UsageError(description: "checklist: unknown argument \(a)") }
            }
            return .checklist(write: write)
        default:
            throw UsageError(description: "unknown command '\(name)' (try eos-verify --help)")
        }
    }

    /// `name=value` → a parameter value of the kind the claim declares for `name`, validated
    /// against the claim's range.
    public static func parseAssignment(_ s: String, claim: Claim) throws -> (String, ParameterValue) {
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
            guard let x = Double(raw.trimmingCharacters(in: .whitespaces)) else {
                throw ClaimError.invalidParameter(claim: claim.id, parameter: name, value: raw,
                                                  reason: "not a number", valid: spec.summary)
            }
            value = .number(x)
        case .vector:
            let parts = raw.trimmingCharacters(in: CharacterSet(charactersIn: "[] "))
                .split(separator: ",", omittingEmptySubsequences: false)
                .map { Double($0.trimmingCharacters(in: .whitespaces)) }
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
