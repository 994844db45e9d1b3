extension DLNEOSClaims {
    /// Definitions, equations, lemmas, propositions and theorems of seed 000, in index order.
    static let statements: [Claim] = [
        equationDescent, equation1, equation2, equation3, equation4, equation5, definitionGFS,
        proposition1, proposition2, lemma1, theorem1,
        proposition3, proposition4, lemma2, lemma3, lemma4, lemma5, lemma6, equations44to48,
        lemma7, lemma8, lemma9, lemma10, lemma11, equation7, equationHolder, equations8to11, equation12,
    ]
}
