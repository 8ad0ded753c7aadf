import ChargebackCore
import Foundation

/// Any bytes as `chargeback.yaml`: YAML through Yams, then the configuration decoder. Text that
/// is not UTF-8 is refused before parsing, as `ConfigLoader.load` does.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    guard let text = String(data: Data(bytes: start, count: count), encoding: .utf8) else { return 0 }
    _ = try? ConfigLoader.parse(text, path: "chargeback.yaml")
    return 0
}
