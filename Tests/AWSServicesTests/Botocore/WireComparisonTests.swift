import AWSCore
import Foundation
import Testing

/// The cross-check must catch a client bug: each of these requests is ours with one deliberate
/// mistake, signed as a buggy client would sign it, and the comparison has to name the mistake.
@Suite("botocore cross-check: the comparison catches mistakes") struct WireComparisonTests {
    struct Mistake: Sendable {
        var name: String
        var operation: String
        /// Applied to our request before it is signed.
        var beforeSigning: @Sendable (inout HTTPRequest) -> Void = { _ in }
        /// Applied after signing: the request sent is not the one signed.
        var afterSigning: @Sendable (inout HTTPRequest) -> Void = { _ in }
        var signingRegion: String?
        /// A phrase the list of differences must contain.
        var expected: String
    }

    static let mistakes: [Mistake] = [
        Mistake(name: "wrong X-Amz-Target", operation: "GetWorkGroup",
                beforeSigning: { $0.headers["X-Amz-Target"] = "AmazonAthena.GetWorkgroup" },
                expected: "header x-amz-target differs"),
        Mistake(name: "another value in the JSON body", operation: "GetWorkGroup",
                beforeSigning: { $0.body = Data(#"{"WorkGroup":"primary"}"#.utf8) }, expected: "body differs"),
        Mistake(name: "a space written as + in a path id", operation: "DescribeDataSource",
                beforeSigning: { $0.path = $0.path.replacingOccurrences(of: "%20", with: "+") },
                expected: "raw path differs"),
        Mistake(name: "next-token left out of the query", operation: "ListDataSources",
                beforeSigning: { $0.query = "max-results=100" }, expected: "query parameters"),
        Mistake(name: "Cost Explorer signed for the client's region", operation: "GetCostAndUsage",
                signingRegion: "eu-west-1", expected: "botocore signs OUR request differently"),
        Mistake(name: "Content-Type changed after signing", operation: "ListWorkGroups",
                afterSigning: { $0.headers["Content-Type"] = "application/json" },
                expected: "botocore signs OUR request differently"),
        Mistake(name: "an unsigned operation signed", operation: "AssumeRoleWithWebIdentity",
                expected: "botocore sends this operation unsigned, but we signed it"),
    ]

    @Test func everyMistakeIsReported() async throws {
        let keys = BotocoreCrossCheckTests.longTermKeys
        let date = BotocoreCrossCheckTests.signingDate
        var cases: [CrossCheckCase] = []
        var broken: [HTTPRequest] = []
        for mistake in Self.mistakes {
            let testCase = try #require(CrossCheckCase.all.first { $0.operation == mistake.operation })
            var request = try await BotocoreCrossCheckTests.ourRequest(
                for: testCase, credentials: testCase.signed ? keys : nil)
            request.headers.remove("Authorization")
            mistake.beforeSigning(&request)
            let region = mistake.signingRegion ?? testCase.service.signingRegion(for: testCase.region)
            request = SigV4Signer(credentials: keys, signingName: testCase.service.signingName, region: region)
                .sign(request, date: date)
            mistake.afterSigning(&request)
            cases.append(testCase)
            broken.append(request)
        }
        let jobs = zip(cases, broken).map { BotocoreCrossCheckTests.job(for: $0, credentials: keys, ours: $1) }
        let answers = try await BotocoreReference.answers(for: jobs, as: BotocoreCallAnswer.self)

        for ((mistake, testCase), (request, answer)) in zip(zip(Self.mistakes, cases), zip(broken, answers)) {
            let differences = WireComparison(
                ours: request,
                ourSigning: BotocoreCrossCheckTests.ourSigning(of: request, with: keys, case: testCase),
                answer: answer
            ).differences()
            #expect(differences.contains { $0.contains(mistake.expected) },
                    "\(mistake.name): expected a difference mentioning '\(mistake.expected)'; got:\n\(differences.joined(separator: "\n"))")
        }
    }
}
