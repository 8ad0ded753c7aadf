import Testing

@Test func placeholder_AWSServicesTests() {}
