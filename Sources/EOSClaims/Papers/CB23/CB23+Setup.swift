#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import EOSCore

/// Closed-form 1-D losses used by the setup checks (value, f′, f″), so these checks do not depend on
/// the Taylor-mode types.
enum CB23ClosedForm1D {
    /// ¼(x² − µ)²: f′ = x(x² − µ), f″ = 3x² − µ.
    static func quartic(_ x: Double, mu: Double = 1) -> (f: Double, d1: Double, d2: Double) {
        (0.25 * (x * x - mu) * (x * x - mu), x * (x * x - mu), 3 * x * x - mu)
    }
    /// ½ a x²: f′ = a x, f″ = a.
    static func quadratic(_ x: Double, a: Double = 1) -> (f: Double, d1: Double, d2: Double) {
        (0.5 * a * x * x, a * x, a)
    }
    /// c·sin x: f′ = c cos x, f″ = −c sin x.
    static func sine(_ x: Double, c: Double = 1) -> (f: Double, d1: Double, d2: Double) {
        (c * sin(x), c * cos(x), -c * sin(x))
    }
}

extension CB23Claims {
    // MARK: Eq. (1): gradient descent.

    static let equation1 = Claim(
        id: "CB23.Eq1",
        title: "GD θ⁽ᵗ⁺¹⁾ = θ⁽ᵗ⁾ − η∇f(θ⁽ᵗ⁾); on a quadratic it reaches the minimiser iff ηλmax < 2",
        source: ClaimSource(seed: Seed.cb23, statement: "Equation (1)", lines: 21...25),
        statement: "θ^{(t+1)} = θ^{(t)} − η∇_θ f(θ^{(t)}), (1) where η is the learning rate. [l.27: one requires sup_θ λ(θ) < 2/η to guarantee the convergence of GD.]",
        parameters: [
            ParameterSpec("etaLambda", .real, .open(0, 4), meaning: "η·λmax(A) for the quadratic f = ½θᵀAθ − bᵀθ"),
            ParameterSpec("dimension", .integer, .closed(2, 20), required: false, meaning: "dimension of θ (default 5)"),
            ParameterSpec("steps", .integer, .closed(10, 100_000), required: false, meaning: "GD steps (default 400)"),
        ],
        method: """
        A seeded positive definite A (d = 5, eigenvalues in [0.2, 1]·λmax) and minimiser θ* (b = Aθ*). Eq. (1) is \
        iterated with the exact gradient Aθ − b and compared with its closed form θ* + (I − ηA)ᵗ(θ₀ − θ*) \
        (matrix power, relative 1e-9). The prediction of l.27: with ηλmax < 2 the iterates reach θ* \
        (‖θ − θ*‖ ≤ 1e-8‖θ₀ − θ*‖). Negative control: ηλmax = 2.05, where (1) leaves every neighbourhood of θ*.
        """,
        expected: .confirmed
    ) { c in
        let etaLambda = try c.number("etaLambda"), d = try c.integer("dimension", default: 5)
        let steps = try c.integer("steps", default: 400)
        var rng = SeededGenerator(seed: 101)
        let g = rng.gaussianMatrix(rows: d, columns: d)
        let q = CB23Support.jacobiEigen(g + g.transposed).vectors
        // λmax = 1, the others spread over [0.2, 1).
        let lambdas: [Double] = (0..<d).map { i -> Double in
            if i == 0 { return 1 }
            let spread: Double = 0.8 * 0.99 * Double(i) / Double(d)
            return 0.2 + spread
        }
        let a = q * Matrix.diagonal(lambdas) * q.transposed
        let thetaStar = rng.gaussianVector(d), theta0 = rng.gaussianVector(d)
        let b = a * thetaStar
        let eta = etaLambda / lambdas.max()!
        var theta = theta0
        var diverged: Int? = nil
        for t in 1...steps {
            let grad = zip(a * theta, b).map { $0 - $1 }
            theta = zip(theta, grad).map { $0 - eta * $1 }
            if !theta.allSatisfy({ $0.isFinite && abs($0) < 1e12 }) { diverged = t; break }
        }
        let m = (Matrix.identity(d) - eta * a).power(steps)
        let closed = zip(thetaStar, m * zip(theta0, thetaStar).map { $0 - $1 }).map { $0 + $1 }
        let start = zip(theta0, thetaStar).map { $0 - $1 }.euclideanNorm
        let distance = zip(theta, thetaStar).map { $0 - $1 }.euclideanNorm / start
        var q2: [Quantity] = []
        if diverged == nil {
            let gap = zip(theta, closed).map { $0 - $1 }.euclideanNorm / max(closed.euclideanNorm, 1)
            q2.append(.judge("‖iterate of (1) − closed form‖ (relative)", gap,
                             predicted: "≤ 1e-9 (rounding of \(steps) steps and of the matrix power)", holds: gap <= 1e-9))
        }
        q2.append(.judge("‖θ⁽ᵀ⁾ − θ*‖/‖θ⁽⁰⁾ − θ*‖", diverged == nil ? distance : .infinity,
                         predicted: "≤ 1e-8 (reaches the minimiser; (1 − ηλ)^T is far below it for the parameters used)",
                         holds: diverged == nil && distance <= 1e-8))
        q2.append(.context("ηλmax", etaLambda))
        if let t = diverged { q2.append(.context("diverged at step", Double(t))) }
        return CaseOutcome(q2)
    }

