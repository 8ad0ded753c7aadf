import Foundation

/// The JSON document that `credential_process`, the container endpoint and IMDS answer with:
/// `AccessKeyId`, `SecretAccessKey`, a session token (`SessionToken` or `Token`) and an optional
/// ISO 8601 `Expiration`. Problems are described without quoting the document, which holds secrets.
struct CredentialsDocument {
    let fields: [String: Any]

    /// Nil when `data` is not a JSON object.
    init?(_ data: Data) {
        guard let object = try? JSONSerialization.jsonObject(with: data), let fields = object as? [String: Any] else {
            return nil
        }
        self.fields = fields
    }

    func string(_ key: String) -> String? {
        guard let value = fields[key] as? String, !value.isEmpty else { return nil }
        return value
    }

    /// The credentials, or a secret-free sentence saying what is missing or malformed.
    func credentials(tokenKey: String) -> Result<AWSCredentials, DocumentProblem> {
        guard let accessKeyId = string("AccessKeyId") else { return .failure(DocumentProblem("has no AccessKeyId")) }
        guard let secret = string("SecretAccessKey") else { return .failure(DocumentProblem("has no SecretAccessKey")) }
        var expiration: Date?
        if let text = string("Expiration") {
            guard let date = AWSTimestamp.parse(text) else {
                return .failure(DocumentProblem("has an Expiration '\(text)' that is not an ISO 8601 timestamp"))
            }
            expiration = date
        }
        return .success(AWSCredentials(accessKeyId: accessKeyId, secretAccessKey: secret,
                                       sessionToken: string(tokenKey), expiration: expiration))
    }

    struct DocumentProblem: Error {
        let text: String
        init(_ text: String) { self.text = text }
    }
}
