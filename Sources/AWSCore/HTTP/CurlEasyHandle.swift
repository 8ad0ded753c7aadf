import CCurl
import Foundation

/// One libcurl easy handle. It keeps its own connection cache, so reusing the handle for the next
/// request to the same host reuses the open connection. Only one thread uses it at a time: the
/// pool hands it to a single transfer and takes it back when that transfer has finished.
final class CurlEasyHandle: @unchecked Sendable {
    private let handle: UnsafeMutableRawPointer
    private let errorBuffer: UnsafeMutablePointer<CChar>

    init?() {
        guard CurlGlobalInitialization.ensureInitialized(), let handle = curl_easy_init() else { return nil }
        self.handle = handle
        errorBuffer = .allocate(capacity: Int(cb_curl_error_size))
        errorBuffer.initialize(repeating: 0, count: Int(cb_curl_error_size))
    }

    deinit {
        curl_easy_cleanup(handle)
        errorBuffer.deallocate()
    }

    /// Runs one request to completion on the calling thread, which must not be one of Swift's
    /// cooperative threads: `curl_easy_perform` blocks.
    func perform(_ request: HTTPRequest, options: CurlTransferOptions,
                 cancellation: CurlCancellationFlag) -> Result<HTTPResponse, HTTPClientError> {
        // reset forgets the previous request's options but keeps live connections and caches.
        curl_easy_reset(handle)
        errorBuffer[0] = 0
        let accumulator = CurlResponseAccumulator(maxBodyBytes: options.maxResponseBytes, cancellation: cancellation)
        let headerList: UnsafeMutablePointer<curl_slist>?
        do {
            headerList = try Self.makeHeaderList(request.headers, host: request.host)
        } catch {
            return .failure(error)
        }
        defer { curl_slist_free_all(headerList) }

        // The body copy carries one trailing byte so its buffer is never empty (a null
        // CURLOPT_POSTFIELDS would make libcurl read the body from stdin).
        var bodyBytes = [UInt8](request.body)
        bodyBytes.append(0)
        let code = bodyBytes.withUnsafeMutableBytes { body -> CURLcode in
            withExtendedLifetime(accumulator) {
                let context = Unmanaged.passUnretained(accumulator).toOpaque()
                if let failure = configure(request, options: options, headers: headerList, body: body,
                                           bodyCount: request.body.count, context: context) {
                    return failure
                }
                return curl_easy_perform(handle)
            }
        }

        guard code == CURLE_OK else {
            let kind = CurlErrorMapping.kind(for: code, exceededBodyLimit: accumulator.exceededBodyLimit)
            return .failure(HTTPClientError(kind: kind, host: request.host,
                                            detail: detail(for: code, kind: kind, options: options)))
        }
        var status = 0
        _ = cb_curl_easy_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        return .success(HTTPResponse(status: status, headers: accumulator.headers, body: accumulator.body))
    }

