/// A parameter of a case, as read from a fixture or from `--set name=value`.
///
/// Fixtures are JSON: a number is `.number`, an array of numbers `.vector`, a string `.text`.
public enum ParameterValue: Sendable, Hashable, Codable, CustomStringConvertible {
    case number(Double)
    case vector([Double])
    case text(String)

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let x = try? c.decode(Double.self) {
            self = .number(x)
        } else if let v = try? c.decode([Double].self) {
            self = .vector(v)
        } else if let s = try? c.decode(String.self) {
            self = .text(s)
        } else {
            throw DecodingError.dataCorruptedError(
                in: c, debugDescription: "a parameter must be a number, an array of numbers or a string")
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .number(let x): try c.encode(FiniteNumber(x))
        case .vector(let v): try c.encode(v.map(FiniteNumber.init))
        case .text(let s): try c.encode(s)
        }
    }

    public var description: String {
        switch self {
        case .number(let x): formatNumber(x)
        case .vector(let v): "[" + v.map { formatNumber($0) }.joined(separator: ", ") + "]"
        case .text(let s): s
        }
    }
}

/// A number written to a report: finite numbers as JSON numbers, anything else as a string
/// naming it, so no NaN or ∞ ever reaches report.json (JSONEncoder would refuse them).
struct FiniteNumber: Encodable {
    let value: Double
    init(_ value: Double) { self.value = value }
    func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        if value.isFinite { try c.encode(value) } else { try c.encode("not finite") }
    }
}

/// A number as the report prints it: up to 10 significant digits, no trailing noise, so
/// reports are stable across runs and readable. (`Double.description` would print 17 digits.)
public func formatNumber(_ x: Double, significantDigits: Int = 10) -> String {
    // No NaN or ∞ ever reaches a report: a non-finite number prints as words.
    if !x.isFinite { return "not finite" }
    if x == 0 { return "0" }
    if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
    let magnitude = abs(x)
    if magnitude >= 1e-4 && magnitude < 1e10 {
        var s = String(format: "%.\(significantDigits)g", x)
        if s.contains("e") { return s }
        if s.contains(".") {
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
        }
        return s
    }
    return String(format: "%.\(significantDigits - 1)e", x)
        .replacingOccurrences(of: "0e", with: "e")
}

import Foundation
