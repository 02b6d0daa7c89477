import Foundation

/// Writes `message` and a newline to standard error, unbuffered.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