    /// Sets every option for one transfer; returns the first option libcurl refused, if any.
    private func configure(_ request: HTTPRequest, options: CurlTransferOptions,
                           headers: UnsafeMutablePointer<curl_slist>?, body: UnsafeMutableRawBufferPointer,
                           bodyCount: Int, context: UnsafeMutableRawPointer) -> CURLcode? {
        var results: [CURLcode] = [
            cb_curl_easy_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer),
            cb_curl_easy_setopt_string(handle, CURLOPT_URL, request.urlString),
            cb_curl_easy_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "http,https"),
            // Signals cannot be used for timeouts in a multi-threaded process.
            cb_curl_easy_setopt_long(handle, CURLOPT_NOSIGNAL, 1),
            cb_curl_easy_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, options.connectTimeoutMilliseconds),
            cb_curl_easy_setopt_long(handle, CURLOPT_TIMEOUT_MS, options.totalTimeoutMilliseconds),
            // Below 1 byte/s for the whole window: the server has stalled.
            cb_curl_easy_setopt_long(handle, CURLOPT_LOW_SPEED_LIMIT, 1),
            cb_curl_easy_setopt_long(handle, CURLOPT_LOW_SPEED_TIME, options.stallTimeoutSeconds),
            cb_curl_easy_setopt_off_t(handle, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(options.maxResponseBytes)),
            cb_curl_easy_setopt_long(handle, CURLOPT_SSL_VERIFYPEER, options.tls.verifyPeer ? 1 : 0),
            cb_curl_easy_setopt_long(handle, CURLOPT_SSL_VERIFYHOST, options.tls.verifyHost ? 2 : 0),
            cb_curl_easy_setopt_slist(handle, CURLOPT_HTTPHEADER, headers),
        ]
        switch options.proxy {
        case .direct:
            // An empty proxy string also stops libcurl from reading proxy variables itself.
            results.append(cb_curl_easy_setopt_string(handle, CURLOPT_PROXY, ""))
        case .proxy(let url, let noProxy):
            results.append(cb_curl_easy_setopt_string(handle, CURLOPT_PROXY, url))
            results.append(cb_curl_easy_setopt_string(handle, CURLOPT_NOPROXY, noProxy))
        }
        results += configureMethod(request.method, body: body, bodyCount: bodyCount)
        results += configureCallbacks(context: context)
        return results.first { $0 != CURLE_OK }
    }

    private func configureMethod(_ method: String, body: UnsafeMutableRawBufferPointer, bodyCount: Int) -> [CURLcode] {
        switch method.uppercased() {
        case "GET" where bodyCount == 0:
            return [cb_curl_easy_setopt_long(handle, CURLOPT_HTTPGET, 1)]
        case "HEAD":
            return [cb_curl_easy_setopt_long(handle, CURLOPT_NOBODY, 1)]
        default:
            var results = [
                cb_curl_easy_setopt_off_t(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(bodyCount)),
                cb_curl_easy_setopt_pointer(handle, CURLOPT_POSTFIELDS, body.baseAddress),
            ]
            if method != "POST" {
                results.append(cb_curl_easy_setopt_string(handle, CURLOPT_CUSTOMREQUEST, method))
            }
            return results
        }
    }

    private func configureCallbacks(context: UnsafeMutableRawPointer) -> [CURLcode] {
        [
            cb_curl_easy_setopt_callback(handle, CURLOPT_WRITEFUNCTION) { data, size, count, context in
                guard let data, let context else { return 0 }
                let accumulator = Unmanaged<CurlResponseAccumulator>.fromOpaque(context).takeUnretainedValue()
                return accumulator.appendBody(UnsafeRawBufferPointer(start: data, count: size * count))
            },
            cb_curl_easy_setopt_pointer(handle, CURLOPT_WRITEDATA, context),
            cb_curl_easy_setopt_callback(handle, CURLOPT_HEADERFUNCTION) { data, size, count, context in
                guard let data, let context else { return 0 }
                let accumulator = Unmanaged<CurlResponseAccumulator>.fromOpaque(context).takeUnretainedValue()
                accumulator.appendHeaderLine(UnsafeRawBufferPointer(start: data, count: size * count))
                return size * count
            },
            cb_curl_easy_setopt_pointer(handle, CURLOPT_HEADERDATA, context),
            // The progress callback is the hook that lets a cancelled task abort a running transfer.
            cb_curl_easy_setopt_long(handle, CURLOPT_NOPROGRESS, 0),
            cb_curl_easy_setopt_xferinfo(handle) { context, _, _, _, _ in
                guard let context else { return 0 }
                let accumulator = Unmanaged<CurlResponseAccumulator>.fromOpaque(context).takeUnretainedValue()
                return accumulator.cancellation.isCancelled ? 1 : 0
            },
            cb_curl_easy_setopt_pointer(handle, CURLOPT_XFERINFODATA, context),
        ]
    }

    /// Sends exactly the caller's headers. Empty `Expect:`, `Accept:` and `Content-Type:` entries
    /// stop libcurl from adding its own, so what is signed is what is sent.
    private static func makeHeaderList(_ headers: HTTPHeaders,
                                       host: String) throws(HTTPClientError) -> UnsafeMutablePointer<curl_slist>? {
        func invalid(_ detail: String) -> HTTPClientError { HTTPClientError(kind: .other, host: host, detail: detail) }
        var lines: [String] = []
        for (name, value) in headers {
            guard !name.isEmpty, !name.contains(where: { $0 == ":" || $0.isWhitespace || $0.isNewline }) else {
                throw invalid("CurlHTTPClient: header name '\(name.filter { !$0.isNewline })' is not a valid HTTP field name; fix the request's headers")
            }
            guard !value.contains(where: { $0.isNewline || $0 == "\0" }) else {
                throw invalid("CurlHTTPClient: header '\(name)' has a line break in its value; remove it before sending")
            }
            // "Name;" is libcurl's spelling for a header sent with an empty value.
            lines.append(value.isEmpty ? "\(name);" : "\(name): \(value)")
        }
        for suppressed in ["Expect", "Accept", "Content-Type"] where !headers.contains(suppressed) {
            lines.append("\(suppressed):")
        }
        var list: UnsafeMutablePointer<curl_slist>?
        for line in lines {
            guard let appended = curl_slist_append(list, line) else {
                curl_slist_free_all(list)
                throw invalid("CurlHTTPClient: libcurl could not allocate the header list; the process is out of memory")
            }
            list = appended
        }
        return list
    }

    private func detail(for code: CURLcode, kind: HTTPClientError.Kind, options: CurlTransferOptions) -> String {
        let curlText = errorBuffer[0] != 0 ? String(cString: errorBuffer) : String(cString: curl_easy_strerror(code))
        switch kind {
        case .responseTooLarge:
            return "the response body is larger than the \(options.maxResponseBytes)-byte limit; "
                + "raise CurlHTTPClient.Configuration.maxResponseBytes if such responses are expected (\(curlText))"
        case .cancelled:
            return "the request was cancelled by its caller"
        default:
            return curlText
        }
    }
}