    // MARK: Definition 1: L-gradient Lipschitz ⇔ ‖∇²f‖ ≤ L.

    static let definition1 = Claim(
        id: "CB23.Def1",
        title: "L-gradient Lipschitz (2) is equivalent to ‖∇²f‖₂ ≤ L",
        source: ClaimSource(seed: Seed.cb23, statement: "Definition 1 and the sentence after it", lines: 55...59),
        statement: "A differentiable function f is L-gradient Lipschitz if ‖∇f(θ₁) − ∇f(θ₂)‖ ≤ L‖θ₁ − θ₂‖, ∀θ₁, θ₂. (2) The above definition is equivalent to saying that the spectral norm of the Hessian is bounded by L.",
        parameters: [
            ParameterSpec("function", .choice(["product", "logcosh"]),
                          meaning: "product: ½(xy − 1)² on the square [lo, hi]²; logcosh: log cosh(20x) on [−hi, −lo] ∪ [lo, hi]"),
            ParameterSpec("lo", .real, .all, meaning: "lower end of the domain"),
            ParameterSpec("hi", .real, .all, meaning: "upper end of the domain"),
            ParameterSpec("samples", .integer, .closed(10, 100_000), required: false, meaning: "random pairs (default 4000)"),
        ],
        method: """
        Two constants are computed on the domain: L_H = the largest Hessian spectral norm (closed-form Hessians on \
        a 41-point grid per axis and at the sampled points) and L_G = the largest ratio ‖∇f(θ₁) − ∇f(θ₂)‖/‖θ₁ − θ₂‖ \
        over seeded random pairs in the domain plus, at every grid point, a pair 1e-5 apart along the top \
        Hessian eigenvector. The equivalence holds when L_G = L_H within 1%. On a convex domain the mean-value \
        theorem gives L_G ≤ L_H and the eigenvector pairs reach it. Negative control: log cosh(20x) on the \
        non-convex domain [−1, −0.5] ∪ [0.5, 1], where the Hessian is tiny on the domain but the gradient jumps \
        across the gap, so the 'equivalence' (which needs a convex domain) fails.
        """,
        expected: .confirmed
    ) { c in
        let fn = try c.text("function"), lo = try c.number("lo"), hi = try c.number("hi")
        guard lo < hi else { throw ClaimError.computation("Def1 needs lo < hi") }
        let samples = try c.integer("samples", default: 4000)
        var rng = SeededGenerator(seed: 11)
        var lH = 0.0, lG = 0.0
        func ratio(_ a: [Double], _ b: [Double], _ grad: ([Double]) -> [Double]) -> Double {
            let num = zip(grad(a), grad(b)).map { $0 - $1 }.euclideanNorm
            let den = zip(a, b).map { $0 - $1 }.euclideanNorm
            return den > 0 ? num / den : 0
        }
        if fn == "product" {
            let grad: ([Double]) -> [Double] = { p in let r = p[0] * p[1] - 1; return [r * p[1], r * p[0]] }
            func hessianNorm(_ x: Double, _ y: Double) -> (Double, [Double]) {
                let a = y * y, b = 2 * x * y - 1, d = x * x
                let mean = (a + d) / 2, rad = (((a - d) / 2) * ((a - d) / 2) + b * b).squareRoot()
                let top = abs(mean + rad) >= abs(mean - rad) ? mean + rad : mean - rad
                var v = abs(b) > 1e-300 ? [b, top - a] : (abs(a) >= abs(d) ? [1.0, 0] : [0, 1.0])
                let n = v.euclideanNorm; v = v.map { $0 / n }
                return (abs(top), v)
            }
            let h = 1e-5
            for i in 0...40 {
                for j in 0...40 {
                    let x = lo + (hi - lo) * Double(i) / 40, y = lo + (hi - lo) * Double(j) / 40
                    let (norm, v) = hessianNorm(x, y)
                    lH = max(lH, norm)
                    var other = [x + h * v[0], y + h * v[1]]
                    if !other.allSatisfy({ $0 >= lo && $0 <= hi }) { other = [x - h * v[0], y - h * v[1]] }
                    lG = max(lG, ratio([x, y], other, grad))
                }
            }
            for _ in 0..<samples {
                let a = [lo + (hi - lo) * rng.nextUniform(), lo + (hi - lo) * rng.nextUniform()]
                let b = [lo + (hi - lo) * rng.nextUniform(), lo + (hi - lo) * rng.nextUniform()]
                lH = max(lH, hessianNorm(a[0], a[1]).0)
                lG = max(lG, ratio(a, b, grad))
            }
        } else {
            let k = 20.0
            let grad: ([Double]) -> [Double] = { p in [k * tanh(k * p[0])] }
            func second(_ x: Double) -> Double { let s = 1 / cosh(k * x); return k * k * s * s }
            func point(_ u: Double) -> Double { u < 0.5 ? -(lo + (hi - lo) * 2 * u) : lo + (hi - lo) * (2 * u - 1) }
            for i in 0...80 {
                let x = point(Double(i) / 80)
                lH = max(lH, second(x))
                let inDomain: (Double) -> Bool = { abs($0) >= lo && abs($0) <= hi }
                let other = inDomain(x + 1e-5) ? x + 1e-5 : x - 1e-5
                lG = max(lG, ratio([x], [other], grad))
            }
            for _ in 0..<samples {
                let a = point(rng.nextUniform()), b = point(rng.nextUniform())
                lH = max(lH, second(a))
                lG = max(lG, ratio([a], [b], grad))
            }
        }
        return CaseOutcome([
            .compare("L_G = sup ‖∇f(θ₁) − ∇f(θ₂)‖/‖θ₁ − θ₂‖ vs L_H = sup ‖∇²f‖₂", measured: lG, predicted: lH,
                     .relative(0.01, "sampled suprema: a 41-point grid and pairs 1e-5 apart along the top eigenvector")),
            .context("L_H", lH), .context("L_G", lG),
        ])
    }

