import ArgumentParser
import ChargebackCore
import Foundation

/// `chargeback init [F]`: writes the commented sample configuration.
struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented sample chargeback.yaml.",
        discussion: "Refuses to overwrite an existing file unless --force is given. Use '-' to print to stdout."
    )

    @Argument(help: "Where to write the sample configuration.")
    var path: String = "chargeback.yaml"

    @Flag(help: "Overwrite the file if it exists and is a regular file (or a link to one).")
    var force = false

    func run() async throws {
        if path == "-" {
            try StandardOutput.write(SampleConfig.text)
            return
        }
        try RegularFileWriter.write(SampleConfig.text, to: path, overwrite: force)
        FileHandle.standardError.write(Data("wrote \(path): edit the account ids, roles and ExternalIds, then run 'chargeback check --config \(path)'\n".utf8))
    }
}
