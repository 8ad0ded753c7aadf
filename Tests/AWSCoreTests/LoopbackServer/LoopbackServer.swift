import NIOCore
import NIOHTTP1
import NIOPosix

/// A small HTTP/1.1 server on 127.0.0.1 and an ephemeral port, for testing the transport against
/// real sockets. It counts accepted connections and requests in flight, and answers each request
/// with whatever the route returns: normally, slowly, hugely, never, or by hanging up mid-body.
final class LoopbackServer: Sendable {
    let port: Int
    let statistics: LoopbackServerStatistics
    private let serverChannel: any Channel

    private init(port: Int, statistics: LoopbackServerStatistics, serverChannel: any Channel) {
        self.port = port
        self.statistics = statistics
        self.serverChannel = serverChannel
    }

    static func start(route: @escaping @Sendable (LoopbackRecordedRequest) -> LoopbackReply) async throws -> LoopbackServer {
        let statistics = LoopbackServerStatistics()
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(ChannelOptions.backlog, value: 256)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                statistics.connectionAccepted(channel)
                return channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(
                        LoopbackServerHandler(statistics: statistics, route: route))
                }
            }
            .bind(host: "127.0.0.1", port: 0)
            .get()
        guard let port = channel.localAddress?.port else {
            try? await channel.close()
            throw LoopbackServerError.noPort
        }
        return LoopbackServer(port: port, statistics: statistics, serverChannel: channel)
    }

    /// Stops listening and closes every open connection.
    func shutdown() async {
        try? await serverChannel.close()
        for channel in statistics.takeOpenChannels() {
            try? await channel.close()
        }
    }
}

enum LoopbackServerError: Error {
    case noPort
}
