#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import EOSCore

extension CB23Claims {
    // MARK: Observation 1's remark: sharpness at minimisers.

    static let observation1Remark = Claim(
        id: "CB23.Obs1-Remark",
        title: "At a minimiser of ½‖XYᵀ − C‖², the sharpness is σmax(X)² + σmax(Y)²; the flattest is 2σ₁²",
        source: ClaimSource(seed: Seed.cb23, statement: "Remark after Observation 1", lines: 224...224),
        statement: """
        At any minimizer (X, Y) satisfying XYᵀ = C, the largest eigenvalue of loss Hessian w.r.t. parameters is σ_max(X)² + σ_max(Y)². Consequently, the flattest minima has sharpness as 2σ₁², because σ₁² = λ_max(C) ≤ σ_max(X)σ_max(Y) ≤ 0.5(σ_max(X)² + σ_max(Y)²).
        """,
        uses: [],
        parameters: [
            ParameterSpec("d", .integer, .closed(2, 8), meaning: "C is d×d symmetric positive definite, C = X₀X₀ᵀ"),
            ParameterSpec("minimisers", .integer, .closed(1, 50), required: false, meaning: "random minimisers (X₀D, (X₀D⁻¹)) tried (default 12)"),
            ParameterSpec("offset", .real, .nonNegative, required: false, meaning: "perturbation of Y off the minimiser (default 0)"),
            ParameterSpec("seed", .integer, .closed(0, 1_000_000), required: false, meaning: "seed"),
        ],
        method: """
        C = X₀X₀ᵀ with X₀ Gaussian (seeded). Minimisers (X, Y) = (X₀D, X₀D⁻¹) with random positive diagonal D \
        (so XYᵀ = C) and the balanced one D = I. The sharpness is the top eigenvalue of the exact Hessian \
        (dense, from exact Hessian–vector products of ½‖XYᵀ − C‖², eigenvalues by Jacobi), compared with \
        σmax(X)² + σmax(Y)² (Jacobi on XᵀX, YᵀY) to 1e-10 relative; every minimiser's sharpness must be \
        ≥ 2λmax(C) and the balanced one must equal it. Negative control: Y moved off the minimiser (offset > 0), \
        where the residual term of the Hessian breaks the identity.
        """,
        expected: .confirmed
    ) { c in
        let d = try c.integer("d"), count = try c.integer("minimisers", default: 12)
        let offset = try c.number("offset", default: 0)
        var rng = SeededGenerator(seed: UInt64(try c.integer("seed", default: 5)))
        let x0 = rng.gaussianMatrix(rows: d, columns: d)
        let target = Matrix.product(x0, x0, transposeB: true)
        // XYᵀ = C ⇔ X·(Yᵀ) = C: the XY form with Y ↦ Yᵀ (the Hessian spectrum is the same).
        let mf = CB23MatrixFactorization(target: target, p: d)
        let lambdaC = CB23Support.jacobiEigen(target).values[0]
        var worstIdentity = 0.0, minSharpness = Double.infinity, balancedSharpness = Double.nan, worstResidual = 0.0
        for k in 0...count {
            let diag = k == 0 ? [Double](repeating: 1, count: d) : (0..<d).map { _ in exp(0.8 * rng.nextGaussian()) }
            let x = x0 * Matrix.diagonal(diag)
            var y = x0 * Matrix.diagonal(diag.map { 1 / $0 })
            if offset > 0 { y = y + offset * rng.gaussianMatrix(rows: d, columns: d) }
            let theta = mf.join(x, y.transposed)
            let hessian = CB23Support.denseMatrix(dimension: theta.count) { v in mf.hessianVectorProduct(theta, v) }
            let top = CB23Support.jacobiEigen(hessian).values[0]
            worstResidual = max(worstResidual, (hessian - hessian.transposed).frobeniusNorm / hessian.frobeniusNorm)
            let sx = CB23Support.topSingularTriple(x).sigma, sy = CB23Support.topSingularTriple(y).sigma
            worstIdentity = max(worstIdentity, abs(top - (sx * sx + sy * sy)) / top)
            minSharpness = min(minSharpness, top)
            if k == 0 { balancedSharpness = top }
        }
        return CaseOutcome([
            .judge("max relative |λmax(H) − (σmax(X)² + σmax(Y)²)| over \(count + 1) points", worstIdentity,
                   predicted: "≤ 1e-10 (Jacobi eigenvalues of the dense Hessian and of XᵀX, YᵀY: a few ε·‖H‖)", holds: worstIdentity <= 1e-10),
            .judge("min sharpness / 2λmax(C)", minSharpness / (2 * lambdaC), predicted: "≥ 1 − 1e-10", holds: minSharpness / (2 * lambdaC) >= 1 - 1e-10),
            .compare("sharpness of the balanced minimiser (X₀, X₀) vs 2σ₁² = 2λmax(C)", measured: balancedSharpness, predicted: 2 * lambdaC,
                     .relative(1e-10, "two Jacobi eigenvalue computations")),
            .context("max relative asymmetry of the dense Hessian (exactness of the Hessian–vector product)", worstResidual),
        ])
    }

