#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import EOSCore

/// The base models g of Section 4.1's regression loss (g(x) − y)², with closed-form g, g′, g″, g‴ and the
/// minimiser x̄ = g⁻¹(y).
enum CB23BaseFunction: String, CaseIterable, Sendable {
    case sine, tanh, cubic, exp, log, sigmoid, softplus, gaussian, sinh

    /// (g, g′, g″, g‴) at x.
    func jet(_ x: Double) -> (Double, Double, Double, Double) {
        switch self {
        case .sine: return (libm_sin(x), libm_cos(x), -libm_sin(x), -libm_cos(x))
        case .tanh:
            let t = libm_tanh(x), s = 1 - t * t
            return (t, s, -2 * t * s, -2 * s * (1 - 3 * t * t))
        case .cubic: return (x * x * x, 3 * x * x, 6 * x, 6)
        case .exp: let e = libm_exp(x); return (e, e, e, e)
        case .log: return (libm_log(x), 1 / x, -1 / (x * x), 2 / (x * x * x))
        case .sigmoid:
            let s = 1 / (1 + libm_exp(-x)), d = s * (1 - s)
            return (s, d, d * (1 - 2 * s), d * (1 - 6 * s + 6 * s * s))
        case .softplus:
            let s = 1 / (1 + libm_exp(-x)), d = s * (1 - s)
            return (x > 30 ? x : libm_log(1 + libm_exp(x)), s, d, d * (1 - 2 * s))
        case .gaussian:
            let g = libm_exp(-x * x / 2)
            return (g, -x * g, (x * x - 1) * g, (3 * x - x * x * x) * g)
        case .sinh: return (libm_sinh(x), libm_cosh(x), libm_sinh(x), libm_cosh(x))
        }
    }

    /// x̄ with g(x̄) = y (the positive branch for the Gaussian).
    func inverse(_ y: Double) -> Double {
        switch self {
        case .sine: return libm_asin(y)
        case .tanh: return libm_atanh(y)
        case .cubic: return y < 0 ? -libm_pow(-y, 1.0 / 3) : libm_pow(y, 1.0 / 3)
        case .exp: return libm_log(y)
        case .log: return libm_exp(y)
        case .sigmoid: return libm_log(y / (1 - y))
        case .softplus: return libm_log(libm_exp(y) - 1)
        case .gaussian: return (-2 * libm_log(y)).squareRoot()
        case .sinh: return libm_asinh(y)
        }
    }

    /// The valid targets y (open interval) used for the grid check.
    var targets: (Double, Double) {
        switch self {
        case .sine, .tanh: return (-0.95, 0.95)
        case .cubic: return (0.05, 4)
        case .exp: return (0.05, 10)
        case .log: return (-3, 3)
        case .sigmoid: return (0.05, 0.95)
        case .softplus: return (0.05, 5)
        case .gaussian: return (0.05, 0.95)
        case .sinh: return (-3, 3)
        }
    }
}

// The libm functions under other names: inside `CB23BaseFunction` the cases `tanh`, `exp`, `log`, `sinh` shadow them.
@inline(__always) private func libm_sin(_ x: Double) -> Double { sin(x) }
@inline(__always) private func libm_cos(_ x: Double) -> Double { cos(x) }
@inline(__always) private func libm_tanh(_ x: Double) -> Double { tanh(x) }
@inline(__always) private func libm_exp(_ x: Double) -> Double { exp(x) }
@inline(__always) private func libm_log(_ x: Double) -> Double { log(x) }
@inline(__always) private func libm_sinh(_ x: Double) -> Double { sinh(x) }
@inline(__always) private func libm_cosh(_ x: Double) -> Double { cosh(x) }
@inline(__always) private func libm_asin(_ x: Double) -> Double { asin(x) }
@inline(__always) private func libm_atanh(_ x: Double) -> Double { atanh(x) }
@inline(__always) private func libm_asinh(_ x: Double) -> Double { asinh(x) }
@inline(__always) private func libm_pow(_ x: Double, _ y: Double) -> Double { pow(x, y) }