    // MARK: Definition 2: period-2 oscillation = fixed point of F_η² that is not a minimum.

    static let definition2 = Claim(
        id: "CB23.Def2",
        title: "A period-2 oscillation is a fixed point of F_η² that is not a minimum; such points come in pairs",
        source: ClaimSource(seed: Seed.cb23, statement: "Definition 2 and Remark", lines: 81...83),
        statement: """
        Consider GD on a function f in domain Ω. Denote the update rule of GD as F_η(x) for x ∈ Ω with learning rate η. A period-2 stable oscillation is ∃x ∈ Ω such that F_η(F_η(x)) = x and x is not a minima of f. Equivalently speaking, ∃x ∈ Ω is a fixed point of the two-step update F_η²(·) ≜ F_η(F_η(·)). Remark. It is obvious that fixed points of F_η² exist in pairs by the nature of period-2 oscillation.
        """,
        parameters: [
            ParameterSpec("function", .choice(["quartic", "quadratic"]), meaning: "¼(x² − 1)² on Ω = [0.05, 1.5] or ½x² on Ω = [−2, 2]"),
            ParameterSpec("eta", .real, .open(0, 4), meaning: "η"),
        ],
        method: """
        All zeros of F_η²(x) − x on Ω (core allRoots, 4001 grid points, Brent refinement; F_η from the closed-form \
        gradient). Zeros that are fixed points of F_η (|F_η(x) − x| ≤ 1e-9: the critical points) or minima are \
        removed; the rest are period-2 points. The case holds when there is at least one and every one x has its \
        partner F_η(x) ≠ x among them (the Remark's pairs, |F_η(x) − partner| ≤ 1e-9). The multiplier \
        F′(x)F′(F(x)) is reported ('stable' in the definition's name). Negative controls: ¼(x² − 1)² at η = 0.95 \
        (below 2/f″(1) = 1: no 2-cycle in Ω) and ½x² at η = 2.1 (F² is linear: only the minimum x = 0).
        """,
        expected: .confirmed
    ) { c in
        let fn = try c.text("function"), eta = try c.number("eta")
        let quartic = fn == "quartic"
        let (lo, hi) = quartic ? (0.05, 1.5) : (-2.0, 2.0)
        let grad: (Double) -> Double = { x in quartic ? CB23ClosedForm1D.quartic(x).d1 : CB23ClosedForm1D.quadratic(x).d1 }
        let second: (Double) -> Double = { x in quartic ? CB23ClosedForm1D.quartic(x).d2 : 1 }
        let map: (Double) -> Double = { x in x - eta * grad(x) }
        let scan = try RootFinding.allRoots(in: lo, hi, gridPoints: 4001) { x in map(map(x)) - x }
        let candidates = scan.roots + scan.touching.filter { $0.absValue <= 1e-12 }.map(\.x)
        let periodTwo = candidates.filter { abs(map($0) - $0) > 1e-9 }
        let paired = periodTwo.filter { x in periodTwo.contains { abs($0 - map(x)) <= 1e-9 } }
        var q: [Quantity] = [
            .judge("period-2 points in Ω (fixed points of F_η² that are not fixed points of F_η)", Double(periodTwo.count),
                   predicted: "≥ 1, each paired with F_η(x) (the Remark)", holds: !periodTwo.isEmpty && paired.count == periodTwo.count),
            .context("zeros of F_η² − x in Ω, all", Double(candidates.count)),
        ]
        if let x = periodTwo.min() {
            q.append(.context("lowest period-2 point", x))
            q.append(.context("its partner F_η(x)", map(x)))
            q.append(.context("multiplier F′(x)F′(F(x)) (|m| < 1: stable)",
                              OrbitMultiplier.multiplier(orbit: [x, map(x)]) { 1 - eta * second($0) }))
        }
        return CaseOutcome(q)
    }

