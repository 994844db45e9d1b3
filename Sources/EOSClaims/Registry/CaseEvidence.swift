/// The record of one case after its check ran: what the report and report.json show.
public struct CaseEvidence: Sendable, Codable {
    public let label: String
    public let role: ClaimCase.Role
    public let parameters: [String: ParameterValue]
    public let quantities: [Quantity]
    /// Whether the statement's prediction held (nil if the computation failed).
    public let holds: Bool?
    /// Whether the case came out as its role requires: as-printed and corrected-variant cases
    /// pass when the prediction holds; a negative control passes when it does *not* hold.
    public let passed: Bool
    public let note: String
    /// The error, when the check could not complete (diverged, bad input, no root found).
    public let error: String?
    public let series: [DataSeries]

    public init(case c: ClaimCase, outcome: CaseOutcome) {
        label = c.label
        role = c.role
        parameters = c.parameters
        quantities = outcome.quantities
        holds = outcome.holds
        passed = c.role == .negativeControl ? !outcome.holds : outcome.holds
        note = outcome.note
        error = nil
        series = outcome.series
    }

    /// A record with only a pass/fail (used to derive the recorded verdict).
    init(label: String, role: ClaimCase.Role, parameters: [String: ParameterValue], passed: Bool) {
        self.label = label
        self.role = role
        self.parameters = parameters
        quantities = []
        holds = nil
        self.passed = passed
        note = ""
        error = nil
        series = []
    }

    public init(case c: ClaimCase, error: Error) {
        label = c.label
        role = c.role
        parameters = c.parameters
        quantities = []
        holds = nil
        passed = false
        note = ""
        self.error = String(describing: error)
        series = []
    }

    /// The first quantity with a numeric prediction: the "key number" of the case.
    public var keyQuantity: Quantity? {
        quantities.first { $0.predicted != nil } ?? quantities.first
    }

    enum CodingKeys: String, CodingKey {
        case label, role, parameters, measured, predicted, tolerance, passed, holds, note, error, quantities
    }

    /// report.json layout: `label`, `parameters`, `measured`, `predicted`, `tolerance`, `passed`
    /// (the key quantity), plus every quantity under `quantities`. Series are not written to JSON
    /// (they are in the figures).
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(label, forKey: .label)
        try c.encode(role, forKey: .role)
        try c.encode(parameters, forKey: .parameters)
        let key = keyQuantity
        if let v = key?.measuredValue { try c.encode(FiniteNumber(v), forKey: .measured) }
        else { try c.encode(key?.measured ?? "", forKey: .measured) }
        try c.encode(key?.predicted ?? "", forKey: .predicted)
        try c.encode(key?.tolerance?.description ?? "", forKey: .tolerance)
        try c.encode(passed, forKey: .passed)
        try c.encodeIfPresent(holds, forKey: .holds)
        if !note.isEmpty { try c.encode(note, forKey: .note) }
        try c.encodeIfPresent(error, forKey: .error)
        try c.encode(quantities, forKey: .quantities)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        label = try c.decode(String.self, forKey: .label)
        role = try c.decode(ClaimCase.Role.self, forKey: .role)
        parameters = try c.decode([String: ParameterValue].self, forKey: .parameters)
        quantities = try c.decode([Quantity].self, forKey: .quantities)
        holds = try c.decodeIfPresent(Bool.self, forKey: .holds)
        passed = try c.decode(Bool.self, forKey: .passed)
        note = try c.decodeIfPresent(String.self, forKey: .note) ?? ""
        error = try c.decodeIfPresent(String.self, forKey: .error)
        series = []
    }
}

/// A claim after all its cases ran.
public struct ClaimResult: Sendable {
    public let claim: Claim
    public let cases: [CaseEvidence]
    public let verdict: Verdict
    /// Wall time of the check in seconds (printed by `run`, never written to reports, which
    /// must be byte-identical across runs).
    public let seconds: Double

    public init(claim: Claim, cases: [CaseEvidence], seconds: Double) {
        self.claim = claim
        self.cases = cases
        self.verdict = Verdict.combine(cases, claim: claim)
        self.seconds = seconds
    }

    public var casesPassed: Int { cases.filter(\.passed).count }
    /// Whether the computed verdict is the one recorded for the claim.
    public var matchesRecord: Bool { verdict == claim.expected }
}

extension Verdict {
    /// The verdict the fixture's recorded expectations imply (`ClaimCase.expectHolds`), without
    /// running anything: a test checks it equals the claim's recorded verdict, and each case's
    /// test checks the computation reproduces its expectation.
    public static func recorded(_ cases: [ClaimCase], claim: Claim) -> Verdict {
        combine(cases.map { c in
            let passed = c.role == .negativeControl ? !c.expectHolds : c.expectHolds
            return CaseEvidence(label: c.label, role: c.role, parameters: c.parameters, passed: passed)
        }, claim: claim)
    }

    /// The verdict of a claim from its case records (see `Verdict` for the rules).
    public static func combine(_ cases: [CaseEvidence], claim: Claim) -> Verdict {
        if claim.needsDataset != nil { return .notCheckableOffline }
        if cases.isEmpty { return .notYetChecked }
        if cases.contains(where: { $0.error != nil && $0.role != .correctedVariant }) { return .inconclusive }
        let printed = cases.filter { $0.role == .asPrinted }
        let controls = cases.filter { $0.role == .negativeControl }
        let variants = cases.filter { $0.role == .correctedVariant }
        if printed.isEmpty || controls.isEmpty { return .inconclusive }
        if !controls.allSatisfy(\.passed) { return .inconclusive }
        if printed.allSatisfy(\.passed) { return .confirmed }
        if !variants.isEmpty && variants.allSatisfy(\.passed) { return .discrepancy }
        return .refuted
    }
}