extension CB23Claims {
    // MARK: Theorem 1, Remark 1: η lies between the EoS values of the two orbit points.

    static let theorem1Remark1 = Claim(
        id: "CB23.Thm1-Remark1",
        title: "Theorem 1's η satisfies 2/f″(F_η(x₀)) < 2/f″(x̄) < η < 2/f″(x₀)",
        source: ClaimSource(seed: Seed.cb23, statement: "Remark 1 after Theorem 1", lines: 101...101),
        statement: "Here obviously we have η > 2/f″(x̄) beyond EoS. If we take f″(x₀) ≈ f″(x̄) − ε′f⁽³⁾(x̄) with ε′ ≈ ε, it holds η < 2/f″(x₀). Symmetrically, it holds 2/f″(F_η(x₀)) < 2/f″(x̄). Hence, η upper bounded by the EoS at one point in the period-2 orbit.",
        uses: ["CB23.Thm1"],
        parameters: [
            ParameterSpec("mu", .real, .positive, meaning: "µ of f = ¼(x² − µ)² (x̄ = √µ, f″ = 2µ, f‴ = 6√µ > 0)"),
            ParameterSpec("epsilon", .real, .open(0, 1), meaning: "ε/√µ: x₀ = x̄ − ε"),
        ],
        method: """
        For ¼(x² − µ)² the two-step fixed point through x₀ = x̄ − ε is the period-2 orbit of Eq. (4): η is \
        Eq. (4) at δ = x₀ (closed form), and F²(x₀) = x₀ is verified by iterating (relative 1e-12). Checked: \
        η > 2/f″(x̄), η < 2/f″(x₀) (with f″(x₀) > 0), 2/f″(F_η(x₀)) < 2/f″(x̄), and Theorem 1's window \
        η < 2/(f″(x̄) − εf‴(x̄)). ε′ = (f″(x̄) − f″(x₀))/f‴(x̄) is reported next to ε. Negative control: \
        ε = 0.5√µ (not small), where f″(x₀) < 0 and 'η < 2/f″(x₀)' fails.
        """,
        expected: .confirmed
    ) { c in
        let mu = try c.number("mu"), root = mu.squareRoot(), eps = try c.number("epsilon") * root
        let x0 = root - eps
        let eta = 1 / (x0 * x0 * ((mu / (x0 * x0) - 0.75).squareRoot() + 0.5))
        let f: (Double) -> (f: Double, d1: Double, d2: Double) = { CB23ClosedForm1D.quartic($0, mu: mu) }
        let x1 = x0 - eta * f(x0).d1, x2 = x1 - eta * f(x1).d1
        let f2bar = 2 * mu, f3bar = 6 * root
        return CaseOutcome([
            .judge("|F_η²(x₀) − x₀|/x₀ (η from Eq. 4)", abs(x2 - x0) / x0, predicted: "≤ 1e-12 (two GD steps in double)", holds: abs(x2 - x0) / x0 <= 1e-12),
            .judge("η − 2/f″(x̄)", eta - 2 / f2bar, predicted: "> 0 (beyond EoS)", holds: eta > 2 / f2bar),
            .judge("2/f″(x₀) − η (f″(x₀) = \(formatNumber(f(x0).d2)))", f(x0).d2 > 0 ? 2 / f(x0).d2 - eta : -.infinity,
                   predicted: "> 0 with f″(x₀) > 0", holds: f(x0).d2 > 0 && eta < 2 / f(x0).d2),
            .judge("2/f″(x̄) − 2/f″(F_η(x₀))", 2 / f2bar - 2 / f(x1).d2, predicted: "> 0", holds: f(x1).d2 > 0 && 2 / f(x1).d2 < 2 / f2bar),
            f2bar - eps * f3bar > 0
                ? .judge("2/(f″(x̄) − εf‴(x̄)) − η (Theorem 1's window)", 2 / (f2bar - eps * f3bar) - eta, predicted: "> 0",
                         holds: eta < 2 / (f2bar - eps * f3bar))
                : .context("Theorem 1's window 2/(f″(x̄) − εf‴(x̄))", "unbounded (f″(x̄) ≤ εf‴(x̄))"),
            .context("ε′ = (f″(x̄) − f″(x₀))/f‴(x̄)", (f2bar - f(x0).d2) / f3bar), .context("ε", eps), .context("η", eta),
        ])
    }

