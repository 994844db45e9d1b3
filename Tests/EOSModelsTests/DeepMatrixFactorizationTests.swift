import Testing
import EOSCore
@testable import EOSModels

/// A chain shape and a seed for the random point, named by its shape in test reports.
struct ChainCase: Sendable, CustomTestStringConvertible {
    let dimensions: [Int]
    let seed: UInt64
    var testDescription: String { "dims \(dimensions.map(String.init).joined(separator: "→")), seed \(seed)" }

    /// A DMF with an N(0, 1) target and a point θ with N(0, 1/d_{ℓ−1}) entries (so products
    /// stay O(1)), and a Gaussian direction v.
    func instance(scale: Double = 0.5) -> (model: DeepMatrixFactorization, θ: [Double], v: [Double]) {
        var g = SeededGenerator(seed: seed)
        let target = g.gaussianMatrix(rows: dimensions.last!, columns: dimensions[0])
        let model = DeepMatrixFactorization(target: target, dimensions: dimensions, scale: scale)
        let layers = (1..<dimensions.count).map { l in
            g.gaussianMatrix(rows: dimensions[l], columns: dimensions[l - 1],
                             standardDeviation: 1 / Double(dimensions[l - 1]).squareRoot())
        }
        return (model, model.flatten(layers), g.gaussianVector(model.dimension))
    }
}

/// Worst-case rounding bounds for the DMF at θ (standard γ_k = kε error analysis of products
/// and sums): with A = Π_ℓ‖W_ℓ‖_F + ‖M⋆‖_F bounding |W_L|⋯|W_1| + |M⋆| in Frobenius norm and
/// k = (L + 1)·d_max terms per accumulated entry, the residual has error δR ≤ γ_k A, so
///   δf ≤ c(2‖R‖_F δR + δR²) + d² ε c‖R‖²_F                       (value),
///   δg ≤ 2c · max_ℓ Π_{k≠ℓ}‖W_k‖_F · (γ_k ‖R‖_F + δR)             (each gradient entry).
/// A central difference of a quantity with rounding error δ and step h adds at most δ/h.
func dmfRoundingBounds(_ model: DeepMatrixFactorization, _ θ: [Double]) -> (value: Double, gradient: Double) {
    let layers = model.unflatten(θ)
    let norms = layers.map(\.frobeniusNorm)
    let a = norms.reduce(1, *) + model.target.frobeniusNorm
    let r = model.residual(θ).frobeniusNorm
    let gamma = Double((model.depth + 1) * model.dimensions.max()!) * Double.ulpOfOne
    let dR = gamma * a
    let c = model.scale
    let others = (0..<layers.count).map { l in
        norms.enumerated().filter { $0.offset != l }.reduce(1.0) { $0 * $1.element }
    }.max()!
    let value = c * (2 * r * dR + dR * dR) + Double(model.target.storage.count) * .ulpOfOne * c * r * r
    let gradient = 2 * c * others * (gamma * r + dR)
    return (value, gradient)
}

func maxAbsDifference(_ a: [Double], _ b: [Double]) -> Double {
    precondition(a.count == b.count)
    return zip(a, b).reduce(0) { max($0, abs($1.0 - $1.1)) }
}

/// Modified Gram–Schmidt on the columns of a Gaussian matrix: a random orthogonal matrix
/// (orthogonal to O(d ε)).
func randomOrthogonal(_ d: Int, _ g: inout SeededGenerator) -> Matrix {
    var q = g.gaussianMatrix(rows: d, columns: d)
    for j in 0..<d {
        var v = q.column(j)
        for k in 0..<j {
            let u = q.column(k)
            let p = u.dot(v)
            for i in 0..<d { v[i] -= p * u[i] }
        }
        let n = v.euclideanNorm
        q.setColumn(j, v.map { $0 / n })
    }
    return q
}

