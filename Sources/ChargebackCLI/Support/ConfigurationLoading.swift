import ChargebackCore
import Foundation

/// Loads and validates the configuration; any problem is a usage error (exit 2) listing every
/// mistake with its file, line and key, before any AWS call.
func loadConfiguration(_ path: String) throws -> ChargebackConfig {
    do {
        return try ConfigLoader.load(path: path)
    } catch let failure as ConfigLoadFailure {
        throw CommandFailure(.configuration, "\(path) has \(failure.errors.count) problem\(failure.errors.count == 1 ? "" : "s"):\n"
            + failure.errors.map { "  \($0)" }.joined(separator: "\n"), exitCode: ChargebackExitCode.usage)
    } catch {
        throw CommandFailure(.configuration, "\(error)", exitCode: ChargebackExitCode.usage)
    }
}
