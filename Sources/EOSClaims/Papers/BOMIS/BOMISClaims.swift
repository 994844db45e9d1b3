/// The earlier version of the deep-linear-network paper (seed 001). Every claim of it: the
/// formal statements (`BOMISClaims+Statements.swift`) and the figures and prose claims
/// (`BOMISClaims+Figures.swift`), each checked as *this* version prints it.
public enum BOMISClaims {
    public static let all: [Claim] = statements + figures
}