    // MARK: Theorem 6 / 11: the leading Hessian eigenvector of MF and the 1-D condition.

    static let theorem6 = Claim(
        id: "CB23.Thm6",
        title: "MF at XY = C: leading Hessian eigenvector Δ = (C₁u_{x,1}u_{y,1}ᵀ, C₂v_{x,1}v_{y,1}ᵀ) and 3f_Δ‴² − f_Δ″f_Δ⁗ > 0",
        source: ClaimSource(seed: Seed.cb23, statement: "Theorem 6 (restated as Theorem 11, Eq. 147)", lines: 452...456),
        statement: """
        For a matrix factorization problem, assume XY = C. Consider SVD of both matrices as X = Σ σ_{x,i}u_{x,i}v_{x,i}ᵀ and Y = Σ σ_{y,i}u_{y,i}v_{y,i}ᵀ, where both groups of σ's are in descending order and both top singular values σ_{x,1} and σ_{y,1} are unique. Also assume v_{x,1}ᵀu_{y,1} ≠ 0. Then the leading eigenvector of the loss Hessian is Δ = vec(C₁u_{x,1}v_{y,1}ᵀ, C₂v_{x,1}v_{y,1}ᵀ) with C₁ = σ_{y,1}/√(σ_{x,1}² + σ_{y,1}²), C₂ = σ_{x,1}/√(σ_{x,1}² + σ_{y,1}²). Denote f_Δ as the 1D function at the cross section of the loss landscape and the line following the direction of Δ passing vec(ΔX, ΔY). Then, at the minima of f_Δ, it satisfies 3[f_Δ⁽³⁾]² − f_Δ⁽²⁾f_Δ⁽⁴⁾ > 0. (17) [Restated at l.1790 with Δ = vec(C₁u_{x,1}u_{y,1}ᵀ, C₂v_{x,1}v_{y,1}ᵀ).]
        """,
        uses: [],
        parameters: [
            ParameterSpec("m", .integer, .closed(1, 8), meaning: "rows of X"),
            ParameterSpec("p", .integer, .closed(1, 8), meaning: "columns of X = rows of Y"),
            ParameterSpec("q", .integer, .closed(1, 8), meaning: "columns of Y"),
            ParameterSpec("seed", .integer, .closed(0, 1_000_000), required: false, meaning: "seed of X and Y"),
            ParameterSpec("form", .choice(["main", "restated"]), required: false,
                          meaning: "Δ as printed in the main text (ΔX = C₁u_{x,1}v_{y,1}ᵀ, default) or in the restatement (ΔX = C₁u_{x,1}u_{y,1}ᵀ, l.1790)"),
            ParameterSpec("aligned", .choice(["generic", "orthogonal"]), required: false,
                          meaning: "generic X, Y, or X = diag(2, 1), Y = diag(0.5, 3) where v_{x,1} ⊥ u_{y,1} (m = p = q = 2)"),
        ],
        method: """
        Random X (m×p), Y (p×q), C = XY. Top singular triples by Jacobi on XᵀX, YᵀY; Δ as printed in the main \
        text (ΔX = C₁u_{x,1}v_{y,1}ᵀ, which is m×q and so not even a direction unless p = q) or, as the corrected \
        variant, in the restatement (ΔX = C₁u_{x,1}u_{y,1}ᵀ, l.1790). The exact \
        Hessian's top eigenpair (dense from Hessian–vector products, Jacobi) is compared with Δ (|cos| ≥ 1 − 1e-9) \
        and with λ = σ_{x,1}² + σ_{y,1}². f_Δ(t) = L((X, Y) + tΔ) is a quartic, so its derivatives at t = 0 come \
        from exact interpolation of 5 samples (t = 0, ±h, ±2h; no use of the proof's expansion); the case holds \
        when 3f‴² − f″f⁗ > 0 and t = 0 is a minimum (f′ = 0, f″ > 0). The proof's value 96‖ΔXY + XΔY‖²‖ΔXΔY‖² \
        (Eq. 160) is reported next to it. Negative control: v_{x,1} ⊥ u_{y,1}, where ΔXΔY = 0 and 3f‴² − f″f⁗ = 0.
        """,
        expected: .discrepancy,
        correctedVariant: "Δ of the restatement (Theorem 11, l.1790): ΔX = C₁u_{x,1}u_{y,1}ᵀ"
    ) { c in
        let orthogonal = try c.text("aligned", default: "generic") == "orthogonal"
        var x: Matrix, y: Matrix
        if orthogonal {
            x = Matrix([[2, 0], [0, 1]]); y = Matrix([[0.5, 0], [0, 3]])
        } else {
            var rng = SeededGenerator(seed: UInt64(try c.integer("seed", default: 9)))
            x = rng.gaussianMatrix(rows: try c.integer("m"), columns: try c.integer("p"))
            y = rng.gaussianMatrix(rows: try c.integer("p"), columns: try c.integer("q"))
        }
        let mf = CB23MatrixFactorization(target: x * y, p: x.columns)
        let tx = CB23Support.topSingularTriple(x), ty = CB23Support.topSingularTriple(y)
        let norm = (tx.sigma * tx.sigma + ty.sigma * ty.sigma).squareRoot()
        let c1 = ty.sigma / norm, c2 = tx.sigma / norm
        func outer(_ a: [Double], _ b: [Double]) -> Matrix {
            Matrix(rows: a.count, columns: b.count, storage: a.flatMap { ai in b.map { ai * $0 } })
        }
        let mainForm = try c.text("form", default: "main") == "main"
        let dY = c2 * outer(tx.v, ty.v)
        let dX = c1 * outer(tx.u, mainForm ? ty.v : ty.u)
        guard dX.rows == x.rows, dX.columns == x.columns else {
            return CaseOutcome([
                .judge("Δ as printed is a direction in the parameter space", measured: "ΔX is \(dX.rows)×\(dX.columns), X is \(x.rows)×\(x.columns)",
                       predicted: "ΔX has X's shape", holds: false),
            ])
        }
        let delta = mf.join(dX, dY)
        let theta = mf.join(x, y)
        let eigen = CB23Support.jacobiEigen(CB23Support.denseMatrix(dimension: theta.count) { v in mf.hessianVectorProduct(theta, v) })
        let top = (value: eigen.values[0], vector: eigen.vectors.column(0))
        let cosine = abs(top.vector.dot(delta)) / delta.euclideanNorm
        // f_Δ by exact quartic interpolation at t = 0, ±h, ±2h.
        let h = 0.25
        let f = [-2.0, -1, 0, 1, 2].map { s in mf.loss(zip(theta, delta).map { $0 + s * h * $1 }) }
        let d1 = (f[0] - 8 * f[1] + 8 * f[3] - f[4]) / (12 * h)
        let d2 = (-f[0] + 16 * f[1] - 30 * f[2] + 16 * f[3] - f[4]) / (12 * h * h)
        let d3 = (-f[0] + 2 * f[1] - 2 * f[3] + f[4]) / (2 * h * h * h)
        let d4 = (f[0] - 4 * f[1] + 6 * f[2] - 4 * f[3] + f[4]) / (h * h * h * h)
        let condition = 3 * d3 * d3 - d2 * d4
        let a = dX * y + x * dY, b = dX * dY
        let printed = 96 * pow(a.frobeniusNorm, 2) * pow(b.frobeniusNorm, 2)
        let scale = d2 * d2 + d3 * d3 + d2 * d4
        return CaseOutcome([
            .judge("|cos(Hessian top eigenvector, Δ)|", cosine, predicted: "≥ 1 − 1e-9", holds: cosine >= 1 - 1e-9),
            .compare("top Hessian eigenvalue vs σ_{x,1}² + σ_{y,1}²", measured: top.value, predicted: norm * norm,
                     .relative(1e-10, "Jacobi eigenvalues of the dense Hessian, a few ε·‖H‖")),
            .context("gap λ₁ − λ₂ of the Hessian (the leading eigenvector is unique when > 0)", eigen.values[0] - eigen.values[1]),
            .judge("3f_Δ‴² − f_Δ″f_Δ⁗ at t = 0 (relative to f″² + f‴² + f″f⁗)", condition / scale,
                   predicted: "> 1e-12 (interpolation of an exact quartic: rounding ≈ 1e-14)", holds: condition / scale > 1e-12),
            .judge("t = 0 is the minimum of f_Δ: |f′(0)|, f″(0) > 0", abs(d1), predicted: "≤ 1e-12 with f″ > 0",
                   holds: abs(d1) <= 1e-12 * max(1, d2) && d2 > 0),
            .compare("3f‴² − f″f⁗ vs the proof's 96‖ΔXY + XΔY‖²‖ΔXΔY‖² (Eq. 160)", measured: condition, predicted: printed,
                     .absolute(1e-9 * max(1, scale), "interpolation rounding, relative to the derivative scale")),
            .context("v_{x,1}ᵀu_{y,1}", tx.v.dot(ty.u)),
            .context("form of Δ", mainForm ? "main text (ΔX = C₁u_{x,1}v_{y,1}ᵀ)" : "restatement (ΔX = C₁u_{x,1}u_{y,1}ᵀ)"),
        ])
    }

