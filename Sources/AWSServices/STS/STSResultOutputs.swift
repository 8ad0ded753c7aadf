import AWSCore

// Each STS answer's `<Operation>Result` element turned into its output. Kept apart from the
// client so the readers can be exercised on any document without a transport.

extension AssumeRoleOutput {
    /// Reads the `<AssumeRoleResult>` element that `AWSClient.query` returns.
    public init(assumeRoleResult result: XMLNode) throws {
        let reader = STSResultReader(result: result, operation: "AssumeRole")
        self.init(
            credentials: try reader.credentials(),
            assumedRoleUser: try reader.assumedRoleUser(),
            packedPolicySize: try reader.optionalInt("PackedPolicySize"),
            sourceIdentity: result.string("SourceIdentity"))
    }
}

extension AssumeRoleWithWebIdentityOutput {
    /// Reads the `<AssumeRoleWithWebIdentityResult>` element.
    public init(assumeRoleWithWebIdentityResult result: XMLNode) throws {
        let reader = STSResultReader(result: result, operation: "AssumeRoleWithWebIdentity")
        self.init(
            credentials: try reader.credentials(),
            assumedRoleUser: try result.child("AssumedRoleUser").map { _ in try reader.assumedRoleUser() },
            subjectFromWebIdentityToken: result.string("SubjectFromWebIdentityToken"))
    }
}

extension GetCallerIdentityOutput {
    /// Reads the `<GetCallerIdentityResult>` element.
    public init(getCallerIdentityResult result: XMLNode) throws {
        let reader = STSResultReader(result: result, operation: "GetCallerIdentity")
        self.init(account: try reader.required("Account"), arn: try reader.required("Arn"),
                  userId: try reader.required("UserId"))
    }
}