/// A K = 2 multi-pathway loss c‖W⁽¹⁾_{L₁:1} + W⁽²⁾_{L₂:1} − M⋆‖²_F built only from the
/// `Chain` pushforward and pullbacks, as a multi-pathway model would be. θ = θ⁽¹⁾ ++ θ⁽²⁾.
struct TwoPathwayLoss: DifferentiableLoss {
    let first: DeepMatrixFactorization.Chain
    let second: DeepMatrixFactorization.Chain
    let target: Matrix
    let scale: Double
    var dimension: Int { first.parameterCount + second.parameterCount }

    func split(_ θ: [Double]) -> ([Double], [Double]) {
        (Array(θ[..<first.parameterCount]), Array(θ[first.parameterCount...]))
    }
    func residual(_ θ: [Double]) -> Matrix {
        let (a, b) = split(θ)
        return first.endToEnd(a) + second.endToEnd(b) - target
    }
    func value(_ θ: [Double]) -> Double {
        let r = residual(θ).frobeniusNorm
        return scale * r * r
    }
    func gradient(_ θ: [Double]) -> [Double] {
        let (a, b) = split(θ)
        let c = 2 * scale * residual(θ)
        return first.pullback(a, cotangent: c) + second.pullback(b, cotangent: c)
    }
    func hessianVectorProduct(_ θ: [Double], _ v: [Double]) -> [Double] {
        let (a, b) = split(θ)
        let (va, vb) = split(v)
        let c = 2 * scale * residual(θ)
        let dc = 2 * scale * (first.endToEndDerivative(a, va) + second.endToEndDerivative(b, vb))
        return first.pullbackDerivative(a, va, cotangent: c, cotangentDerivative: dc)
            + second.pullbackDerivative(b, vb, cotangent: c, cotangentDerivative: dc)
    }
}

@Suite("DeepMatrixFactorization")
struct DeepMatrixFactorizationTests {
    static let cases: [ChainCase] = [
        ChainCase(dimensions: [3, 3, 3], seed: 11),
        ChainCase(dimensions: [4, 4, 4, 4], seed: 12),
        ChainCase(dimensions: [5, 5, 5, 5, 5], seed: 13),
        ChainCase(dimensions: [3, 3, 3, 3, 3], seed: 14),
        ChainCase(dimensions: [5, 5, 5], seed: 15),
        ChainCase(dimensions: [3, 5, 2, 4], seed: 16),   // rectangular chain
    ]

    @Test("flatten/unflatten: W_1 first, row-major, and they invert each other")
    func layout() {
        let model = DeepMatrixFactorization(target: Matrix(rows: 2, columns: 3), dimensions: [3, 4, 2])
        let θ = (0..<model.dimension).map(Double.init)
        let layers = model.unflatten(θ)
        #expect(model.dimension == 3 * 4 + 4 * 2)
        #expect(layers[0].rows == 4 && layers[0].columns == 3)
        #expect(layers[0][1, 2] == 5)                   // 1·3 + 2
        #expect(layers[1][1, 3] == 12 + 1 * 4 + 3)      // after the 12 entries of W_1
        #expect(model.flatten(layers) == θ)
    }

    @Test("end-to-end product equals W_L⋯W_1 by Matrix multiplication", arguments: cases)
    func endToEnd(_ c: ChainCase) {
        let (model, θ, _) = c.instance()
        let layers = model.unflatten(θ)
        let reference = layers.dropFirst().reduce(layers[0]) { $1 * $0 }
        // Same products, possibly another summation order: γ_k · Π‖W_ℓ‖_F.
        let bound = Double((model.depth + 1) * model.dimensions.max()!) * .ulpOfOne
            * layers.map(\.frobeniusNorm).reduce(1, *)
        #expect((model.endToEnd(θ) - reference).frobeniusNorm <= bound)
    }

