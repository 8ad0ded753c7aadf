import AWSCore
import AWSServices
import Foundation

/// Any bytes as an STS answer: libxml2 through `XMLNode`, then each operation's result reader,
/// on the `<Operation>Result` element as `AWSClient.query` finds it and on the root itself.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    guard let document = try? XMLNode.parse(Data(bytes: start, count: count)) else { return 0 }
    for result in [document, document.child("AssumeRoleResult")].compactMap({ $0 }) {
        _ = try? AssumeRoleOutput(assumeRoleResult: result)
    }
    for result in [document, document.child("AssumeRoleWithWebIdentityResult")].compactMap({ $0 }) {
        _ = try? AssumeRoleWithWebIdentityOutput(assumeRoleWithWebIdentityResult: result)
    }
    for result in [document, document.child("GetCallerIdentityResult")].compactMap({ $0 }) {
        _ = try? GetCallerIdentityOutput(getCallerIdentityResult: result)
    }
    return 0
}
