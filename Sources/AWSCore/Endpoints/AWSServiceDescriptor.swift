/// What the wire layer needs to know about one AWS service.
public struct AWSServiceDescriptor: Sendable, Equatable {
    /// Short name used in errors and logs ("STS").
    public var name: String
    /// The SigV4 signing name ("sts", "ce").
    public var signingName: String
    /// The endpoint host prefix ("sts" → sts.us-east-1.amazonaws.com).
    public var endpointPrefix: String
    /// The suffix of `AWS_ENDPOINT_URL_<KEY>` ("STS", "COST_EXPLORER").
    public var endpointEnvironmentKey: String
    /// A service with one global endpoint signs for this region whatever the caller's region.
    public var fixedRegion: String?
    /// JSON 1.1 services: the `X-Amz-Target` prefix ("AmazonAthena").
    public var targetPrefix: String?
    /// The API version (query protocol's `Version`).
    public var apiVersion: String

    public init(name: String, signingName: String, endpointPrefix: String, endpointEnvironmentKey: String,
                fixedRegion: String? = nil, targetPrefix: String? = nil, apiVersion: String) {
        self.name = name
        self.signingName = signingName
        self.endpointPrefix = endpointPrefix
        self.endpointEnvironmentKey = endpointEnvironmentKey
        self.fixedRegion = fixedRegion
        self.targetPrefix = targetPrefix
        self.apiVersion = apiVersion
    }

    public static let sts = AWSServiceDescriptor(
        name: "STS", signingName: "sts", endpointPrefix: "sts", endpointEnvironmentKey: "STS", apiVersion: "2011-06-15")
    public static let athena = AWSServiceDescriptor(
        name: "Athena", signingName: "athena", endpointPrefix: "athena", endpointEnvironmentKey: "ATHENA",
        targetPrefix: "AmazonAthena", apiVersion: "2017-05-18")
    public static let costExplorer = AWSServiceDescriptor(
        name: "CostExplorer", signingName: "ce", endpointPrefix: "ce", endpointEnvironmentKey: "COST_EXPLORER",
        fixedRegion: "us-east-1", targetPrefix: "AWSInsightsIndexService", apiVersion: "2017-10-25")
    public static let quickSight = AWSServiceDescriptor(
        name: "QuickSight", signingName: "quicksight", endpointPrefix: "quicksight",
        endpointEnvironmentKey: "QUICKSIGHT", apiVersion: "2018-04-01")

    /// Every service the tool calls.
    public static let all: [AWSServiceDescriptor] = [.sts, .athena, .costExplorer, .quickSight]

    /// The service with this name ("CostExplorer"), as errors carry it.
    public static func named(_ name: String) -> AWSServiceDescriptor? { all.first { $0.name == name } }

    /// The region a request to this service is signed for.
    public func signingRegion(for region: String) -> String { fixedRegion ?? region }
}
