#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import EOSCore

/// The interval proofs behind Corollaries 2–8: Prop. 1's hypotheses (i) g′(x̄) ≠ 0 and
/// (ii) g′g‴ < 6g″² on a whole box of x̄, via the normalised margin
///
///     R = w(x̄)·(6(g″/g′)² − g‴/g′),   R > 0 on the box ⇔ (ii) there, and g′ ≠ 0 there
///
/// (the division by an enclosure of g′ that contains 0 gives the entire line, which never passes).
/// The ratios avoid the underflow of g′² far out (e.g. the sigmoid at x̄ = −700). The weight w is
/// 1, or x̄² for the scale-covariant models (log, power), where R is then constant.
enum CB23CorollaryProof {
    /// R on a box of x̄, with derivatives of g from interval AD.
    static func margin(_ g: CB23BaseModel, _ xbar: Interval, weight: Bool = false) -> Interval {
        let d = g(Jet<Interval>.variable(xbar, order: 3)).derivatives
        return margin(d, xbar, weight: weight)
    }

    static func margin(_ d: [Interval], _ xbar: Interval, weight: Bool) -> Interval {
        let r2 = d[2] / d[1], r3 = d[3] / d[1]
        let r = Interval(6) * r2.squared - r3
        return weight ? r * xbar.squared : r
    }

    /// R for x^α with α an interval (Corollary 5), weight x̄².
    static func powerMargin(alpha: Interval, xbar: Interval) -> Interval {
        let d = Jet<Interval>.variable(xbar, order: 3).power(real: alpha).derivatives
        return margin(d, xbar, weight: true)
    }

    /// The proof result as a sentence (numbers in the report's format).
    static func describe(_ result: SignProof.Result) -> String {
        switch result {
        case let .proved(n, b): return "proved on \(n) boxes (min lower bound \(formatNumber(b)))"
        case let .counterexample(p, v, _): return "counterexample at \(p.map { formatNumber($0) }) (value ≤ \(formatNumber(v)))"
        case let .undecided(n, _, b): return "undecided after \(n) boxes, at \(b)"
        }
    }

    /// Quantities of a proof result.
    static func quantities(_ result: SignProof.Result, box: [Interval], variables: String) -> [Quantity] {
        let boxText = box.map { "[\(formatNumber($0.lo)), \(formatNumber($0.hi))]" }.joined(separator: " × ")
        var q: [Quantity] = [
            .judge("interval proof of g′ ≠ 0 and 6g″² − g′g‴ > 0 for \(variables) ∈ \(boxText)",
                   measured: describe(result), predicted: "proved", holds: result.isProved),
        ]
        if case let .proved(n, bound) = result {
            q.append(.context("boxes in the proof", Double(n)))
            q.append(.context("smallest certified lower bound of the normalised margin", bound))
        }
        return q
    }
}

extension CB23Claims {
    /// The shared check of Corollaries 2–8: an interval proof over `box` (default: the whole
    /// parameter range the corollary covers, as far as doubles reach), then GD at a sample target.
    static func corollaryCheck(_ c: ClaimCase, model: CB23BaseModel, defaultBox: [Interval], variables: String,
                               sampleXbar: Double,
                               proof: @escaping ([Interval]) -> Interval,
                               printed: (([Double], Double) -> [Quantity])? = nil) throws -> CaseOutcome {
        var box = defaultBox
        if c.parameters["box"] != nil {
            let v = try c.vector("box")
            guard v.count == 2 * defaultBox.count else { throw ClaimError.computation("box needs \(2 * defaultBox.count) numbers") }
            box = (0..<defaultBox.count).map { Interval(v[2 * $0], v[2 * $0 + 1]) }
        }
        let result = SignProof.provePositive(on: box, maxBoxes: 400_000, proof)
        var q = CB23CorollaryProof.quantities(result, box: box, variables: variables)
        let analysis = CB23SquaredLossAnalysis(model: model, xbar: sampleXbar,
                                               kappa: try c.number("kappa", default: 0.02),
                                               radius: try c.number("radius", default: 0.5), steps: 20_000)
        q += analysis.quantities(judgeHypotheses: false)
        if let printed { q += printed(analysis.g, sampleXbar) }
        return CaseOutcome(q)
    }

