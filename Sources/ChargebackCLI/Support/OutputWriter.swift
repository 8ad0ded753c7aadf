import Foundation

/// Writes a command's output to stdout and fails loudly when it cannot (a full disk, a closed
/// pipe): a report that silently went nowhere is worse than an error.
struct OutputWriter {
    let descriptor: Int32

    static let standardOutput = OutputWriter(descriptor: STDOUT_FILENO)

    func write(_ text: String) throws {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { buffer in
                Foundation.write(descriptor, buffer.baseAddress, buffer.count)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw CommandFailure("cannot write the output: \(String(cString: strerror(errno)))")
            }
            bytes = bytes.dropFirst(written)
        }
    }
}
