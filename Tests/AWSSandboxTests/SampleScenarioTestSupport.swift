import Foundation
import Testing
@testable import AWSSandbox

/// Builds `SandboxCall`s the way the router would and decodes engine replies, so engine tests
/// need no server.
enum EngineProbe {
    static func json11(_ service: String, _ operation: String, account: String, region: String = "us-east-1",
                       body: [String: Any] = [:], now: Date) -> SandboxCall {
        let data = try! JSONSerialization.data(withJSONObject: body)
        return SandboxCall(service: service, operation: operation, accountId: account,
                           principalArn: "arn:aws:sts::\(account):assumed-role/test/session", region: region,
                           method: "POST", path: "/", query: [:], headers: [], body: data, now: now)
    }

    static func rest(_ operation: String, account: String, path: String, query: [String: String] = [:],
                     region: String = "us-east-1", now: Date) -> SandboxCall {
        SandboxCall(service: "QuickSight", operation: operation, accountId: account,
                    principalArn: "arn:aws:iam::\(account):user/reporter", region: region,
                    method: "GET", path: path, query: query, headers: [], body: Data(), now: now)
    }

    static func object(_ engine: some SandboxServiceEngine, _ call: SandboxCall) throws -> [String: Any] {
        let reply = try engine.handle(call)
        #expect(reply.status == 200)
        return try #require(try JSONSerialization.jsonObject(with: reply.body) as? [String: Any])
    }

    static func error(_ engine: some SandboxServiceEngine, _ call: SandboxCall) -> SandboxAPIError? {
        do {
            _ = try engine.handle(call)
            return nil
        } catch {
            return error
        }
    }

    static func date(_ text: String) -> Date {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)!
    }
}
