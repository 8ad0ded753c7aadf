/// How one transfer reaches its host.
enum CurlProxyChoice: Equatable, Sendable {
    /// Connect straight to the host (CURLOPT_PROXY set to "" so libcurl reads no environment).
    case direct
    /// Go through `url`; `noProxy` is handed to CURLOPT_NOPROXY so libcurl applies the same
    /// exclusions, including forms this selection does not parse itself (CIDR ranges).
    case proxy(url: String, noProxy: String)
}

/// Chooses a proxy from an environment dictionary, so the rule is explicit and testable.
///
/// libcurl reads `http_proxy` but deliberately ignores upper-case `HTTP_PROXY`, because in a CGI
/// program that variable can be set by a client's `Proxy:` header. This is a command-line tool with
/// no such exposure, so both spellings are honoured, lower case first as libcurl does:
/// - https URLs: `https_proxy`, `HTTPS_PROXY`, then `all_proxy`, `ALL_PROXY`;
/// - http URLs: `http_proxy`, `HTTP_PROXY`, then `all_proxy`, `ALL_PROXY`;
/// - `no_proxy` / `NO_PROXY` (comma-separated; `*` matches everything; an entry matches the host
///   itself and its subdomains, with or without a leading dot) sends the request direct;
/// - loopback hosts never use a proxy.
enum CurlProxySelection {
    static func choose(scheme: String, host: String, environment: [String: String]) -> CurlProxyChoice {
        if CurlLoopbackHost.isLoopback(host) { return .direct }

        let noProxy = firstValue(["no_proxy", "NO_PROXY"], in: environment) ?? ""
        if matchesNoProxy(host: host, list: noProxy) { return .direct }

        let names = scheme.lowercased() == "https"
            ? ["https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"]
            : ["http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY"]
        guard let url = firstValue(names, in: environment) else { return .direct }
        return .proxy(url: url, noProxy: noProxy)
    }

    static func matchesNoProxy(host: String, list: String) -> Bool {
        let target = normalized(host)
        let entries = list.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" })
            .map { normalized(String($0)) }
            .filter { !$0.isEmpty }
        return entries.contains { entry in
            entry == "*" || target == entry || target.hasSuffix("." + entry)
        }
    }

    private static func firstValue(_ names: [String], in environment: [String: String]) -> String? {
        for name in names {
            if let value = environment[name]?.trimmingWhitespace(), !value.isEmpty { return value }
        }
        return nil
    }

    /// Lower case, without IPv6 brackets, a leading dot (".example.com") or a trailing root dot.
    private static func normalized(_ name: String) -> String {
        var text = name.lowercased()
        if text.hasPrefix("["), text.hasSuffix("]") { text = String(text.dropFirst().dropLast()) }
        if text.hasPrefix(".") { text.removeFirst() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}

extension String {
    fileprivate func trimmingWhitespace() -> String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
