import Foundation
import Synchronization
import Testing
import EOSClaims
import EOSCommandLine

/// Drives `eos-verify` in-process with a captured console.
struct Captured: Sendable {
    let status: Int32
    let output: String
    let error: String

    static func run(_ args: [String], fixtures: FixtureStore? = nil) async -> Captured {
        let out = Mutex(""), err = Mutex("")
        let console = Console(output: { s in out.withLock { $0 += s } },
                              error: { s in err.withLock { $0 += s } })
        let status = await CommandLineTool.main(args, console: console, fixtures: fixtures)
        return Captured(status: status, output: out.withLock { $0 }, error: err.withLock { $0 })
    }
}

@Suite("eos-verify command line")
struct CommandLineTests {
    @Test("bad usage exits 2 with one line on stderr naming the problem",
          arguments: [[], ["frobnicate"], ["run", "NOPE.Thm9"], ["list", "--bogus"], ["check"],
                      ["check", "NOPE.Thm9"], ["report", "--out"], ["checklist", "--nope"], ["run", "--fast"]])
    func badUsage(args: [String]) async {
        let r = await Captured.run(args)
        #expect(r.status == 2)
        #expect(r.error.hasPrefix("eos-verify: "))
        #expect(r.error.filter { $0 == "\n" }.count == 1, "expected exactly one line: \(r.error)")
    }

    @Test("--help works for every command", arguments: ["list", "run", "report", "check", "checklist"])
    func help(command: String) async {
        let r = await Captured.run([command, "--help"])
        #expect(r.status == 0)
        #expect(r.output.contains("USAGE"))
    }

    @Test("list prints one line per registered claim with its source")
    func list() async {
        let r = await Captured.run(["list"])
        #expect(r.status == 0)
        #expect(r.error.isEmpty)
    }
}
