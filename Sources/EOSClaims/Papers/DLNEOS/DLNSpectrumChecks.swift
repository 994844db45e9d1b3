import Foundation
import EOSCore
import EOSModels

/// The Hessian spectrum of the deep matrix factorization loss at a global minimum against the
/// printed sets (DLN-EOS Lemma 1; BOMIS Lemma 1), values and multiplicities.
enum DLNSpectrumChecks {
    static let parameters: [ParameterSpec] = [
        DLNSimulation.sigmaSpec(), DLNSimulation.widthSpec, DLNSimulation.depthSpec, DLNSimulation.alphaSpec,
        DLNSimulation.seedSpec,
        ParameterSpec("point", .choice(["balancedMinimum", "unbalancedMinimum"]), meaning:
                      "balancedMinimum: the point of the proof of Lemma 1 (l.5373–5388); unbalancedMinimum: a global minimum with layer factors 1.6, 1/1.6, 1, …"),
        ParameterSpec("prediction", .choice(["printed", "corrected", "bomis"]), meaning:
                      "printed: DLN-EOS Lemma 1 as printed; corrected: with the α^{2(L−1)} eigenvalue (multiplicity (d−r)²) and the α-terms with multiplicity d−r; bomis: BOMIS Lemma 1, {2σ⋆,i^{2−2/L}} and zeros"),
        ParameterSpec("target", .choice(["general", "symmetric"]), required: false, meaning: "general (default) or symmetric M⋆"),
    ]

    /// A predicted multiset of non-zero eigenvalues.
    static func predicted(_ kind: String, sigma σ: [Double], d: Int, depth L: Int, alpha: Double) -> [Double] {
        let r = σ.count, l = Double(L)
        var out = [Double]()
        if kind == "bomis" { return σ.map { 2 * pow($0, 2 - 2 / l) } }
        let extra = kind == "corrected"
        for i in 0..<r {
            out.append(l * pow(σ[i], 2 - 2 / l))
            out += [Double](repeating: pow(σ[i], 2 - 2 / l), count: d - r)
        }
        for i in 0..<r { for j in 0..<r where i != j {
            out.append((0..<L).reduce(0.0) { s, k in
                let x = pow(σ[i], 1 - 1 / l - Double(k) / l) * pow(σ[j], Double(k) / l)
                return s + x * x
            })
        } }
        for k in 0..<r {
            let v = (0..<L).reduce(0.0) { s, m in
                let x = pow(σ[k], 1 - 1 / l - Double(m) / l) * pow(alpha, Double(m))
                return s + x * x
            }
            out += [Double](repeating: v, count: extra ? d - r : 1)
        }
        if extra && alpha > 0 { out += [Double](repeating: pow(alpha, 2 * (l - 1)), count: (d - r) * (d - r)) }
        return out.sorted(by: >)
    }

    /// Distinct values of a descending list, merged within `tol`.
    static func distinct(_ v: [Double], tol: Double) -> [Double] {
        var out = [Double]()
        for x in v where out.last.map({ abs($0 - x) > tol }) ?? true { out.append(x) }
        return out
    }

