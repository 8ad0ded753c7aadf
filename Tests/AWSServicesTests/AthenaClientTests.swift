import ChargebackTestSupport
import AWSCore
import AWSServices
import Foundation
import Testing

@Suite struct AthenaClientTests {
    private func athena(_ http: StubHTTPClient, region: String = "eu-west-1") -> AthenaClient {
        AthenaClient(client: TestClients.aws(http, region: region))
    }

    /// Checks the JSON 1.1 envelope and returns the body.
    private func expectJSON11(_ request: HTTPRequest?, operation: String,
                              sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
        let request = try #require(request, sourceLocation: sourceLocation)
        #expect(request.method == "POST", sourceLocation: sourceLocation)
        #expect(request.host == "athena.eu-west-1.amazonaws.com", sourceLocation: sourceLocation)
        #expect(request.path == "/", sourceLocation: sourceLocation)
        #expect(request.headers["X-Amz-Target"] == "AmazonAthena.\(operation)", sourceLocation: sourceLocation)
        #expect(request.headers["Content-Type"] == "application/x-amz-json-1.1", sourceLocation: sourceLocation)
        #expect(request.headers["Authorization"] != nil, sourceLocation: sourceLocation)
        return try request.jsonBody()
    }

    @Test func listWorkGroupsSendsModelKeysAndDecodesSummaries() async throws {
        let http = StubHTTPClient(.json(try Fixture.data("athena/list-work-groups.json")))

        let output = try await athena(http).listWorkGroups(ListWorkGroupsInput(maxResults: 50, nextToken: "wg-token-1"))

        let body = try expectJSON11(http.requests.first, operation: "ListWorkGroups")
        #expect(body as NSDictionary == ["MaxResults": 50, "NextToken": "wg-token-1"] as NSDictionary)
        #expect(output.nextToken == "wg-token-2")
        #expect(output.workGroups.map(\.name) == ["primary", "finance-adhoc"])
        #expect(output.workGroups.map(\.state) == [.enabled, .disabled])
        #expect(output.workGroups[0].creationTime == Date(timeIntervalSince1970: 1593469842.665))
        #expect(output.workGroups[1].engineVersion?.selectedEngineVersion == "Athena engine version 3")
    }

