import Foundation

extension AWSClient {
    /// AWS JSON 1.1 (Athena, Cost Explorer): `POST /` with `X-Amz-Target: <prefix>.<Operation>`.
    public func json11<Input: Encodable, Output: Decodable>(
        _ service: AWSServiceDescriptor, operation: String, input: Input, as output: Output.Type = Output.self
    ) async throws -> Output {
        guard let prefix = service.targetPrefix else {
            throw AWSClientError.invalidRequest(service: service.name, operation: operation, detail: "no X-Amz-Target prefix")
        }
        let body: Data
        do {
            body = try AWSJSON.encoder().encode(input)
        } catch {
            throw AWSClientError.invalidRequest(service: service.name, operation: operation, detail: "\(error)")
        }
        var request = HTTPRequest(method: "POST", host: "", path: "/", body: body)
        request.headers["Content-Type"] = "application/x-amz-json-1.1"
        request.headers["X-Amz-Target"] = "\(prefix).\(operation)"
        return try await send(request, service: service, operation: operation) { [self] response in
            try decodeJSON(Output.self, from: response.body, service: service, operation: operation)
        }
    }

    /// REST-JSON (QuickSight): a method, a path and query parameters; JSON back.
    public func restJSON<Output: Decodable>(
        _ service: AWSServiceDescriptor, operation: String, method: String = "GET", path: String,
        query: [(String, String)] = [], as output: Output.Type = Output.self
    ) async throws -> Output {
        let request = HTTPRequest(method: method, host: "", path: path, query: AWSURIEncoding.form(query))
        return try await send(request, service: service, operation: operation) { [self] response in
            let body = response.body.isEmpty ? Data("{}".utf8) : response.body
            return try decodeJSON(Output.self, from: body, service: service, operation: operation)
        }
    }

    /// The query protocol (STS): form-encoded `Action=…&Version=…` in a POST; XML back.
    /// Returns the `<Operation>Result` element.
    public func query(_ service: AWSServiceDescriptor, operation: String, parameters: [(String, String)],
                      signed: Bool = true) async throws -> XMLNode {
        let fields = [("Action", operation), ("Version", service.apiVersion)] + parameters
        var request = HTTPRequest(method: "POST", host: "", path: "/", body: Data(AWSURIEncoding.form(fields).utf8))
        request.headers["Content-Type"] = "application/x-www-form-urlencoded; charset=utf-8"
        return try await send(request, service: service, operation: operation, signed: signed) { response in
            let document: XMLNode
            do {
                document = try XMLNode.parse(response.body)
            } catch {
                throw AWSClientError.invalidResponse(service: service.name, operation: operation, detail: "\(error)")
            }
            guard let result = document.child("\(operation)Result") else {
                throw AWSClientError.invalidResponse(
                    service: service.name, operation: operation, detail: "no \(operation)Result element in <\(document.name)>")
            }
            return result
        }
    }

    func decodeJSON<Output: Decodable>(_ type: Output.Type, from data: Data, service: AWSServiceDescriptor,
                                       operation: String) throws -> Output {
        if let readable = Output.self as? any JSONReaderDecodable.Type {
            do {
                return try JSONReader.decode(readable, from: data) as! Output
            } catch {
                throw AWSClientError.invalidResponse(service: service.name, operation: operation, detail: error.description)
            }
        }
        do {
            return try AWSJSON.decoder().decode(Output.self, from: data)
        } catch let error as DecodingError {
            throw AWSClientError.invalidResponse(service: service.name, operation: operation, detail: Self.describe(error))
        } catch {
            throw AWSClientError.invalidResponse(service: service.name, operation: operation, detail: "\(error)")
        }
    }

    /// A decoding error as a path and a reason ("QueryExecutions[3].Status.State: missing").
    static func describe(_ error: DecodingError) -> String {
        // "QueryExecutions[3].Status.State: " or nothing for the document itself.
        func at(_ keys: [any CodingKey]) -> String {
            let path = keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
                .trimmingCharacters(in: CharacterSet(charactersIn: "."))
            return path.isEmpty ? "" : path + ": "
        }
        switch error {
        case let .keyNotFound(key, context): return "\(at(context.codingPath + [key]))missing"
        case let .typeMismatch(_, context): return "\(at(context.codingPath))\(context.debugDescription)"
        case let .valueNotFound(_, context): return "\(at(context.codingPath))null where a value is required"
        case let .dataCorrupted(context): return "\(at(context.codingPath))\(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}

/// Percent-encoding as SigV4 and AWS's query strings want it: everything but the unreserved
/// characters A–Z a–z 0–9 - _ . ~ is encoded, with upper-case hex.
public enum AWSURIEncoding {
    public static func encode(_ text: String, keepSlash: Bool = false) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
                 UInt8(ascii: "~"):
                out.unicodeScalars.append(UnicodeScalar(byte))
            case UInt8(ascii: "/") where keepSlash:
                out.append("/")
            default:
                out += String(format: "%%%02X", byte)
            }
        }
        return out
    }

    /// `name=value` pairs, each side encoded, joined with "&": a query string or a form body.
    public static func form(_ pairs: [(String, String)]) -> String {
        pairs.map { "\(encode($0.0))=\(encode($0.1))" }.joined(separator: "&")
    }
}
