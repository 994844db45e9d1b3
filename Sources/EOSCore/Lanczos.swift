/// A few extreme eigenpairs of a symmetric linear operator given only by its action v ↦ A·v.
///
/// Method: the Lanczos process with full reorthogonalization and thick restarts (Wu & Simon,
/// "Thick-restart Lanczos method for large symmetric eigenvalue problems", SIAM J. Matrix Anal.
/// Appl. 22 (2000); Stewart's Krylov–Schur form). Each new vector w = A·q_c is orthogonalized
/// twice by classical Gram–Schmidt against the whole basis (and against already accepted
/// eigenvectors); the coefficients give column c of the projected matrix H = QᵀAQ, so the
/// Ritz pairs (θ, Q·s) come from a dense `SymmetricEigendecomposition` of H. The residual of a
/// Ritz pair is ‖A·y − θ·y‖ = ‖f‖·|s_last| (f the next unnormalized vector); a pair is converged
/// when this is ≤ `tolerance`·‖A‖_est, ‖A‖_est the largest |θ| or ‖f‖ seen (a lower bound for
/// ‖A‖₂). When the basis is full, the best Ritz vectors are kept (thick restart) and the process
/// continues from f.
///
/// Repeated eigenvalues: a Krylov space from one start vector contains only one direction of
/// each eigenspace, so plain Lanczos would report a double eigenvalue once. Here, after the
/// `count` wanted pairs have converged they are locked, and a confirmation run from a fresh
/// seeded random vector orthogonal to them checks that nothing in their orthogonal complement
/// ranks higher than the count-th value; anything that does is added and the check repeats.
/// For `count == 1` the confirmation is skipped unless asked for (the extreme eigenvalue is
/// found whatever its multiplicity).
///
/// Guarantee (symmetric A): each returned pair has explicit residual rᵢ = ‖A·vᵢ − λᵢ·vᵢ‖ (returned
/// in `residuals`, typically ≤ `tolerance`·‖A‖), hence an eigenvalue of A lies within rᵢ of λᵢ
/// (and within rᵢ²/gap when the rest of the spectrum is a gap away). λᵢ is the Rayleigh quotient
/// vᵢᵀAvᵢ. Whether the pairs are the *extreme* ones rests on the random starts (failure has
/// probability zero in exact arithmetic).
///
/// Deterministic for a given seed; no threads.
///
/// - Complexity: per step one product plus O(j·n) for the reorthogonalization (j ≤ basis size);
///   O(j³) per Ritz extraction, done every ~j/10 steps.
public enum Lanczos {
    /// Which end of the spectrum is wanted.
    public enum Target: Sendable {
        /// λ₁ ≥ λ₂ ≥ … (the sharpness and its neighbours).
        case largestAlgebraic
        /// λ₁ ≤ λ₂ ≤ … (returned smallest first).
        case smallestAlgebraic
        /// |λ₁| ≥ |λ₂| ≥ … (the spectral radius).
        case largestMagnitude

        @inline(__always) func key(_ theta: Double) -> Double {
            switch self {
            case .largestAlgebraic: return theta
            case .smallestAlgebraic: return -theta
            case .largestMagnitude: return abs(theta)
            }
        }
    }

    /// The computed eigenpairs, best first in the order of the `Target`.
    public struct Eigenpairs: Sendable {
        /// Eigenvalue estimates (Rayleigh quotients).
        public let values: [Double]
        /// Unit eigenvectors, `vectors[i]` for `values[i]`.
        public let vectors: [[Double]]
        /// Explicit residuals ‖A·vᵢ − λᵢ·vᵢ‖.
        public let residuals: [Double]
        /// The largest |Ritz value| or ‖f‖ seen: a lower bound for ‖A‖₂.
        public let operatorNormEstimate: Double
        /// Number of calls of the operator.
        public let matrixVectorProducts: Int
    }

    /// The `count` extreme eigenpairs of the symmetric operator `apply` on ℝⁿ.
    ///
    /// - Parameters:
    ///   - count: k, 1 ≤ k ≤ n.
    ///   - dimension: n.
    ///   - tolerance: relative residual tolerance (residual ≤ tolerance·‖A‖_est).
    ///   - seed: seed of the start vectors (`SeededGenerator`).
    ///   - maxBasisSize: basis size before a thick restart (default max(2k + 40, 60), at most n).
    ///   - maxRestarts: bound on thick restarts and confirmation runs together.
    ///   - confirm: run the confirmation for repeated eigenvalues (default: when k ≥ 2).
    /// - Throws: `NumericError.nonFinite` if the operator returns NaN/∞,
    ///   `.didNotConverge` when `maxRestarts` is exhausted.
    public static func eigenpairs(count k: Int, dimension n: Int,
                                  target: Target = .largestAlgebraic,
                                  tolerance: Double = 1e-10, seed: UInt64 = 0,
                                  maxBasisSize: Int? = nil, maxRestarts: Int = 200,
                                  confirm: Bool? = nil,
                                  _ apply: ([Double]) -> [Double]) throws -> Eigenpairs {
        precondition(n >= 1 && k >= 1 && k <= n, "Lanczos needs 1 ≤ count ≤ dimension (got \(k), \(n))")
        precondition(tolerance > 0, "Lanczos tolerance must be positive")
        return try withoutActuallyEscaping(apply) { operation in
            var run = Run(n: n, target: target, tolerance: tolerance, seed: seed, apply: operation)
            return try solve(&run, count: k, maxBasisSize: maxBasisSize, maxRestarts: maxRestarts, confirm: confirm)
        }
    }

