/// Always returns the same credentials: keys given on the command line or built in tests.
public struct StaticCredentialProvider: CredentialProvider {
    public let name: String
    public let fixedCredentials: AWSCredentials

    public init(_ credentials: AWSCredentials, name: String = "StaticCredentialProvider") {
        self.fixedCredentials = credentials
        self.name = name
    }

    public func credentials() async throws -> AWSCredentials { fixedCredentials }
}
