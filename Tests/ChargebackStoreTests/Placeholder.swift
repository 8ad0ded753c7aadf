import Testing
@testable import ChargebackStore
