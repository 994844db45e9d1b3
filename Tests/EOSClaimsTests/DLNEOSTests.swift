import Testing
import EOSClaims

/// "Understanding Deep Linear Networks beyond the Edge of Stability" (seed 000; poster seed 004).
/// One parameterized test per statement; the cases are the claim's fixture
/// (`Fixtures/DLN-EOS/<ID>.json`). Figures and prose claims are in `DLNEOSTests+Figures.swift`.
@Suite("DLN-EOS: deep linear networks beyond the edge of stability (seeds 000, 004)")
struct DLNEOSTests {
}
