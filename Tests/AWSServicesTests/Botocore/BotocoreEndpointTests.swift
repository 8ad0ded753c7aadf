import AWSCore
import Foundation
import Testing

/// With no endpoint override, each service's host must be the one botocore picks by default.
@Suite("botocore cross-check: default endpoints", .timeLimit(.minutes(3))) struct BotocoreEndpointTests {
    static let services: [(descriptor: AWSServiceDescriptor, botocoreName: String)] = [
        (.sts, "sts"), (.athena, "athena"), (.costExplorer, "ce"), (.quickSight, "quicksight"),
    ]
    static let regions = ["us-east-1", "eu-west-1"]

    @Test func defaultEndpointsMatchBotocore() async throws {
        let pairs = Self.services.flatMap { service in Self.regions.map { (service, $0) } }
        let jobs = pairs.map { BotocoreEndpointJob(service: $0.0.botocoreName, region: $0.1) }
        let answers = try await BotocoreReference.answers(for: jobs, as: BotocoreEndpointAnswer.self)

        for ((service, region), answer) in zip(pairs, answers) {
            let endpoint = try EndpointResolver(environment: [:]).endpoint(for: service.descriptor, region: region)
            let ours = "\(endpoint.scheme)://\(endpoint.host)" + (endpoint.port.map { ":\($0)" } ?? "") + endpoint.basePath
            #expect(answer.error == nil, "botocore could not resolve \(service.botocoreName) in \(region): \(answer.error ?? "")")
            #expect(ours == answer.endpointUrl, """
                \(service.descriptor.name) in \(region): default endpoint differs from botocore \(answer.botocoreVersion ?? "?")'s
                    ours:     \(ours)
                    botocore: \(answer.endpointUrl ?? "<none>")
                """)
        }
    }
}
