import AWSCore
import Foundation

/// Reads the elements of an STS `<Operation>Result`, failing with the missing element's name.
/// Errors name elements, never their values: the result holds a secret key and a session token.
struct STSResultReader {
    let result: XMLNode
    let operation: String

    func required(_ path: String...) throws -> String {
        var node: XMLNode? = result
        for name in path { node = node?.child(name) }
        let text = node?.text.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard !text.isEmpty else { throw invalid("\(path.joined(separator: "/")) is missing or empty") }
        return text
    }

    func optionalInt(_ name: String) throws -> Int? {
        guard let text = result.string(name) else { return nil }
        guard let value = Int(text) else { throw invalid("\(name) is not an integer: \(text)") }
        return value
    }

    /// The `Credentials` element, with its expiration parsed.
    func credentials() throws -> AWSCredentials {
        let expirationText = try required("Credentials", "Expiration")
        guard let expiration = AWSTimestamp.parse(expirationText) else {
            throw invalid("Credentials/Expiration is not an ISO 8601 timestamp: \(expirationText)")
        }
        return AWSCredentials(
            accessKeyId: try required("Credentials", "AccessKeyId"),
            secretAccessKey: try required("Credentials", "SecretAccessKey"),
            sessionToken: try required("Credentials", "SessionToken"),
            expiration: expiration)
    }

    func assumedRoleUser() throws -> AssumedRoleUser {
        AssumedRoleUser(assumedRoleId: try required("AssumedRoleUser", "AssumedRoleId"),
                        arn: try required("AssumedRoleUser", "Arn"))
    }

    private func invalid(_ detail: String) -> AWSClientError {
        .invalidResponse(service: AWSServiceDescriptor.sts.name, operation: operation, detail: detail)
    }
}