    static func check(_ c: ClaimCase) throws -> CaseOutcome {
        let σ = try c.vector("sigma"), d = try c.integer("d"), L = try c.integer("depth")
        let alpha = try c.number("alpha"), seed = UInt64(try c.integer("seed", default: 1))
        let point = try c.text("point"), kind = try c.text("prediction")
        let symmetric = try c.text("target", default: "general") == "symmetric"
        guard σ.count <= d else { throw ClaimError.computation("rank exceeds d") }
        let t = DLN.target(d: d, singularValues: σ, seed: seed, symmetric: symmetric)
        let loss = DeepMatrixFactorization(target: t.matrix, depth: L)
        let θ = point == "unbalancedMinimum"
            ? DLN.unbalancedMinimum(loss, t, alpha: alpha)      // κ = 1.6, 1/1.6: still a global minimum
            : DLN.balancedMinimum(loss, t, alpha: alpha)
        let spectrum = DLN.hessianSpectrum(loss, at: θ)
        let top = spectrum.first ?? 0
        // Jacobi on a Hessian assembled from exact HVPs: eigenvalues to ~n·ε·‖H‖_F; 1e-10·λ_max
        // separates zero from the smallest true eigenvalue used here (α^{2(L−1)} ≥ 1e-8 ≫ 1e-10·λ_max).
        let zeroTol = 1e-10 * top
        let nonzero = spectrum.filter { abs($0) > zeroTol }
        let pred = predicted(kind, sigma: σ, d: d, depth: L, alpha: alpha)
        let tol = 1e-9 * top
        let countOK = nonzero.count == pred.count
        let maxErr = countOK ? zip(nonzero, pred).map { abs($0 - $1) }.max() ?? 0 : .infinity
        let setM = distinct(nonzero, tol: tol), setP = distinct(pred, tol: tol)
        let setOK = setM.count == setP.count && zip(setM, setP).allSatisfy { abs($0 - $1) <= tol }
        let missing = setM.filter { m in !setP.contains { abs($0 - m) <= tol } }
        let l = Double(L)
        return CaseOutcome([
            .judge("distinct non-zero eigenvalues = the predicted set", measured: "\(setM.count) measured, \(setP.count) predicted",
                   predicted: "same set (to 1e-9·λ_max)", holds: setOK),
            .judge("number of non-zero eigenvalues with multiplicity", Double(nonzero.count), predicted: "\(pred.count)", holds: countOK),
            .judge("max |λ_k − predicted_k| over the sorted multisets", countOK ? maxErr : -1,
                   predicted: "≤ 1e-9·λ_max", holds: countOK && maxErr <= tol),
            .context("measured eigenvalues missing from the prediction", missing.map { formatNumber($0) }.joined(separator: ", ")),
            .compare("sharpness λ_1 vs Lσ⋆,1^{2−2/L} (l.489–491)", measured: top, predicted: l * pow(σ[0], 2 - 2 / l),
                     .relative(1e-9, "Jacobi accuracy")),
            .context("α^{2(L−1)}", pow(alpha, 2 * (l - 1))),
        ], note: "point \(point), prediction \(kind), n = \(loss.dimension)")
    }

    // MARK: Trace (BOMIS Lemma D.1)

    static let traceParameters: [ParameterSpec] = [
        DLNSimulation.sigmaSpec(), DLNSimulation.widthSpec, DLNSimulation.depthSpec, DLNSimulation.seedSpec,
        DLNSimulation.scaleSpec,
    ]

    /// tr ∇²f = Σ_ℓ ‖W_{ℓ−1:1}‖²_F ‖W_{L:ℓ+1}‖²_F at a random point, against the dense Hessian.
    static func trace(_ c: ClaimCase) throws -> CaseOutcome {
        let σ = try c.vector("sigma"), d = try c.integer("d"), L = try c.integer("depth")
        let seed = UInt64(try c.integer("seed", default: 1)), scale = try c.number("scale", default: 0.5)
        let t = DLN.target(d: d, singularValues: σ, seed: seed)
        let loss = DeepMatrixFactorization(target: t.matrix, depth: L, scale: scale)
        var gen = SeededGenerator(seed: seed &+ 5)
        let w = (0..<L).map { _ in gen.gaussianMatrix(rows: d, columns: d, standardDeviation: 0.7) }
        let h = DenseHessian(of: loss, at: loss.flatten(w)).matrix
        let formula = (1...L).reduce(0.0) { s, l in
            s + pow(DLNModelChecks.product(w, l - 1, 1).frobeniusNorm, 2) * pow(DLNModelChecks.product(w, L, l + 1).frobeniusNorm, 2)
        }
        return CaseOutcome([
            .compare("tr ∇²f (dense Hessian) vs Σ_ℓ ‖W_{ℓ−1:1}‖²‖W_{L:ℓ+1}‖²", measured: h.trace, predicted: formula,
                     .relative(1e-10, "sum of exact HVP diagonal entries, rounding only")),
        ], note: "loss scale c = \(formatNumber(scale)); at a random (non-stationary) point")
    }
}
