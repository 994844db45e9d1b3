import EOSCore

/// A twice-differentiable loss f: ℝⁿ → ℝ on a flat parameter vector, with its exact gradient
/// ∇f(θ) and exact Hessian–vector products ∇²f(θ)·v.
///
/// **Layout.** All parameters live in one contiguous `[Double]` of length `dimension`; each
/// conforming type documents how its structured parameters (matrices, scalars) are laid out in
/// that vector (e.g. `DeepMatrixFactorization`: W₁ first, each matrix row-major). Gradients and
/// Hessian–vector products use the same layout, so GD is the plain vector update
/// θ ← θ − η∇f(θ).
///
/// **Contract.** `gradient` and `hessianVectorProduct` are exact derivatives (computed in
/// closed form, not by differencing) up to floating-point rounding; `FiniteDifferences`
/// provides the independent cross-check. `hessianVectorProduct` is linear in `v` and
/// ∇²f is symmetric, so ⟨u, ∇²f v⟩ = ⟨v, ∇²f u⟩ up to rounding (`DenseHessian` reports the
/// measured asymmetry).
///
/// **Speed hooks** (with default implementations): `valueAndGradient` shares work between
/// the two, `hessianOperator(at:)` lets a loss cache the point-dependent part of the HVP for
/// iterative eigensolvers (Lanczos calls it many times at one θ), and
/// `makeGradientEvaluator()` returns a closure that writes the gradient into a caller-owned
/// buffer and may keep its own scratch space, so a GD loop allocates nothing per step.
public protocol DifferentiableLoss {
    /// The number n of scalar parameters (the length of θ).
    var dimension: Int { get }

    /// f(θ).
    func value(_ θ: [Double]) -> Double

    /// ∇f(θ), in the layout of θ.
    func gradient(_ θ: [Double]) -> [Double]

    /// (f(θ), ∇f(θ)) in one pass.
    func valueAndGradient(_ θ: [Double]) -> (value: Double, gradient: [Double])

    /// The Hessian–vector product ∇²f(θ)·v = d/dε ∇f(θ + εv) at ε = 0.
    func hessianVectorProduct(_ θ: [Double], _ v: [Double]) -> [Double]

    /// The linear map v ↦ ∇²f(θ)·v at a fixed θ. Conformers may precompute everything that
    /// depends only on θ, so each application is cheaper than `hessianVectorProduct`.
    func hessianOperator(at θ: [Double]) -> ([Double]) -> [Double]

    /// A reusable evaluator of (f(θ), ∇f(θ)) that writes the gradient in place.
    func makeGradientEvaluator() -> GradientEvaluator
}

extension DifferentiableLoss {
    public func valueAndGradient(_ θ: [Double]) -> (value: Double, gradient: [Double]) {
        (value(θ), gradient(θ))
    }

    public func hessianOperator(at θ: [Double]) -> ([Double]) -> [Double] {
        { v in self.hessianVectorProduct(θ, v) }
    }

    public func makeGradientEvaluator() -> GradientEvaluator {
        GradientEvaluator { θ, g in
            let (f, grad) = self.valueAndGradient(θ)
            g = grad
            return f
        }
    }
}

/// A closure computing f(θ) and writing ∇f(θ) into a caller-owned buffer, which must already
/// have length n (the loss's `dimension`).
///
/// An evaluator may own mutable scratch space (it is a reference-semantics closure), so one
/// evaluator must not be called from two threads at once; make one per thread instead.
public struct GradientEvaluator {
    @usableFromInline let body: ([Double], inout [Double]) -> Double

    /// Wrap `body(θ, &gradient) -> f(θ)`.
    public init(_ body: @escaping ([Double], inout [Double]) -> Double) {
        self.body = body
    }

    /// Returns f(θ) and overwrites `gradient` with ∇f(θ).
    @inlinable
    public func callAsFunction(_ θ: [Double], gradient: inout [Double]) -> Double {
        body(θ, &gradient)
    }
}