    // MARK: Eq. (3): 1-D GD and its one-step expansion.

    static let equation3 = Claim(
        id: "CB23.Eq3",
        title: "1-D GD: f(x⁺) = f(x) − ηf′²(1 − ηf″/2) + o(Δx²); decrease below 2/f″, divergence of quadratics above",
        source: ClaimSource(seed: Seed.cb23, statement: "Equation (3) and the expansion after it", lines: 87...95),
        statement: """
        x^{(t+1)} = F_η(x^{(t)}) := x^{(t)} − ηf′(x^{(t)}). (3) … f(x^{(t+1)}) = f(x^{(t)}) − η[f′(x^{(t)})]²(1 − (η/2)f″(x^{(t)})) + o((x^{(t+1)} − x^{(t)})²). If η < 2/f″(x^{(t)}), this approximation reveals that the function monotonically decreases for each step of GD … if f is a quadratic function … once η > 2/f″, GD diverges except when being initialized at the optimum.
        """,
        uses: [],
        parameters: [
            ParameterSpec("function", .choice(["quartic", "quadratic"]), meaning: "¼(x² − 1)² or ½x²"),
            ParameterSpec("eta", .real, .open(0, 4), meaning: "η"),
            ParameterSpec("x0", .real, .all, meaning: "starting point"),
            ParameterSpec("regime", .choice(["below", "above"]),
                          meaning: "below: predicts monotone decrease (η < 2/f″ along the run); above: predicts divergence of the quadratic"),
        ],
        method: """
        (a) The remainder r = f(x⁺) − [f(x) − ηf′²(1 − ηf″/2)] is evaluated at x = x̄ + h, h = 0.1·2⁻ᵏ (k = 0…6); \
        the fitted log–log slope of |r| against |x⁺ − x| must exceed 2 (o(Δx²); Taylor gives 3). (b) 'below': \
        200 steps of (3) from x0; f must decrease at every step while η < 2/f″(x⁽ᵗ⁾). 'above' (quadratic): \
        from x0 ≠ 0 |x| must exceed 1e6 (diverge) and from x = 0 GD must stay at 0. Negative control: 'below' \
        predicted for ½x² at η = 2.1, where f grows at every step.
        """,
        expected: .confirmed
    ) { c in
        let quartic = try c.text("function") == "quartic", eta = try c.number("eta"), x0 = try c.number("x0")
        let below = try c.text("regime") == "below"
        let f: (Double) -> (f: Double, d1: Double, d2: Double) = { x in quartic ? CB23ClosedForm1D.quartic(x) : CB23ClosedForm1D.quadratic(x) }
        let xbar = quartic ? 1.0 : 0.0
        // (a) order of the remainder.
        var logs: [(Double, Double)] = []
        var largestRelative = 0.0
        for k in 0...6 {
            let x = xbar + 0.1 * pow(2, -Double(k))
            let v = f(x), xn = x - eta * v.d1
            let r = f(xn).f - (v.f - eta * v.d1 * v.d1 * (1 - eta / 2 * v.d2))
            largestRelative = max(largestRelative, abs(r) / max(abs(v.f), 1e-300))
            // A remainder at rounding level means the expansion is exact (the quadratic).
            if abs(r) > 1e-13 * max(abs(v.f), 1e-300) { logs.append((log(abs(xn - x)), log(abs(r)))) }
        }
        var slope = Double.nan
        if logs.count >= 3 {
            var mx = 0.0, my = 0.0, sxy = 0.0, sxx = 0.0
            for (a, b) in logs { mx += a / Double(logs.count); my += b / Double(logs.count) }
            for (a, b) in logs { sxy += (a - mx) * (b - my); sxx += (a - mx) * (a - mx) }
            slope = sxy / sxx
        }
        var q: [Quantity] = []
        if logs.count >= 3 {
            q.append(.judge("log–log slope of the remainder against |Δx|", slope, predicted: "> 2 (o(Δx²))", holds: slope > 2))
        } else {
            q.append(.judge("largest |remainder|/f over the 7 points (the expansion is exact for a quadratic)", largestRelative,
                            predicted: "≤ 1e-13 (rounding)", holds: largestRelative <= 1e-13))
        }
        if below {
            var x = x0, increases = 0, belowThreshold = true
            for _ in 0..<200 {
                let v = f(x)
                if !(eta < 2 / v.d2) || v.d2 <= 0 { belowThreshold = false }
                let xn = x - eta * v.d1
                if f(xn).f > v.f { increases += 1 }
                x = xn
                if !x.isFinite || abs(x) > 1e6 { increases += 1; break }
            }
            q.append(.judge("steps where f increased", Double(increases), predicted: "0 (monotone decrease)", holds: increases == 0))
            q.append(.context("η < 2/f″(x⁽ᵗ⁾) along the whole run", belowThreshold ? "yes" : "no"))
        } else {
            var x = x0, y = 0.0, escaped = false
            for _ in 0..<2000 {
                x -= eta * f(x).d1; y -= eta * f(y).d1
                if !x.isFinite || abs(x) > 1e6 { escaped = true; break }
            }
            q.append(.judge("GD from x0 ≠ optimum", measured: escaped ? "diverged (|x| > 1e6)" : "bounded",
                            predicted: "diverges", holds: escaped))
            q.append(.judge("GD from the optimum", abs(y), predicted: "stays at 0", holds: y == 0))
            q.append(.context("η·f″", eta * f(x0).d2))
        }
        return CaseOutcome(q)
    }
}