    private static func solve(_ run: inout Run, count k: Int, maxBasisSize: Int?, maxRestarts: Int,
                              confirm: Bool?) throws -> Eigenpairs {
        let n = run.n, target = run.target, tolerance = run.tolerance
        let needConfirmation = confirm ?? (k >= 2)
        var restarts = 0
        var confirmed = !needConfirmation
        while true {
            let available = n - run.lockedValues.count
            if available == 0 { break }
            let enough = run.lockedValues.count >= k
            if enough && confirmed { break }
            let want = enough ? 1 : k - run.lockedValues.count
            let cap = min(available, max(maxBasisSize ?? max(2 * k + 40, 60), want + 10))
            let found = try run.converge(want: want, basisCap: cap, restarts: &restarts, maxRestarts: maxRestarts)
            if !enough {
                for pair in found { run.lock(pair.value, pair.vector) }
                continue
            }
            // Confirmation: accept a newcomer only if it ranks above the k-th accepted value.
            let kth = run.lockedValues.map { target.key($0) }.sorted(by: >)[k - 1]
            if let top = found.first, target.key(top.value) > kth + tolerance * run.normEstimate {
                run.lock(top.value, top.vector)
            } else {
                confirmed = true
            }
        }
        return try run.finish(count: k)
    }

    /// The state of one computation: the operator, the locked pairs, the counters.
    private struct Run {
        let n: Int
        let target: Target
        let tolerance: Double
        var rng: SeededGenerator
        let apply: ([Double]) -> [Double]
        var lockedValues: [Double] = []
        var lockedVectors: [Double] = []       // row-major, one locked vector per row
        var normEstimate = 0.0
        var products = 0

        init(n: Int, target: Target, tolerance: Double, seed: UInt64, apply: @escaping ([Double]) -> [Double]) {
            self.n = n; self.target = target; self.tolerance = tolerance
            self.rng = SeededGenerator(seed: seed); self.apply = apply
        }

        mutating func lock(_ value: Double, _ vector: [Double]) {
            lockedValues.append(value)
            lockedVectors.append(contentsOf: vector)
        }

        mutating func multiply(_ x: [Double]) throws -> [Double] {
            products += 1
            let y = apply(x)
            precondition(y.count == n, "Lanczos: the operator returned \(y.count) entries, expected \(n)")
            for v in y where !v.isFinite { throw NumericError.nonFinite("Lanczos: the operator returned NaN or ±∞") }
            return y
        }

        /// x ← x − Σ (lᵀx)·l over the locked vectors and the first `basisCount` rows of `basis`,
        /// twice; returns the coefficients against the basis rows (summed over both passes).
        func orthogonalize(_ x: inout [Double], basis: [Double], basisCount: Int) -> [Double] {
            var h = [Double](repeating: 0, count: basisCount)
            let lockedCount = lockedValues.count
            x.withUnsafeMutableBufferPointer { xb in
                let xp = xb.baseAddress!
                for _ in 0..<2 {
                    lockedVectors.withUnsafeBufferPointer { lb in
                        for r in 0..<lockedCount {
                            let l = lb.baseAddress! + r * n
                            let s = unrolledDot(l, xp, count: n)
                            for i in 0..<n { xp[i] -= s * l[i] }
                        }
                    }
                    basis.withUnsafeBufferPointer { bb in
                        for r in 0..<basisCount {
                            let q = bb.baseAddress! + r * n
                            let s = unrolledDot(q, xp, count: n)
                            for i in 0..<n { xp[i] -= s * q[i] }
                            h[r] += s
                        }
                    }
                }
            }
            return h
        }

        /// A unit vector orthogonal to the locked vectors, from the seeded generator.
        mutating func randomStart() -> [Double] {
            for _ in 0..<10 {
                var x = rng.gaussianVector(n)
                let before = x.euclideanNorm
                _ = orthogonalize(&x, basis: [], basisCount: 0)
                let after = x.euclideanNorm
                if after > 1e-6 * before { return x.map { $0 / after } }
            }
            preconditionFailure("Lanczos: no start vector orthogonal to \(lockedValues.count) locked vectors in ℝ^\(n)")
        }

