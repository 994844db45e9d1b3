import Testing
import EOSClaims

/// Figures and prose claims of seed 000 and its poster (seed 004).
extension DLNEOSTests {
}
