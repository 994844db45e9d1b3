/// Chen & Bruna, "Beyond the Edge of Stability via Two-step Gradient Updates" (seed 002).
/// Every claim of this paper, in index order. Each claim is defined in its own file in this
/// folder (`CB23+<Statement>.swift`) as a `static let` in an extension of this enum.
public enum CB23Claims {
    public static let all: [Claim] = [
        theorem1,
        lemma1,
        corollary1,
        proposition1,
        proposition2,
        corollary2, corollary3, corollary4, corollary5, corollary6, corollary7, corollary8,
        theorem2,
        theorem3,
        proposition3,
        lemma2,
        section5Claim1,
        theorem4,
        proposition4,
        appendixL,
        observation1,
        observation1Remark,
        figure2Claim,
        proposition5,
        proposition6,
        proposition7,
        theorem6,
    ]
}