    // MARK: Theorem 1, Remark 2: the key condition for matrix factorisation (MNIST part offline).

    static let theorem1Remark2 = Claim(
        id: "CB23.Thm1-Remark2",
        title: "3f‴² − f″f⁗ > 0 holds for MF around any minimum along the top Hessian eigenvector (MNIST part not checkable offline)",
        source: ClaimSource(seed: Seed.cb23, statement: "Remark 2 after Theorem 1", lines: 103...103),
        statement: "We prove the key condition, 3[f⁽³⁾]² − f″f⁽⁴⁾ > 0, in the case of matrix factorization around any minima as Theorem 6 in Appendix J.1. Meanwhile, we verify this condition in multi-layer networks on MNIST, as shown in Figure 9, 10, 11 in Appendix B.3.2.",
        uses: ["CB23.Thm6"],
        parameters: [
            ParameterSpec("minima", .integer, .closed(1, 200), required: false, meaning: "random minima (default 20)"),
            ParameterSpec("aligned", .choice(["generic", "orthogonal"]), required: false,
                          meaning: "generic random X, Y, or X = diag(2, 1), Y = diag(0.5, 3) (v_{x,1} ⊥ u_{y,1})"),
        ],
        method: """
        MF part only (the MNIST part needs the dataset). At random minima (X, Y, C = XY; shapes m, p, q ∈ {2, 3, 4} \
        from the seed) the top eigenvector Δ = (ΔX, ΔY) of the dense Hessian (Jacobi) is taken, independently of \
        Theorem 6's formula. Along Δ, f(t) = ½‖tA + t²B‖² with A = ΔXY + XΔY, B = ΔXΔY, so f″ = ‖A‖², \
        f‴ = 6⟨A, B⟩, f⁗ = 12‖B‖² exactly, and 3f‴² − f″f⁗ = 108⟨A, B⟩² − 12‖A‖²‖B‖². The case holds when it \
        is > 1e-10·(f″² + f‴² + f″f⁗) at every minimum. Negative control: v_{x,1} ⊥ u_{y,1}, where B = 0.
        """,
        expected: .confirmed
    ) { c in
        let count = try c.integer("minima", default: 20)
        let orthogonal = try c.text("aligned", default: "generic") == "orthogonal"
        var rng = SeededGenerator(seed: 37)
        var worst = Double.infinity
        for k in 0..<(orthogonal ? 1 : count) {
            var x: Matrix, y: Matrix
            if orthogonal {
                x = Matrix([[2, 0], [0, 1]]); y = Matrix([[0.5, 0], [0, 3]])
            } else {
                let m = 2 + k % 3, p = 2 + (k / 3) % 3, q = 2 + (k / 9) % 3
                x = rng.gaussianMatrix(rows: m, columns: p); y = rng.gaussianMatrix(rows: p, columns: q)
            }
            let mf = CB23MatrixFactorization(target: x * y, p: x.columns)
            let theta = mf.join(x, y)
            let eigen = CB23Support.jacobiEigen(CB23Support.denseMatrix(dimension: theta.count) { v in mf.hessianVectorProduct(theta, v) })
            let (dx, dy) = mf.split(eigen.vectors.column(0))
            let a = dx * y + x * dy, b = dx * dy
            let f2 = a.frobeniusDot(a), f3 = 6 * a.frobeniusDot(b), f4 = 12 * b.frobeniusDot(b)
            let scale = f2 * f2 + f3 * f3 + f2 * f4
            worst = min(worst, (3 * f3 * f3 - f2 * f4) / scale)
        }
        return CaseOutcome([
            .judge("min over minima of (3f‴² − f″f⁗)/(f″² + f‴² + f″f⁗) along the top Hessian eigenvector", worst,
                   predicted: "> 1e-10 (exact polynomial coefficients; rounding ≈ 1e-14)", holds: worst > 1e-10),
        ], note: "The MNIST verification (Figures 9–11) is not checkable offline.")
    }

