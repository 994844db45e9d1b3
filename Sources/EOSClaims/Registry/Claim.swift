/// One formal statement (or quantitative prose claim, or figure) of a seed paper, as a value.
///
/// A claim carries everything the tests, the CLI and the report need: its stable ID from
/// `shared/claims/INDEX.md`, where it stands in the paper, the statement *as printed*, the
/// statements its proof uses, the parameters its check reads (with valid ranges), how it is
/// checked, the verdict recorded for it, and the check itself. Its cases come from
/// `Fixtures/<PAPER>/<ID>.json`.
///
/// The check is a pure function of a case: same case, same outcome (all randomness is seeded
/// from the case's parameters).
public struct Claim: Sendable, Identifiable {
    /// The stable ID, e.g. `CB23.Thm2`.
    public let id: String
    /// A short title, e.g. "period-2 orbit of ¼(x²−µ)²".
    public let title: String
    public let source: ClaimSource
    /// The statement as printed (extraction garbling undone, nothing corrected).
    public let statement: String
    /// The IDs of the statements the paper's proof uses.
    public let uses: [String]
    /// The parameters a case may set, with their valid ranges.
    public let parameters: [ParameterSpec]
    /// How the check works: method, what is measured, what would make it fail.
    public let method: String
    /// The verdict recorded for this claim. `eos-verify run` exits 1 when the computed
    /// verdict differs, and the paper's test suite asserts it.
    public let expected: Verdict
    /// The name of the corrected variant, when `expected` is `.discrepancy`.
    public let correctedVariant: String?
    /// Whether the claim needs data that cannot be had offline (MNIST, CIFAR-10, images).
    public let needsDataset: String?
    /// The check. Throws `ClaimError` when the computation could not be completed.
    public let check: @Sendable (ClaimCase) throws -> CaseOutcome

    public init(id: String, title: String, source: ClaimSource, statement: String,
                uses: [String] = [], parameters: [ParameterSpec] = [], method: String,
                expected: Verdict, correctedVariant: String? = nil,
                check: @escaping @Sendable (ClaimCase) throws -> CaseOutcome) {
        self.id = id
        self.title = title
        self.source = source
        self.statement = statement
        self.uses = uses
        self.parameters = parameters
        self.method = method
        self.expected = expected
        self.correctedVariant = correctedVariant
        self.needsDataset = nil
        self.check = check
    }

    /// A statement that cannot be checked offline (it needs the named dataset). It has no
    /// cases and no check; its verdict is `.notCheckableOffline`.
    public init(notCheckableOffline id: String, title: String, source: ClaimSource,
                statement: String, dataset: String) {
        self.id = id
        self.title = title
        self.source = source
        self.statement = statement
        self.uses = []
        self.parameters = []
        self.method = "Needs \(dataset), which cannot be obtained offline; nothing is simulated in its place."
        self.expected = .notCheckableOffline
        self.correctedVariant = nil
        self.needsDataset = dataset
        self.check = { _ in throw ClaimError.computation("not checkable offline") }
    }

    /// The paper prefix of the ID (`CB23`, `DLN-EOS`, `BOMIS`, `MPDLN`).
    public var paper: String { String(id.prefix { $0 != "." }) }

    /// Validates a case's parameters against the claim's specs.
    /// - Throws: `ClaimError.unknownParameter` or `.invalidParameter` with a one-line message.
    public func validate(_ c: ClaimCase) throws {
        let known = Dictionary(uniqueKeysWithValues: parameters.map { ($0.name, $0) })
        for name in c.parameters.keys.sorted() where known[name] == nil {
            throw ClaimError.unknownParameter(claim: id, parameter: name,
                                              known: parameters.map(\.summary))
        }
        for spec in parameters {
            guard let value = c.parameters[spec.name] else {
                if spec.required {
                    throw ClaimError.invalidParameter(claim: id, parameter: spec.name, value: "(missing)",
                                                      reason: "required in case '\(c.label)'",
                                                      valid: spec.summary)
                }
                continue
            }
            if let reason = spec.problem(with: value) {
                throw ClaimError.invalidParameter(claim: id, parameter: spec.name, value: value.description,
                                                  reason: reason, valid: spec.summary)
            }
        }
    }
}
