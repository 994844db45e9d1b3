import Testing
import EOSClaims

/// The earlier version of the deep-linear-network paper (seed 001), checked as it prints its
/// statements. Figures and prose claims are in `BOMISTests+Figures.swift`.
@Suite("BOMIS: the earlier version of the DLN paper (seed 001)")
struct BOMISTests {
}
