/// The certificate checks applied to one transfer.
struct CurlTLSVerification: Equatable, Sendable {
    /// CURLOPT_SSL_VERIFYPEER: the certificate chain must lead to a trusted root.
    var verifyPeer: Bool
    /// CURLOPT_SSL_VERIFYHOST: the certificate must name the host.
    var verifyHost: Bool

    static let full = CurlTLSVerification(verifyPeer: true, verifyHost: true)

    /// Verification stays on for every host; `allowInsecureLoopbackTLS` can switch it off only for
    /// loopback hosts (a local emulator with a self-signed certificate), never for anything else.
    static func forHost(_ host: String, allowInsecureLoopbackTLS: Bool) -> CurlTLSVerification {
        guard allowInsecureLoopbackTLS, CurlLoopbackHost.isLoopback(host) else { return .full }
        return CurlTLSVerification(verifyPeer: false, verifyHost: false)
    }
}
