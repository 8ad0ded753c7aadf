import AWSCore
import Foundation
import Testing

@Suite struct AWSErrorDecoderTests {
    /// What a decoded error must say, field by field.
    struct Expected {
        var service: String
        var operation: String
        var code: String
        var message: String
        var status: Int
        var requestId: String?
    }

    static func check(_ error: AWSServiceError, _ expected: Expected) {
        #expect(error.service == expected.service)
        #expect(error.operation == expected.operation)
        #expect(error.code == expected.code)
        #expect(error.message == expected.message)
        #expect(error.httpStatus == expected.status)
        #expect(error.requestId == expected.requestId)
    }

    static let stsAccessDenied = """
        <ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
          <Error>
            <Type>Sender</Type>
            <Code>AccessDenied</Code>
            <Message>User: arn:aws:iam::111122223333:user/alice is not authorized to perform: sts:AssumeRole</Message>
          </Error>
          <RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId>
        </ErrorResponse>
        """

    @Test func stsXMLErrorResponse() {
        let response = HTTPResponse(status: 403, headers: ["Content-Type": "text/xml"], body: Data(Self.stsAccessDenied.utf8))

        let error = AWSErrorDecoder.decode(response, service: "STS", operation: "AssumeRole")

        Self.check(error, Expected(
            service: "STS", operation: "AssumeRole", code: "AccessDenied",
            message: "User: arn:aws:iam::111122223333:user/alice is not authorized to perform: sts:AssumeRole",
            status: 403, requestId: "c6104cbe-af31-11e0-8154-cbc7ccf896c7"))
        #expect(error.description == "STS AssumeRole failed with AccessDenied (HTTP 403): User: arn:aws:iam::111122223333:user/alice "
            + "is not authorized to perform: sts:AssumeRole [request id c6104cbe-af31-11e0-8154-cbc7ccf896c7]")
    }

    @Test func requestIdHeaderWinsOverTheXMLBody() {
        let response = HTTPResponse(status: 403, headers: ["x-amzn-RequestId": "from-header"], body: Data(Self.stsAccessDenied.utf8))

        let error = AWSErrorDecoder.decode(response, service: "STS", operation: "AssumeRole")

        #expect(error.code == "AccessDenied")
        #expect(error.requestId == "from-header")
    }

    @Test(arguments: ["message", "Message"])
    func json11BodyWithNamespacedType(messageKey: String) {
        let body = #"{"__type":"com.amazonaws.athena#ThrottlingException","\#(messageKey)":"Rate exceeded"}"#
        let response = HTTPResponse(
            status: 400, headers: ["Content-Type": "application/x-amz-json-1.1", "x-amzn-RequestId": "5b0e7d2f-1111-2222-3333-444455556666"],
            body: Data(body.utf8))

        let error = AWSErrorDecoder.decode(response, service: "Athena", operation: "ListQueryExecutions")

        Self.check(error, Expected(
            service: "Athena", operation: "ListQueryExecutions", code: "ThrottlingException", message: "Rate exceeded",
            status: 400, requestId: "5b0e7d2f-1111-2222-3333-444455556666"))
    }

    @Test func restJSONErrorTypeHeader() {
        let response = HTTPResponse(
            status: 404,
            headers: [
                "x-amzn-ErrorType": "ResourceNotFoundException:http://internal.amazon.com/coral/com.amazonaws.quicksight/",
                "x-amzn-RequestId": "0d3e2c2a-aaaa-bbbb-cccc-ddddeeeeffff",
            ],
            body: Data(#"{"Message":"Data source ds-1 not found.","RequestId":"0d3e2c2a-aaaa-bbbb-cccc-ddddeeeeffff"}"#.utf8))

        let error = AWSErrorDecoder.decode(response, service: "QuickSight", operation: "DescribeDataSource")

        Self.check(error, Expected(
            service: "QuickSight", operation: "DescribeDataSource", code: "ResourceNotFoundException",
            message: "Data source ds-1 not found.", status: 404, requestId: "0d3e2c2a-aaaa-bbbb-cccc-ddddeeeeffff"))
    }

    @Test func errorTypeHeaderWinsOverTheBody() {
        let response = HTTPResponse(
            status: 400, headers: ["x-amzn-ErrorType": "AccessDeniedException"],
            body: Data(#"{"__type":"SomethingElse","message":"no"}"#.utf8))

        let error = AWSErrorDecoder.decode(response, service: "QuickSight", operation: "ListDataSources")

        #expect(error.code == "AccessDeniedException")
        #expect(error.message == "no")
        #expect(error.requestId == nil)
    }

    /// Bodies that say nothing usable: the code falls back to the HTTP status.
    @Test(arguments: [
        (502, "<html><body><h1>502 Bad Gateway</h1></body></html>", "HTTP502"),
        (503, "<html><body>unclosed", "HTTP503"),
        (500, "Internal Server Error", "HTTP500"),
        (504, "{ truncated", "HTTP504"),
        (500, "", "HTTP500"),
        (429, "slow down", "Throttling"),
    ])
    func garbageBodyFallsBackToTheStatus(status: Int, body: String, code: String) {
        let response = HTTPResponse(status: status, headers: ["x-amz-request-id": "abc123"], body: Data(body.utf8))

        let error = AWSErrorDecoder.decode(response, service: "CostExplorer", operation: "GetCostAndUsage")

        Self.check(error, Expected(
            service: "CostExplorer", operation: "GetCostAndUsage", code: code, message: "", status: status, requestId: "abc123"))
    }

    // MARK: What kind of error

    static func decoded(_ code: String, status: Int = 400) -> AWSServiceError {
        let body = #"{"__type":"com.amazonaws.service#\#(code)","message":"m"}"#
        return AWSErrorDecoder.decode(HTTPResponse(status: status, body: Data(body.utf8)), service: "S", operation: "O")
    }

    @Test(arguments: ["AccessDenied", "AccessDeniedException"])
    func accessDeniedCodesAreAccessDenied(code: String) {
        let error = Self.decoded(code)
        #expect(error.isAccessDenied)
        #expect(!error.isThrottling && !error.isExpiredToken)
    }

    @Test(arguments: ["ExpiredToken", "ExpiredTokenException", "RequestExpired"])
    func expiredTokenCodesAreExpiredToken(code: String) {
        let error = Self.decoded(code)
        #expect(error.isExpiredToken)
        #expect(!error.isThrottling && !error.isAccessDenied)
    }

    /// Cost Explorer, Athena, STS and QuickSight's throttling codes, written out.
    @Test(arguments: ["LimitExceededException", "ThrottlingException", "TooManyRequestsException", "Throttling"])
    func servicesThrottlingCodesAreThrottling(code: String) {
        let error = Self.decoded(code)
        #expect(error.isThrottling)
        #expect(!error.isAccessDenied && !error.isExpiredToken)
    }

    @Test func aBare429IsThrottling() {
        let error = AWSErrorDecoder.decode(HTTPResponse(status: 429, body: Data("slow down".utf8)), service: "S", operation: "O")
        #expect(error.isThrottling)
    }

    @Test(arguments: ["ResourceNotFoundException", "ValidationException", "HTTP500", "SignatureDoesNotMatch", "InvalidClientTokenId"])
    func otherCodesAreNoneOfThem(code: String) {
        let error = Self.decoded(code)
        #expect(!error.isThrottling && !error.isAccessDenied && !error.isExpiredToken)
    }
}