        /// Runs thick-restarted Lanczos on the complement of the locked vectors until the `want`
        /// best Ritz pairs have converged (or the Krylov space became invariant, in which case
        /// the exact pairs it holds are returned, possibly fewer than `want`).
        mutating func converge(want: Int, basisCap cap: Int, restarts: inout Int, maxRestarts: Int) throws
            -> [(value: Double, vector: [Double])] {
            var basis = [Double](repeating: 0, count: (cap + 1) * n)
            var h = [Double](repeating: 0, count: cap * cap)    // H = QᵀAQ, row-major cap×cap
            let start = randomStart()
            for i in 0..<n { basis[i] = start[i] }
            var count = 0          // columns of H complete (vectors whose product is known)
            var lastCheck = 0
            let invariantLevel = Double(n).squareRoot() * 8 * .ulpOfOne
            while true {
                // Extend: w = A·q_count, orthogonalized against everything.
                let q = Array(basis[(count * n)..<((count + 1) * n)])
                var w = try multiply(q)
                let coefficients = orthogonalize(&w, basis: basis, basisCount: count + 1)
                for r in 0...count {
                    h[r * cap + count] = coefficients[r]
                    h[count * cap + r] = coefficients[r]
                }
                count += 1
                let b = w.euclideanNorm
                normEstimate = max(normEstimate, abs(coefficients[count - 1]), b)
                // Invariant: f is rounding noise, or the basis already spans the whole complement
                // of the locked vectors; then every Ritz pair of H is exact.
                let invariant = b <= invariantLevel * normEstimate || count == n - lockedValues.count
                let full = count == cap
                guard invariant || full || (count >= want && count - lastCheck >= max(1, count / 10)) else {
                    for i in 0..<n { basis[count * n + i] = w[i] / b }
                    continue
                }
                lastCheck = count
                // Ritz pairs of H, best first.
                var hc = Matrix(rows: count, columns: count)
                for r in 0..<count { for c in 0..<count { hc.storage[r * count + c] = h[r * cap + c] } }
                let eig = try SymmetricEigendecomposition(hc)
                let order = (0..<count).sorted { target.key(eig.eigenvalues[$0]) > target.key(eig.eigenvalues[$1]) }
                for theta in eig.eigenvalues { normEstimate = max(normEstimate, abs(theta)) }
                let wanted = Array(order.prefix(want))
                let residualEstimate = { (i: Int) -> Double in invariant ? 0 : b * abs(eig.eigenvector(i)[count - 1]) }
                let converged = wanted.allSatisfy { residualEstimate($0) <= tolerance * normEstimate }
                if converged || invariant {
                    return wanted.map { i in (eig.eigenvalues[i], ritzVector(eig.eigenvector(i), basis: basis, count: count)) }
                }
                guard full else {
                    for i in 0..<n { basis[count * n + i] = w[i] / b }
                    continue
                }
                // Thick restart: keep the best `keep` Ritz vectors, then continue from f = w.
                restarts += 1
                if restarts > maxRestarts {
                    throw NumericError.didNotConverge("Lanczos after \(restarts) thick restarts and confirmation runs")
                }
                let keep = min(count - 2, max(want + 5, (count + want) / 2))
                let kept = Array(order.prefix(keep))
                var newBasis = [Double](repeating: 0, count: (cap + 1) * n)
                for (slot, i) in kept.enumerated() {
                    let y = ritzVector(eig.eigenvector(i), basis: basis, count: count)
                    for t in 0..<n { newBasis[slot * n + t] = y[t] }
                }
                for t in 0..<n { newBasis[keep * n + t] = w[t] / b }
                basis = newBasis
                for t in 0..<(cap * cap) { h[t] = 0 }
                for (slot, i) in kept.enumerated() {
                    h[slot * cap + slot] = eig.eigenvalues[i]
                    let coupling = b * eig.eigenvector(i)[count - 1]
                    h[slot * cap + keep] = coupling
                    h[keep * cap + slot] = coupling
                }
                count = keep
                lastCheck = keep
            }
        }

        /// y = Σ_r s_r·q_r, normalized.
        func ritzVector(_ s: [Double], basis: [Double], count: Int) -> [Double] {
            var y = [Double](repeating: 0, count: n)
            basis.withUnsafeBufferPointer { bb in
                for r in 0..<count {
                    let q = bb.baseAddress! + r * n, sr = s[r]
                    for i in 0..<n { y[i] += sr * q[i] }
                }
            }
            let norm = y.euclideanNorm
            return norm > 0 ? y.map { $0 / norm } : y
        }

        /// The best `count` locked pairs with Rayleigh quotients and explicit residuals.
        mutating func finish(count k: Int) throws -> Eigenpairs {
            var pairs: [(value: Double, vector: [Double], residual: Double)] = []
            for r in 0..<lockedValues.count {
                let v = Array(lockedVectors[(r * n)..<((r + 1) * n)])
                let av = try multiply(v)
                let rq = av.dot(v)
                var res = av
                for i in 0..<n { res[i] -= rq * v[i] }
                pairs.append((rq, v, res.euclideanNorm))
            }
            pairs.sort { target.key($0.value) > target.key($1.value) }
            let best = pairs.prefix(k)
            return Eigenpairs(values: best.map(\.value), vectors: best.map(\.vector),
                              residuals: best.map(\.residual), operatorNormEstimate: normEstimate,
                              matrixVectorProducts: products)
        }
    }
}
