/// "Gradient Descent with Large Step Size Restores Symmetry in Deep Linear Networks with
/// Multi-Pathway" (seed 003). The extraction lost the paper's inline mathematics; every
/// formula marked [R] in a claim's statement is the index's reconstruction, checked against
/// the prose and said so in the claim.
///
/// Every claim of this paper, in index order. Each claim is defined in its own file in this
/// folder as `static let <name>: Claim` in an extension of this enum, and listed here.
public enum MPDLNClaims {
    public static let all: [Claim] = [
        equations1to4,
        proposition4_1,
        theorem4_2,
        section4Claim1,
        section5_1Claim1,
        section5_1Claim2,
        proposition5_1,
        section5_3Claim1,
        equation19,
        definition6_1,
        theorem6_2,
        proposition6_3,
        equation24,
        lemmaB2,
        propositionB4,
        equationsC35to39,
        theoremC2,
        lemmaC1,
        propositionD1,
        theoremD2,
        equationD51,
        lemmaE1,
        propositionE3,
        theoremE8,
        lemmaE9,
        sectionE6Claim,
        lemmaF1,
        lemmaF2,
        figure4,
        figure5,
    ]
}
