/// Everything about one transfer that is decided before it starts.
struct CurlTransferOptions: Sendable {
    var connectTimeoutMilliseconds: Int
    var totalTimeoutMilliseconds: Int
    /// No byte for this many seconds fails the transfer.
    var stallTimeoutSeconds: Int
    var maxResponseBytes: Int
    var tls: CurlTLSVerification
    var proxy: CurlProxyChoice
}
