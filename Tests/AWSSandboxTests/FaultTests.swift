@testable import AWSSandbox
import Foundation
import Testing

@Suite struct FaultPlanTests {
    @Test func parsesEveryKind() throws {
        let plan = try FaultPlan(parsing: "latency=20ms,error_rate=0.05,throttle_rate=0.1,throttle_burst=3,reset_rate=0.01,truncate_rate=0.01,garble_rate=0.01,deny_account=333333333333,wrong_account=444444444444,expire_early=300,seed=42")
        #expect(plan.latency == .milliseconds(20))
        #expect(plan.errorRate == 0.05)
        #expect(plan.throttleRate == 0.1)
        #expect(plan.throttleBurst == 3)
        #expect(plan.resetRate == 0.01)
        #expect(plan.truncateRate == 0.01)
        #expect(plan.garbleRate == 0.01)
        #expect(plan.denyAccounts == ["333333333333"])
        #expect(plan.wrongAccounts == ["444444444444"])
        #expect(plan.expireEarlySeconds == 300)
        #expect(plan.seed == 42)
        #expect(try FaultPlan(parsing: "latency=1s").latency == .seconds(1))
        #expect(try FaultPlan(parsing: "") == FaultPlan())
    }

    @Test(arguments: ["error_rate=2", "latency=fast", "deny_account=123", "deny_account=33333333333a", "wrong_account=44444444444B", "bogus=1", "seed", "throttle_burst=0"])
    func rejectsBadItems(_ text: String) {
        #expect(throws: FaultPlanError.self) { try FaultPlan(parsing: text) }
    }

    @Test func decisionsAreDeterministicForASeed() throws {
        let plan = try FaultPlan(parsing: "error_rate=0.2,throttle_rate=0.2,reset_rate=0.1,garble_rate=0.1,seed=7")
        let first = FaultInjector(plan: plan)
        let second = FaultInjector(plan: plan)
        let a = (0..<200).map { _ in first.nextDecision() }
        let b = (0..<200).map { _ in second.nextDecision() }
        #expect(a == b)
        #expect(Set(a.map { "\($0)" }).count >= 4)
        let other = FaultInjector(plan: try FaultPlan(parsing: "error_rate=0.2,throttle_rate=0.2,reset_rate=0.1,garble_rate=0.1,seed=8"))
        #expect((0..<200).map { _ in other.nextDecision() } != a)
    }

    @Test func throttleBurstMakesAStorm() throws {
        let injector = FaultInjector(plan: try FaultPlan(parsing: "throttle_rate=1,throttle_burst=4"))
        #expect((0..<4).map { _ in injector.nextDecision() } == Array(repeating: .throttle, count: 4))
    }
}

@Suite struct FaultInjectionTests {
    func harness(_ faults: String) throws -> ServerTestHarness {
        ServerTestHarness(options: SandboxOptions(quotas: .off, faults: try FaultPlan(parsing: faults)))
    }

    @Test func errorRateAnswersServerErrors() throws {
        let harness = try harness("error_rate=1")
        let response = harness.athena("ListWorkGroups", as: ServerTestScenario.reporter)
        #expect([500, 503].contains(response.status))
        #expect(["InternalFailure", "ServiceUnavailable"].contains(response.errorCode ?? ""))
    }

    @Test func throttleRateThrottlesInTheServicesFormat() throws {
        let harness = try harness("throttle_rate=1")
        #expect(harness.athena("ListWorkGroups", as: ServerTestScenario.reporter).errorCode == "ThrottlingException")
        let sts = harness.sts("GetCallerIdentity")
        #expect(sts.errorCode == "Throttling")
        #expect(sts.status == 400)
    }

    @Test func resetTruncateAndGarbleChangeTheDelivery() throws {
        #expect(try harness("reset_rate=1").athena("ListWorkGroups", as: ServerTestScenario.reporter).delivery == .reset)
        let truncated = try harness("truncate_rate=1").athena("ListWorkGroups", as: ServerTestScenario.reporter)
        #expect(truncated.delivery == .truncated)
        let garbled = try harness("garble_rate=1").athena("ListWorkGroups", as: ServerTestScenario.reporter)
        #expect(garbled.status == 200)
        #expect((try? JSONSerialization.jsonObject(with: garbled.body)) == nil)
    }

    @Test func latencyIsAddedToAPICallsOnly() throws {
        let harness = try harness("latency=25ms")
        #expect(harness.sts("GetCallerIdentity").delay == .milliseconds(25))
        #expect(harness.router.respond(to: SandboxHTTPRequest(method: "GET", uri: "/_sandbox/health", headers: [])).delay == .zero)
    }

    @Test func controlEndpointsAreNeverFaulted() throws {
        let harness = try harness("error_rate=1,reset_rate=1")
        let health = harness.router.respond(to: SandboxHTTPRequest(method: "GET", uri: "/_sandbox/health", headers: []))
        #expect(health.status == 200)
        #expect(health.delivery == .complete)
    }

    /// Every call but sts:GetCallerIdentity, which no policy can deny on AWS.
    @Test func deniedAccountGetsAccessDeniedForEveryCallButGetCallerIdentity() throws {
        let harness = try harness("deny_account=222222222222")
        let session = try harness.roleBOneSession()
        #expect(harness.athena("ListWorkGroups", as: session).errorCode == "AccessDeniedException")
        #expect(harness.sts("GetCallerIdentity", as: session).status == 200)
        #expect(harness.sts("GetCallerIdentity").status == 200)
    }

    @Test func wrongAccountBindsTheSessionElsewhere() throws {
        let harness = try harness("wrong_account=222222222222")
        let session = try harness.roleBOneSession()
        let identity = harness.sts("GetCallerIdentity", as: session)
        #expect(try identity.xmlValue("Account") == ServerTestScenario.central)
        #expect(harness.athena("ListWorkGroups", as: session).json["Account"] as? String == ServerTestScenario.central)
    }

    @Test func expireEarlyEndsSessionsBeforeTheirExpiration() throws {
        let harness = try harness("expire_early=300")
        let response = harness.sts("AssumeRole", ["RoleArn": ServerTestScenario.roleBOne, "RoleSessionName": "s1", "ExternalId": "ext-one"])
        let expiration = try Date(response.xmlValue("Expiration"), strategy: .iso8601)
        #expect(expiration.timeIntervalSince(harness.now) == 3600)
        let session = TestCredentials(accessKeyId: try response.xmlValue("AccessKeyId"), secretAccessKey: try response.xmlValue("SecretAccessKey"),
                                      sessionToken: try response.xmlValue("SessionToken"))
        harness.router.clock.advance(by: 299)
        #expect(harness.athena("ListWorkGroups", as: session).status == 200)
        harness.router.clock.advance(by: 2)
        #expect(harness.athena("ListWorkGroups", as: session).errorCode == "ExpiredTokenException")
    }

    @Test func faultsAreCounted() throws {
        let harness = try harness("throttle_rate=1")
        _ = harness.athena("ListWorkGroups", as: ServerTestScenario.reporter)
        let faults = harness.router.counters.snapshot()["faults"] as? [String: Int]
        #expect(faults?["throttle"] == 1)
    }
}
