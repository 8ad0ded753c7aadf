@_exported import ChargebackModel
@_exported import ChargebackStore
