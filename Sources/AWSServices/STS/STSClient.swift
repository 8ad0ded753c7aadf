import AWSCore
import Foundation

/// AWS Security Token Service over the query protocol, at the regional endpoint of
/// `client.region`.
public struct STSClient: Sendable {
    public let client: AWSClient

    public init(client: AWSClient) {
        self.client = client
    }

    /// Assumes a role with the client's credentials.
    public func assumeRole(_ input: AssumeRoleInput) async throws -> AssumeRoleOutput {
        let operation = "AssumeRole"
        let validator = STSInputValidator(operation: operation)
        try validator.roleArn(input.roleArn)
        try validator.roleSessionName(input.roleSessionName)
        try validator.externalId(input.externalId)
        try validator.policy(input.policy)
        try validator.durationSeconds(input.durationSeconds)
        try validator.sourceIdentity(input.sourceIdentity)

        var parameters = [("RoleArn", input.roleArn), ("RoleSessionName", input.roleSessionName)]
        if let externalId = input.externalId { parameters.append(("ExternalId", externalId)) }
        if let policy = input.policy { parameters.append(("Policy", policy)) }
        if let duration = input.durationSeconds { parameters.append(("DurationSeconds", String(duration))) }
        if let sourceIdentity = input.sourceIdentity { parameters.append(("SourceIdentity", sourceIdentity)) }

        let result = try await client.query(.sts, operation: operation, parameters: parameters)
        return try AssumeRoleOutput(assumeRoleResult: result)
    }

    /// Exchanges an OIDC token for role credentials. The call is unsigned: the token is the proof.
    public func assumeRoleWithWebIdentity(_ input: AssumeRoleWithWebIdentityInput) async throws
        -> AssumeRoleWithWebIdentityOutput
    {
        let operation = "AssumeRoleWithWebIdentity"
        let validator = STSInputValidator(operation: operation)
        try validator.roleArn(input.roleArn)
        try validator.roleSessionName(input.roleSessionName)
        try validator.webIdentityToken(input.webIdentityToken)
        try validator.policy(input.policy)
        try validator.durationSeconds(input.durationSeconds)

        var parameters = [
            ("RoleArn", input.roleArn), ("RoleSessionName", input.roleSessionName),
            ("WebIdentityToken", input.webIdentityToken),
        ]
        if let duration = input.durationSeconds { parameters.append(("DurationSeconds", String(duration))) }
        if let policy = input.policy { parameters.append(("Policy", policy)) }

        let result = try await client.query(.sts, operation: operation, parameters: parameters, signed: false)
        return try AssumeRoleWithWebIdentityOutput(assumeRoleWithWebIdentityResult: result)
    }

    /// The account, ARN and user id of the client's credentials.
    public func getCallerIdentity() async throws -> GetCallerIdentityOutput {
        let operation = "GetCallerIdentity"
        let result = try await client.query(.sts, operation: operation, parameters: [])
        return try GetCallerIdentityOutput(getCallerIdentityResult: result)
    }
}
