import Testing
import EOSClaims

/// Figures and prose claims of seed 001.
extension BOMISTests {
}
