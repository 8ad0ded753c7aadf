/// Everything about one transfer that is decided before it starts.
struct CurlTransferOptions: Sendable {
    var connectTimeoutMilliseconds: Int
    var totalTimeoutMilliseconds: Int
    var maxResponseBytes: Int
    var tls: CurlTLSVerification
    var proxy: CurlProxyChoice
}
