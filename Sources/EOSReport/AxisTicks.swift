import Foundation
import EOSClaims

/// The range and tick marks of one plot axis.
///
/// **Linear axes** use the "nice numbers" rule (Heckbert, *Graphics Gems*, 1990): the tick
/// step is 1, 2, 2.5 or 5 × 10ᵏ, chosen so that about `target` ticks cover the data, and the
/// axis is widened to whole steps. Labels carry exactly as many decimals as the step needs.
///
/// **Log₁₀ axes** are widened to whole decades. Up to two decades get ticks at 1, 2 and 5 ×
/// 10ᵏ; more get one tick per decade (every m-th decade, at multiples of m, when there are more
/// than 8), labelled
/// 10ᵏ with superscript digits.
///
/// Everything is a pure function of the data range, so plots are byte-identical across runs.
/// Non-finite or (on a log axis) non-positive bounds are replaced by a default range: the
/// axis is always finite.
public struct AxisTicks: Sendable, Equatable {
    /// One tick: its value on the data scale and its label.
    public struct Tick: Sendable, Equatable {
        public let value: Double
        public let label: String
    }

    /// The axis range (widened to nice bounds), on the data scale.
    public let lower: Double
    public let upper: Double
    public let scale: DataSeries.Scale
    public let ticks: [Tick]

    /// Ticks for data in `[low, high]` on the given scale.
    public init(low: Double, high: Double, scale: DataSeries.Scale, target: Int = 6) {
        self.scale = scale
        switch scale {
        case .linear: (lower, upper, ticks) = Self.linear(low, high, target: max(2, target))
        case .log: (lower, upper, ticks) = Self.log(low, high)
        }
    }

    /// The position of `value` along the axis: 0 at `lower`, 1 at `upper` (on a log axis, in
    /// log₁₀ units). Not clamped; nil when it cannot be placed (non-finite, ≤ 0 on a log axis).
    public func fraction(_ value: Double) -> Double? {
        guard value.isFinite else { return nil }
        let t: Double
        switch scale {
        case .linear:
            // Halving first keeps the span finite even for bounds near ±Double.greatestFiniteMagnitude.
            t = (value / 2 - lower / 2) / (upper / 2 - lower / 2)
        case .log:
            guard value > 0 else { return nil }
            t = (Foundation.log10(value) - Foundation.log10(lower)) / (Foundation.log10(upper) - Foundation.log10(lower))
        }
        return t.isFinite ? t : nil
    }

    // MARK: Linear

    static func linear(_ low: Double, _ high: Double, target: Int) -> (Double, Double, [Tick]) {
        var lo = low.isFinite ? low : 0, hi = high.isFinite ? high : 1
        if lo > hi { swap(&lo, &hi) }
        // Keep the span representable: a range wider than ~1e307 is clipped.
        let limit = 1e307
        lo = max(lo, -limit); hi = min(hi, limit)
        if hi - lo <= 1e-12 * max(abs(lo), abs(hi)) || hi == lo {
            // A constant series: a window of ±10 % around it (±1 around zero).
            let pad = lo == 0 ? 1 : abs(lo) * 0.1
            lo -= pad; hi += pad
        }
        let step = niceStep((hi - lo) / Double(target - 1))
        // Data within 10⁻⁹ of a step of a tick (rounding noise such as −1e−15 for a zero
        // eigenvalue) does not widen the axis by a whole step.
        let first = (lo / step + 1e-9).rounded(.down), last = (hi / step - 1e-9).rounded(.up)
        let count = Int(min(max(last - first, 1), 1000))
        let decimals = max(0, -Int((Foundation.log10(step) + 1e-9).rounded(.down))
                           + (isQuarterStep(step) ? 1 : 0))
        let exponential = max(abs(first * step), abs(last * step)) >= 1e6 || step < 1e-4
        var ticks: [Tick] = []
        for i in 0...count {
            var v = (first + Double(i)) * step
            if abs(v) < step * 1e-9 { v = 0 }   // no "-0.00" from rounding
            ticks.append(Tick(value: v, label: exponential ? scientific(v, step: step) : fixed(v, decimals: decimals)))
        }
        return (first * step, (first + Double(count)) * step, ticks)
    }