    @Test("gradient equals the central-difference gradient", arguments: cases)
    func gradientAgainstFiniteDifferences(_ c: ChainCase) {
        let (model, θ, _) = c.instance()
        let exact = model.gradient(θ)
        let fd = FiniteDifferences.gradient(of: model, at: θ)
        // f is quadratic in each single coordinate (W_{L:1} is linear in every entry), so the
        // coordinate central difference has no truncation error; only rounding remains,
        // 2·δf/h (f evaluated at θ ± h, h ≥ relativeStep).
        let tolerance = 2 * dmfRoundingBounds(model, θ).value / FiniteDifferences.defaultRelativeStep
        let error = maxAbsDifference(exact, fd)
        #expect(error <= tolerance, "max |∇f − FD| = \(error), tolerance \(tolerance)")
        #expect(exact.euclideanNorm > 1e3 * tolerance, "the check is not vacuous")
    }

    @Test("Hessian–vector products on basis vectors equal central differences of the gradient",
          arguments: cases)
    func hessianColumnsAgainstFiniteDifferences(_ c: ChainCase) {
        let (model, θ, _) = c.instance()
        let h = model.hessianOperator(at: θ)
        // Each gradient entry has degree ≤ 2 in any single coordinate, so the coordinate
        // difference is truncation-free; rounding adds ≤ 2·δg/h.
        let tolerance = 2 * dmfRoundingBounds(model, θ).gradient / FiniteDifferences.defaultRelativeStep
        var worst = 0.0
        var e = [Double](repeating: 0, count: model.dimension)
        for j in 0..<model.dimension {
            e[j] = 1
            let fd = FiniteDifferences.hessianVectorProduct(of: model, at: θ, direction: e)
            worst = max(worst, maxAbsDifference(h(e), fd))
            e[j] = 0
        }
        #expect(worst <= tolerance, "max |H e_j − FD| = \(worst), tolerance \(tolerance)")
    }

    @Test("HVP along a random direction equals the central difference within its O(h²) truncation",
          arguments: cases)
    func hessianVectorProductRandomDirection(_ c: ChainCase) {
        let (model, θ, v) = c.instance()
        let exact = model.hessianVectorProduct(θ, v)
        let step = FiniteDifferences.defaultRelativeStep
        let fd1 = FiniteDifferences.hessianVectorProduct(of: model, at: θ, direction: v, relativeStep: step)
        let fd2 = FiniteDifferences.hessianVectorProduct(of: model, at: θ, direction: v, relativeStep: 2 * step)
        // Along v the gradient is a polynomial of degree 2L − 1, so D(h) has truncation
        // a·h² + O(h⁴); D(2h) − D(h) ≈ 3a·h² estimates three times the truncation error. Plus
        // rounding 2δg/h_v (gradients at θ ± h_v v), with the parameter step along v
        // h_v = relativeStep·max(1, ‖θ‖∞)/‖v‖∞ that FiniteDifferences takes.
        let hv = step * max(1, θ.map(abs).max()!) / v.map(abs).max()!
        let tolerance = maxAbsDifference(fd1, fd2) + 2 * dmfRoundingBounds(model, θ).gradient / hv
        let error = maxAbsDifference(exact, fd1)
        #expect(error <= tolerance, "max |Hv − FD| = \(error), tolerance \(tolerance)")
        #expect(exact.euclideanNorm > 1e3 * tolerance, "the check is not vacuous")
    }

    @Test("the loss at W_{L:1} = M⋆ is 0 with zero gradient (exactly, for dyadic diagonal layers)")
    func zeroAtExactFactorization() {
        // W_1 = diag(2, 0.5, 3), W_2 = diag(0.25, 4, 1), W_3 = diag(2, 1, 0.5): products exact.
        let target = Matrix.diagonal([1, 2, 1.5])
        let model = DeepMatrixFactorization(target: target, depth: 3)
        let θ = model.svsParameters([[2, 0.5, 3], [0.25, 4, 1], [2, 1, 0.5]])
        #expect(model.value(θ) == 0)                    // exact arithmetic on dyadic numbers
        #expect(model.gradient(θ).allSatisfy { $0 == 0 })
    }

