import Testing
@testable import ChargebackAttribution
