import CCurl

/// libcurl's process-wide setup, which must run once before any easy handle is created.
enum CurlGlobalInitialization {
    /// Swift runs a static `let` initialiser exactly once, even under concurrent first access.
    private static let result: CURLcode = curl_global_init(cb_curl_global_all)

    /// Runs `curl_global_init` on first call and reports whether it succeeded.
    static func ensureInitialized() -> Bool { result == CURLE_OK }
}
