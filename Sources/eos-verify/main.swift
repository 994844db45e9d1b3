import Foundation
import EOSCommandLine

// eos-verify: list, run, report, check and checklist for the claim registry.
// Exit codes: 0 every check ran and its verdict is the recorded one; 1 a verdict changed;
// 2 bad usage or input (one-line reason on stderr). See `CommandLineTool.usage`.
exit(await CommandLineTool.main(Array(CommandLine.arguments.dropFirst())))
