import Testing

@Test func placeholder_AWSCoreTests() {}
