import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// Collects one HTTP/1.1 request, has the router answer it on a thread pool (engines are
/// synchronous), then writes the answer as the router asked: whole, late, cut short or not at all.
final class SandboxHTTPHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let router: SandboxRouter
    private let threadPool: NIOThreadPool
    private var head: HTTPRequestHead?
    private var body = ByteBuffer()

    init(router: SandboxRouter, threadPool: NIOThreadPool) {
        self.router = router
        self.threadPool = threadPool
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            self.head = head
            body.clear()
        case .body(var chunk):
            body.writeBuffer(&chunk)
        case .end:
            guard let head else { return }
            self.head = nil
            let router = self.router
            let request = SandboxHTTPRequest(method: head.method.rawValue, uri: head.uri,
                                             headers: head.headers.map { ($0.name, $0.value) },
                                             body: Data(body.readableBytesView), arrivedAtNanoseconds: router.arrivalStamp())
            let keepAlive = head.isKeepAlive
            let version = head.version
            threadPool.runIfActive(eventLoop: context.eventLoop) { router.respond(to: request) }
                .assumeIsolated()
                .whenComplete { result in
                    switch result {
                    case .success(let response):
                        self.deliver(response, version: version, keepAlive: keepAlive, context: context)
                    case .failure:
                        context.close(promise: nil)
                    }
                }
        }
    }

    private func deliver(_ response: SandboxHTTPResponse, version: HTTPVersion, keepAlive: Bool, context: ChannelHandlerContext) {
        guard response.delay > .zero else {
            write(response, version: version, keepAlive: keepAlive, context: context)
            return
        }
        let (seconds, attoseconds) = response.delay.components
        let delay = TimeAmount.nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
        context.eventLoop.assumeIsolated().scheduleTask(in: delay) {
            self.write(response, version: version, keepAlive: keepAlive, context: context)
        }
    }

    private func write(_ response: SandboxHTTPResponse, version: HTTPVersion, keepAlive: Bool, context: ChannelHandlerContext) {
        guard context.channel.isActive else { return }
        if response.delivery == .reset {
            context.close(promise: nil)
            return
        }
        var headers = HTTPHeaders(response.headers.filter { $0.0.lowercased() != "content-length" })
        headers.add(name: "Content-Length", value: String(response.body.count))
        // Every AWS response is dated with the server's real time, whatever the data clock says.
        headers.replaceOrAdd(name: "Date", value: HTTPDate.format(Date()))
        let closeAfter = !keepAlive || response.delivery == .truncated
        if closeAfter { headers.replaceOrAdd(name: "Connection", value: "close") }
        let head = HTTPResponseHead(version: version, status: HTTPResponseStatus(statusCode: response.status), headers: headers)
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        let bytes = response.delivery == .truncated ? response.body.prefix(response.body.count / 2) : response.body
        context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: bytes)))), promise: nil)
        if response.delivery == .truncated {
            // Flush what was promised only in part, then hang up: the client sees a short body.
            context.flush()
            context.close(promise: nil)
            return
        }
        let written = context.writeAndFlush(wrapOutboundOut(.end(nil)))
        if closeAfter {
            written.assumeIsolated().whenComplete { _ in context.close(promise: nil) }
        }
    }
}
