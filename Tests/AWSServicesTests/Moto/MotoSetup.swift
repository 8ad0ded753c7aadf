import AWSCore
import Foundation

/// Creates the IAM users, roles and Quick data sources a moto test needs, through moto's own
/// API (IAM's query protocol, QuickSight's REST-JSON). `x-moto-account-id` picks the account.
struct MotoSetup {
    let moto: MotoServer

    static let iam = AWSServiceDescriptor(name: "IAM", signingName: "iam", endpointPrefix: "iam",
                                          endpointEnvironmentKey: "IAM", apiVersion: "2010-05-08")

    /// Any key works before authentication is switched on.
    static let setupCredentials = AWSCredentials(accessKeyId: "AKIAMOTOSETUP0000001", secretAccessKey: "setup-secret")

    func client(credentials: AWSCredentials, region: String = "us-east-1") -> AWSClient {
        AWSClient(http: moto.http, credentialProvider: StaticCredentialProvider(credentials), region: region,
                  endpoints: EndpointResolver(overrideURL: moto.endpoint, environment: [:]),
                  retry: RetryPolicy(maxAttempts: 1))
    }

    /// A user with an allow-everything managed policy and an access key.
    func createAdminUser(_ name: String) async throws -> AWSCredentials {
        _ = try await iam("CreateUser", [("UserName", name)])
        let policy = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#
        let created = try await iam("CreatePolicy", [("PolicyName", "\(name)-admin"), ("PolicyDocument", policy)])
        guard let policyArn = created.string("Policy", "Arn") else { throw MotoError("CreatePolicy returned no Arn") }
        _ = try await iam("AttachUserPolicy", [("UserName", name), ("PolicyArn", policyArn)])
        let key = try await iam("CreateAccessKey", [("UserName", name)])
        guard let id = key.string("AccessKey", "AccessKeyId"), let secret = key.string("AccessKey", "SecretAccessKey") else {
            throw MotoError("CreateAccessKey returned no key")
        }
        return AWSCredentials(accessKeyId: id, secretAccessKey: secret)
    }

    /// A role trusting exact principal ARNs (moto compares principals literally), optionally
    /// with an `sts:ExternalId` condition, allowed to do everything.
    @discardableResult
    func createRole(_ name: String, in account: String? = nil, trusting principals: [String], externalId: String? = nil)
        async throws -> String {
        var statement: [String: Any] = [
            "Effect": "Allow", "Action": "sts:AssumeRole", "Principal": ["AWS": principals],
        ]
        if let externalId { statement["Condition"] = ["StringEquals": ["sts:ExternalId": externalId]] }
        let trust = try json(["Version": "2012-10-17", "Statement": [statement]])
        let created = try await iam("CreateRole", [("RoleName", name), ("AssumeRolePolicyDocument", trust)], account: account)
        guard let arn = created.string("Role", "Arn") else { throw MotoError("CreateRole returned no Arn") }
        let allowAll = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#
        _ = try await iam("PutRolePolicy", [("RoleName", name), ("PolicyName", "all"), ("PolicyDocument", allowAll)],
                          account: account)
        return arn
    }

    func createAthenaDataSource(id: String, workGroup: String, roleArn: String, consumerRoleArn: String,
                                credentials: AWSCredentials) async throws {
        let body = try json([
            "DataSourceId": id, "Name": id, "Type": "ATHENA",
            "DataSourceParameters": ["AthenaParameters": [
                "WorkGroup": workGroup, "RoleArn": roleArn, "ConsumerAccountRoleArn": consumerRoleArn,
            ]],
        ])
        var request = HTTPRequest(method: "POST", host: "", path: "/accounts/123456789012/data-sources", body: Data(body.utf8))
        request.headers["Content-Type"] = "application/json"
        _ = try await client(credentials: credentials).send(request, service: .quickSight, operation: "CreateDataSource")
    }

    private func iam(_ action: String, _ parameters: [(String, String)], account: String? = nil) async throws -> XMLNode {
        let fields = [("Action", action), ("Version", Self.iam.apiVersion)] + parameters
        var request = HTTPRequest(method: "POST", host: "", path: "/", body: Data(AWSURIEncoding.form(fields).utf8))
        request.headers["Content-Type"] = "application/x-www-form-urlencoded; charset=utf-8"
        if let account { request.headers["x-moto-account-id"] = account }
        let response = try await client(credentials: Self.setupCredentials).send(request, service: Self.iam, operation: action)
        let document = try XMLNode.parse(response.body)
        guard let result = document.child("\(action)Result") else {
            // Some IAM actions answer with an empty result element.
            return XMLNode(name: "\(action)Result")
        }
        return result
    }

    private func json(_ object: Any) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }
}