    // MARK: Propositions 5–7: Damian et al.'s manifold M = {λ₁ < 2/η, ∇L·u₁ = 0}.

    /// The points of M on ½(xy − 1)² in the positive quadrant, found on the curves where ∇L is an eigenvector
    /// of H (det[∇L, H∇L] = 0, scanned along `lines` horizontal lines y = const in (0, 3]) and filtered by
    /// ∇L·u₁ = 0 (or ∇L = 0) and λ₁ < 2/η.
    static func manifoldPoints(eta: Double, lines: Int) throws -> [(x: Double, y: Double)] {
        func parts(_ x: Double, _ y: Double) -> (g: [Double], h: Matrix) {
            let r = x * y - 1
            return ([r * y, r * x], Matrix([[y * y, 2 * x * y - 1], [2 * x * y - 1, x * x]]))
        }
        var found: [(Double, Double)] = []
        for k in 1...lines {
            let y = 3 * Double(k) / Double(lines + 1)
            let scan = try RootFinding.allRoots(in: 0.01, 3, gridPoints: 601) { x in
                let (g, h) = parts(x, y)
                let hg = h * g
                return g[0] * hg[1] - g[1] * hg[0]
            }
            for x in scan.roots + scan.touching.map(\.x) {
                let (g, h) = parts(x, y)
                // 2×2 symmetric eigen-decomposition in closed form.
                let a = h[0, 0], b = h[0, 1], d = h[1, 1]
                let mean = (a + d) / 2, rad = (((a - d) / 2) * ((a - d) / 2) + b * b).squareRoot()
                let l1 = mean + rad
                var u = abs(b) > 1e-300 ? [b, l1 - a] : (a >= d ? [1.0, 0] : [0, 1.0])
                let nu = u.euclideanNorm; u = u.map { $0 / nu }
                let gn = g.euclideanNorm
                // ∇L·u₁ = 0 up to the root's accuracy (∇L ⊥ u₁ or ∇L = 0).
                let orthogonal = abs(g.dot(u)) <= 1e-7 * max(gn, 1e-300) || gn <= 1e-12
                if orthogonal && l1 < 2 / eta { found.append((x, y)) }
            }
        }
        return found
    }

