import Testing

@Test func placeholder_ChargebackCoreTests() {}
