import Foundation
import Testing

/// Asks botocore, AWS's own Python SDK, what it would send: runs
/// `Fixtures/botocore/botocore_reference.py` with a JSON list of jobs on stdin and reads a JSON
/// list of answers from stdout. botocore never reaches the network: the script captures each
/// request before it is sent.
enum BotocoreReference {
    /// Runs the script once for all `jobs` and returns one answer per job, in order.
    static func answers<Job: Encodable, Answer: Decodable>(for jobs: [Job], as _: Answer.Type) async throws -> [Answer] {
        let output = try await run(input: try JSONEncoder().encode(jobs))
        do {
            let answers = try JSONDecoder().decode([Answer].self, from: output)
            guard answers.count == jobs.count else {
                throw BotocoreReferenceError.unreadableAnswer("expected \(jobs.count) answers, got \(answers.count)")
            }
            return answers
        } catch let error as DecodingError {
            throw BotocoreReferenceError.unreadableAnswer(
                "\(error)\n\(String(decoding: output.prefix(2_000), as: UTF8.self))")
        }
    }

    static var scriptURL: URL {
        get throws {
            let base = try #require(Bundle.module.resourceURL, "the test bundle has no resources")
            return base.appendingPathComponent("Fixtures/botocore/botocore_reference.py")
        }
    }

    /// Exit status of `/usr/bin/env` when it cannot find the program.
    private static let commandNotFound: Int32 = 127
    /// Exit status the script uses when `import botocore` fails.
    private static let botocoreMissing: Int32 = 3
    private static let timeout: Duration = .seconds(120)

    private static func run(input: Data) async throws -> Data {
        let script = try scriptURL
        let files = FileManager.default
        let directory = files.temporaryDirectory.appendingPathComponent("botocore-reference-\(UUID().uuidString)")
        try files.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? files.removeItem(at: directory) }
        let inputURL = directory.appendingPathComponent("stdin.json")
        let outputURL = directory.appendingPathComponent("stdout.json")
        let errorURL = directory.appendingPathComponent("stderr.txt")
        try input.write(to: inputURL)
        // Files, not pipes: a full pipe would stall the script while nobody reads it.
        _ = files.createFile(atPath: outputURL.path, contents: nil)
        _ = files.createFile(atPath: errorURL.path, contents: nil)
        let stdin = try FileHandle(forReadingFrom: inputURL)
        let stdout = try FileHandle(forWritingTo: outputURL)
        let stderr = try FileHandle(forWritingTo: errorURL)
        defer {
            try? stdin.close()
            try? stdout.close()
            try? stderr.close()
        }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path]
        process.environment = isolatedEnvironment()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        do {
            try process.run()
        } catch {
            throw BotocoreReferenceError.notInstalled("could not start /usr/bin/env python3: \(error)")
        }
        // Foundation's waitUntilExit can hang on Linux when called from a concurrency thread: poll instead.
        let deadline = ContinuousClock.now + timeout
        while process.isRunning {
            guard ContinuousClock.now < deadline else {
                process.terminate()
                throw BotocoreReferenceError.failed(status: nil, detail: "no answer within \(timeout)")
            }
            try await Task.sleep(for: .milliseconds(20))
        }

        let output = (try? Data(contentsOf: outputURL)) ?? Data()
        let errors = (try? String(contentsOf: errorURL, encoding: .utf8)) ?? ""
        switch process.terminationStatus {
        case 0: return output
        case commandNotFound: throw BotocoreReferenceError.notInstalled("python3 is not on PATH")
        case botocoreMissing:
            let message = (try? JSONDecoder().decode([String: String].self, from: output))?["error"]
            throw BotocoreReferenceError.notInstalled(message ?? String(decoding: output, as: UTF8.self))
        case let status: throw BotocoreReferenceError.failed(status: status, detail: errors)
        }
    }

    /// The caller's environment without any AWS setting, so a developer's profile, region or
    /// endpoint override cannot change what botocore builds.
    private static func isolatedEnvironment() -> [String: String] {
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("AWS_") }
        environment["AWS_CONFIG_FILE"] = "/dev/null"
        environment["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null"
        environment["AWS_EC2_METADATA_DISABLED"] = "true"
        // Keeps the test bundle free of __pycache__ directories.
        environment["PYTHONDONTWRITEBYTECODE"] = "1"
        return environment
    }
}

enum BotocoreReferenceError: Error, CustomStringConvertible {
    case notInstalled(String)
    case failed(status: Int32?, detail: String)
    case unreadableAnswer(String)

    var description: String {
        switch self {
        case let .notInstalled(detail):
            return "The botocore cross-check needs python3 with botocore, AWS's Python SDK: \(detail). "
                + "Run `make test` (it installs boto3 and botocore), then run the tests again."
        case let .failed(status, detail):
            return "botocore_reference.py failed (exit status \(status.map(String.init) ?? "none")): \(detail)"
        case let .unreadableAnswer(detail):
            return "botocore_reference.py answered something that is not the expected JSON: \(detail)"
        }
    }
}
