import ChargebackTestSupport
import AWSCore
import Testing

/// The parts of an `AWSClientError.invalidRequest`, or nil for any other error.
func invalidRequest(_ error: any Error) -> (service: String, operation: String, detail: String)? {
    guard case let AWSClientError.invalidRequest(service, operation, detail) = error else { return nil }
    return (service, operation, detail)
}

/// Runs `body`, expecting it to fail before sending with `invalidRequest` whose detail mentions `field`.
func expectInvalidRequest(service: String, operation: String, mentioning field: String, http: StubHTTPClient,
                          sourceLocation: SourceLocation = #_sourceLocation,
                          _ body: () async throws -> Void) async {
    do {
        try await body()
        Issue.record("expected an invalid request error", sourceLocation: sourceLocation)
    } catch {
        let parts = invalidRequest(error)
        #expect(parts?.service == service, "\(error)", sourceLocation: sourceLocation)
        #expect(parts?.operation == operation, "\(error)", sourceLocation: sourceLocation)
        #expect(parts?.detail.contains(field) == true, "\(error)", sourceLocation: sourceLocation)
    }
    #expect(http.requests.isEmpty, "nothing may be sent for an invalid request", sourceLocation: sourceLocation)
}