    static let corollaryParameters: [ParameterSpec] = [
        ParameterSpec("box", .vector(minCount: 2, distinct: false, descending: false), .all, required: false,
                      meaning: "the proof box (lo, hi per variable); default: the corollary's whole range"),
        ParameterSpec("kappa", .real, .open(-0.5, 0.5), required: false, meaning: "η = (1 + κ)·2/f″(x̄) for the GD run (default 0.02)"),
        ParameterSpec("radius", .real, .positive, required: false, meaning: "the orbit must lie within this distance of x̄ (default 0.5)"),
    ]

    static let corollaryMethod = """
    Interval proof (EOSCore's SignProof with interval Taylor AD, Jet<Interval>): the normalised margin \
    R = w·(6(g″/g′)² − g‴/g′) is shown > 0 on every box of a cover of the stated range, which proves \
    Prop. 1 (i) g′ ≠ 0 (a g′ enclosure containing 0 makes R the entire line) and (ii) g′g‴ < 6g″² there. \
    Then, at a sample target, AD of f = (g − y)² confirms Theorem 1's conditions and GD at η = (1 + κ)·2/f″(x̄) \
    (20000 steps) must end on a period-2 orbit δ₁ < x̄ < δ₂ within `radius`. The printed derivative formulas of \
    the proof are compared at the sample point. Negative control: κ < 0 (η below the EoS), where GD converges to \
    x̄ and no oscillation exists.
    """

    static let corollary2 = Claim(
        id: "CB23.Cor2", title: "(x² − 1)² allows stable oscillation around x̄ = 1",
        source: ClaimSource(seed: Seed.cb23, statement: "Corollary 2", lines: 746...750),
        statement: "f(x) = (x² − 1)² allows stable oscillation around the local minima x̄ = 1.",
        uses: ["CB23.Prop1"], parameters: corollaryParameters,
        method: corollaryMethod + " Range: the single point x̄ = 1 (g = x², y = 1).",
        expected: .confirmed
    ) { c in
        try corollaryCheck(c, model: .power(2), defaultBox: [Interval(1)], variables: "x̄",
                           sampleXbar: 1, proof: { CB23CorollaryProof.margin(.power(2), $0[0]) }) { g, _ in
            [.compare("g′(1) (printed 2)", measured: g[1], predicted: 2, .absolute(1e-14, "exact polynomial AD")),
             .compare("g″(1) (printed 2)", measured: g[2], predicted: 2, .absolute(1e-14, "exact polynomial AD"))]
        }
    }

    static let corollary3 = Claim(
        id: "CB23.Cor3", title: "(sin x − y)² allows stable oscillation around x̄ = arcsin y, y ∈ (−1, 1)",
        source: ClaimSource(seed: Seed.cb23, statement: "Corollary 3", lines: 752...756),
        statement: "f(x) = (sin(x) − y)² allows stable oscillation around the local minima x̄ = arcsin(y) with y ∈ (−1, 1).",
        uses: ["CB23.Prop1"],
        parameters: corollaryParameters + [ParameterSpec("y", .real, .open(-1, 1), meaning: "the sample target for GD")],
        method: corollaryMethod + " Range: x̄ ∈ [−π/2 + 1e-8, π/2 − 1e-8], which contains arcsin y for every double y ∈ (−1, 1) (|arcsin y| ≤ π/2 − 1.49e-8).",
        expected: .confirmed
    ) { c in
        let xbar = asin(try c.number("y")), h = Double.pi / 2 - 1e-8
        return try corollaryCheck(c, model: .sine, defaultBox: [Interval(-h, h)], variables: "x̄",
                                  sampleXbar: xbar, proof: { CB23CorollaryProof.margin(.sine, $0[0]) }) { g, x in
            [.compare("g′g‴ − 6g″² vs printed −cos²x̄ − 6sin²x̄", measured: g[1] * g[3] - 6 * g[2] * g[2],
                      predicted: -cos(x) * cos(x) - 6 * sin(x) * sin(x), .absolute(1e-13, "AD vs closed form, values O(1)"))]
        }
    }

