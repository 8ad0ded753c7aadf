import Foundation

/// Credentials from the ECS/EKS container credentials endpoint: `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI`
/// on `http://169.254.170.2`, or `AWS_CONTAINER_CREDENTIALS_FULL_URI` when it is https or plain http
/// to a loopback or container-agent address. The `Authorization` header comes from the file named
/// by `AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE` (re-read at each fetch, since it is rotated) or from
/// `AWS_CONTAINER_AUTHORIZATION_TOKEN`. Not configured when neither URI variable is set.
public struct ContainerCredentialProvider: CredentialProvider {
    public let name = "ContainerCredentialProvider"
    public var environment: [String: String]
    private let caller: MetadataEndpointCaller

    /// Plain-HTTP hosts allowed in a full URI besides loopback: the ECS and EKS Pod Identity agents.
    private static let containerAgentHosts: Set<String> = ["169.254.170.2", "169.254.170.23", "fd00:ec2::23"]

    /// - Parameters:
    ///   - timeout: seconds to wait for each answer (botocore's default is 2).
    ///   - attempts: tries per request (botocore's default is 3).
    ///   - sleep: waits for the time limit; injected by tests.
    public init(http: any HTTPClient, environment: [String: String] = ProcessInfo.processInfo.environment,
                timeout: TimeInterval = 2, attempts: Int = 3,
                sleep: @escaping @Sendable (TimeInterval) async throws -> Void = { try await Task.sleep(for: .seconds($0)) }) {
        self.environment = environment
        self.caller = MetadataEndpointCaller(http: http, timeout: timeout, attempts: attempts, sleep: sleep)
    }

    public func credentials() async throws -> AWSCredentials {
        var request = try endpointRequest()
        if let token = try await authorizationToken() { request.headers["Authorization"] = token }
        request.headers["Accept"] = "application/json"

        let response: HTTPResponse
        do {
            response = try await caller.send(request)
        } catch {
            throw failure("no answer from the container credentials endpoint at \(request.host) (\(error))")
        }
        guard response.status == 200 else {
            throw failure("the container credentials endpoint at \(request.host) answered HTTP \(response.status); check the task or pod role")
        }
        guard let document = CredentialsDocument(response.body) else {
            throw failure("the container credentials endpoint at \(request.host) answered something that is not a JSON object")
        }
        switch document.credentials(tokenKey: "Token") {
        case let .success(credentials): return credentials
        case let .failure(problem): throw failure("the document from the container credentials endpoint \(problem.text)")
        }
    }

    private func endpointRequest() throws -> HTTPRequest {
        if let relative = value("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI") {
            let path = relative.hasPrefix("/") ? relative : "/" + relative
            guard let request = Self.getRequest(url: "http://169.254.170.2" + path) else {
                throw failure("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI '\(relative)' is not a valid URI path")
            }
            return request
        }
        guard let full = value("AWS_CONTAINER_CREDENTIALS_FULL_URI") else {
            throw CredentialProviderError(
                provider: name, message: "neither AWS_CONTAINER_CREDENTIALS_RELATIVE_URI nor AWS_CONTAINER_CREDENTIALS_FULL_URI is set",
                isTerminal: false)
        }
        guard let request = Self.getRequest(url: full) else {
            throw failure("AWS_CONTAINER_CREDENTIALS_FULL_URI is not an http or https URL with a host")
        }
        let endpoint = Endpoint(scheme: request.scheme, host: request.host)
        let bareHost = request.host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()
        guard request.scheme == "https" || endpoint.isLoopback || Self.containerAgentHosts.contains(bareHost) else {
            throw failure("AWS_CONTAINER_CREDENTIALS_FULL_URI uses plain http to \(request.host); only https, loopback or the container agent addresses are allowed")
        }
        return request
    }

    private func authorizationToken() async throws -> String? {
        let token: String
        if let path = value("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE") {
            do {
                token = try await OffPoolWork.run { try String(contentsOfFile: path, encoding: .utf8) }
                    .trimmingCharacters(in: .whitespacesAndNewlines)
            } catch {
                throw failure("cannot read AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE '\(path)'; check that the file exists and is readable")
            }
        } else if let fromEnvironment = value("AWS_CONTAINER_AUTHORIZATION_TOKEN") {
            token = fromEnvironment
        } else {
            return nil
        }
        // A line break would let the token inject headers.
        guard !token.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" }) else {
            throw failure("the container authorization token contains a line break; it must be a single line")
        }
        return token
    }

    private static func getRequest(url: String) -> HTTPRequest? {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
              scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty
        else { return nil }
        let path = components.percentEncodedPath
        return HTTPRequest(method: "GET", scheme: scheme, host: host, port: components.port,
                           path: path.isEmpty ? "/" : path, query: components.percentEncodedQuery ?? "")
    }

    private func value(_ key: String) -> String? {
        guard let text = environment[key], !text.isEmpty else { return nil }
        return text
    }

    private func failure(_ message: String) -> CredentialProviderError {
        CredentialProviderError(provider: name, message: message)
    }
}
