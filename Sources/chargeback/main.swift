import ChargebackCLI

await ChargebackMain.run()
