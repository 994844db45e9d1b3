extension BOMISClaims {
    /// Definitions, equations, lemmas, theorems and conjectures of seed 001, in index order.
    static let statements: [Claim] = [
        definition1, definition2, definition3, equation1, equation2, equation3, equation8, theorem1, equation5, equation6, lemma2, lemma1, conjecture1, theorem2, conjecture2, lemmaD1,
    ]
}