    static let proposition5 = Claim(
        id: "CB23.Prop5",
        title: "½(xy − 1)², η > 1: Damian et al.'s manifold M does not exist in the positive quadrant",
        source: ClaimSource(seed: Seed.cb23, statement: "Proposition 5", lines: 279...279),
        statement: "For L(x, y) = 1/2(xy − 1)² with η > 1 on {x > 0, y > 0}, such a manifold M does not exist.",
        uses: [],
        parameters: [
            ParameterSpec("eta", .real, .open(0, 2), meaning: "η"),
            ParameterSpec("lines", .integer, .closed(4, 2000), required: false, meaning: "scan lines y = const (default 60)"),
        ],
        method: """
        M = {θ : λ₁(θ) < 2/η, ∇L(θ)·u₁(θ) = 0} (l.277, λ₁, u₁ the leading Hessian eigenpair). Its points lie where \
        ∇L is zero or an eigenvector of H, i.e. on det[∇L, H∇L] = 0, whose roots are found by scanning 60 lines \
        y = const in (0, 3] (core allRoots); each root is kept when ∇L·u₁ = 0 and λ₁ < 2/η. As printed, M must be \
        empty. It is not: the diagonal x = y = s < 1/√2, where u₁ ∝ (1, −1) ⊥ ∇L ∝ (1, 1) and λ₁ = 1 − s² < 1 < 2/η, \
        lies in M for every η < 2. Corrected variant (Proposition 7's wording for n = 2): M contains no minimiser \
        (xy = 1 has λ₁ = x² + y² ≥ 2 > 2/η). Negative control: η = 0.9, where minimisers do lie in M.
        """,
        expected: .discrepancy,
        correctedVariant: "M contains no minimiser of L (M ∩ {xy = 1} = ∅), as Proposition 7 states for n = 2"
    ) { c in
        let eta = try c.number("eta")
        let points = try manifoldPoints(eta: eta, lines: try c.integer("lines", default: 60))
        let onHyperbola = points.filter { abs($0.x * $0.y - 1) <= 1e-6 }
        let off = points.filter { abs($0.x * $0.y - 1) > 1e-6 }
        let offDiagonal = off.filter { abs($0.x - $0.y) > 1e-6 }
        var q: [Quantity] = []
        if c.role == .correctedVariant {
            q.append(.judge("points of M on the minimiser set xy = 1", Double(onHyperbola.count), predicted: "0", holds: onHyperbola.isEmpty))
        } else {
            q.append(.judge("points of M found in the positive quadrant", Double(points.count), predicted: "0 (M does not exist)", holds: points.isEmpty))
        }
        q.append(.context("of which on xy = 1", Double(onHyperbola.count)))
        q.append(.context("of which on the diagonal x = y (off xy = 1)", Double(off.count - offDiagonal.count)))
        q.append(.context("of which elsewhere", Double(offDiagonal.count)))
        if let s = off.map({ $0.x }).max() { q.append(.context("largest x of an off-hyperbola point (1/√2 ≈ 0.7071)", s)) }
        return CaseOutcome(q)
    }

