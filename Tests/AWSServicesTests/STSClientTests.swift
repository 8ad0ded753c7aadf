import ChargebackTestSupport
import AWSCore
import AWSServices
import Foundation
import Testing

@Suite struct STSClientTests {
    static let roleArn = "arn:aws:iam::111122223333:role/chargeback-reader"

    private func utc(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int, _ second: Int) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute,
                                                  second: second))!
    }

    @Test func assumeRoleSendsEveryFormFieldAndDecodesTheResult() async throws {
        let http = StubHTTPClient(.xml(try Fixture.data("sts/assume-role.xml")))
        let sts = STSClient(client: TestClients.aws(http, region: "eu-west-1"))
        let policy = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ce:*","Resource":"*"}]}"#

        let output = try await sts.assumeRole(AssumeRoleInput(
            roleArn: Self.roleArn, roleSessionName: "chargeback-bu-alpha", externalId: "ext:id/42",
            policy: policy, durationSeconds: 3600, sourceIdentity: "alice@example.com"))

        let request = try #require(http.requests.first)
        #expect(http.requests.count == 1)
        #expect(request.method == "POST")
        #expect(request.host == "sts.eu-west-1.amazonaws.com")
        #expect(request.path == "/")
        #expect(request.headers["Content-Type"] == "application/x-www-form-urlencoded; charset=utf-8")
        #expect(request.headers["Authorization"] != nil)
        #expect(request.formFields() == [
            "Action": "AssumeRole", "Version": "2011-06-15", "RoleArn": Self.roleArn,
            "RoleSessionName": "chargeback-bu-alpha", "ExternalId": "ext:id/42", "Policy": policy,
            "DurationSeconds": "3600", "SourceIdentity": "alice@example.com",
        ])

        #expect(output.credentials.accessKeyId == "ASIAIOSFODNN7EXAMPLE")
        #expect(output.credentials.secretAccessKey == "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY")
        #expect(output.credentials.sessionToken == "FwoGZXIvYXdzEXAMPLETOKENxyz+abc/def==")
        #expect(output.credentials.expiration == utc(2026, 6, 1, 12, 34, 56))
        #expect(output.assumedRoleUser == AssumedRoleUser(
            assumedRoleId: "AROA3XFRBF535PLBIFPI4:chargeback-bu-alpha",
            arn: "arn:aws:sts::111122223333:assumed-role/chargeback-reader/chargeback-bu-alpha"))
        #expect(output.packedPolicySize == 6)
        #expect(output.sourceIdentity == "alice@example.com")
    }

    @Test func assumeRoleOmitsOptionalFieldsThatAreNotSet() async throws {
        let http = StubHTTPClient(.xml(try Fixture.data("sts/assume-role.xml")))
        let sts = STSClient(client: TestClients.aws(http))

        _ = try await sts.assumeRole(AssumeRoleInput(roleArn: Self.roleArn, roleSessionName: "s1"))

        let fields = try #require(http.requests.first).formFields()
        #expect(Set(fields.keys) == ["Action", "Version", "RoleArn", "RoleSessionName"])
    }

    @Test(arguments: [
        ("2026-06-01T12:34:56Z", 0.0),
        ("2026-06-01T12:34:56.120Z", 0.12),
        ("2026-06-01T12:34:56.123456Z", 0.123456),
    ])
    func expirationParsesWithZeroThreeOrSixFractionalDigits(text: String, fraction: Double) async throws {
        let body = String(decoding: try Fixture.data("sts/assume-role.xml"), as: UTF8.self)
            .replacingOccurrences(of: "2026-06-01T12:34:56Z", with: text)
        let http = StubHTTPClient(.xml(Data(body.utf8)))
        let sts = STSClient(client: TestClients.aws(http))

        let output = try await sts.assumeRole(AssumeRoleInput(roleArn: Self.roleArn, roleSessionName: "s1"))

        let expiration = try #require(output.credentials.expiration)
        let expected = utc(2026, 6, 1, 12, 34, 56).addingTimeInterval(fraction)
        #expect(abs(expiration.timeIntervalSince(expected)) < 0.000_01)
    }

    @Test func assumeRoleWithWebIdentityIsUnsignedAndDecodesTheResult() async throws {
        let http = StubHTTPClient(.xml(try Fixture.data("sts/assume-role-with-web-identity.xml")))
        let sts = STSClient(client: TestClients.aws(http, region: "us-west-2", credentials: RefusingCredentialProvider()))
        let token = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJjaGFyZ2ViYWNrIn0.c2lnbmF0dXJl"

        let output = try await sts.assumeRoleWithWebIdentity(AssumeRoleWithWebIdentityInput(
            roleArn: Self.roleArn, roleSessionName: "ci-run-42", webIdentityToken: token, durationSeconds: 900))

        let request = try #require(http.requests.first)
        #expect(request.host == "sts.us-west-2.amazonaws.com")
        #expect(request.headers["Authorization"] == nil)
        #expect(request.headers["X-Amz-Security-Token"] == nil)
        #expect(request.formFields() == [
            "Action": "AssumeRoleWithWebIdentity", "Version": "2011-06-15", "RoleArn": Self.roleArn,
            "RoleSessionName": "ci-run-42", "WebIdentityToken": token, "DurationSeconds": "900",
        ])
        #expect(output.credentials.accessKeyId == "ASIAJEXAMPLEXEG2JICEA")
        #expect(output.credentials.sessionToken == "AQoDYXdzEE0a8ANXXXXXXXXNO1ewxE5TijQyp+IEXAMPLE")
        let expiration = try #require(output.credentials.expiration)
        #expect(abs(expiration.timeIntervalSince(utc(2026, 6, 1, 13, 0, 0)) - 0.123) < 0.000_01)
        #expect(output.assumedRoleUser?.arn == "arn:aws:sts::111122223333:assumed-role/chargeback-irsa/ci-run-42")
        #expect(output.subjectFromWebIdentityToken == "system:serviceaccount:billing:chargeback")
    }

    @Test func getCallerIdentityDecodesAccountArnAndUserId() async throws {
        let http = StubHTTPClient(.xml(try Fixture.data("sts/get-caller-identity.xml")))
        let sts = STSClient(client: TestClients.aws(http))

        let identity = try await sts.getCallerIdentity()

        #expect(try #require(http.requests.first).formFields() == ["Action": "GetCallerIdentity", "Version": "2011-06-15"])
        #expect(identity == GetCallerIdentityOutput(
            account: "123456789012", arn: "arn:aws:iam::123456789012:user/chargeback-ci", userId: "AIDAJQABLZS4A3QDU576Q"))
    }

    @Test(arguments: [
        (AssumeRoleInput(roleArn: roleArn, roleSessionName: String(repeating: "a", count: 65)), "RoleSessionName"),
        (AssumeRoleInput(roleArn: roleArn, roleSessionName: "a"), "RoleSessionName"),
        (AssumeRoleInput(roleArn: roleArn, roleSessionName: "bu alpha"), "RoleSessionName"),
        (AssumeRoleInput(roleArn: roleArn, roleSessionName: "bu/alpha"), "RoleSessionName"),
        (AssumeRoleInput(roleArn: "arn:aws:iam::1:role", roleSessionName: "s1"), "RoleArn"),
        (AssumeRoleInput(roleArn: roleArn, roleSessionName: "s1", externalId: "x"), "ExternalId"),
        (AssumeRoleInput(roleArn: roleArn, roleSessionName: "s1", externalId: "has space"), "ExternalId"),
        (AssumeRoleInput(roleArn: roleArn, roleSessionName: "s1", policy: String(repeating: "p", count: 2049)), "Policy"),
        (AssumeRoleInput(roleArn: roleArn, roleSessionName: "s1", durationSeconds: 899), "DurationSeconds"),
        (AssumeRoleInput(roleArn: roleArn, roleSessionName: "s1", durationSeconds: 43201), "DurationSeconds"),
        (AssumeRoleInput(roleArn: roleArn, roleSessionName: "s1", sourceIdentity: "x"), "SourceIdentity"),
    ])
    func assumeRoleRejectsValuesOutsideTheModelLimitsBeforeSending(input: AssumeRoleInput, field: String) async {
        let http = StubHTTPClient(HTTPResponse(status: 500))
        let sts = STSClient(client: TestClients.aws(http))
        await expectInvalidRequest(service: "STS", operation: "AssumeRole", mentioning: field, http: http) {
            _ = try await sts.assumeRole(input)
        }
    }

    @Test func acceptsLimitValues() async throws {
        let http = StubHTTPClient(.xml(try Fixture.data("sts/assume-role.xml")))
        let sts = STSClient(client: TestClients.aws(http))
        _ = try await sts.assumeRole(AssumeRoleInput(
            roleArn: Self.roleArn, roleSessionName: "A_b+c=d,e.f@g-" + String(repeating: "z", count: 50),
            externalId: "ab", policy: String(repeating: "p", count: 2048), durationSeconds: 43200))
        #expect(http.requests.count == 1)
    }

    @Test func webIdentityTokenNeverAppearsInErrors() async throws {
        let secretToken = "zq!"
        let http = StubHTTPClient(.xml(try Fixture.data("sts/error-access-denied.xml"), status: 403))
        let sts = STSClient(client: TestClients.aws(http, credentials: RefusingCredentialProvider()))

        // Too short: rejected locally.
        do {
            _ = try await sts.assumeRoleWithWebIdentity(AssumeRoleWithWebIdentityInput(
                roleArn: Self.roleArn, roleSessionName: "s1", webIdentityToken: secretToken))
            Issue.record("a 3-character token must be rejected")
        } catch {
            #expect(invalidRequest(error)?.detail.contains("WebIdentityToken") == true)
            #expect(!"\(error)".contains(secretToken))
            #expect(!String(reflecting: error).contains(secretToken))
        }

        // Rejected by the service.
        let validToken = "eyJhbGciOiJSUzI1NiJ9.secret-part"
        do {
            _ = try await sts.assumeRoleWithWebIdentity(AssumeRoleWithWebIdentityInput(
                roleArn: Self.roleArn, roleSessionName: "bad name", webIdentityToken: validToken))
            Issue.record("a session name with a space must be rejected")
        } catch {
            #expect(!"\(error)".contains(validToken))
        }
        do {
            let input = AssumeRoleWithWebIdentityInput(
                roleArn: Self.roleArn, roleSessionName: "s1", webIdentityToken: validToken)
            #expect(!"\(input)".contains(validToken))
            _ = try await sts.assumeRoleWithWebIdentity(input)
            Issue.record("the stub answers 403")
        } catch {
            #expect(!"\(error)".contains(validToken))
            #expect(!String(reflecting: error).contains(validToken))
        }
    }

    @Test func errorResponseBecomesAServiceErrorNamingServiceAndOperation() async throws {
        let http = StubHTTPClient(.xml(try Fixture.data("sts/error-access-denied.xml"), status: 403))
        let sts = STSClient(client: TestClients.aws(http))

        let error = await #expect(throws: AWSServiceError.self) {
            _ = try await sts.assumeRole(AssumeRoleInput(roleArn: Self.roleArn, roleSessionName: "s1"))
        }

        #expect(error?.service == "STS")
        #expect(error?.operation == "AssumeRole")
        #expect(error?.code == "AccessDenied")
        #expect(error?.httpStatus == 403)
        #expect(error?.requestId == "4a7bf0e2-5b9c-4d9e-9f3e-000000000001")
        #expect(http.requests.count == 1, "AccessDenied is not retried")
    }

    @Test func missingCredentialElementIsAnInvalidResponseThatShowsNoSecret() async throws {
        let body = String(decoding: try Fixture.data("sts/assume-role.xml"), as: UTF8.self)
            .replacingOccurrences(of: "<SessionToken>FwoGZXIvYXdzEXAMPLETOKENxyz+abc/def==</SessionToken>", with: "")
        let http = StubHTTPClient(.xml(Data(body.utf8)))
        let sts = STSClient(client: TestClients.aws(http))

        do {
            _ = try await sts.assumeRole(AssumeRoleInput(roleArn: Self.roleArn, roleSessionName: "s1"))
            Issue.record("a result without a session token must fail")
        } catch let AWSClientError.invalidResponse(service, operation, detail) {
            #expect(service == "STS")
            #expect(operation == "AssumeRole")
            #expect(detail.contains("SessionToken"))
            #expect(!detail.contains("wJalrXUtnFEMI"))
        }
    }
}
