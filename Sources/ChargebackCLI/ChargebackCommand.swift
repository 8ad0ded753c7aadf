import ArgumentParser

public struct ChargebackCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "chargeback",
        abstract: "Monthly per-business-unit chargeback reports for Amazon Quick and Athena.",
        subcommands: []
    )
    public init() {}
}
