import ChargebackTestSupport
import AWSCore
import AWSServices
import Foundation
import Testing

@Suite struct QuickSightClientTests {
    static let account = "999988887777"

    private func quickSight(_ http: StubHTTPClient) -> QuickSightClient {
        QuickSightClient(client: TestClients.aws(http, region: "eu-west-1"))
    }

    @Test func listDataSourcesSendsAGetWithPagingParametersAndDecodesAthenaParameters() async throws {
        let http = StubHTTPClient(.json(try Fixture.data("quicksight/list-data-sources.json")))

        let output = try await quickSight(http).listDataSources(accountId: Self.account, maxResults: 100,
                                                                 nextToken: "ds/token+1=")

        let request = try #require(http.requests.first)
        #expect(request.method == "GET")
        #expect(request.host == "quicksight.eu-west-1.amazonaws.com")
        #expect(request.path == "/accounts/999988887777/data-sources")
        #expect(request.queryItems() == ["max-results": "100", "next-token": "ds/token+1="])
        #expect(request.query.contains("next-token=ds%2Ftoken%2B1%3D"))
        #expect(request.body.isEmpty)
        #expect(request.headers["Authorization"] != nil)

        #expect(output.nextToken == "ds-token-2")
        #expect(output.dataSources.count == 2)
        let athena = output.dataSources[0]
        #expect(athena.arn == "arn:aws:quicksight:eu-west-1:999988887777:datasource/athena-bu-alpha")
        #expect(athena.dataSourceId == "athena-bu-alpha")
        #expect(athena.name == "BU Alpha Athena")
        #expect(athena.type == "ATHENA")
        #expect(athena.status == "CREATION_SUCCESSFUL")
        #expect(athena.createdTime == Date(timeIntervalSince1970: 1700000000.123))
        #expect(athena.dataSourceParameters?.athenaParameters == QuickSightAthenaParameters(
            workGroup: "finance-adhoc", roleArn: "arn:aws:iam::999988887777:role/quick-athena-access",
            consumerAccountRoleArn: "arn:aws:iam::111122223333:role/chargeback-role-b",
            identityCenterConfiguration: QuickSightIdentityCenterConfiguration(enableIdentityPropagation: false)))

        // Another kind of data source decodes, without Athena parameters.
        let redshift = output.dataSources[1]
        #expect(redshift.type == "REDSHIFT")
        #expect(redshift.dataSourceParameters != nil)
        #expect(redshift.dataSourceParameters?.athenaParameters == nil)
    }

    @Test func listWithoutPagingParametersSendsNoQuery() async throws {
        let http = StubHTTPClient(.json(try Fixture.data("quicksight/list-data-sets.json")))

        _ = try await quickSight(http).listDataSets(accountId: Self.account)

        let request = try #require(http.requests.first)
        #expect(request.path == "/accounts/999988887777/data-sets")
        #expect(request.query.isEmpty)
    }

    @Test func describeDataSourcePercentEncodesThePathSegment() async throws {
        let http = StubHTTPClient(.json(try Fixture.data("quicksight/describe-data-source.json")))

        let dataSource = try await quickSight(http).describeDataSource(accountId: Self.account,
                                                                       dataSourceId: "athena bu/beta")

        let request = try #require(http.requests.first)
        #expect(request.method == "GET")
        #expect(request.path == "/accounts/999988887777/data-sources/athena%20bu%2Fbeta")
        #expect(dataSource.dataSourceId == "athena bu/beta")
        #expect(dataSource.status == "UPDATE_SUCCESSFUL")
        #expect(dataSource.dataSourceParameters?.athenaParameters?.workGroup == "primary")
        #expect(dataSource.dataSourceParameters?.athenaParameters?.consumerAccountRoleArn == nil)
    }

    @Test func listDataSetsDecodesSummaries() async throws {
        let http = StubHTTPClient(.json(try Fixture.data("quicksight/list-data-sets.json")))

        let output = try await quickSight(http).listDataSets(accountId: Self.account, maxResults: 50)

        #expect(try #require(http.requests.first).queryItems() == ["max-results": "50"])
        #expect(output.nextToken == nil)
        #expect(output.dataSetSummaries.map(\.dataSetId) == ["sales-spice", "live-orders"])
        #expect(output.dataSetSummaries.map(\.importMode) == [.spice, .directQuery])
        #expect(output.dataSetSummaries[0].arn == "arn:aws:quicksight:eu-west-1:999988887777:dataset/sales-spice")
        #expect(output.dataSetSummaries[0].name == "Sales (SPICE)")
        #expect(output.dataSetSummaries[0].lastUpdatedTime == Date(timeIntervalSince1970: 1710000000))
    }

    @Test func describeDataSetDecodesSpiceBytesAndListsEveryDataSourceItReads() async throws {
        let http = StubHTTPClient(.json(try Fixture.data("quicksight/describe-data-set.json")))

        let dataSet = try await quickSight(http).describeDataSet(accountId: Self.account, dataSetId: "sales-spice")

        #expect(try #require(http.requests.first).path == "/accounts/999988887777/data-sets/sales-spice")
        #expect(dataSet.arn == "arn:aws:quicksight:eu-west-1:999988887777:dataset/sales-spice")
        #expect(dataSet.importMode == .spice)
        #expect(dataSet.consumedSpiceCapacityInBytes == 53_687_091_200)
        #expect(dataSet.physicalTableMap.count == 4)
        #expect(dataSet.physicalTableMap["orders"]?.relationalTable?.schema == "sales")
        #expect(dataSet.physicalTableMap["returns"]?.customSql?.sqlQuery == "SELECT * FROM sales.returns")
        #expect(dataSet.dataSourceArns == [
            "arn:aws:quicksight:eu-west-1:999988887777:datasource/athena-bu-alpha",
            "arn:aws:quicksight:eu-west-1:999988887777:datasource/athena-bu-beta",
            "arn:aws:quicksight:eu-west-1:999988887777:datasource/s3-targets",
        ])
    }

    @Test func maxResultsAboveOneHundredIsRejectedBeforeSending() async {
        let http = StubHTTPClient(HTTPResponse(status: 500))
        await expectInvalidRequest(service: "QuickSight", operation: "ListDataSources", mentioning: "max-results",
                                   http: http) {
            _ = try await quickSight(http).listDataSources(accountId: Self.account, maxResults: 101)
        }
    }

    @Test(arguments: ["12345", "99998888777a", "../999988887777"])
    func accountIdThatIsNotTwelveDigitsIsRejectedBeforeSending(accountId: String) async {
        let http = StubHTTPClient(HTTPResponse(status: 500))
        await expectInvalidRequest(service: "QuickSight", operation: "ListDataSets", mentioning: "AwsAccountId",
                                   http: http) {
            _ = try await quickSight(http).listDataSets(accountId: accountId)
        }
    }

    @Test func errorResponseBecomesAServiceErrorNamingServiceAndOperation() async throws {
        let http = StubHTTPClient(.json(try Fixture.data("quicksight/error-not-found.json"), status: 404,
                                        headers: ["x-amzn-ErrorType": "ResourceNotFoundException:http://internal.amazon.com/"]))

        let error = await #expect(throws: AWSServiceError.self) {
            _ = try await quickSight(http).describeDataSet(accountId: Self.account, dataSetId: "sales-missing")
        }

        #expect(error?.service == "QuickSight")
        #expect(error?.operation == "DescribeDataSet")
        #expect(error?.code == "ResourceNotFoundException")
        #expect(error?.httpStatus == 404)
        #expect(error?.message == "Data set sales-missing not found in account 999988887777.")
    }
}