    static let corollary4 = Claim(
        id: "CB23.Cor4", title: "(tanh x − y)² allows stable oscillation around x̄ = tanh⁻¹ y, y ∈ (−1, 1)",
        source: ClaimSource(seed: Seed.cb23, statement: "Corollary 4", lines: 758...762),
        statement: "f(x) = (tanh(x) − y)² allows stable oscillation around the local minima x̄ = tanh⁻¹(y) with y ∈ (−1, 1).",
        uses: ["CB23.Prop1"],
        parameters: corollaryParameters + [ParameterSpec("y", .real, .open(-1, 1), meaning: "the sample target for GD")],
        method: corollaryMethod + " Range: x̄ ∈ [−19, 19], which contains tanh⁻¹ y for every double y ∈ (−1, 1) (|tanh⁻¹ y| ≤ 18.72).",
        expected: .confirmed
    ) { c in
        let xbar = atanh(try c.number("y"))
        return try corollaryCheck(c, model: .tanh, defaultBox: [Interval(-19, 19)], variables: "x̄",
                                  sampleXbar: xbar, proof: { CB23CorollaryProof.margin(.tanh, $0[0]) }) { g, x in
            let s2 = 1 / (cosh(x) * cosh(x)), t = tanh(x)
            return [
                .compare("g‴(x̄) vs printed −2sech⁴ + 4sech²tanh²", measured: g[3], predicted: -2 * s2 * s2 + 4 * s2 * t * t,
                         .absolute(1e-13, "AD vs closed form, values O(1)")),
                .compare("g′g‴ − 6g″² vs printed −2sech⁶ − 20sech⁴tanh²", measured: g[1] * g[3] - 6 * g[2] * g[2],
                         predicted: -2 * s2 * s2 * s2 - 20 * s2 * s2 * t * t, .absolute(1e-13, "AD vs closed form, values O(1)")),
            ]
        }
    }

    static let corollary5 = Claim(
        id: "CB23.Cor5", title: "(x^α − y)² (α ≥ 2) allows stable oscillation around x̄ = y^{1/α}, y ≠ 0",
        source: ClaimSource(seed: Seed.cb23, statement: "Corollary 5", lines: 764...766),
        statement: "f(x) = (x^α − y)² (with k ∈ ℤ, k ≥ 2) allows stable oscillation around the local minima x̄ = y^{1/α} except y = 0.",
        uses: ["CB23.Prop1"],
        parameters: corollaryParameters + [
            ParameterSpec("alpha", .real, .positive, meaning: "the sample exponent α for GD (\"k\" in the statement is a typo for α)"),
            ParameterSpec("y", .real, .positive, meaning: "the sample target for GD"),
        ],
        method: corollaryMethod + """
         Range: (α, x̄) ∈ [2, 100] × {1} (real α, so every integer exponent 2…100), weight x̄². Since \
        g(λx) = λ^α g(x), the margin g′g‴ − 6g″² scales by λ^{2α−4} > 0, so its sign at x̄ = 1 is its sign \
        for every x̄ > 0 (and, for integral α, every x̄ < 0 by the symmetry g(−x) = ±g(x)); this scaling step is \
        analytic, the interval proof covers α. (The GD run uses a sample x̄ ≠ 1.) Negative control: \
        α ∈ [0.85, 0.95], where the printed factor (α − 1)(4 − 5α) is positive and (ii) fails.
        """,
        expected: .confirmed
    ) { c in
        let alpha = try c.number("alpha"), y = try c.number("y")
        let xbar = pow(y, 1 / alpha)
        return try corollaryCheck(c, model: .power(alpha), defaultBox: [Interval(2, 100), Interval(1)],
                                  variables: "(α, x̄)", sampleXbar: xbar,
                                  proof: { CB23CorollaryProof.powerMargin(alpha: $0[0], xbar: $0[1]) }) { g, x in
            [.compare("g′g‴ − 6g″² vs printed α²(α−1)(−5α+4)x̄^{2α−4}", measured: g[1] * g[3] - 6 * g[2] * g[2],
                      predicted: alpha * alpha * (alpha - 1) * (4 - 5 * alpha) * pow(x, 2 * alpha - 4),
                      .relative(1e-12, "AD vs closed form, a few roundings"))]
        }
    }

    static let corollary6 = Claim(
        id: "CB23.Cor6", title: "(exp x − y)² allows stable oscillation around x̄ = log y, y > 0",
        source: ClaimSource(seed: Seed.cb23, statement: "Corollary 6", lines: 768...770),
        statement: "f(x) = (exp(x) − y)² allows stable oscillation around the local minima x̄ = log y for y > 0.",
        uses: ["CB23.Prop1"],
        parameters: corollaryParameters + [ParameterSpec("y", .real, .positive, meaning: "the sample target for GD")],
        method: corollaryMethod + " Range: x̄ ∈ [−700, 709], i.e. y ∈ [9.9e-305, 8.2e307] (all normal doubles but the extreme ends; the margin 6g″² − g′g‴ = 5e^{2x̄} is scale-covariant, g(x + c) = e^c g(x), so its sign is the same beyond).",
        expected: .confirmed
    ) { c in
        let xbar = log(try c.number("y"))
        return try corollaryCheck(c, model: .exp, defaultBox: [Interval(-700, 709)], variables: "x̄",
                                  sampleXbar: xbar, proof: { CB23CorollaryProof.margin(.exp, $0[0]) }) { g, x in
            [.compare("g‴(x̄) vs printed exp(x̄)", measured: g[3], predicted: exp(x), .relative(1e-13, "AD vs closed form"))]
        }
    }

