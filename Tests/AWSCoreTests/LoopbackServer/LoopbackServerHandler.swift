import Foundation
import NIOCore
import NIOHTTP1

/// Serves one connection of the loopback server, answering each request as the route decides.
final class LoopbackServerHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let statistics: LoopbackServerStatistics
    private let route: @Sendable (LoopbackRecordedRequest) -> LoopbackReply
    private var head: HTTPRequestHead?
    private var body = Data()
    /// A request that was counted in flight but not answered yet.
    private var awaitingReply = false

    init(statistics: LoopbackServerStatistics, route: @escaping @Sendable (LoopbackRecordedRequest) -> LoopbackReply) {
        self.statistics = statistics
        self.route = route
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let requestHead):
            head = requestHead
            body = Data()
        case .body(let buffer):
            body.append(contentsOf: buffer.readableBytesView)
        case .end:
            guard let head else { return }
            let request = LoopbackRecordedRequest(
                method: head.method.rawValue, uri: head.uri,
                headers: head.headers.map { LoopbackHeaderField($0.name, $0.value) }, body: body)
            awaitingReply = true
            statistics.requestStarted(request)
            reply(route(request), keepAlive: head.isKeepAlive, context: context)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        finishRequest()
        statistics.connectionClosed(context.channel)
        context.fireChannelInactive()
    }

    private func reply(_ reply: LoopbackReply, keepAlive: Bool, context: ChannelHandlerContext) {
        switch reply {
        case .respond(let status, let headers, let body, let delay):
            let send = {
                var fields = HTTPHeaders(headers.map { ($0.name, $0.value) })
                fields.replaceOrAdd(name: "content-length", value: String(body.count))
                self.writeHead(status: status, headers: fields, keepAlive: keepAlive, context: context)
                if !body.isEmpty { context.write(self.wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: body)))), promise: nil) }
                self.writeEnd(keepAlive: keepAlive, context: context)
            }
            if delay == .zero {
                send()
            } else {
                context.eventLoop.assumeIsolated().scheduleTask(in: delay, send)
            }
        case .chunked(let body, let chunkSize):
            writeHead(status: 200, headers: HTTPHeaders(), keepAlive: keepAlive, context: context)
            var offset = 0
            while offset < body.count {
                let chunk = body[offset..<min(offset + chunkSize, body.count)]
                context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: chunk)))), promise: nil)
                offset += chunkSize
            }
            writeEnd(keepAlive: keepAlive, context: context)
        case .closeMidBody(let declaredLength, let sentBytes):
            writeHead(status: 200, headers: ["content-length": String(declaredLength)], keepAlive: true, context: context)
            let partial = ByteBuffer(bytes: [UInt8](repeating: 0x61, count: sentBytes))
            context.writeAndFlush(wrapOutboundOut(.body(.byteBuffer(partial))), promise: nil)
            context.close(promise: nil)
        case .never:
            break
        case .held(let status, let gate):
            sendWhenOpen(gate, status: status, keepAlive: keepAlive, context: context)
        }
    }

    private func sendWhenOpen(_ gate: LoopbackGate, status: Int, keepAlive: Bool, context: ChannelHandlerContext) {
        guard gate.isOpen else {
            context.eventLoop.assumeIsolated().scheduleTask(in: .milliseconds(5)) {
                self.sendWhenOpen(gate, status: status, keepAlive: keepAlive, context: context)
            }
            return
        }
        reply(.respond(status: status), keepAlive: keepAlive, context: context)
    }

    private func writeHead(status: Int, headers: HTTPHeaders, keepAlive: Bool, context: ChannelHandlerContext) {
        var fields = headers
        if !keepAlive { fields.replaceOrAdd(name: "connection", value: "close") }
        let head = HTTPResponseHead(version: .http1_1, status: HTTPResponseStatus(statusCode: status), headers: fields)
        context.write(wrapOutboundOut(.head(head)), promise: nil)
    }

    private func writeEnd(keepAlive: Bool, context: ChannelHandlerContext) {
        finishRequest()
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        if !keepAlive { context.close(promise: nil) }
    }

    private func finishRequest() {
        guard awaitingReply else { return }
        awaitingReply = false
        statistics.requestFinished()
    }
}
