/// The declaration of one parameter a claim's check reads: name, kind, valid range, meaning.
///
/// Every case (from a fixture or from `--set`) is validated against the claim's specs before
/// the check runs, so a bad value is rejected with a message naming the claim, the parameter,
/// the value and the valid range — never a crash inside the numerics.
public struct ParameterSpec: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// A real number in `range`.
        case real
        /// A whole number in `range` (stored as a Double in fixtures).
        case integer
        /// A list of reals, each in `range`; `minCount` entries at least.
        case vector(minCount: Int, distinct: Bool, descending: Bool)
        /// One of a fixed set of words.
        case choice([String])
    }

    public let name: String
    public let kind: Kind
    public let range: ValidRange
    public let meaning: String
    /// Whether a case must give this parameter (otherwise the check supplies a default).
    public let required: Bool

    public init(_ name: String, _ kind: Kind = .real, _ range: ValidRange = .all,
                required: Bool = true, meaning: String) {
        self.name = name
        self.kind = kind
        self.range = range
        self.meaning = meaning
        self.required = required
    }

    /// A one-line description such as `eta: real in (0, ∞) — learning rate`.
    public var summary: String {
        let k: String
        switch kind {
        case .real: k = "real in \(range)"
        case .integer: k = "integer in \(range)"
        case .vector(let n, let distinct, let desc):
            k = "list of ≥ \(n) reals in \(range)" + (distinct ? ", distinct" : "")
                + (desc ? ", descending" : "")
        case .choice(let words): k = "one of " + words.joined(separator: ", ")
        }
        return "\(name): \(k) — \(meaning)"
    }

    /// Checks `value` against this spec; returns the reason it is invalid, or nil.
    public func problem(with value: ParameterValue) -> String? {
        switch (kind, value) {
        case (.real, .number(let x)):
            guard x.isFinite else { return "\(formatNumber(x)) is not a finite number" }
            return range.contains(x) ? nil : "\(formatNumber(x)) is outside \(range)"
        case (.integer, .number(let x)):
            guard x.isFinite, x == x.rounded() else { return "\(formatNumber(x)) is not a whole number" }
            return range.contains(x) ? nil : "\(formatNumber(x)) is outside \(range)"
        case (.vector(let n, let distinct, let descending), .vector(let v)):
            if v.count < n { return "has \(v.count) entries, needs at least \(n)" }
            if let bad = v.first(where: { !$0.isFinite }) { return "entry \(formatNumber(bad)) is not finite" }
            if let bad = v.first(where: { !range.contains($0) }) {
                return "entry \(formatNumber(bad)) is outside \(range)"
            }
            if distinct, Set(v).count != v.count { return "entries must be distinct" }
            if descending, zip(v, v.dropFirst()).contains(where: { $0 < $1 }) {
                return "entries must be in descending order"
            }
            return nil
        case (.choice(let words), .text(let s)):
            return words.contains(s) ? nil : "'\(s)' is not one of \(words.joined(separator: ", "))"
        default:
            return "\(value) has the wrong kind (expected \(summary.split(separator: "—")[0].dropFirst(name.count + 2)))"
        }
    }
}

/// An interval of valid values, each end open, closed or unbounded, e.g. (0, ∞) or [2, 100].
public struct ValidRange: Sendable, Hashable, CustomStringConvertible {
    public var lower: Double?
    public var lowerIncluded: Bool
    public var upper: Double?
    public var upperIncluded: Bool

    public init(lower: Double?, lowerIncluded: Bool, upper: Double?, upperIncluded: Bool) {
        self.lower = lower
        self.lowerIncluded = lowerIncluded
        self.upper = upper
        self.upperIncluded = upperIncluded
    }

    /// Every real number.
    public static let all = ValidRange(lower: nil, lowerIncluded: false, upper: nil, upperIncluded: false)
    /// (0, ∞).
    public static let positive = ValidRange(lower: 0, lowerIncluded: false, upper: nil, upperIncluded: false)
    /// [0, ∞).
    public static let nonNegative = ValidRange(lower: 0, lowerIncluded: true, upper: nil, upperIncluded: false)
    /// [a, b].
    public static func closed(_ a: Double, _ b: Double) -> ValidRange {
        ValidRange(lower: a, lowerIncluded: true, upper: b, upperIncluded: true)
    }
    /// (a, b).
    public static func open(_ a: Double, _ b: Double) -> ValidRange {
        ValidRange(lower: a, lowerIncluded: false, upper: b, upperIncluded: false)
    }
    /// [a, ∞).
    public static func atLeast(_ a: Double) -> ValidRange {
        ValidRange(lower: a, lowerIncluded: true, upper: nil, upperIncluded: false)
    }
    /// (a, ∞).
    public static func greaterThan(_ a: Double) -> ValidRange {
        ValidRange(lower: a, lowerIncluded: false, upper: nil, upperIncluded: false)
    }

    public func contains(_ x: Double) -> Bool {
        if let l = lower, lowerIncluded ? x < l : x <= l { return false }
        if let u = upper, upperIncluded ? x > u : x >= u { return false }
        return true
    }

    public var description: String {
        let l = lower.map { formatNumber($0) } ?? "−∞"
        let u = upper.map { formatNumber($0) } ?? "∞"
        return (lower != nil && lowerIncluded ? "[" : "(") + l + ", " + u
            + (upper != nil && upperIncluded ? "]" : ")")
    }
}
