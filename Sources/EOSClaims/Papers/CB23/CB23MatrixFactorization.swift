import EOSCore

/// Two-factor matrix factorisation L(X, Y) = ½‖XY − C‖²_F (X m×p, Y p×q; App. J's form, Eq. 146),
/// with its exact gradient and Hessian–vector product, and the small spectral tools the Section 6
/// checks need (thin wrappers over the core's eigen- and singular value decompositions).
struct CB23MatrixFactorization: Sendable {
    let target: Matrix
    let p: Int
    var m: Int { target.rows }
    var q: Int { target.columns }

    func split(_ theta: [Double]) -> (Matrix, Matrix) {
        let x = Matrix(rows: m, columns: p, storage: Array(theta[0..<(m * p)]))
        let y = Matrix(rows: p, columns: q, storage: Array(theta[(m * p)...]))
        return (x, y)
    }

    func join(_ x: Matrix, _ y: Matrix) -> [Double] { x.storage + y.storage }

    func loss(_ theta: [Double]) -> Double {
        let (x, y) = split(theta)
        let r = x * y - target
        return 0.5 * r.frobeniusNorm * r.frobeniusNorm
    }

    /// ∇L = (R Yᵀ, Xᵀ R), R = XY − C.
    func gradient(_ theta: [Double]) -> [Double] {
        let (x, y) = split(theta)
        let r = x * y - target
        return join(Matrix.product(r, y, transposeB: true), Matrix.product(x, transposeA: true, r))
    }

    /// H(U, V) = (J Yᵀ + R Vᵀ, Xᵀ J + Uᵀ R), J = UY + XV: the derivative of the gradient along (U, V).
    func hessianVectorProduct(_ theta: [Double], _ direction: [Double]) -> [Double] {
        let (x, y) = split(theta), (u, v) = split(direction)
        let r = x * y - target, j = u * y + x * v
        return join(Matrix.product(j, y, transposeB: true) + Matrix.product(r, v, transposeB: true),
                    Matrix.product(x, transposeA: true, j) + Matrix.product(u, transposeA: true, r))
    }
}

extension CB23Support {
    /// The largest eigenvalue of a symmetric positive semi-definite operator by power iteration
    /// (`iterations` steps from a seeded random start), with its unit eigenvector and the residual
    /// ‖Av − λv‖ that certifies an eigen-pair (not that it is the largest: that rests on the random
    /// start and the iteration count against the gap).
    static func topEigenpair(dimension n: Int, iterations: Int, seed: UInt64,
                             _ apply: ([Double]) -> [Double]) -> (value: Double, vector: [Double], residual: Double) {
        var rng = SeededGenerator(seed: seed)
        var v = rng.gaussianVector(n)
        var norm = v.euclideanNorm
        v = v.map { $0 / norm }
        for _ in 0..<iterations {
            let w = apply(v)
            norm = w.euclideanNorm
            guard norm > 0 else { break }
            v = w.map { $0 / norm }
        }
        let av = apply(v)
        let lambda = av.dot(v)
        let residual = zip(av, v).map { $0 - lambda * $1 }.euclideanNorm
        return (lambda, v, residual)
    }

    /// The top singular triple (σ₁, u₁, v₁) of a matrix, A·v₁ = σ₁·u₁, from the core one-sided Jacobi
    /// `SingularValueDecomposition` (absolute accuracy c·√(mn)·ε·‖A‖). The signs of u₁, v₁ are
    /// arbitrary (jointly). A non-finite matrix gives σ = NaN.
    static func topSingularTriple(_ a: Matrix) -> (sigma: Double, u: [Double], v: [Double]) {
        guard let svd = try? SingularValueDecomposition(a), let sigma = svd.singularValues.first else {
            return (.nan, [Double](repeating: .nan, count: a.rows), [Double](repeating: .nan, count: a.columns))
        }
        return (sigma, svd.u.column(0), svd.v.column(0))
    }
}

extension CB23Support {
    /// All eigenvalues in DESCENDING order and the eigenvectors (columns, same order) of the symmetric
    /// part of a matrix, from the core `SymmetricEigendecomposition` (Householder tridiagonalization +
    /// implicit QL; backward stable, |λ̂ − λ| ≤ c·n·ε·‖A‖₂, orthonormal vectors). The name is historical
    /// (this was a private cyclic Jacobi solver); callers rely on `values[0]` being the largest.
    /// A non-finite matrix gives NaN values and vectors instead of trapping.
    static func jacobiEigen(_ input: Matrix) -> (values: [Double], vectors: Matrix) {
        precondition(input.isSquare)
        let n = input.rows
        guard let eig = try? SymmetricEigendecomposition(input) else {
            return ([Double](repeating: .nan, count: n), Matrix(rows: n, columns: n, repeating: .nan))
        }
        let ascending = eig.eigenvectors
        var vectors = Matrix(rows: n, columns: n)
        for i in 0..<n { for j in 0..<n { vectors[i, j] = ascending[i, n - 1 - j] } }
        return (eig.eigenvalues.reversed(), vectors)
    }

    /// The dense matrix of a linear operator on ℝⁿ, column by column.
    static func denseMatrix(dimension n: Int, _ apply: ([Double]) -> [Double]) -> Matrix {
        var m = Matrix(rows: n, columns: n, repeating: 0)
        for j in 0..<n {
            var e = [Double](repeating: 0, count: n)
            e[j] = 1
            m.setColumn(j, apply(e))
        }
        return m
    }
}
