/// One case a claim is checked on: a label that says what it is, its role, and its parameters.
///
/// Cases live in `Fixtures/<PAPER>/<ID>.json` (see `Fixture.swift`), so a reader can see and
/// change the parameters without reading Swift, and `eos-verify check ID --set name=value`
/// builds a case from the command line.
public struct ClaimCase: Sendable, Hashable, Codable, CustomStringConvertible {
    /// What the case is for.
    public enum Role: String, Sendable, Hashable, Codable {
        /// The statement exactly as printed, at parameters the paper covers.
        case asPrinted
        /// A case where the mechanism is absent (e.g. η just below the threshold), so the
        /// check must report that the predicted effect does *not* occur. If it does, the
        /// check cannot tell the difference and the verdict is `inconclusive`.
        case negativeControl
        /// A named corrected variant of the statement (never a silent fix): when the printed
        /// statement fails and every case of this role holds, the verdict is `discrepancy`.
        case correctedVariant
    }

    /// Which runs include the case: `ci` runs everywhere (tests, `run`, `report`); `full` only
    /// in `report` and `run --full` (paper-scale figure reproductions).
    public enum Tier: String, Sendable, Hashable, Codable { case ci, full }

    public var label: String
    public var role: Role
    public var tier: Tier
    public var parameters: [String: ParameterValue]
    /// What the computation is recorded to find: whether the statement's prediction holds in
    /// this case. Defaults to `true` for as-printed and corrected-variant cases and `false` for
    /// negative controls; a fixture sets it to `false` on an as-printed case only when the
    /// measurement contradicts the paper (a discrepancy or refutation), so the test asserts
    /// what was measured.
    public var expectHolds: Bool

    public init(label: String, role: Role = .asPrinted, tier: Tier = .ci,
                parameters: [String: ParameterValue], expectHolds: Bool? = nil) {
        self.label = label
        self.role = role
        self.tier = tier
        self.parameters = parameters
        self.expectHolds = expectHolds ?? (role != .negativeControl)
    }

    enum CodingKeys: String, CodingKey { case label, role, tier, parameters, expectHolds }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        label = try c.decode(String.self, forKey: .label)
        role = try c.decodeIfPresent(Role.self, forKey: .role) ?? .asPrinted
        tier = try c.decodeIfPresent(Tier.self, forKey: .tier) ?? .ci
        parameters = try c.decodeIfPresent([String: ParameterValue].self, forKey: .parameters) ?? [:]
        expectHolds = try c.decodeIfPresent(Bool.self, forKey: .expectHolds) ?? (role != .negativeControl)
    }

    public var description: String { label }

    // MARK: Typed access. The claim's ParameterSpecs were validated before the check runs,
    // so a missing or mistyped parameter here is a programming error in the claim; it throws
    // a `ClaimError` with the claim-facing message rather than trapping.

    public func number(_ name: String) throws -> Double {
        guard case .number(let x)? = parameters[name] else { throw ClaimError.missingParameter(name, label) }
        return x
    }

    public func number(_ name: String, default value: Double) throws -> Double {
        parameters[name] == nil ? value : try number(name)
    }

    public func integer(_ name: String) throws -> Int {
        let x = try number(name)
        guard x == x.rounded(), abs(x) < 1e9 else { throw ClaimError.missingParameter(name, label) }
        return Int(x)
    }

    public func integer(_ name: String, default value: Int) throws -> Int {
        parameters[name] == nil ? value : try integer(name)
    }

    public func vector(_ name: String) throws -> [Double] {
        guard case .vector(let v)? = parameters[name] else { throw ClaimError.missingParameter(name, label) }
        return v
    }

    public func text(_ name: String) throws -> String {
        guard case .text(let s)? = parameters[name] else { throw ClaimError.missingParameter(name, label) }
        return s
    }

    public func text(_ name: String, default value: String) throws -> String {
        parameters[name] == nil ? value : try text(name)
    }
}
