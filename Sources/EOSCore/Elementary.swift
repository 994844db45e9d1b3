#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#elseif canImport(ucrt)
import ucrt
#endif

// Thin, always-inlined wrappers over the C library's elementary functions, so the core needs
// no Foundation. They are correctly rounded or within 1 ulp on glibc and Darwin.
@inline(__always) @usableFromInline func _log(_ x: Double) -> Double { log(x) }
@inline(__always) @usableFromInline func _exp(_ x: Double) -> Double { exp(x) }
@inline(__always) @usableFromInline func _sin(_ x: Double) -> Double { sin(x) }
@inline(__always) @usableFromInline func _cos(_ x: Double) -> Double { cos(x) }
@inline(__always) @usableFromInline func _pow(_ x: Double, _ y: Double) -> Double { pow(x, y) }
