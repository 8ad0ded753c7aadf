import Testing

@Test func placeholder_AWSSandboxTests() {}
