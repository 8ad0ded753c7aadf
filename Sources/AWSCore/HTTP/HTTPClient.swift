import Foundation

/// One HTTP request as it goes on the wire. `path` and `query` are kept raw (already
/// percent-encoded), because SigV4 signs exactly what is sent.
public struct HTTPRequest: Sendable, Equatable, CustomStringConvertible {
    public var method: String
    /// "https" or "http".
    public var scheme: String
    /// Host name without port.
    public var host: String
    /// Port when it is not the scheme's default.
    public var port: Int?
    /// The raw path, starting with "/".
    public var path: String
    /// The raw query string without "?", empty when there is none.
    public var query: String
    public var headers: HTTPHeaders
    public var body: Data

    public init(method: String, scheme: String = "https", host: String, port: Int? = nil, path: String = "/",
                query: String = "", headers: HTTPHeaders = HTTPHeaders(), body: Data = Data()) {
        self.method = method
        self.scheme = scheme
        self.host = host
        self.port = port
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
    }

    /// The value of the Host header: the host, with the port when it is not the default.
    public var hostHeader: String {
        guard let port, !(scheme == "https" && port == 443), !(scheme == "http" && port == 80) else { return host }
        return "\(host):\(port)"
    }

    /// Method, host and path only: headers carry signatures and session tokens, bodies may carry
    /// parameters, so neither is ever printed.
    public var description: String { "\(method) \(scheme)://\(hostHeader)\(path.isEmpty ? "/" : path)" }

    /// The full URL string handed to the transport.
    public var urlString: String {
        let hostPart = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        var text = "\(scheme)://\(hostPart)"
        if let port { text += ":\(port)" }
        text += path.isEmpty ? "/" : path
        if !query.isEmpty { text += "?\(query)" }
        return text
    }
}

public struct HTTPResponse: Sendable, Equatable {
    public var status: Int
    public var headers: HTTPHeaders
    public var body: Data

    public init(status: Int, headers: HTTPHeaders = HTTPHeaders(), body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}

/// Sends requests. The production client is `CurlHTTPClient`; tests substitute closures.
public protocol HTTPClient: Sendable {
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
}

/// A transport failure: the request may or may not have reached the server.
public struct HTTPClientError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case couldNotResolveHost
        case couldNotConnect
        case timedOut
        case tlsFailure
        case connectionReset
        case responseTooLarge
        case malformedResponse
        case cancelled
        case other
    }

    public var kind: Kind
    /// The host (never the full URL with its query, which may carry parameters worth keeping private).
    public var host: String
    public var detail: String

    public init(kind: Kind, host: String, detail: String) {
        self.kind = kind
        self.host = host
        self.detail = detail
    }

    public var description: String { "HTTP \(kind.rawValue) talking to \(host): \(detail)" }

    /// Whether retrying the same request may succeed.
    public var isRetryable: Bool {
        switch kind {
        case .couldNotResolveHost, .couldNotConnect, .timedOut, .connectionReset, .malformedResponse: return true
        case .tlsFailure, .responseTooLarge, .cancelled, .other: return false
        }
    }
}
