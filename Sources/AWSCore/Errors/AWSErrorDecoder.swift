import Foundation

/// Turns an HTTP error response into an `AWSServiceError`, whichever way the service said it:
/// an XML `ErrorResponse` (query protocol), a JSON body with `__type`/`code`, or the
/// `x-amzn-ErrorType` header.
public enum AWSErrorDecoder {
    public static func decode(_ response: HTTPResponse, service: String, operation: String) -> AWSServiceError {
        var code: String?
        var message: String?
        var requestId = response.headers["x-amzn-RequestId"] ?? response.headers["x-amz-request-id"]

        if let header = response.headers["x-amzn-ErrorType"], !header.isEmpty {
            code = sanitizeCode(header)
        }
        let body = response.body
        let firstByte = body.first { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }
        if firstByte == UInt8(ascii: "<"), let xml = try? XMLNode.parse(body) {
            let error = xml.name == "Error" ? xml : (xml["Error"] ?? xml["Errors", "Error"])
            if let error {
                code = code ?? error.string("Code").map(sanitizeCode)
                message = error.string("Message")
            }
            requestId = requestId ?? xml.string("RequestId") ?? xml.string("RequestID")
        } else if firstByte == UInt8(ascii: "{"),
                  let object = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] {
            let bodyCode = (object["__type"] ?? object["code"] ?? object["Code"]) as? String
            code = code ?? bodyCode.map(sanitizeCode)
            message = (object["message"] ?? object["Message"] ?? object["errorMessage"]) as? String
        }
        let fallback = response.status == 429 ? "Throttling" : "HTTP\(response.status)"
        return AWSServiceError(service: service, operation: operation, code: code.flatMap { $0.isEmpty ? nil : $0 } ?? fallback,
                               message: message ?? "", httpStatus: response.status, requestId: requestId)
    }

    /// "com.amazon.coral#ThrottlingException" and "ThrottlingException:http://…" both become "ThrottlingException".
    static func sanitizeCode(_ raw: String) -> String {
        var code = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if let hash = code.lastIndex(of: "#") { code = String(code[code.index(after: hash)...]) }
        if let colon = code.firstIndex(of: ":") { code = String(code[..<colon]) }
        return code
    }
}
