import EOSCore

/// Two-factor matrix factorisation L(X, Y) = ½‖XY − C‖²_F (X m×p, Y p×q; App. J's form, Eq. 146),
/// with its exact gradient and Hessian–vector product, and the small spectral tools the Section 6
/// checks need (the core's eigensolvers had not landed when these were written).
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

    /// The top singular triple (σ, u, v) of a matrix from the Jacobi eigen-decomposition of MᵀM.
    static func topSingularTriple(_ a: Matrix) -> (sigma: Double, u: [Double], v: [Double]) {
        let (values, vectors) = jacobiEigen(Matrix.product(a, transposeA: true, a))
        let sigma = max(values[0], 0).squareRoot()
        let v = vectors.column(0)
        let av = a * v
        return (sigma, av.map { $0 / sigma }, v)
    }
}

extension CB23Support {
    /// All eigenvalues (descending) and eigenvectors (columns, same order) of a symmetric matrix by the
    /// cyclic Jacobi method: rotations annihilate off-diagonal entries until their norm is below
    /// 1e-15·‖A‖_F. Backward stable; eigenvalues accurate to a few ε·‖A‖. O(n³) per sweep, ≤ 60 sweeps.
    /// (A stand-in until the core's SymmetricEigendecomposition lands.)
    static func jacobiEigen(_ input: Matrix) -> (values: [Double], vectors: Matrix) {
        precondition(input.isSquare)
        let n = input.rows
        var a = input.symmetrized
        var v = Matrix.identity(n)
        let scale = max(a.frobeniusNorm, Double.leastNormalMagnitude)
        for _ in 0..<60 {
            var off = 0.0
            for i in 0..<n { for j in 0..<n where i != j { off += a[i, j] * a[i, j] } }
            if off.squareRoot() <= 1e-15 * scale { break }
            for p in 0..<(n - 1) {
                for q in (p + 1)..<n where a[p, q] != 0 {
                    let theta = (a[q, q] - a[p, p]) / (2 * a[p, q])
                    let t = (theta >= 0 ? 1.0 : -1.0) / (abs(theta) + (theta * theta + 1).squareRoot())
                    let c = 1 / (t * t + 1).squareRoot(), s = t * c
                    for k in 0..<n {
                        let akp = a[k, p], akq = a[k, q]
                        a[k, p] = c * akp - s * akq
                        a[k, q] = s * akp + c * akq
                    }
                    for k in 0..<n {
                        let apk = a[p, k], aqk = a[q, k]
                        a[p, k] = c * apk - s * aqk
                        a[q, k] = s * apk + c * aqk
                    }
                    for k in 0..<n {
                        let vkp = v[k, p], vkq = v[k, q]
                        v[k, p] = c * vkp - s * vkq
                        v[k, q] = s * vkp + c * vkq
                    }
                }
            }
        }
        let order = (0..<n).sorted { a[$0, $0] > a[$1, $1] }
        var vectors = Matrix(rows: n, columns: n, repeating: 0)
        for (newIndex, old) in order.enumerated() { vectors.setColumn(newIndex, v.column(old)) }
        return (order.map { a[$0, $0] }, vectors)
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
