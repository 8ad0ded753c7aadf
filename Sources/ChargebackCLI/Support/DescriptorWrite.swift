import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes all of `text` to `descriptor`, going on after interrupted and partial writes. Returns
/// nil when everything was written, else the error number that stopped it (EIO for a write that
/// wrote nothing without saying why).
func writeAll(_ text: String, to descriptor: Int32) -> Int32? {
    var bytes = Array(text.utf8)[...]
    while !bytes.isEmpty {
        let written = bytes.withUnsafeBytes { buffer in
            #if canImport(Glibc)
            Glibc.write(descriptor, buffer.baseAddress, buffer.count)
            #else
            Darwin.write(descriptor, buffer.baseAddress, buffer.count)
            #endif
        }
        if written < 0 && errno == EINTR { continue }
        guard written > 0 else { return written < 0 && errno != 0 ? errno : EIO }
        bytes = bytes.dropFirst(written)
    }
    return nil
}
