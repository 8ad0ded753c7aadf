@_exported import ChargebackModel
