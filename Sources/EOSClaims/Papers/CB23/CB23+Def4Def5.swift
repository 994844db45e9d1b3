#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import EOSCore

extension CB23Claims {
    // MARK: Definition 4: the projection manifold M_c for ½(xy − 1)².

    /// Points of {θ : λ_k(θ) < 2/η, ∇L·u₁ = 0} for ½(xy − 1)² in the positive quadrant, found on `lines`
    /// horizontal lines y = const ∈ (0, 3): zeros of det[∇L, H∇L] (where ∇L is zero or an eigenvector of H;
    /// analytically det = r³(y² − x²), r = xy − 1), kept when ∇L ⊥ u₁ (or ∇L = 0) and λ_k < 2/η, k = 1
    /// (Damian et al.'s M) or 2 (Definition 4's M_c).
    static func projectionManifoldPoints(eta: Double, eigenvalue k: Int, lines: Int) throws -> [(x: Double, y: Double)] {
        func parts(_ x: Double, _ y: Double) -> (g: [Double], l1: Double, l2: Double, u: [Double]) {
            let r = x * y - 1
            let a = y * y, b = 2 * x * y - 1, d = x * x
            let mean = (a + d) / 2, rad = (((a - d) / 2) * ((a - d) / 2) + b * b).squareRoot()
            var u = abs(b) > 1e-300 ? [b, mean + rad - a] : (a >= d ? [1.0, 0] : [0, 1.0])
            let n = u.euclideanNorm; u = u.map { $0 / n }
            return ([r * y, r * x], mean + rad, mean - rad, u)
        }
        var found: [(Double, Double)] = []
        for i in 1...lines {
            let y = 3 * Double(i) / Double(lines + 1)
            let scan = try RootFinding.allRoots(in: 0.01, 3, gridPoints: 601) { x in
                let r = x * y - 1
                let a = y * y, b = 2 * x * y - 1, d = x * x
                let g = [r * y, r * x], hg = [a * g[0] + b * g[1], b * g[0] + d * g[1]]
                return g[0] * hg[1] - g[1] * hg[0]
            }
            for x in scan.roots + scan.touching.map(\.x) {
                let p = parts(x, y)
                let gn = p.g.euclideanNorm
                let orthogonal = abs(p.g.dot(p.u)) <= 1e-7 * max(gn, 1e-300) || gn <= 1e-12
                let lambda = k == 1 ? p.l1 : p.l2
                if orthogonal && lambda < 2 / eta { found.append((x, y)) }
            }
        }
        return found
    }

    static let definition4 = Claim(
        id: "CB23.Def4",
        title: "M_c = {λ₂ < 2/η, ∇L·u = 0}; for ½(xy − 1)² it is {xy = 1}",
        source: ClaimSource(seed: Seed.cb23, statement: "Definition 4 and the sentence after it", lines: 297...299),
        statement: "M_c = {θ : λ₂(θ) < 2/η, ∇L(θ)·u(θ) = 0}, where λ₂(θ) and u(θ) are the second largest eigenvalue and the leading eigenvector of Hessian of loss L. … For example, in the case of 1/2(xy − 1)², it is M_c = {(x, y) : xy = 1} allowing to track the trajectory walking from sharper region to flatter region.",
        uses: [],
        parameters: [
            ParameterSpec("eta", .real, .open(0, 4), meaning: "η"),
            ParameterSpec("eigenvalue", .choice(["second", "first"]), required: false,
                          meaning: "λ₂ as in Definition 4 (default) or λ₁ (Damian et al.'s M, the negative control)"),
            ParameterSpec("form", .choice(["printed", "corrected"]), required: false,
                          meaning: "compare with {xy = 1} as printed, or with {xy = 1} ∪ {x = y < 1/√2}"),
            ParameterSpec("lines", .integer, .closed(4, 2000), required: false, meaning: "scan lines (default 60)"),
        ],
        method: """
        Points with ∇L ⊥ u₁ lie where ∇L is zero or an eigenvector of H, i.e. on det[∇L, H∇L] = 0; for \
        ½(xy − 1)² this determinant is r³(y² − x²) (r = xy − 1), so the candidates are the hyperbola and the \
        diagonal. They are found numerically (60 lines y = const, core allRoots) and kept when ∇L·u₁ = 0 and \
        λ₂ < 2/η (closed-form 2×2 spectrum). As printed, every point found lies on xy = 1 and every one of 200 \
        hyperbola samples is in M_c (∇L = 0, λ₂ = 0 < 2/η). The diagonal x = y = s < 1/√2 also qualifies \
        (u₁ ∝ (1, −1) ⊥ ∇L, λ₂ = 3s² − 1 < 2/η), so the printed equality fails; the corrected set is \
        {xy = 1} ∪ {x = y < 1/√2}. Negative control: λ₁ in place of λ₂ (Damian et al.'s M) at η = 1.08, where \
        no hyperbola point qualifies (λ₁ = x² + y² ≥ 2 > 2/η).
        """,
        expected: .discrepancy,
        correctedVariant: "M_c = {xy = 1} ∪ {(s, s) : 0 < s < 1/√2} (the diagonal segment also has ∇L ⊥ u₁ and λ₂ < 2/η)"
    ) { c in
        let eta = try c.number("eta")
        let k = try c.text("eigenvalue", default: "second") == "second" ? 2 : 1
        let corrected = try c.text("form", default: "printed") == "corrected"
        let points = try projectionManifoldPoints(eta: eta, eigenvalue: k, lines: try c.integer("lines", default: 60))
        let onHyperbola = points.filter { abs($0.x * $0.y - 1) <= 1e-6 }
        let onSegment = points.filter { abs($0.x * $0.y - 1) > 1e-6 && abs($0.x - $0.y) <= 1e-6 && $0.x < 0.5.squareRoot() }
        let elsewhere = points.count - onHyperbola.count - (corrected ? onSegment.count : 0)
        var missing = 0
        for i in 1...200 {
            let x = 3 * Double(i) / 201, y = 1 / x
            let lambda = k == 2 ? 0.0 : x * x + y * y  // spectrum {x² + y², 0} on xy = 1
            if !(lambda < 2 / eta) { missing += 1 }
        }
        var q: [Quantity] = [
            .judge(corrected ? "points of M_c off {xy = 1} ∪ {x = y < 1/√2}" : "points of M_c off {xy = 1}", Double(elsewhere),
                   predicted: "0", holds: elsewhere == 0),
            .judge("hyperbola samples (of 200) missing from M_c", Double(missing), predicted: "0", holds: missing == 0),
            .context("points found on xy = 1", Double(onHyperbola.count)),
            .context("points found on the diagonal segment x = y < 1/√2", Double(onSegment.count)),
        ]
        if corrected {
            let segmentMissing = (1...50).filter { i in
                let s = 0.7 * Double(i) / 51
                return !(3 * s * s - 1 < 2 / eta && 1 - s * s > 3 * s * s - 1)
            }.count
            q.append(.judge("diagonal samples s ∈ (0, 0.7) with λ₁ = 1 − s² on u₁ ∝ (1, −1) and λ₂ = 3s² − 1 < 2/η, missing",
                            Double(segmentMissing), predicted: "0", holds: segmentMissing == 0))
        }
        return CaseOutcome(q)
    }

