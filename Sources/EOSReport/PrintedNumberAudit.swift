import Foundation
import EOSClaims

/// Every number the papers print that a check recomputed: each `Quantity` with a `printedAt`
/// (made by `Quantity.printed`), in claim and case order, with the printed value, the computed
/// value, their relative difference |computed − printed| / |printed| (the absolute difference
/// when the printed value is 0), the convention it was recomputed under, and whether the two
/// agree within the quantity's stated tolerance.
///
/// A row that repeats an earlier one of the same claim exactly (same quantity, place, values and
/// outcome, in another case) is listed once, naming the first case.
public struct PrintedNumberAudit: Sendable {
    public struct Row: Sendable, Encodable, Equatable {
        public let claim: String
        public let caseLabel: String
        public let role: String
        public let quantity: String
        public let printedAt: String
        public let printed: String
        public let computed: String
        /// |computed − printed| / |printed|, or |computed − printed| when printed is 0; nil when
        /// either is not a finite number.
        public let relativeDifference: Double?
        public let differenceIsAbsolute: Bool
        public let convention: String?
        public let agrees: Bool
        public let tolerance: String?

        enum CodingKeys: String, CodingKey {
            case claim, caseLabel = "case", role, quantity, printedAt, printed, computed
            case relativeDifference, differenceIsAbsolute, convention, agrees, tolerance
        }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(claim, forKey: .claim)
            try c.encode(caseLabel, forKey: .caseLabel)
            try c.encode(role, forKey: .role)
            try c.encode(quantity, forKey: .quantity)
            try c.encode(printedAt, forKey: .printedAt)
            // Numbers as JSON numbers when they are finite numbers, else as the text shown.
            if let v = Double(printed), v.isFinite { try c.encode(v, forKey: .printed) } else { try c.encode(printed, forKey: .printed) }
            if let v = Double(computed), v.isFinite { try c.encode(v, forKey: .computed) } else { try c.encode(computed, forKey: .computed) }
            try c.encodeIfPresent(relativeDifference.flatMap { $0.isFinite ? $0 : nil }, forKey: .relativeDifference)
            if differenceIsAbsolute { try c.encode(true, forKey: .differenceIsAbsolute) }
            try c.encodeIfPresent(convention, forKey: .convention)
            try c.encode(agrees, forKey: .agrees)
            try c.encodeIfPresent(tolerance, forKey: .tolerance)
        }
    }

    public let rows: [Row]

    public init(_ results: [ClaimResult]) {
        var rows: [Row] = []
        for r in results {
            var seen = Set<String>()
            for e in r.cases {
                for q in e.quantities {
                    guard let at = q.printedAt else { continue }
                    let printed = q.predicted ?? ""
                    let p = Double(printed), m = q.measuredValue
                    var diff: Double? = nil, absolute = false
                    if let p, let m, p.isFinite, m.isFinite {
                        if p == 0 { diff = abs(m); absolute = true } else { diff = abs(m - p) / abs(p) }
                        if let d = diff, !d.isFinite { diff = nil }
                    }
                    let key = [q.name, at, printed, q.measured, q.convention ?? "", String(q.holds ?? false)].joined(separator: "\u{1F}")
                    guard seen.insert(key).inserted else { continue }
                    rows.append(Row(claim: r.claim.id, caseLabel: e.label, role: e.role.rawValue, quantity: q.name,
                                    printedAt: at, printed: printed, computed: q.measured,
                                    relativeDifference: diff, differenceIsAbsolute: absolute,
                                    convention: q.convention, agrees: q.holds ?? false,
                                    tolerance: q.tolerance?.description))
                }
            }
        }
        self.rows = rows
    }

    /// The "Printed-number audit" section of report.md.
    public var markdown: String {
        var s = "## Printed-number audit\n\n"
        s += "Every number the papers print that a check recomputed (`Quantity.printed`): where it is printed, the printed and the computed value, their relative difference, the convention of the recomputation, and whether they agree within the stated tolerance (the tolerance's reason is in the claim's section).\n\n"
        if rows.isEmpty { return s + "No printed number has been recomputed yet.\n\n" }
        let disagree = rows.filter { !$0.agrees }.count
        s += "\(rows.count) printed numbers; \(rows.count - disagree) agree, \(disagree) do not.\n\n"
        s += "| claim | case | quantity | printed at | printed | computed | rel. difference | convention | agrees |\n"
        s += "|---|---|---|---|---|---|---|---|---|\n"
        for row in rows {
            let diff = row.relativeDifference.map { formatNumber($0, significantDigits: 3) + (row.differenceIsAbsolute ? " (abs.)" : "") } ?? "—"
            let c = MarkdownReport.cell
            s += "| [\(row.claim)](#\(MarkdownReport.anchor(row.claim))) | \(c(row.caseLabel))\(row.role == ClaimCase.Role.negativeControl.rawValue ? " (negative control)" : "") | \(c(row.quantity)) | \(c(row.printedAt)) | \(c(row.printed)) | \(c(row.computed)) | \(diff) | \(c(row.convention ?? "—")) | \(row.agrees ? "yes" : "**no**") |\n"
        }
        return s + "\n"
    }
}
