import Foundation

/// Writes a line to standard error (messages and progress; standard output is for results).
func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