    @Test("the loss at a dense factorization W_{L:1} = M⋆ is 0 and its gradient 0 up to rounding",
          arguments: cases.filter { Set($0.dimensions).count == 1 })
    func zeroAtDenseFactorization(_ c: ChainCase) {
        var g = SeededGenerator(seed: c.seed)
        let d = c.dimensions[0], depth = c.dimensions.count - 1
        let layers = (0..<depth).map { _ in g.gaussianMatrix(rows: d, columns: d, standardDeviation: 1 / Double(d).squareRoot()) }
        let target = layers.dropFirst().reduce(layers[0]) { $1 * $0 }
        let model = DeepMatrixFactorization(target: target, depth: depth)
        let θ = model.flatten(layers)
        let bounds = dmfRoundingBounds(model, θ)
        // Exactly zero in exact arithmetic; the computed residual is only rounding, so f ≤ δf
        // and every gradient entry ≤ δg (bounds with R = rounding residual).
        #expect(model.value(θ) <= bounds.value)
        #expect(model.gradient(θ).map(abs).max()! <= bounds.gradient)
    }

    @Test("scale c = 1 doubles the loss, gradient and HVP of c = ½ (the paper's two conventions)")
    func scaleConvention() {
        let (half, θ, v) = ChainCase(dimensions: [3, 3, 3, 3], seed: 21).instance(scale: 0.5)
        let one = DeepMatrixFactorization(target: half.target, depth: 3, scale: 1)
        // Multiplying by 2 is exact, and both compute the same products: equal to the last bit.
        #expect(one.value(θ) == 2 * half.value(θ))
        #expect(one.gradient(θ) == half.gradient(θ).map { 2 * $0 })
        #expect(one.hessianVectorProduct(θ, v) == half.hessianVectorProduct(θ, v).map { 2 * $0 })
    }

    @Test("DenseHessian of the DMF is symmetric to rounding (the HVP is a true second derivative)",
          arguments: cases)
    func denseHessianSymmetric(_ c: ChainCase) {
        let (model, θ, _) = c.instance()
        let h = DenseHessian(of: model, at: θ)
        // H̃_ij and H̃_ji are the same second derivative computed along different paths. An HVP
        // with a unit basis vector has about twice the terms of a gradient, so each entry is
        // within 2δg of exact, each difference within 4δg, and ‖H̃ − H̃ᵀ‖_F ≤ n · 4δg.
        let tolerance = Double(model.dimension) * 4 * dmfRoundingBounds(model, θ).gradient
        #expect(h.asymmetry <= tolerance, "‖H − Hᵀ‖_F = \(h.asymmetry), tolerance \(tolerance)")
        #expect(h.norm > 0)
    }