    // MARK: Section 4.1 prose: quadratic vs sine.

    static let section41Claim1 = Claim(
        id: "CB23.Sec4.1-claim1",
        title: "A quadratic diverges beyond EoS (f‴ = f⁗ ≡ 0); sin x around −π/2 (f‴ = 0) still has a fixed point of F_η²",
        source: ClaimSource(seed: Seed.cb23, statement: "Section 4.1 prose after Theorem 1", lines: 105...105),
        statement: "a quadratic function does not satisfy this condition since f⁽³⁾ = f⁽⁴⁾ ≡ 0 and it diverges when GD is beyond the edge of stability. But for f(x) = sin(x) around x̄ = −π/2 where f⁽³⁾(x̄) = 0, it turns out the fixed point exists.",
        uses: ["CB23.Thm1", "CB23.Def2"],
        parameters: [
            ParameterSpec("function", .choice(["quadratic", "sine"]), meaning: "½x² (x̄ = 0) or sin x (x̄ = −π/2); f″(x̄) = 1 for both"),
            ParameterSpec("eta", .real, .open(0, 4), meaning: "η (2/f″(x̄) = 2)"),
            ParameterSpec("expect", .choice(["diverges", "fixedPoint"]), meaning: "the predicted behaviour"),
        ],
        method: """
        f‴(x̄), f⁗(x̄) from closed forms. 'diverges': GD from x̄ + 0.01 passes |x − x̄| > 1e6 within 5000 steps, \
        and F_η² − x has no zero on [x̄ − 1, x̄ + 1] other than x̄. 'fixedPoint': F_η²(x) − x has a zero \
        x ∈ [x̄ − 0.8, x̄ − 1e-3] (core allRoots) with F_η(x) ≠ x, i.e. a period-2 point beside the minimum. \
        Negative control: sin at η = 1.98 (below EoS) predicted to have the fixed point.
        """,
        expected: .confirmed
    ) { c in
        let sine = try c.text("function") == "sine", eta = try c.number("eta")
        let wantFixed = try c.text("expect") == "fixedPoint"
        let xbar = sine ? -Double.pi / 2 : 0
        let f: (Double) -> (f: Double, d1: Double, d2: Double) = { sine ? CB23ClosedForm1D.sine($0) : CB23ClosedForm1D.quadratic($0) }
        let f3 = sine ? -cos(xbar) : 0, f4 = sine ? sin(xbar) : 0
        let map: (Double) -> Double = { x in x - eta * f(x).d1 }
        var q: [Quantity] = [
            .judge("|f‴(x̄)|", abs(f3), predicted: "0 (≤ 1e-15: cos(−π/2) in double)", holds: abs(f3) <= 1e-15),
            .context("f⁗(x̄)", f4),
        ]
        if wantFixed {
            let scan = try RootFinding.allRoots(in: xbar - 0.8, xbar - 1e-3, gridPoints: 2001) { x in map(map(x)) - x }
            let points = scan.roots.filter { abs(map($0) - $0) > 1e-9 }
            q.append(.judge("period-2 points of F_η on [x̄ − 0.8, x̄)", Double(points.count), predicted: "≥ 1", holds: !points.isEmpty))
            if let x = points.first { q.append(.context("period-2 point", x)); q.append(.context("partner F_η(x)", map(x))) }
        } else {
            var x = xbar + 0.01, escaped = false
            for _ in 0..<5000 { x = map(x); if !x.isFinite || abs(x - xbar) > 1e6 { escaped = true; break } }
            let scan = try RootFinding.allRoots(in: xbar - 1, xbar + 1, gridPoints: 2001) { x in map(map(x)) - x }
            let others = (scan.roots + scan.touching.map(\.x)).filter { abs($0 - xbar) > 1e-9 }
            q.append(.judge("GD from x̄ + 0.01", measured: escaped ? "diverged" : "bounded", predicted: "diverges", holds: escaped))
            q.append(.judge("zeros of F_η² − x besides x̄", Double(others.count), predicted: "0", holds: others.isEmpty))
        }
        return CaseOutcome(q)
    }

