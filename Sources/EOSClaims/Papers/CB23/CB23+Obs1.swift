#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import EOSCore

extension CB23Claims {
    /// Observation 1: matrix factorisation ½‖YZᵀ − C‖² converges to a period-2 orbit.
    static let observation1 = Claim(
        id: "CB23.Obs1",
        title: "MF ½‖YZᵀ − C‖², ησ₁² ∈ (1, 1.121), η(σ₁² + σ₂²) < 2: GD converges to the period-2 orbit of Eq. (8)",
        source: ClaimSource(seed: Seed.cb23, statement: "Observation 1 (Eq. 8)", lines: 212...222),
        statement: """
        Consider GD with learning rate η satisfying ησ₁² ∈ (1, 1.121) and η(σ₁² + σ₂²) < 2, where σ₁², σ₂² are the first and second largest eigenvalues of C. Then there exists non-measure-zero initialization from which GD converges to a period-2 orbit of the form Y = ρ_i uvᵀ + Σ_{j=2}^d σ_{y,j}u_{y,j}v_{y,j}ᵀ, Z = ρ_i uvᵀ + Σ_{j=2}^d σ_{z,j}u_{z,j}v_{z,j}ᵀ, YZᵀ − C = (ρ_i² − σ₁²)uvᵀ, where u is the leading eigenvector of C, v is an arbitrary unit vector, and {ρ_i}_{i=1,2} are the two positive roots of ησ₁² = 1/(ρ²(√(1/ρ² − 3/4 + 1/2))). (8)
        """,
        uses: ["CB23.Thm2", "CB23.Thm6"],
        parameters: [
            ParameterSpec("sigmas", .vector(minCount: 2, distinct: true, descending: true), .positive,
                          meaning: "the eigenvalues σ₁² > σ₂² > … of C (C = Q diag(σ²) Qᵀ, Q a seeded rotation)"),
            ParameterSpec("K", .real, .positive, meaning: "ησ₁²"),
            ParameterSpec("reading", .choice(["printed", "scaled"]), required: false,
                          meaning: "ρᵢ in Y = ρᵢuvᵀ as printed (absolute) or as the scale-free root times σ₁ (default printed)"),
            ParameterSpec("steps", .integer, .closed(100, 200_000), required: false, meaning: "GD steps (default 20000)"),
        ],
        method: """
        C = Q diag(σ²)Qᵀ (Q from the Jacobi eigenvectors of a seeded symmetric matrix), Y₀ = Z₀ = C^{1/2} + 0.05·G \
        (a neighbourhood of the flattest minimum: a set of positive measure). GD on ½‖YZᵀ − C‖² (∇_Y = RZ, \
        ∇_Z = RᵀY, R = YZᵀ − C) for 20000 steps; the tail is classified by the core's trajectory analysis. At each \
        orbit point: R must be rank one along u (‖R − (uᵀRu)uuᵀ‖ ≤ 1e-6‖R‖, so the printed 'uvᵀ' in YZᵀ − C can only \
        be uuᵀ), Y and Z have the SVD form ρuvᵀ + rest with ρv = Yᵀu = Zᵀu (rest·v = 0, same v), and \
        uᵀRu = ρ² − σ₁². ρ is compared with the roots of (8) read with the \
        parenthesis of Eqs. (4)/(164), ησ₁² = 1/(ρ²(√(1/ρ² − 3/4) + 1/2)) (Brent): as printed, ρ itself; in the \
        'scaled' reading, ρ/σ₁ (the only reading consistent with ησ₁² and 1/ρ² when σ₁ ≠ 1). The literal (8), \
        ησ₁² = 1/(ρ²√(1/ρ² − 1/4)), has other roots (reported). Negative control: η(σ₁² + σ₂²) > 2.
        """,
        expected: .discrepancy,
        correctedVariant: "ρᵢ are scale-free: Y = ρᵢσ₁uvᵀ + …, YZᵀ − C = (ρᵢ² − 1)σ₁²uuᵀ (identical to the printed form when σ₁ = 1)"
    ) { c in
        let sig2 = try c.vector("sigmas"), k = try c.number("K")
        let reading = try c.text("reading", default: "printed")
        let scaled = c.role == .correctedVariant || reading == "scaled"
        let steps = try c.integer("steps", default: 20_000)
        let d = sig2.count, s1 = sig2[0].squareRoot(), eta = k / sig2[0]
        var rng = SeededGenerator(seed: 31)
        let sym = rng.gaussianMatrix(rows: d, columns: d)
        let rot = CB23Support.jacobiEigen(sym + sym.transposed).vectors
        let target = rot * Matrix.diagonal(sig2) * rot.transposed
        let root = rot * Matrix.diagonal(sig2.map { $0.squareRoot() }) * rot.transposed
        let u = rot.column(0)
        let y0 = root + 0.05 * rng.gaussianMatrix(rows: d, columns: d)
        let z0 = root + 0.05 * rng.gaussianMatrix(rows: d, columns: d)
        let n = d * d
        let behaviour = TrajectoryClassification.classifyMap({ s -> [Double] in
            let y = Matrix(rows: d, columns: d, storage: Array(s[0..<n])), z = Matrix(rows: d, columns: d, storage: Array(s[n...]))
            let r = Matrix.product(y, z, transposeB: true) - target
            let ny = y - eta * (r * z), nz = z - eta * Matrix.product(r, transposeA: true, y)
            return ny.storage + nz.storage
        }, from: y0.storage + z0.storage, steps: steps)
        var q: [Quantity] = []
        guard case .periodic(2, let orbit, _) = behaviour else {
            q.append(.judge("final behaviour", measured: "\(behaviour)".prefix(100).description, predicted: "period 2", holds: false))
            q.append(.context("η(σ₁² + σ₂²)", eta * (sig2[0] + sig2[1])))
            return CaseOutcome(q)
        }
        let (r1, r2) = try CB23ScalarFactorization.equation4Roots(mu: 1, eta: k)
        var worstRankOne = 0.0, worstRho = 0.0, worstBalance = 0.0, worstResidual = 0.0, worstSVD = 0.0
        var rhos: [Double] = []
        for state in orbit {
            let y = Matrix(rows: d, columns: d, storage: Array(state[0..<n])), z = Matrix(rows: d, columns: d, storage: Array(state[n...]))
            let r = Matrix.product(y, z, transposeB: true) - target
            let along = u.dot(r * u)
            let rankOne = r - along * Matrix(rows: d, columns: d, storage: u.flatMap { a in u.map { a * $0 } })
            worstRankOne = max(worstRankOne, rankOne.frobeniusNorm / r.frobeniusNorm)
            // Y = ρ u vᵀ + (rest with left vectors ⊥ u): ρ v = Yᵀu; the SVD form needs rest·v = 0.
            let ay = Matrix.product(y, transposeA: true, Matrix(rows: d, columns: 1, storage: u)).storage
            let az = Matrix.product(z, transposeA: true, Matrix(rows: d, columns: 1, storage: u)).storage
            let ry = ay.euclideanNorm, rz = az.euclideanNorm
            let vy = ay.map { $0 / ry }, vz = az.map { $0 / rz }
            let restY = y - Matrix(rows: d, columns: d, storage: u.flatMap { a in ay.map { a * $0 } })
            let restZ = z - Matrix(rows: d, columns: d, storage: u.flatMap { a in az.map { a * $0 } })
            worstSVD = max(worstSVD, (restY * vy).euclideanNorm / y.frobeniusNorm, (restZ * vz).euclideanNorm / z.frobeniusNorm,
                           1 - abs(vy.dot(vz)))
            worstBalance = max(worstBalance, abs(ry - rz) / ry)
            rhos.append(ry)
            worstResidual = max(worstResidual, abs(along - (ry * rz - sig2[0])) / sig2[0])
        }
        rhos.sort()
        let predicted = scaled ? [r1 * s1, r2 * s1] : [r1, r2]
        worstRho = max(abs(rhos[0] - predicted[0]) / predicted[0], abs(rhos[1] - predicted[1]) / predicted[1])
        // The literal (8): ησ₁² = 1/(ρ²√(1/ρ² − 1/4)) ⇔ ρ² = 2 ± 2√(1 − 1/K²).
        let disc = max(0, 1 - 1 / (k * k)).squareRoot()
        q += [
            .judge("final behaviour", measured: "period 2", predicted: "period 2", holds: true),
            .judge("max ‖R − (uᵀRu)uuᵀ‖/‖R‖ on the orbit (R = YZᵀ − C rank one along u)", worstRankOne,
                   predicted: "≤ 1e-6 (the orbit is reached to ~1e-12; 1e-6 also absorbs the classification tolerance)", holds: worstRankOne <= 1e-6),
            .judge("Y, Z = ρuvᵀ + (SVD rest ⊥ u, v): max ‖rest·v‖/‖Y‖ and 1 − |v_Y·v_Z| (same v)", worstSVD,
                   predicted: "≤ 1e-6 (same)", holds: worstSVD <= 1e-6),
            .judge("max |ρ_Y − ρ_Z|/ρ_Y on the orbit (ρ = ‖Yᵀu‖)", worstBalance, predicted: "≤ 1e-6 (same)", holds: worstBalance <= 1e-6),
            .judge("max |uᵀRu − (ρ² − σ₁²)|/σ₁²", worstResidual, predicted: "≤ 1e-6 (same)", holds: worstResidual <= 1e-6),
            .judge(scaled ? "max relative |ρ − ρᵢσ₁| (scale-free roots of (8))" : "max relative |ρ − ρᵢ| (roots of (8) as printed)",
                   worstRho, predicted: "≤ 1e-6 (same)", holds: worstRho <= 1e-6),
            .context("ρ = ‖Yᵀu‖ at the orbit, low", rhos[0]), .context("ρ at the orbit, high", rhos[1]),
            .context("roots ρ₁, ρ₂ of (8) (with the parenthesis of Eq. 4)", r1), .context("ρ₂", r2),
            .context("roots of the literal (8), ρ² = 2 ± 2√(1 − 1/K²): low", (2 - 2 * disc).squareRoot()),
            .context("roots of the literal (8): high", (2 + 2 * disc).squareRoot()),
            .context("η(σ₁² + σ₂²)", eta * (sig2[0] + sig2[1])),
        ]
        return CaseOutcome(q)
    }
}
