/// The version the tool's `--version`, its reports and its User-Agent carry, and the commit it
/// was built from (recorded at build time by the BuildCommitPlugin).
public enum ChargebackVersion {
    public static let current = "0.2.0"

    /// "commit 1a2b3c4d5e6f" (with "-dirty" for uncommitted changes), or "unknown commit" when
    /// the build had no git checkout.
    public static let commit = BuildCommit.description

    /// What every request to AWS names itself with.
    public static let userAgent = "chargeback/\(current)"

    /// What `--version` prints: "0.2.0 (commit 1a2b3c4d5e6f)".
    public static let description = "\(current) (\(commit))"
}
