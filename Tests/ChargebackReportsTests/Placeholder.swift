import Testing
@testable import ChargebackReports