    @Test("on the SVS set the loss is the sum of the per-index scalar losses (Eq. 5)")
    func svsReduction() {
        var g = SeededGenerator(seed: 31)
        let d = 4, depth = 3
        let frames = (0...depth).map { _ in randomOrthogonal(d, &g) }
        let sigmaStar = [3.0, 2.0, 1.0, 0.5]
        // M⋆ = U⋆ Σ⋆ V⋆ᵀ with U⋆ = Q_L, V⋆ = Q_0.
        let target = Matrix.product(frames[depth] * Matrix.diagonal(sigmaStar), frames[0], transposeB: true)
        let model = DeepMatrixFactorization(target: target, depth: depth)
        let σ = (0..<depth).map { _ in (0..<d).map { _ in 0.5 + g.nextUniform() } }
        let θ = model.svsParameters(σ, frames: frames)

        let perIndex = (0..<d).map { i in model.scalarLoss(index: i, frames: frames) }
        let columns = (0..<d).map { i in σ.map { $0[i] } }
        let reduced = zip(perIndex, columns).reduce(0.0) { $0 + $1.0.value($1.1) }
        // Frames orthogonal to O(dε): every reconstructed quantity is exact to a few (L + 2)·d·ε
        // relative to its scale A = Π‖W‖ + ‖M⋆‖; f then to 2c(‖R‖ + δR)δR.
        let layersNorm = model.unflatten(θ).map(\.frobeniusNorm).reduce(1, *)
        let dR = 4 * Double((depth + 2) * d) * .ulpOfOne * (layersNorm + target.frobeniusNorm)
        let r = model.residual(θ).frobeniusNorm
        #expect(abs(model.value(θ) - reduced) <= 2 * model.scale * (r + dR) * dR)
        for i in 0..<d { #expect(abs(perIndex[i].target - sigmaStar[i]) <= dR) }

        // The reduction recovers σ and the point is on the SVS set.
        let recovered = model.layerSingularValues(θ, frames: frames)
        #expect(maxAbsDifference(recovered.flatMap { $0 }, σ.flatMap { $0 }) <= dR)
        #expect(model.svsResidual(θ, frames: frames) <= Double(depth) * dR)
        // Negative control: another set of frames does not diagonalise the layers.
        let other = (0...depth).map { _ in randomOrthogonal(d, &g) }
        #expect(model.svsResidual(θ, frames: other) > 0.1)
    }

    @Test("on the SVS set the gradient is diagonal in the frames, with the scalar gradients on the diagonal")
    func svsGradientReduction() {
        var g = SeededGenerator(seed: 32)
        let d = 3, depth = 4
        let frames = (0...depth).map { _ in randomOrthogonal(d, &g) }
        let sigmaStar = [2.5, 1.25, 0.75]
        let target = Matrix.product(frames[depth] * Matrix.diagonal(sigmaStar), frames[0], transposeB: true)
        let model = DeepMatrixFactorization(target: target, depth: depth)
        let σ = (0..<depth).map { _ in (0..<d).map { _ in 0.5 + g.nextUniform() } }
        let θ = model.svsParameters(σ, frames: frames)

        // Q_ℓᵀ ∇_{W_ℓ} f Q_{ℓ−1} is diagonal with entries ∂L_i/∂σ_{ℓ,i}: the reduction to Eq. 5.
        let grad = model.gradient(θ)
        let framed = model.layerSingularValues(grad, frames: frames)
        let scalarGradients = (0..<d).map { i in
            model.scalarLoss(index: i, frames: frames).gradient(σ.map { $0[i] })
        }
        // δg bounds the rounding of the computed gradient; re-projecting through frames that are
        // orthogonal to O(dε), and the O(dε) error of θ itself (built through the frames), each
        // add errors of the same γ_k order: 4δg in all.
        let tolerance = 4 * dmfRoundingBounds(model, θ).gradient
        for l in 0..<depth {
            for i in 0..<d {
                #expect(abs(framed[l][i] - scalarGradients[i][l]) <= tolerance,
                        "layer \(l + 1), index \(i): \(framed[l][i]) vs \(scalarGradients[i][l])")
            }
        }
        #expect(model.svsResidual(grad, frames: frames) <= Double(depth * d) * tolerance)
    }

    @Test("at a diagonal point, the DMF Hessian on the index-i diagonal entries is the scalar Hessian")
    func svsHessianBlock() {
        let sigmaStar = [3.0, 1.5, 0.5]
        let model = DeepMatrixFactorization(target: Matrix.diagonal(sigmaStar), depth: 3)
        let σ: [[Double]] = [[1.2, 0.9, 0.7], [1.5, 1.1, 0.6], [1.4, 1.3, 1.05]]
        let θ = model.svsParameters(σ)
        let d = 3
        for i in 0..<d {
            let scalar = model.scalarLoss(index: i).hessian(σ.map { $0[i] })
            for l in 0..<3 {
                // Direction: entry (i, i) of W_{l+1}.
                var v = [Double](repeating: 0, count: model.dimension)
                v[l * d * d + i * d + i] = 1
                let hv = model.hessianVectorProduct(θ, v)
                for m in 0..<3 {
                    // Two different O(1) computations of the same few products: 1e-14 ≈ 50 ε.
                    #expect(abs(hv[m * d * d + i * d + i] - scalar[m, l]) <= 1e-14 * max(1, abs(scalar[m, l])))
                }
            }
        }
    }