    static let proposition6 = Claim(
        id: "CB23.Prop6",
        title: "½(xy − 1)², η < 1: M = {xy = 1, x + y < √(2 + 2/η)}",
        source: ClaimSource(seed: Seed.cb23, statement: "Proposition 6", lines: 281...281),
        statement: "For L(x, y) = 1/2(xy − 1)² with η < 1 on {x > 0, y > 0}, M = {(x, y) : xy = 1, x + y < √(2 + 2/η)}.",
        uses: [],
        parameters: [
            ParameterSpec("eta", .real, .open(0, 2), meaning: "η"),
            ParameterSpec("lines", .integer, .closed(4, 2000), required: false, meaning: "scan lines y = const (default 60)"),
        ],
        method: """
        M is found as for Proposition 5. As printed: (a) every point of M lies on xy = 1 with x + y < √(2 + 2/η), \
        and (b) every point of xy = 1 with x + y < √(2 + 2/η) (200 samples, x ∈ (0, 3]) is in M (∇L = 0 there, so \
        only λ₁ = x² + y² < 2/η is tested, by the Hessian's closed-form spectrum). (a) fails: M also contains the \
        diagonal segment x = y < 1/√2 (see Proposition 5). Corrected variant: M ∩ {xy = 1} is the printed set \
        ((a) restricted to xy = 1, and (b)). Negative control: η = 1.08 > 1, where the printed set is empty but \
        (b) finds no hyperbola point in M either, while the scan still finds the diagonal: the as-printed equality fails.
        """,
        expected: .discrepancy,
        correctedVariant: "M ∩ {xy = 1} = {xy = 1, x + y < √(2 + 2/η)} (M also contains the segment x = y < 1/√2)"
    ) { c in
        let eta = try c.number("eta")
        let bound = (2 + 2 / eta).squareRoot()
        let points = try manifoldPoints(eta: eta, lines: try c.integer("lines", default: 60))
        let onHyperbola = points.filter { abs($0.x * $0.y - 1) <= 1e-6 }
        let off = points.count - onHyperbola.count
        let onOutside = onHyperbola.filter { $0.x + $0.y >= bound }.count
        // (b): hyperbola samples inside the printed set must have λ₁ = x² + y² < 2/η.
        var missing = 0, inside = 0
        for i in 1...200 {
            let x = 3 * Double(i) / 201, y = 1 / x
            guard x + y < bound else { continue }
            inside += 1
            if !(x * x + y * y < 2 / eta) { missing += 1 }
        }
        var q: [Quantity] = [
            .judge("points of M on xy = 1 with x + y ≥ √(2 + 2/η)", Double(onOutside), predicted: "0", holds: onOutside == 0),
            .judge("hyperbola samples with x + y < √(2 + 2/η) missing from M", Double(missing), predicted: "0 of \(inside)", holds: missing == 0),
        ]
        if c.role == .correctedVariant {
            q.append(.context("points of M off xy = 1 (not part of the corrected variant)", Double(off)))
        } else {
            q.append(.judge("points of M off xy = 1", Double(off), predicted: "0", holds: off == 0))
            q.append(.judge("M is non-empty on xy = 1 (the printed set is non-empty for η < 1)", Double(onHyperbola.count),
                            predicted: "> 0", holds: !onHyperbola.isEmpty))
        }
        return CaseOutcome(q)
    }