    static let corollary7 = Claim(
        id: "CB23.Cor7", title: "(log x − y)² allows stable oscillation around x̄ = exp y",
        source: ClaimSource(seed: Seed.cb23, statement: "Corollary 7", lines: 772...774),
        statement: "f(x) = (log(x) − y)² allows stable oscillation around the local minima x̄ = exp y.",
        uses: ["CB23.Prop1"],
        parameters: corollaryParameters + [ParameterSpec("y", .real, .all, meaning: "the sample target for GD")],
        method: corollaryMethod + " Range: y ∈ [−160, 160] (x̄ = e^y ∈ [3e-70, 3e69]), weight x̄² (the weighted margin x̄²(6(g″/g′)² − g‴/g′) is the constant 4; beyond this range the sign is the same since g(λx) = g(x) + log λ leaves g′g‴ − 6g″² scaled by λ⁻⁴). The proof of the corollary prints g‴(x̄) = −2/x̄³; the AD value is +2/x̄³ (a sign typo that does not change the conclusion: g′g‴ − 6g″² = −4/x̄⁴ instead of the printed sign's −8/x̄⁴).",
        expected: .confirmed
    ) { c in
        let y = try c.number("y"), xbar = exp(y)
        return try corollaryCheck(c, model: .log, defaultBox: [Interval(-160, 160)], variables: "y",
                                  sampleXbar: xbar, proof: { CB23CorollaryProof.margin(.log, $0[0].exp, weight: true) }) { g, x in
            [.context("g‴(x̄) as printed in the proof: −2/x̄³", -2 / (x * x * x)),
             .compare("g‴(x̄) (AD) vs the true +2/x̄³", measured: g[3], predicted: 2 / (x * x * x), .relative(1e-13, "AD vs closed form")),
             .compare("g′g‴ − 6g″² vs −4/x̄⁴", measured: g[1] * g[3] - 6 * g[2] * g[2], predicted: -4 / (x * x * x * x),
                      .relative(1e-12, "AD vs closed form"))]
        }
    }

    static let corollary8 = Claim(
        id: "CB23.Cor8", title: "(sigmoid(x) − y)² allows stable oscillation around x̄ = sigmoid⁻¹(y), y ∈ (0, 1)",
        source: ClaimSource(seed: Seed.cb23, statement: "Corollary 8", lines: 776...776),
        statement: "f(x) = (1/(1+exp(−x)) − y)² allows stable oscillation around the local minima x̄ = sigmoid⁻¹(y) for y ∈ (0, 1).",
        uses: ["CB23.Prop1"],
        parameters: corollaryParameters + [ParameterSpec("y", .real, .open(0, 1), meaning: "the sample target for GD")],
        method: corollaryMethod + " Range: x̄ ∈ [−700, 37], i.e. every double y ∈ [9.9e-305, 1) (the largest double below 1 has logit 36.7); smaller y are not covered by the proof.",
        expected: .confirmed
    ) { c in
        let y = try c.number("y"), xbar = log(y / (1 - y))
        return try corollaryCheck(c, model: .sigmoid, defaultBox: [Interval(-700, 37)], variables: "x̄",
                                  sampleXbar: xbar, proof: { CB23CorollaryProof.margin(.sigmoid, $0[0]) }) { g, x in
            let e = exp(x), scale = pow(e + 1, 6) / (e * e)
            return [
                .compare("g″(x̄) vs printed −eˣ(eˣ − 1)/(eˣ + 1)³", measured: g[2], predicted: -e * (e - 1) / pow(e + 1, 3),
                         .absolute(1e-14, "AD vs closed form, values ≤ 0.1")),
                .compare("(g′g‴ − 6g″²)·(eˣ+1)⁶/e²ˣ vs printed −4eˣ + e²ˣ + 1 − 6(eˣ − 1)²",
                         measured: (g[1] * g[3] - 6 * g[2] * g[2]) * scale, predicted: -4 * e + e * e + 1 - 6 * (e - 1) * (e - 1),
                         .relative(1e-10, "AD vs closed form; the scale factor amplifies rounding by ≈ (eˣ+1)⁶/e²ˣ·ε")),
            ]
        }
    }
}
