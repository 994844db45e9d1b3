import Testing
@testable import EOSCore

/// One product shape: op(A) is m × k, op(B) is k × n.
struct ProductCase: CustomTestStringConvertible, Sendable {
    let m: Int, k: Int, n: Int
    let transposeA: Bool, transposeB: Bool
    var testDescription: String {
        "\(m)×\(k)\(transposeA ? "ᵀ" : "") · \(k)×\(n)\(transposeB ? "ᵀ" : "")"
    }
}

/// Σₚ op(A)ᵢₚ op(B)ₚⱼ by the definition (triple loop, plain multiply and add), with the bound
/// Σₚ |op(A)ᵢₚ op(B)ₚⱼ| that scales the rounding error.
private func naiveProduct(_ a: Matrix, _ transposeA: Bool, _ b: Matrix, _ transposeB: Bool,
                          m: Int, k: Int, n: Int) -> (value: Matrix, magnitude: Matrix) {
    var c = Matrix(rows: m, columns: n), mag = Matrix(rows: m, columns: n)
    for i in 0..<m {
        for j in 0..<n {
            var s = 0.0, t = 0.0
            for p in 0..<k {
                let x = (transposeA ? a[p, i] : a[i, p]) * (transposeB ? b[j, p] : b[p, j])
                s += x; t += abs(x)
            }
            c[i, j] = s; mag[i, j] = t
        }
    }
    return (c, mag)
}

private let transposes = [(false, false), (true, false), (false, true), (true, true)]

/// Odd sizes around the micro-tile (8 × 16) and block (k-block 192, m-block 128) edges, and
/// a few rectangular ones, for every transpose combination.
private let productCases: [ProductCase] = {
    var cases: [ProductCase] = []
    for s in [1, 3, 17, 65, 130] {
        for (ta, tb) in transposes { cases.append(ProductCase(m: s, k: s, n: s, transposeA: ta, transposeB: tb)) }
    }
    for (m, k, n) in [(5, 7, 4), (130, 3, 17), (9, 200, 33), (1, 65, 130), (130, 65, 1), (17, 400, 16)] {
        for (ta, tb) in transposes { cases.append(ProductCase(m: m, k: k, n: n, transposeA: ta, transposeB: tb)) }
    }
    return cases
}()

@Suite("Matrix")
struct MatrixTests {
    @Test("product matches the triple loop Σₚ aᵢₚ bₚⱼ for odd sizes and every transpose combination",
          arguments: productCases)
    func productAgainstDefinition(_ t: ProductCase) {
        var g = SeededGenerator(seed: UInt64(1000 * t.m + 10 * t.k + t.n))
        let a = g.gaussianMatrix(rows: t.transposeA ? t.k : t.m, columns: t.transposeA ? t.m : t.k)
        let b = g.gaussianMatrix(rows: t.transposeB ? t.n : t.k, columns: t.transposeB ? t.k : t.n)
        let c = Matrix.product(a, transposeA: t.transposeA, b, transposeB: t.transposeB)
        #expect(c.rows == t.m && c.columns == t.n)
        let (reference, magnitude) = naiveProduct(a, t.transposeA, b, t.transposeB, m: t.m, k: t.k, n: t.n)
        var worst = 0.0
        for i in 0..<t.m {
            for j in 0..<t.n {
                // Both are recursive sums of the same k terms (the kernel with FMAs): each is
                // within γ_k Σ|aᵢₚ bₚⱼ| of the exact value, γ_k ≈ k ε, so they differ by ≤ 2 k ε Σ|·|.
                let bound = 2 * Double(t.k) * Double.ulpOfOne * magnitude[i, j]
                worst = max(worst, abs(c[i, j] - reference[i, j]) / max(bound, .leastNormalMagnitude))
            }
        }
        #expect(worst <= 1, "largest error / bound = \(worst)")
    }

    @Test("every element is the same FMA chain whatever the code path: blocked and small products agree bitwise")
    func productIsPathIndependent() {
        var g = SeededGenerator(seed: 7)
        // 130 × 300 · 300 × 40 is blocked (two m-blocks, two k-blocks of 150, edge tiles in m and
        // n); a 3-row slice of it goes through the small loops.
        let a = g.gaussianMatrix(rows: 130, columns: 300)
        let b = g.gaussianMatrix(rows: 300, columns: 40)
        let full = Matrix.product(a, b)
        let slice = Matrix(rows: 3, columns: 300, storage: Array(a.storage[0..<900]))
        let part = Matrix.product(slice, b)
        for i in 0..<3 { for j in 0..<40 { #expect(full[i, j] == part[i, j]) } }
        // The transposed route packs differently but forms the same chains.
        let viaTranspose = Matrix.product(a.transposed, transposeA: true, b.transposed, transposeB: true)
        #expect(viaTranspose == full)
    }

    @Test("gemm with α and accumulate: C ← C + α·A·B")
    func gemmAccumulates() {
        var g = SeededGenerator(seed: 3)
        for s in [3, 65] {
            let a = g.gaussianMatrix(rows: s, columns: s + 2)
            let b = g.gaussianMatrix(rows: s + 2, columns: s)
            let c0 = g.gaussianMatrix(rows: s, columns: s)
            var c = c0
            a.storage.withUnsafeBufferPointer { ap in
                b.storage.withUnsafeBufferPointer { bp in
                    c.storage.withUnsafeMutableBufferPointer { cp in
                        Matrix.gemm(s, s, s + 2, ap.baseAddress!, transposeA: false, bp.baseAddress!, transposeB: false,
                                    cp.baseAddress!, alpha: -0.5, accumulate: true)
                    }
                }
            }
            let expected = c0 + (-0.5) * Matrix.product(a, b)
            // Two roundings of α·a and of the final sum on top of the chain: (k + 3) ε Σ|·| with
            // Σ|·| ≤ ‖c0‖_max + |α| Σ|aᵢₚ bₚⱼ| ≤ 50 for these Gaussian draws (k ≤ 67).
            #expect((c - expected).maxAbs <= Double(s + 5) * Double.ulpOfOne * 50)
        }
    }

    @Test("empty inner dimension gives the zero matrix; NaN and ∞ propagate (zeros are not skipped)")
    func productEdgeCases() {
        let z = Matrix.product(Matrix(rows: 2, columns: 0), Matrix(rows: 0, columns: 3))
        #expect(z == Matrix(rows: 2, columns: 3))
        let a = Matrix([[0, 1]])
        let b = Matrix([[Double.infinity], [1]])
        #expect(Matrix.product(a, b)[0, 0].isNaN)
    }
}