    /// The smallest of 1, 2, 2.5, 5, 10 × 10ᵏ that is at least `rough`.
    static func niceStep(_ rough: Double) -> Double {
        guard rough.isFinite, rough > 0 else { return 1 }
        let magnitude = pow(10, (Foundation.log10(rough)).rounded(.down))
        let residual = rough / magnitude
        let factor: Double = residual <= 1 ? 1 : residual <= 2 ? 2 : residual <= 2.5 ? 2.5 : residual <= 5 ? 5 : 10
        return factor * magnitude
    }

    private static func isQuarterStep(_ step: Double) -> Bool {
        let magnitude = pow(10, Foundation.log10(step).rounded(.down))
        return abs(step / magnitude - 2.5) < 1e-9
    }

    /// `v` with a fixed number of decimals (locale-independent, "−" as a minus sign).
    static func fixed(_ v: Double, decimals: Int) -> String {
        let s = String(format: "%.\(min(decimals, 12))f", v)
        return s.hasPrefix("-") ? "−" + s.dropFirst() : s
    }

    /// `v` as m·10ᵏ with the mantissa's digits set by the step.
    static func scientific(_ v: Double, step: Double) -> String {
        if v == 0 { return "0" }
        // The small nudge keeps 9.9999999e-6 (a rounded 1e-5) in the decade of 1e-5.
        let k = Int((Foundation.log10(abs(v)) + 1e-9).rounded(.down))
        let mantissa = v / pow(10, Double(k))
        let stepDigits = max(0, k - Int(Foundation.log10(step).rounded(.down)))
        var m = fixed(mantissa, decimals: min(stepDigits, 6))
        if m.contains(".") {
            while m.hasSuffix("0") { m.removeLast() }
            if m.hasSuffix(".") { m.removeLast() }
        }
        return m == "1" ? "10" + superscript(k) : m == "−1" ? "−10" + superscript(k) : m + "·10" + superscript(k)
    }

    // MARK: Log

    static func log(_ low: Double, _ high: Double) -> (Double, Double, [Tick]) {
        var lo = low.isFinite && low > 0 ? low : 1, hi = high.isFinite && high > 0 ? high : 10
        if lo > hi { swap(&lo, &hi) }
        var a = Int(max(-300, min(300, Foundation.log10(lo) + 1e-12)).rounded(.down))
        var b = Int(max(-300, min(300, Foundation.log10(hi) - 1e-12)).rounded(.up))
        if b <= a { b = a + 1 }
        a = max(a, -300); b = min(b, 300)
        let decades = b - a
        var ticks: [Tick] = []
        if decades <= 2 {
            for k in a...b {
                for m in [1.0, 2, 5] where k < b || m == 1 {
                    let v = m * pow(10, Double(k))
                    ticks.append(Tick(value: v, label: logLabel(mantissa: Int(m), exponent: k)))
                }
            }
        } else {
            // Every m-th decade, at multiples of m (so 10⁰ is labelled when it is in range).
            let every = (decades + 7) / 8
            var k = Int((Double(a) / Double(every)).rounded(.up)) * every
            while k <= b {
                ticks.append(Tick(value: pow(10, Double(k)), label: logLabel(mantissa: 1, exponent: k)))
                k += every
            }
        }
        return (pow(10, Double(a)), pow(10, Double(b)), ticks)
    }

    /// 2 → "2", 0.05 → "0.05", 2·10⁻⁶ for values outside [10⁻³, 10⁴].
    static func logLabel(mantissa: Int, exponent k: Int) -> String {
        if k >= 0 && k <= 4 {
            return String(mantissa) + String(repeating: "0", count: k)
        }
        if k < 0 && k >= -3 {
            return "0." + String(repeating: "0", count: -k - 1) + String(mantissa)
        }
        return (mantissa == 1 ? "" : "\(mantissa)·") + "10" + superscript(k)
    }

    /// An integer in Unicode superscript digits (−3 → ⁻³).
    static func superscript(_ k: Int) -> String {
        let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        return (k < 0 ? "⁻" : "") + String(abs(k)).map { digits[Int(String($0))!] }
    }
}
