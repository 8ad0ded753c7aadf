import AWSCore
import AWSServices
import Foundation

/// Differential target: whatever `JSONReader` accepts for an Athena answer, `JSONDecoder` (the
/// path every other shape takes) must accept too, with the same value. The reader may refuse
/// more, never less, and neither may crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    compare(ListQueryExecutionsOutput.self, data)
    compare(BatchGetQueryExecutionOutput.self, data)
    return 0
}

private func compare<T: JSONReaderDecodable & Decodable & Equatable>(_ type: T.Type, _ data: Data) {
    let decoded = try? AWSJSON.decoder().decode(T.self, from: data)
    guard let read = try? JSONReader.decode(T.self, from: data) else { return }
    guard let decoded else {
        fatalError("JSONReader accepted a \(T.self) that JSONDecoder refuses")
    }
    guard read == decoded else {
        fatalError("JSONReader and JSONDecoder read different \(T.self) values:\n\(read)\n\(decoded)")
    }
}
