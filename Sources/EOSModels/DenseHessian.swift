import EOSCore

/// The full n × n Hessian of a loss, assembled column by column from Hessian–vector products
/// on the basis vectors: column j of H̃ is ∇²f(θ)·e_j.
///
/// The exact Hessian is symmetric; the assembled H̃ is symmetric only up to rounding (and up
/// to bugs in the HVP: an HVP that is not the derivative of a gradient is typically not
/// symmetric). `matrix` is the symmetrised ½(H̃ + H̃ᵀ), the best symmetric approximation in the
/// Frobenius norm, and `asymmetry` = ‖H̃ − H̃ᵀ‖_F reports what was removed — compare it with
/// the rounding level ~ n · ε · ‖H̃‖_F.
///
/// Cost: n HVPs (each O(L d³) for `DeepMatrixFactorization`) and O(n²) memory, so this is for
/// small models and for cross-checking Lanczos; the eigenvalues are for a dense symmetric
/// eigensolver.
public struct DenseHessian: Sendable {
    /// ½(H̃ + H̃ᵀ).
    public let matrix: Matrix
    /// ‖H̃ − H̃ᵀ‖_F of the assembled (unsymmetrised) H̃.
    public let asymmetry: Double
    /// ‖H̃‖_F.
    public let norm: Double

    /// ‖H̃ − H̃ᵀ‖_F / ‖H̃‖_F (0 for the zero matrix).
    public var relativeAsymmetry: Double { norm == 0 ? 0 : asymmetry / norm }

    /// The Hessian of `loss` at θ, from `loss.hessianOperator(at:)`.
    public init<Loss: DifferentiableLoss>(of loss: Loss, at θ: [Double]) {
        precondition(θ.count == loss.dimension, "θ has \(θ.count) entries, expected \(loss.dimension)")
        self.init(dimension: loss.dimension, operator: loss.hessianOperator(at: θ))
    }

    /// The matrix of a linear operator ℝⁿ → ℝⁿ that is symmetric in exact arithmetic.
    public init(dimension n: Int, operator apply: ([Double]) -> [Double]) {
        precondition(n >= 1, "dimension must be ≥ 1")
        var raw = Matrix(rows: n, columns: n)
        var e = [Double](repeating: 0, count: n)
        for j in 0..<n {
            e[j] = 1
            let column = apply(e)
            precondition(column.count == n, "The operator returned \(column.count) entries, expected \(n)")
            raw.setColumn(j, column)
            e[j] = 0
        }
        var asym = 0.0
        for i in 0..<n {
            for j in 0..<n {
                let d = raw[i, j] - raw[j, i]
                asym += d * d
            }
        }
        self.asymmetry = asym.squareRoot()
        self.norm = raw.frobeniusNorm
        self.matrix = raw.symmetrized
    }
}