    static let proposition7 = Claim(
        id: "CB23.Prop7",
        title: "(1/n)(Πxᵢ − 1)², η > 1: no minimiser lies in Damian et al.'s M",
        source: ClaimSource(seed: Seed.cb23, statement: "Proposition 7", lines: 283...283),
        statement: "For L({x_i}_{i=1}^n) = (1/n)(Π_{i=1}^n x_i − 1)² with η > 1 on {x_i > 0, ∀i}, such a manifold M containing any minimizer does not exist.",
        uses: [],
        parameters: [
            ParameterSpec("n", .integer, .closed(2, 12), meaning: "number of factors"),
            ParameterSpec("eta", .real, .positive, meaning: "η"),
            ParameterSpec("samples", .integer, .closed(1, 500), required: false, meaning: "random minimisers (default 100)"),
        ],
        method: """
        Random minimisers (Πxᵢ = 1: xᵢ = exp(zᵢ − mean z), z Gaussian, plus the balanced xᵢ = 1). At a minimiser \
        ∇L = 0, so ∇L·u₁ = 0 and the point is in M iff λ₁ < 2/η. λ₁ is the top eigenvalue of the Hessian by central \
        differences of the exact gradient (step 1e-6), by power iteration; the case holds when no minimiser has \
        λ₁ < 2/η. Also compared: the smallest λ₁ (balanced minimiser) with 2 (AM–GM: λ₁ = (2/n)Σ1/xᵢ² ≥ 2). \
        Negative control: η = 0.9, where the balanced minimiser (λ₁ = 2 < 2/0.9) is in M.
        """,
        expected: .confirmed
    ) { c in
        let n = try c.integer("n"), eta = try c.number("eta"), samples = try c.integer("samples", default: 100)
        var rng = SeededGenerator(seed: 77)
        func gradient(_ x: [Double]) -> [Double] {
            let prod = x.reduce(1, *), r = prod - 1
            return x.map { 2 / Double(n) * r * prod / $0 }
        }
        var inM = 0, smallest = Double.infinity
        for s in 0...samples {
            var z = s == 0 ? [Double](repeating: 0, count: n) : rng.gaussianVector(n).map { 0.5 * $0 }
            let mean = z.reduce(0, +) / Double(n); z = z.map { $0 - mean }
            let x = z.map { exp($0) }
            let step = 1e-6
            let top = CB23Support.topEigenpair(dimension: n, iterations: 200, seed: 5) { v in
                let p = zip(x, v).map { $0 + step * $1 }, m = zip(x, v).map { $0 - step * $1 }
                return zip(gradient(p), gradient(m)).map { ($0 - $1) / (2 * step) }
            }
            smallest = min(smallest, top.value)
            if top.value < 2 / eta { inM += 1 }
        }
        return CaseOutcome([
            .judge("minimisers in M (λ₁ < 2/η)", Double(inM), predicted: "0 of \(samples + 1)", holds: inM == 0),
            .compare("smallest λ₁ over the minimisers (balanced) vs 2", measured: smallest, predicted: 2,
                     .relative(1e-7, "central differences of an exact gradient: truncation ≈ step² = 1e-12, rounding ≈ ε/step = 1e-10")),
            .context("2/η", 2 / eta),
        ])
    }
}
