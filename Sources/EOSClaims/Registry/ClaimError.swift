/// Errors of the claim machinery, each with a one-line message naming the problem.
public enum ClaimError: Error, Sendable, CustomStringConvertible, Equatable {
    case unknownClaim(String)
    case missingParameter(String, String)
    case invalidParameter(claim: String, parameter: String, value: String, reason: String, valid: String)
    case unknownParameter(claim: String, parameter: String, known: [String])
    case malformedFixture(path: String, reason: String)
    case missingFixture(claim: String, path: String)
    /// A simulation left the domain where the check is meaningful (overflow, NaN, a
    /// hypothesis region). The check stops at that step; the case records it.
    case diverged(step: Int, what: String)
    case computation(String)

    public var description: String {
        switch self {
        case .unknownClaim(let id):
            "unknown claim ID '\(id)' (eos-verify list shows the IDs)"
        case .missingParameter(let p, let label):
            "case '\(label)' has no valid parameter '\(p)'"
        case .invalidParameter(let claim, let p, let v, let reason, let valid):
            "\(claim): parameter \(p) = \(v) is invalid: \(reason); valid: \(valid)"
        case .unknownParameter(let claim, let p, let known):
            "\(claim): unknown parameter '\(p)'; the claim's parameters are: \(known.joined(separator: ", "))"
        case .malformedFixture(let path, let reason):
            "malformed fixture \(path): \(reason)"
        case .missingFixture(let claim, let path):
            "\(claim): fixture \(path) is missing"
        case .diverged(let step, let what):
            "diverged at step \(step): \(what)"
        case .computation(let what):
            "computation failed: \(what)"
        }
    }
}
