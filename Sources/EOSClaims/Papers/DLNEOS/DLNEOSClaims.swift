/// "Understanding Deep Linear Networks beyond the Edge of Stability" (seed 000, with its
/// poster, seed 004). Every claim of this paper: the formal statements
/// (`DLNEOSClaims+Statements.swift`) and the figures and prose claims
/// (`DLNEOSClaims+Figures.swift`). Each claim is defined in its own file in this folder as a
/// `static let` in an extension of this enum, and listed in one of those two lists.
public enum DLNEOSClaims {
    public static let all: [Claim] = statements + figures
}