    // MARK: Definition 5: line search minima.

    static let definition5 = Claim(
        id: "CB23.Def5",
        title: "Line search minimum x̃ = x − c*η∇f(x), c* = argmin_{c∈[0,1]} f(x − cη∇f(x)); beyond EoS it lies in the valley below the oscillation",
        source: ClaimSource(seed: Seed.cb23, statement: "Definition 5 and the sentence after it", lines: 549...556),
        statement: "x̃ = x − c*·η∇f(x), (23) c* = argmin_{c∈[0,1]} f(x − c·η∇f(x)). (24) … If GD is beyond EoS, x̃ stays in the valley below the oscillation of x.",
        uses: [],
        parameters: [
            ParameterSpec("function", .choice(["quartic", "sine"]), meaning: "¼(x² − 1)² (x̄ = 1) or 2 sin x (x̄ = −π/2)"),
            ParameterSpec("eta", .real, .open(0, 3), meaning: "η"),
            ParameterSpec("x0", .real, .all, meaning: "start of the GD run"),
            ParameterSpec("steps", .integer, .closed(0, 1_000_000), meaning: "GD steps before the line search (0: at x0 itself)"),
        ],
        method: """
        GD runs `steps` steps from x0 (for the beyond-EoS cases it is then on its period-2 orbit); at the last \
        iterate x, c* is found by the core's 1-D maximisation of −f(x − cηf′(x)) on [0, 1] (grid 1001 + golden \
        section). 'Valley below the oscillation': c* is interior (< 1 − 1e-6), x̃ lies strictly between x and \
        F_η(x), and f(x̃) < min(f(x), f(F_η(x))). Negative control: η = 0.3 from x = 1.3 on ¼(x² − 1)² \
        (below EoS, GD descends monotonically): the full step is the line-search minimum (c* = 1).
        """,
        expected: .confirmed
    ) { c in
        let quartic = try c.text("function") == "quartic", eta = try c.number("eta")
        var x = try c.number("x0")
        let steps = try c.integer("steps")
        let f: (Double) -> (f: Double, d1: Double, d2: Double) = { x in quartic ? CB23ClosedForm1D.quartic(x) : CB23ClosedForm1D.sine(x, c: 2) }
        for _ in 0..<steps { x -= eta * f(x).d1 }
        guard x.isFinite else { throw ClaimError.computation("GD diverged before the line search") }
        let g = f(x).d1, next = x - eta * g
        let best = try Maximization.maximize(in: 0, 1) { cc in -f(x - cc * eta * g).f }
        let xt = x - best.argmax * eta * g
        let between = (xt - min(x, next)) > 0 && (max(x, next) - xt) > 0
        let lower = f(xt).f < min(f(x).f, f(next).f)
        return CaseOutcome([
            .judge("c*", best.argmax, predicted: "interior: < 1 − 1e-6 (golden section to 1e-10)", holds: best.argmax < 1 - 1e-6),
            .judge("x̃ strictly between x and F_η(x)", measured: between ? "yes" : "no", predicted: "yes", holds: between),
            .judge("f(x̃) − min(f(x), f(F_η(x)))", f(xt).f - min(f(x).f, f(next).f), predicted: "< 0 (in the valley below)", holds: lower),
            .context("x", x), .context("F_η(x)", next), .context("x̃", xt),
        ])
    }
}
