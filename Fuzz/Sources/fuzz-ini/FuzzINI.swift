import AWSCore
import Foundation

/// Any bytes as `~/.aws/config` or `~/.aws/credentials` text.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: start, count: count)
    let text = String(decoding: bytes, as: UTF8.self)
    _ = try? ConfigFileParser.parse(text, path: "fuzz-config")
    return 0
}
