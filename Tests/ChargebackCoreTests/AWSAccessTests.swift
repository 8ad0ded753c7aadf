import AWSCore
import ChargebackCore
import Logging
import Testing

/// The standard set-up sizes the transport for the business units collected at once, so paced
/// requests do not queue on the client and reach AWS bunched together.
@Suite struct AWSAccessTests {
    static let environment = ["AWS_ACCESS_KEY_ID": "AKIAEXAMPLE000000001", "AWS_SECRET_ACCESS_KEY": "example",
                              "AWS_CONFIG_FILE": "/nonexistent", "AWS_SHARED_CREDENTIALS_FILE": "/nonexistent"]

    static func slots(units: Int) throws -> Int? {
        let access = try AWSAccess.standard(environment: environment, endpointURL: nil, profile: nil, region: "us-east-1",
                                            stallTimeout: .seconds(15),
                                            concurrentRequests: AWSAccess.concurrentRequests(forUnits: units),
                                            logger: Logger(label: "test"))
        return (access.http as? CurlHTTPClient)?.configuration.maxConcurrentRequests
    }

    @Test func theTransportGrowsWithTheUnitsAtOnce() throws {
        #expect(try Self.slots(units: 64) == 256)
        #expect(try Self.slots(units: 8) == 32)
        #expect(try Self.slots(units: 1) == 16)
    }
}