    @Test("Eq. 3 / Eq. 4 initializations: W_ℓ = αI, and W_L = 0 for the unbalanced one")
    func initializations() {
        let model = DeepMatrixFactorization(target: Matrix.identity(2), depth: 3)
        let balanced = model.unflatten(model.balancedInitialization(0.1))
        let unbalanced = model.unflatten(model.unbalancedInitialization(0.1))
        #expect(balanced.allSatisfy { $0 == 0.1 * Matrix.identity(2) })
        #expect(unbalanced[0] == 0.1 * Matrix.identity(2) && unbalanced[1] == 0.1 * Matrix.identity(2))
        #expect(unbalanced[2] == Matrix(rows: 2, columns: 2))
    }

    @Test("Chain pushforward and pullbacks compose into a two-pathway loss whose derivatives match finite differences")
    func twoPathwayComposition() {
        var g = SeededGenerator(seed: 41)
        let loss = TwoPathwayLoss(first: .init(dimensions: [3, 4, 3]), second: .init(width: 3, depth: 3),
                                  target: g.gaussianMatrix(rows: 3, columns: 3), scale: 0.5)
        let θ = g.gaussianVector(loss.dimension, standardDeviation: 0.6)
        let (a, b) = loss.split(θ)
        // Rounding bound as for one chain, with A = Σ_k Π‖W⁽ᵏ⁾‖ + ‖M⋆‖ and the largest product of
        // all-but-one layer norms over both chains; k = 5·4 terms per entry at most.
        let norms = [loss.first.unflatten(a).map(\.frobeniusNorm), loss.second.unflatten(b).map(\.frobeniusNorm)]
        let bigA = norms.map { $0.reduce(1, *) }.reduce(0, +) + loss.target.frobeniusNorm
        let others = norms.flatMap { n in (0..<n.count).map { l in n.enumerated().filter { $0.offset != l }.reduce(1.0) { $0 * $1.element } } }.max()!
        let gamma = 20 * Double.ulpOfOne
        let r = loss.residual(θ).frobeniusNorm
        let dValue = 0.5 * (2 * r * gamma * bigA + gamma * gamma * bigA * bigA) + 9 * .ulpOfOne * 0.5 * r * r
        let dGradient = others * (gamma * r + gamma * bigA)
        let h = FiniteDifferences.defaultRelativeStep

        // Gradient: f is still quadratic in each coordinate → truncation-free differences.
        let gradError = maxAbsDifference(loss.gradient(θ), FiniteDifferences.gradient(of: loss, at: θ))
        #expect(gradError <= 2 * dValue / h, "gradient error \(gradError)")

        // Hessian columns against differences of the (checked) gradient.
        var worst = 0.0
        var e = [Double](repeating: 0, count: loss.dimension)
        for j in 0..<loss.dimension {
            e[j] = 1
            worst = max(worst, maxAbsDifference(loss.hessianVectorProduct(θ, e),
                                                FiniteDifferences.hessianVectorProduct(of: loss, at: θ, direction: e)))
            e[j] = 0
        }
        #expect(worst <= 2 * dGradient / h, "Hessian column error \(worst)")
    }

    @Test("a reused gradient evaluator gives the same result as a fresh evaluation (no stale scratch state)")
    func evaluatorReuse() {
        let (model, θ, v) = ChainCase(dimensions: [4, 3, 5, 4], seed: 51).instance()
        let other = zip(θ, v).map { $0 + 0.3 * $1 }
        let evaluate = model.makeGradientEvaluator()
        var g = [Double](repeating: .nan, count: model.dimension)
        _ = evaluate(other, gradient: &g)
        let f = evaluate(θ, gradient: &g)
        let fresh = model.valueAndGradient(θ)
        // Same arithmetic in the same order: identical bits.
        #expect(f == fresh.value && g == fresh.gradient)
        #expect(model.value(θ) == fresh.value)
    }
}
