import Foundation
import PackagePlugin

/// Records the commit the package is built from in a generated `BuildCommit.swift`, before every
/// build, so `--version` can name it with neither git nor the network at run time. Outside a git
/// checkout (a source archive) the file says "unknown commit".
@main
struct BuildCommitPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let package = context.package.directoryURL
        let output = context.pluginWorkDirectoryURL.appending(path: "generated")
        return [
            .prebuildCommand(
                displayName: "Recording the commit of this build",
                executable: URL(filePath: "/bin/sh"),
                arguments: [package.appending(path: "scripts/write-build-commit.sh").path(percentEncoded: false),
                            package.path(percentEncoded: false), output.path(percentEncoded: false)],
                outputFilesDirectory: output),
        ]
    }
}
