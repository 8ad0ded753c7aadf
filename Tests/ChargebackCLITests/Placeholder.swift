import Testing

@Test func placeholder_ChargebackCLITests() {}
