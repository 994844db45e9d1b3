/// Every claim of this paper, in index order. Each claim is defined in its own file in this
/// folder as `static let <name>: Claim` in an extension of this enum, and listed here.
public enum DLNEOSClaims {
    public static let all: [Claim] = []
}
