import Foundation

/// The EC2 instance role's credentials from the instance metadata service, IMDSv2 only: a session
/// token from `PUT /latest/api/token`, then the role name and its credentials. Honours
/// `AWS_EC2_METADATA_DISABLED`, `AWS_EC2_METADATA_SERVICE_ENDPOINT` and
/// `AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE`. Like botocore, any failure means "not configured here":
/// the service is last in the chain and absent on most machines that are not EC2 instances.
public struct IMDSCredentialProvider: CredentialProvider {
    public let name = "IMDSCredentialProvider"
    public var environment: [String: String]
    private let caller: MetadataEndpointCaller

    /// - Parameters:
    ///   - timeout: seconds to wait for each answer (botocore's default is 1).
    ///   - attempts: tries per request; 2 means one retry.
    ///   - sleep: waits for the time limit; injected by tests.
    public init(http: any HTTPClient, environment: [String: String] = ProcessInfo.processInfo.environment,
                timeout: TimeInterval = 1, attempts: Int = 2,
                sleep: @escaping @Sendable (TimeInterval) async throws -> Void = { try await Task.sleep(for: .seconds($0)) }) {
        self.environment = environment
        self.caller = MetadataEndpointCaller(http: http, timeout: timeout, attempts: attempts, sleep: sleep)
    }

    public func credentials() async throws -> AWSCredentials {
        if environment["AWS_EC2_METADATA_DISABLED"]?.lowercased() == "true" {
            throw unavailable("AWS_EC2_METADATA_DISABLED is true")
        }
        let endpoint = try self.endpoint()
        let token = try await fetch(endpoint, method: "PUT", path: "/latest/api/token",
                                    headers: ["x-aws-ec2-metadata-token-ttl-seconds": "21600"], what: "a session token")
        let tokenHeader: HTTPHeaders = ["x-aws-ec2-metadata-token": String(decoding: token, as: UTF8.self)]
        let roles = try await fetch(endpoint, method: "GET", path: "/latest/meta-data/iam/security-credentials/",
                                    headers: tokenHeader, what: "the instance role name")
        guard let role = String(decoding: roles, as: UTF8.self).split(whereSeparator: \.isNewline).first
            .map({ $0.trimmingCharacters(in: .whitespaces) }), !role.isEmpty
        else { throw unavailable("the instance has no IAM role attached; attach an instance profile") }

        // Role names ([\w+=,.@-]) need no escaping in a path.
        let body = try await fetch(endpoint, method: "GET",
                                   path: "/latest/meta-data/iam/security-credentials/\(role)",
                                   headers: tokenHeader, what: "the credentials of role '\(role)'")
        guard let document = CredentialsDocument(body) else {
            throw unavailable("the credentials of role '\(role)' are not a JSON object")
        }
        if let code = document.string("Code"), code != "Success" {
            throw unavailable("the credentials of role '\(role)' are not available (Code \(code))")
        }
        switch document.credentials(tokenKey: "Token") {
        case let .success(credentials): return credentials
        case let .failure(problem): throw unavailable("the credentials document of role '\(role)' \(problem.text)")
        }
    }

    private func endpoint() throws -> Endpoint {
        let configured = environment["AWS_EC2_METADATA_SERVICE_ENDPOINT"].flatMap { $0.isEmpty ? nil : $0 }
        let ipv6 = environment["AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE"]?.lowercased() == "ipv6"
        let text = configured ?? (ipv6 ? "http://[fd00:ec2::254]" : "http://169.254.169.254")
        do {
            return try Endpoint(url: text)
        } catch {
            throw CredentialProviderError(
                provider: name, message: "AWS_EC2_METADATA_SERVICE_ENDPOINT '\(text)' is not an http or https URL; fix or unset it")
        }
    }

    private func fetch(_ endpoint: Endpoint, method: String, path: String, headers: HTTPHeaders,
                       what: String) async throws -> Data {
        let request = HTTPRequest(method: method, scheme: endpoint.scheme, host: endpoint.host, port: endpoint.port,
                                  path: endpoint.basePath + path, headers: headers)
        let response: HTTPResponse
        do {
            response = try await caller.send(request)
        } catch {
            throw unavailable("no answer from the instance metadata service at \(endpoint.host) for \(what) (\(error))")
        }
        guard response.status == 200 else {
            throw unavailable("the instance metadata service answered HTTP \(response.status) for \(what)")
        }
        return response.body
    }

    private func unavailable(_ message: String) -> CredentialProviderError {
        CredentialProviderError(provider: name, message: message, isTerminal: false)
    }
}
