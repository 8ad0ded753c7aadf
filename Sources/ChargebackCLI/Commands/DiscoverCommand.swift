import ArgumentParser
import AWSCore
import ChargebackCore
import Foundation

/// `chargeback discover`: the central account's Quick Athena data sources as configuration stubs.
struct DiscoverCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "discover",
        abstract: "Print business-unit configuration stubs for the central account's Quick Athena data sources.",
        discussion: "Run it with the central account's credentials. The YAML goes to stdout, ready to paste into chargeback.yaml."
    )

    @Option(name: .long, help: "Quick's region (default: AWS_REGION, AWS_DEFAULT_REGION, then us-east-1).")
    var region: String?

    @Option(name: .long, help: "Keep only data sources that run as this Role A, and name it as central.run_as_role_arn.")
    var runAsRole: String?

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        // The profile's region counts too, after AWS_REGION and AWS_DEFAULT_REGION, as in the SDKs.
        let files = try? SharedConfigFiles.load(environment: environment)
        let profileRegion = files?.profile(SharedConfigFiles.selectedProfileName(explicit: global.profile,
                                                                                 environment: environment))?["region"]
        let quickRegion = region ?? RegionResolver.resolve(environment: environment, profileRegion: profileRegion)
            ?? "us-east-1"
        let runtime = try AWSAccess.make(options: global, region: quickRegion, environment: environment)
        let discovery = QuickDataSourceDiscovery(client: runtime.client(region: quickRegion), runAsRoleArn: runAsRole)
        let result: DiscoveryResult
        do {
            result = try await CommandDeadline(seconds: global.quickTimeout, command: "discover").value {
                try await discovery.discover()
            }
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure(.discoverFailed, "discover: \(error)")
        }
        runtime.logger.info("found \(result.units.count) business units in \(result.centralAccountId)")
        try StandardOutput.write(DiscoveryYAML.render(result))
    }
}