    @Test func getWorkGroupDecodesScanLimitEnforcementAndEncryption() async throws {
        let http = StubHTTPClient(.json(try Fixture.data("athena/get-work-group.json")))

        let workGroup = try await athena(http).getWorkGroup(name: "finance-adhoc")

        let body = try expectJSON11(http.requests.first, operation: "GetWorkGroup")
        #expect(body as NSDictionary == ["WorkGroup": "finance-adhoc"] as NSDictionary)
        #expect(workGroup.name == "finance-adhoc")
        #expect(workGroup.state == .enabled)
        #expect(workGroup.description == "Finance analysts")
        #expect(workGroup.creationTime == Date(timeIntervalSince1970: 1700000000.5))
        let configuration = try #require(workGroup.configuration)
        #expect(configuration.bytesScannedCutoffPerQuery == 10_737_418_240)
        #expect(configuration.enforceWorkGroupConfiguration == true)
        #expect(configuration.engineVersion?.effectiveEngineVersion == "Athena engine version 3")
        #expect(configuration.resultConfiguration?.outputLocation == "s3://finance-athena-results/adhoc/")
        #expect(configuration.resultConfiguration?.encryptionConfiguration == AthenaEncryptionConfiguration(
            encryptionOption: .sseKMS,
            kmsKey: "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"))
    }

    @Test func getWorkGroupAnsweredWithNullIsAnInvalidResponse() async throws {
        let http = StubHTTPClient(.json(Data(#"{"WorkGroup": null}"#.utf8)))

        do {
            _ = try await athena(http).getWorkGroup(name: "ghost")
            Issue.record("a null workgroup must fail")
        } catch let AWSClientError.invalidResponse(service, operation, detail) {
            #expect(service == "Athena")
            #expect(operation == "GetWorkGroup")
            #expect(detail.contains("ghost"))
        }
    }

    @Test func listQueryExecutionsSendsWorkGroupAndDecodesIds() async throws {
        let http = StubHTTPClient(.json(try Fixture.data("athena/list-query-executions-page1.json")))

        let output = try await athena(http).listQueryExecutions(
            ListQueryExecutionsInput(workGroup: "finance-adhoc", maxResults: 50))

        let body = try expectJSON11(http.requests.first, operation: "ListQueryExecutions")
        #expect(body as NSDictionary == ["WorkGroup": "finance-adhoc", "MaxResults": 50] as NSDictionary)
        #expect(output.queryExecutionIds == [
            "a1b2c3d4-0001-4000-8000-000000000001", "a1b2c3d4-0001-4000-8000-000000000002",
        ])
        #expect(output.nextToken == "qe-token-2")
    }

    @Test func batchGetQueryExecutionDecodesEveryFieldCostEstimationNeeds() async throws {
        let http = StubHTTPClient(.json(try Fixture.data("athena/batch-get-query-execution.json")))
        let ids = (1...4).map { "a1b2c3d4-0001-4000-8000-00000000000\($0)" }

        let output = try await athena(http).batchGetQueryExecution(ids: ids)

        let body = try expectJSON11(http.requests.first, operation: "BatchGetQueryExecution")
        #expect(body["QueryExecutionIds"] as? [String] == ids)
        #expect(Set(body.keys) == ["QueryExecutionIds"])
        #expect(output.queryExecutions.count == 3)

        let succeeded = output.queryExecutions[0]
        #expect(succeeded.queryExecutionId == ids[0])
        #expect(succeeded.query?.hasPrefix("SELECT region") == true)
        #expect(succeeded.statementType == .dml)
        #expect(succeeded.substatementType == "SELECT")
        #expect(succeeded.workGroup == "finance-adhoc")
        #expect(succeeded.engineVersion == AthenaEngineVersion(
            selectedEngineVersion: "AUTO", effectiveEngineVersion: "Athena engine version 3"))
        #expect(succeeded.queryExecutionContext == AthenaQueryExecutionContext(database: "sales", catalog: "awsdatacatalog"))
        #expect(succeeded.status?.state == .succeeded)
        #expect(succeeded.status?.submissionDateTime == Date(timeIntervalSince1970: 1593469842.665))
        #expect(succeeded.status?.completionDateTime == Date(timeIntervalSince1970: 1593469845.13))
        #expect(succeeded.resultConfiguration?.outputLocation?.hasSuffix(".csv") == true)
        let statistics = try #require(succeeded.statistics)
        // Above 2^32: byte counts must not be squeezed into 32 bits.
        #expect(statistics.dataScannedInBytes == 5_368_709_120_123)
        #expect(statistics.engineExecutionTimeInMillis == 2140)
        #expect(statistics.totalExecutionTimeInMillis == 2465)
        #expect(statistics.queryQueueTimeInMillis == 112)
        #expect(statistics.servicePreProcessingTimeInMillis == 41)
        #expect(statistics.queryPlanningTimeInMillis == 300)
        #expect(statistics.serviceProcessingTimeInMillis == 172)
        #expect(statistics.resultReuseInformation?.reusedPreviousResult == false)
        #expect(statistics.dpuCount == nil)

        let failed = output.queryExecutions[1]
        #expect(failed.status?.state == .failed)
        #expect(failed.status?.stateChangeReason?.hasPrefix("TABLE_NOT_FOUND") == true)
        #expect(failed.status?.athenaError == AthenaQueryError(
            errorCategory: 2, errorType: 1301, retryable: false,
            errorMessage: "TABLE_NOT_FOUND: line 1:15: Table 'awsdatacatalog.sales.missing_table' does not exist"))

        // Values AWS may add later decode instead of failing the whole batch.
        let future = output.queryExecutions[2]
        #expect(future.statementType == .unknown("MERGE_LIKE_FUTURE_TYPE"))
        #expect(future.statementType?.rawValue == "MERGE_LIKE_FUTURE_TYPE")
        #expect(future.status?.state == .unknown("PAUSED_FOR_REVIEW"))
        #expect(future.status?.submissionDateTime == Date(timeIntervalSince1970: 1593470000))
        #expect(future.statistics?.dpuCount == 4.5)
        #expect(future.statistics?.resultReuseInformation?.reusedPreviousResult == true)
        #expect(future.engineVersion == nil)

        #expect(output.unprocessedQueryExecutionIds == [AthenaUnprocessedQueryExecutionId(
            queryExecutionId: ids[3], errorCode: "INTERNAL_ERROR", errorMessage: "Please retry")])
    }

    @Test func getQueryExecutionDecodesTheExecution() async throws {
        let http = StubHTTPClient(.json(try Fixture.data("athena/get-query-execution.json")))

        let execution = try await athena(http).getQueryExecution(id: "cur-0001")

        let body = try expectJSON11(http.requests.first, operation: "GetQueryExecution")
        #expect(body as NSDictionary == ["QueryExecutionId": "cur-0001"] as NSDictionary)
        #expect(execution.status?.state == .running)
        #expect(execution.status?.completionDateTime == nil)
        #expect(execution.statistics?.queryQueueTimeInMillis == 150)
    }

    @Test func startQueryExecutionSendsTheQueryAndReturnsItsId() async throws {
        let http = StubHTTPClient(.json(try Fixture.data("athena/start-query-execution.json")))
        let token = "chargeback-cur-2026-05-000000000001"

        let id = try await athena(http).startQueryExecution(StartQueryExecutionInput(
            queryString: "SELECT 1", clientRequestToken: token,
            queryExecutionContext: AthenaQueryExecutionContext(database: "cur", catalog: "awsdatacatalog"),
            resultConfiguration: AthenaResultConfiguration(outputLocation: "s3://billing-results/"),
            workGroup: "billing"))

        let body = try expectJSON11(http.requests.first, operation: "StartQueryExecution")
        #expect(body as NSDictionary == [
            "QueryString": "SELECT 1", "ClientRequestToken": token,
            "QueryExecutionContext": ["Database": "cur", "Catalog": "awsdatacatalog"],
            "ResultConfiguration": ["OutputLocation": "s3://billing-results/"], "WorkGroup": "billing",
        ] as NSDictionary)
        #expect(id == "cur-0001")
    }

    @Test func getQueryResultsDecodesColumnsRowsAndNulls() async throws {
        let http = StubHTTPClient(.json(try Fixture.data("athena/get-query-results.json")))

        let output = try await athena(http).getQueryResults(GetQueryResultsInput(queryExecutionId: "cur-0001", maxResults: 1000))

        let body = try expectJSON11(http.requests.first, operation: "GetQueryResults")
        #expect(body as NSDictionary == ["QueryExecutionId": "cur-0001", "MaxResults": 1000] as NSDictionary)
        #expect(output.columns.map(\.name) == ["account_id", "cost"])
        #expect(output.columns[1] == AthenaColumnInfo(name: "cost", type: "decimal", precision: 38, scale: 10))
        #expect(output.rows == [["account_id", "cost"], ["111122223333", "1234.5678901234"], ["444455556666", nil]])
        #expect(output.updateCount == 0)
        #expect(output.nextToken == nil)
    }

    @Test func batchGetRejectsMoreThanFiftyIdsBeforeSending() async {
        let http = StubHTTPClient(HTTPResponse(status: 500))
        await expectInvalidRequest(service: "Athena", operation: "BatchGetQueryExecution",
                                   mentioning: "QueryExecutionIds", http: http) {
            _ = try await athena(http).batchGetQueryExecution(ids: (1...51).map { "id-\($0)" })
        }
    }

    @Test func batchGetRejectsAnEmptyListBeforeSending() async {
        let http = StubHTTPClient(HTTPResponse(status: 500))
        await expectInvalidRequest(service: "Athena", operation: "BatchGetQueryExecution",
                                   mentioning: "QueryExecutionIds", http: http) {
            _ = try await athena(http).batchGetQueryExecution(ids: [])
        }
    }

    @Test func maxResultsAboveFiftyIsRejectedBeforeSending() async {
        let http = StubHTTPClient(HTTPResponse(status: 500))
        await expectInvalidRequest(service: "Athena", operation: "ListQueryExecutions", mentioning: "MaxResults",
                                   http: http) {
            _ = try await athena(http).listQueryExecutions(ListQueryExecutionsInput(workGroup: "primary", maxResults: 51))
        }
        await expectInvalidRequest(service: "Athena", operation: "ListWorkGroups", mentioning: "MaxResults",
                                   http: http) {
            _ = try await athena(http).listWorkGroups(ListWorkGroupsInput(maxResults: 51))
        }
    }

    @Test func workGroupNameOutsideThePatternIsRejectedBeforeSending() async {
        let http = StubHTTPClient(HTTPResponse(status: 500))
        await expectInvalidRequest(service: "Athena", operation: "GetWorkGroup", mentioning: "WorkGroup", http: http) {
            _ = try await athena(http).getWorkGroup(name: "finance adhoc")
        }
    }

    @Test func errorResponseBecomesAServiceErrorNamingServiceAndOperation() async throws {
        let http = StubHTTPClient(.json(try Fixture.data("athena/error-invalid-request.json"), status: 400,
                                        headers: ["x-amzn-RequestId": "athena-req-1"]))

        let error = await #expect(throws: AWSServiceError.self) {
            _ = try await athena(http).getWorkGroup(name: "finance-adhoc")
        }

        #expect(error?.service == "Athena")
        #expect(error?.operation == "GetWorkGroup")
        #expect(error?.code == "InvalidRequestException")
        #expect(error?.message == "WorkGroup finance-adhoc is not found.")
        #expect(error?.httpStatus == 400)
        #expect(error?.requestId == "athena-req-1")
    }

    @Test func throttlingIsRetriedThenSucceeds() async throws {
        let throttled = HTTPResponse.json(
            Data(#"{"__type":"ThrottlingException","message":"Rate exceeded"}"#.utf8), status: 400)
        let http = StubHTTPClient(responses: [throttled, .json(try Fixture.data("athena/get-query-execution.json"))])

        let execution = try await athena(http).getQueryExecution(id: "cur-0001")

        #expect(execution.queryExecutionId == "cur-0001")
        #expect(http.requests.count == 2)
    }
}
