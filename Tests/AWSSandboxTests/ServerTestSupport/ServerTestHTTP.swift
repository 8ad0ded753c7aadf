import AWSSandbox
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Sends requests to a running sandbox over loopback.
struct ServerTestHTTP {
    let port: Int
    let session: URLSession

    init(port: Int) {
        self.port = port
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = 10
        session = URLSession(configuration: configuration)
    }

    func send(_ request: SandboxHTTPRequest) async throws -> (status: Int, body: Data, headers: [AnyHashable: Any]) {
        var urlRequest = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(request.uri)")!)
        urlRequest.httpMethod = request.method
        for (name, value) in request.headers where name.lowercased() != "host" {
            urlRequest.setValue(value, forHTTPHeaderField: name)
        }
        if !request.body.isEmpty { urlRequest.httpBody = request.body }
        let (data, response) = try await session.data(for: urlRequest)
        let http = response as! HTTPURLResponse
        return (http.statusCode, data, http.allHeaderFields)
    }

    func get(_ path: String) async throws -> [String: Any] {
        let (_, body, _) = try await send(SandboxHTTPRequest(method: "GET", uri: path, headers: []))
        return (try JSONSerialization.jsonObject(with: body) as? [String: Any]) ?? [:]
    }
}
