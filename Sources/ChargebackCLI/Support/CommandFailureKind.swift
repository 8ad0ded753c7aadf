extension CommandFailure {
    /// Every way a command can stop with a message of its own. The raw value names the section of
    /// docs/troubleshooting.md that explains it; a test holds the two together.
    enum Kind: String, CaseIterable {
        case configuration = "configuration"
        case credentialSettings = "credential-settings"
        case standardOutput = "standard-output"
        case store = "store-open"
        case timeout = "timeout"
        case fileExists = "file-exists"
        case notARegularFile = "not-a-regular-file"
        case writeFailed = "write-failed"
        case noBaseCredentials = "no-base-credentials"
        case collectFailed = "collect-failed"
        case discoverFailed = "discover-failed"
        case nothingCollected = "nothing-collected"
        case nothingUsable = "nothing-usable"
        case renderFailed = "render-failed"
        case publishFailed = "publish-failed"
        case outputBusy = "output-busy"
        case interrupted = "interrupted"
        case monthsIndexNotWritten = "months-index-not-written"
        case endpointSettings = "endpoint-settings"
        case costExplorerLimit = "cost-explorer-limit"
    }
}
