import Foundation

/// Where a request goes: scheme, host, port and a base path (from a custom endpoint URL).
public struct Endpoint: Sendable, Equatable {
    public var scheme: String
    public var host: String
    public var port: Int?
    public var basePath: String

    public init(scheme: String, host: String, port: Int? = nil, basePath: String = "") {
        self.scheme = scheme
        self.host = host
        self.port = port
        self.basePath = basePath
    }

    /// Parses an endpoint URL such as "http://127.0.0.1:4566" or "https://athena.example.com/prefix".
    public init(url text: String) throws {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
              scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty
        else { throw EndpointError(message: "'\(text)' is not an http or https URL with a host") }
        self.scheme = scheme
        self.host = host
        self.port = components.port
        let path = components.percentEncodedPath
        self.basePath = path == "/" ? "" : (path.hasSuffix("/") ? String(path.dropLast()) : path)
    }

    /// True for 127.0.0.0/8, ::1 and localhost: the only hosts where TLS verification may be relaxed
    /// and where plain HTTP is expected (the sandbox, moto).
    public var isLoopback: Bool { CurlLoopbackHost.isLoopback(host) }
}

public struct EndpointError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { "endpoint: \(message)" }
}

/// Resolves a service's endpoint with the AWS SDK conventions: `--endpoint-url` first, then
/// `AWS_ENDPOINT_URL_<SERVICE>`, then `AWS_ENDPOINT_URL`, unless
/// `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS` is true; otherwise the public regional endpoint.
public struct EndpointResolver: Sendable {
    public var overrideURL: String?
    public var environment: [String: String]

    public init(overrideURL: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.overrideURL = overrideURL
        self.environment = environment
    }

    public func endpoint(for service: AWSServiceDescriptor, region: String) throws -> Endpoint {
        if let overrideURL, !overrideURL.isEmpty { return try Endpoint(url: overrideURL) }
        let ignore = environment["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"]?.lowercased() == "true"
        if !ignore {
            if let url = environment["AWS_ENDPOINT_URL_\(service.endpointEnvironmentKey)"], !url.isEmpty {
                return try Endpoint(url: url)
            }
            if let url = environment["AWS_ENDPOINT_URL"], !url.isEmpty { return try Endpoint(url: url) }
        }
        let hostRegion = service.fixedRegion ?? region
        let suffix = hostRegion.hasPrefix("cn-") ? "amazonaws.com.cn" : "amazonaws.com"
        return Endpoint(scheme: "https", host: "\(service.endpointPrefix).\(hostRegion).\(suffix)")
    }
}
