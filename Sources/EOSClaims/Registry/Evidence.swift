/// A tolerance with the reason it is what it is (floating-point error, truncation of a finite
/// run, a bound printed in the paper). A comparison without a reason does not compile.
public struct Tolerance: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable, Codable { case absolute, relative }
    public let kind: Kind
    public let value: Double
    public let reason: String

    public static func absolute(_ value: Double, _ reason: String) -> Tolerance {
        Tolerance(kind: .absolute, value: value, reason: reason)
    }
    public static func relative(_ value: Double, _ reason: String) -> Tolerance {
        Tolerance(kind: .relative, value: value, reason: reason)
    }

    /// |measured − predicted| ≤ value (absolute) or ≤ value · |predicted| (relative).
    /// Non-finite numbers never agree with anything.
    public func accepts(measured: Double, predicted: Double) -> Bool {
        guard measured.isFinite, predicted.isFinite else { return false }
        let bound = kind == .absolute ? value : value * abs(predicted)
        return abs(measured - predicted) <= bound
    }

    public var description: String {
        (kind == .absolute ? "abs " : "rel ") + formatNumber(value) + " (" + reason + ")"
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        try c.encode(FiniteNumber(value), forKey: .value)
        try c.encode(reason, forKey: .reason)
    }
}

/// One measured quantity of a case, optionally with what the paper predicts for it.
///
/// `predicted` is a number when the paper gives one, otherwise a phrase ("< 0", "period 2",
/// "in (0, 1.26)"). `holds` says whether the measurement agrees with the prediction; a
/// quantity without a prediction is context (it does not decide the case).
public struct Quantity: Sendable, Hashable, Codable {
    public let name: String
    public let measured: String
    public let measuredValue: Double?
    public let predicted: String?
    public let tolerance: Tolerance?
    public let holds: Bool?
    /// Set when the predicted value is a number the paper prints: where it is printed
    /// ("line 412", "Eq. (82)") and the convention it was recomputed under ("loss with ½").
    /// The report's printed-number audit lists every such quantity.
    public var printedAt: String? = nil
    public var convention: String? = nil

    /// A plain measurement, reported for context.
    public static func context(_ name: String, _ value: Double) -> Quantity {
        Quantity(name: name, measured: formatNumber(value), measuredValue: value,
                 predicted: nil, tolerance: nil, holds: nil)
    }

    /// A plain measurement given in words (a period, a classification).
    public static func context(_ name: String, _ text: String) -> Quantity {
        Quantity(name: name, measured: text, measuredValue: nil, predicted: nil, tolerance: nil, holds: nil)
    }

    /// measured ≈ predicted within the tolerance.
    public static func compare(_ name: String, measured: Double, predicted: Double,
                               _ tolerance: Tolerance) -> Quantity {
        Quantity(name: name, measured: formatNumber(measured), measuredValue: measured,
                 predicted: formatNumber(predicted), tolerance: tolerance,
                 holds: tolerance.accepts(measured: measured, predicted: predicted))
    }

    /// A number the paper prints, recomputed: `printed` is the value as printed (e.g. 1.121 for
    /// "√4.5 − 1 ≈ 1.121"), `computed` what the computation gives; the tolerance says why they
    /// may differ (the printed digits, a bound). Listed in the report's printed-number audit.
    public static func printed(_ name: String, printed: Double, computed: Double, _ tolerance: Tolerance,
                               at location: String, convention: String? = nil) -> Quantity {
        var q = Quantity(name: name, measured: formatNumber(computed), measuredValue: computed,
                         predicted: formatNumber(printed), tolerance: tolerance,
                         holds: tolerance.accepts(measured: computed, predicted: printed))
        q.printedAt = location
        q.convention = convention
        return q
    }

    /// A measurement against a qualitative prediction; the caller decides `holds`.
    public static func judge(_ name: String, measured: String, measuredValue: Double? = nil,
                             predicted: String, holds: Bool) -> Quantity {
        Quantity(name: name, measured: measured, measuredValue: measuredValue,
                 predicted: predicted, tolerance: nil, holds: holds)
    }

    /// A numeric measurement against a qualitative prediction (a bound, a sign).
    public static func judge(_ name: String, _ value: Double, predicted: String, holds: Bool) -> Quantity {
        judge(name, measured: formatNumber(value), measuredValue: value, predicted: predicted,
              holds: holds && value.isFinite)
    }

