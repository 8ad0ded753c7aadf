import ChargebackCLI
await ChargebackCommand.main()
