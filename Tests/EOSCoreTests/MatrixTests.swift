import Testing
@testable import EOSCore

@Suite("Matrix")
struct MatrixTests {
    @Test("product matches the definition Σₖ aᵢₖ bₖⱼ for every transpose combination",
          arguments: [(false, false), (true, false), (false, true), (true, true)])
    func productAgainstDefinition(transposeA: Bool, transposeB: Bool) {
        var g = SeededGenerator(seed: 1)
        let a = g.gaussianMatrix(rows: transposeA ? 7 : 5, columns: transposeA ? 5 : 7)
        let b = g.gaussianMatrix(rows: transposeB ? 4 : 7, columns: transposeB ? 7 : 4)
        let c = Matrix.product(a, transposeA: transposeA, b, transposeB: transposeB)
        #expect(c.rows == 5 && c.columns == 4)
        for i in 0..<5 {
            for j in 0..<4 {
                var s = 0.0
                for k in 0..<7 {
                    s += (transposeA ? a[k, i] : a[i, k]) * (transposeB ? b[j, k] : b[k, j])
                }
                // Same sums in a different order: a few ulps of the row norm.
                #expect(abs(c[i, j] - s) <= 1e-13 * 10)
            }
        }
    }
}
