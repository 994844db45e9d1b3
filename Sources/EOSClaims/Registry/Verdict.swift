/// The outcome of checking one statement of a paper.
///
/// How a verdict is reached from the cases is in `Verdict.combine` (ClaimResult.swift):
/// - `confirmed`: every case of the statement *as printed* holds and every negative control
///   behaved as the absence of the mechanism predicts.
/// - `refuted`: some as-printed case fails and no named corrected variant holds.
/// - `discrepancy`: some as-printed case fails, and every case of a named corrected variant
///   holds (the report gives both: printed vs. measured, and the variant).
/// - `inconclusive`: the check could not tell (a negative control failed, so the check cannot
///   discriminate; or a computation could not be completed).
/// - `notCheckableOffline`: the statement needs an external dataset (MNIST, CIFAR-10, images).
/// - `notYetChecked`: indexed, but no executable check exists yet. Never counted as passed.
public enum Verdict: String, Sendable, Codable, CaseIterable, Comparable {
    case confirmed
    case discrepancy
    case refuted
    case inconclusive
    case notCheckableOffline = "not checkable offline"
    case notYetChecked = "not yet checked"

    /// Order used for sorting summaries: the verdicts that need attention first.
    private var rank: Int {
        switch self {
        case .refuted: 0
        case .discrepancy: 1
        case .inconclusive: 2
        case .confirmed: 3
        case .notCheckableOffline: 4
        case .notYetChecked: 5
        }
    }

    public static func < (a: Verdict, b: Verdict) -> Bool { a.rank < b.rank }
}