    enum CodingKeys: String, CodingKey { case name, measured, predicted, tolerance, holds, printedAt, convention }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        if let v = measuredValue { try c.encode(FiniteNumber(v), forKey: .measured) }
        else { try c.encode(measured, forKey: .measured) }
        try c.encodeIfPresent(predicted, forKey: .predicted)
        try c.encodeIfPresent(tolerance, forKey: .tolerance)
        try c.encodeIfPresent(holds, forKey: .holds)
        try c.encodeIfPresent(printedAt, forKey: .printedAt)
        try c.encodeIfPresent(convention, forKey: .convention)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        if let v = try? c.decode(Double.self, forKey: .measured) {
            measuredValue = v; measured = formatNumber(v)
        } else {
            measuredValue = nil; measured = try c.decode(String.self, forKey: .measured)
        }
        predicted = try c.decodeIfPresent(String.self, forKey: .predicted)
        tolerance = try c.decodeIfPresent(Tolerance.self, forKey: .tolerance)
        holds = try c.decodeIfPresent(Bool.self, forKey: .holds)
        printedAt = try c.decodeIfPresent(String.self, forKey: .printedAt)
        convention = try c.decodeIfPresent(String.self, forKey: .convention)
    }

    init(name: String, measured: String, measuredValue: Double?, predicted: String?,
         tolerance: Tolerance?, holds: Bool?) {
        self.name = name
        self.measured = measured
        self.measuredValue = measuredValue.flatMap { $0.isFinite ? $0 : nil }
        self.predicted = predicted
        self.tolerance = tolerance
        // A non-finite measurement never supports a prediction.
        self.holds = (measuredValue.map { !$0.isFinite } ?? false) ? (holds == nil ? nil : false) : holds
    }
}

/// A named series of (x, y) points a check produced, for the report's figures.
///
/// Series of one case that share a `figure` title are drawn in one plot; `xLabel`/`yLabel`
/// name the axes with their units, `xScale`/`yScale` choose linear or log₁₀ axes, `style`
/// draws a line or scattered points (bifurcation diagrams, divergence grids).
public struct DataSeries: Sendable, Hashable, Codable {
    public enum Scale: String, Sendable, Hashable, Codable { case linear, log }
    public enum Style: String, Sendable, Hashable, Codable { case line, points }

    public let name: String
    public let x: [Double]
    public let y: [Double]
    public var figure: String?
    public var xLabel: String
    public var yLabel: String
    public var xScale: Scale
    public var yScale: Scale
    public var style: Style

    public init(name: String, x: [Double], y: [Double], figure: String? = nil,
                xLabel: String = "x", yLabel: String = "y",
                xScale: Scale = .linear, yScale: Scale = .linear, style: Style = .line) {
        precondition(x.count == y.count, "series x and y differ in length")
        self.name = name
        // Non-finite points are dropped (and non-positive ones on a log axis): figures show
        // only data they can place.
        let kept = zip(x, y).filter {
            $0.0.isFinite && $0.1.isFinite && (xScale == .linear || $0.0 > 0) && (yScale == .linear || $0.1 > 0)
        }
        self.x = kept.map(\.0)
        self.y = kept.map(\.1)
        self.figure = figure
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.xScale = xScale
        self.yScale = yScale
        self.style = style
    }
}

/// What a check found on one case.
///
/// `holds` answers "does the statement's prediction hold here?". For an as-printed or
/// corrected-variant case that is what the case asserts; for a negative control the
/// prediction must *not* hold (the mechanism is absent), see `CaseEvidence.passed`.
public struct CaseOutcome: Sendable {
    public var quantities: [Quantity]
    public var holds: Bool
    public var note: String
    public var series: [DataSeries]

    /// An outcome whose `holds` is the conjunction of every judged quantity's `holds`.
    public init(_ quantities: [Quantity], note: String = "", series: [DataSeries] = []) {
        let judged = quantities.compactMap(\.holds)
        self.quantities = quantities
        self.holds = !judged.isEmpty && judged.allSatisfy { $0 }
        self.note = note
        self.series = series
    }

    /// An outcome with an explicit `holds`.
    public init(holds: Bool, _ quantities: [Quantity], note: String = "", series: [DataSeries] = []) {
        self.quantities = quantities
        self.holds = holds
        self.note = note
        self.series = series
    }
}
