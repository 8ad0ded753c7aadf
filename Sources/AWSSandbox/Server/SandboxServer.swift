import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// The loopback AWS emulator: an HTTP/1.1 server on 127.0.0.1 with keep-alive that answers
/// STS, Athena, Cost Explorer and QuickSight calls for a scenario.
public final class SandboxServer: Sendable {
    /// The request pipeline; exposed so tests and tools can reach the clock and counters.
    public let router: SandboxRouter
    private struct Running {
        var group: MultiThreadedEventLoopGroup
        var threadPool: NIOThreadPool
        var channel: any Channel
    }
    private let running = Mutex<Running?>(nil)

    public init(scenario: Scenario, options: SandboxOptions, engines: SandboxEngines, clock: SandboxClock? = nil) {
        self.router = SandboxRouter(scenario: scenario, options: options, engines: engines, clock: clock)
    }

    public var clock: SandboxClock { router.clock }
    public var counters: SandboxCounters { router.counters }

    /// Binds 127.0.0.1:`port` (0: any free port) and returns the bound port.
    public func start(port: Int = 0) async throws -> Int {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let threadPool = NIOThreadPool(numberOfThreads: max(2, System.coreCount))
        threadPool.start()
        let router = self.router
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                router.counters.recordConnection()
                return channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(withPipeliningAssistance: true,
                                                                                   withErrorHandling: true)
                    try channel.pipeline.syncOperations.addHandler(SandboxHTTPHandler(router: router, threadPool: threadPool))
                }
            }
        do {
            let channel = try await bootstrap.bind(host: "127.0.0.1", port: port).get()
            guard let boundPort = channel.localAddress?.port else {
                throw SandboxServerError(message: "chargeback-sandbox: the listening socket has no port; try another --port.")
            }
            running.withLock { $0 = Running(group: group, threadPool: threadPool, channel: channel) }
            return boundPort
        } catch {
            try? await threadPool.shutdownGracefully()
            try? await group.shutdownGracefully()
            throw SandboxServerError(message: "chargeback-sandbox: cannot listen on 127.0.0.1:\(port): \(error). Choose a free --port or 0 for any.")
        }
    }

    /// Closes the listening socket and every connection, then stops the threads.
    public func stop() async throws {
        guard let current = running.withLock({ state -> Running? in defer { state = nil }; return state }) else { return }
        try? await current.channel.close()
        try await current.group.shutdownGracefully()
        try await current.threadPool.shutdownGracefully()
    }
}

/// Why the sandbox server could not start.
public struct SandboxServerError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
