import Testing
import EOSClaims

/// Figures and prose claims of seed 001.
extension BOMISTests {
    @Test("Footnotes 1–2: equal init stays balanced; a quadratic at η = 2/λ (exactly) does not blow up",
          arguments: try ClaimTesting.cases("BOMIS.Fn-claim1"))
    func footnoteClaim1(_ c: ClaimCase) throws { try ClaimTesting.verify("BOMIS.Fn-claim1", c) }

    @Test("Figures and prose needing MNIST or CIFAR-10 are recorded as not checkable offline",
          arguments: ["BOMIS.Fig1", "BOMIS.Fig9", "BOMIS.Fig15", "BOMIS.Fig16", "BOMIS.Fig17", "BOMIS.Fig18",
                      "BOMIS.Sec4.2-claim1"])
    func datasetFigures(_ id: String) throws {
        let claim = try ClaimRegistry.claim(id)
        #expect(claim.expected == .notCheckableOffline && claim.needsDataset != nil)
    }
}