    // MARK: Section 4.1 prose: the list of base models.

    static let section41Claim2 = Claim(
        id: "CB23.Sec4.1-claim2",
        title: "Proposition 1 covers sine, tanh, monomials, exp, log, sigmoid, softplus and Gaussian base models",
        source: ClaimSource(seed: Seed.cb23, statement: "Section 4.1 prose after Proposition 1", lines: 122...122),
        statement: "This setup covers a broad family of generic non-linear least squares problems, including the base model g being sine, tanh, high-order monomial, exponential, logarithm, sigmoid, softplus, gaussian, etc.",
        uses: ["CB23.Prop1"],
        parameters: [
            ParameterSpec("model", .choice(CB23BaseFunction.allCases.map(\.rawValue)), meaning: "the base model g (cubic = the monomial x³)"),
            ParameterSpec("y", .real, .all, meaning: "the target used for the GD run"),
            ParameterSpec("kappa", .real, .open(0, 0.2), required: false, meaning: "η = (1 + κ)·2/f″(x̄) (default 0.02)"),
        ],
        method: """
        For each model, Proposition 1's conditions (i) g′(x̄) ≠ 0 and (ii) g′g‴ < 6g″² at x̄ = g⁻¹(y) are evaluated \
        in closed form on 201 targets y spanning the model's range; then GD on (g(x) − y)² at the given y, \
        η = (1 + κ)·2/f″(x̄) with f″(x̄) = 2g′(x̄)², runs 40000 steps from x̄ + 0.01/|g′(x̄)| and must end on a \
        period-2 orbit straddling x̄ within 0.5/|g′(x̄)| (core trajectory classification). Softplus and the \
        Gaussian are not among Corollaries 2–8. Negative control: sinh at y = 0, where g′g‴ = 1 > 6g″² = 0: \
        (ii) fails and no period-2 orbit appears.
        """,
        expected: .confirmed
    ) { c in
        guard let model = CB23BaseFunction(rawValue: try c.text("model")) else { throw ClaimError.computation("unknown model") }
        let y = try c.number("y"), kappa = try c.number("kappa", default: 0.02)
        let (lo, hi) = model.targets
        var failures = 0
        for i in 0...200 {
            let yy = lo + (hi - lo) * Double(i) / 200
            let (_, g1, g2, g3) = model.jet(model.inverse(yy))
            if !(abs(g1) > 1e-12 && g1 * g3 < 6 * g2 * g2) { failures += 1 }
        }
        let xbar = model.inverse(y)
        let (_, g1, g2, g3) = model.jet(xbar)
        let eta = (1 + kappa) * 2 / (2 * g1 * g1)
        let behaviour = TrajectoryClassification.classifyMap({ x in
            let (g, d, _, _) = model.jet(x)
            return x - eta * 2 * (g - y) * d
        }, from: xbar + 0.01 / abs(g1), steps: 40_000)
        var straddles = false
        if case .periodic(2, let orbit, _) = behaviour {
            let p = orbit.map { $0[0] }.sorted()
            straddles = p[0] < xbar && xbar < p[1] && p[1] - p[0] <= 1 / abs(g1)
        }
        return CaseOutcome([
            .judge("targets (of 201) where (i) or (ii) fails", Double(failures), predicted: "0", holds: failures == 0),
            .judge("g′g‴ − 6g″² at x̄ = g⁻¹(\(formatNumber(y)))", g1 * g3 - 6 * g2 * g2, predicted: "< 0", holds: g1 * g3 < 6 * g2 * g2),
            .judge("GD on (g − y)² at η = (1 + κ)·2/f″(x̄)", measured: "\(behaviour)".prefix(120).description,
                   predicted: "period-2 orbit straddling x̄", holds: straddles),
            .context("x̄", xbar), .context("η", eta),
        ])
    }
}
