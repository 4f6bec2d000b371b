@testable import EntityKitPostgres
import Foundation
import NIOCore
import NIOEmbedded
import Testing

/// Stands in for PostgresNIO's internal event type, which the observer recognises by its type
/// and case names.
enum PSQLEvent {
    case readyForStartup
    case readyForQuery
}

/// The handler that confirms a write's commit from the server's ReadyForQuery
/// (`ReadyForQueryObserver`), on an embedded channel: what settles a wait, what sends the caller
/// to a round trip of its own, what ends it early, and that everything it sees goes on down
/// the pipeline. The live suite `CommitConfirmationLiveTests` covers it on PostgresNIO's own
/// pipeline.
@Suite("ReadyForQuery observer", .timeLimit(.minutes(3)))
struct ReadyForQueryObserverTests {
    /// Records the events and errors that pass the observer.
    final class Downstream: ChannelInboundHandler, @unchecked Sendable {
        typealias InboundIn = ByteBuffer
        var events: [String] = []
        var errors = 0
        var inactive = false

        func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) { events.append("\(event)") }
        func errorCaught(context: ChannelHandlerContext, error: any Error) { errors += 1 }
        func channelInactive(context: ChannelHandlerContext) { inactive = true }
    }

    struct Setup {
        let observer = ReadyForQueryObserver()
        let downstream = Downstream()
        let channel: EmbeddedChannel

        init() throws {
            channel = EmbeddedChannel()
            try channel.pipeline.syncOperations.addHandler(observer)
            try channel.pipeline.syncOperations.addHandler(downstream)
        }

        /// A statement handed to the driver's handler (here, to the channel's outbound end).
        func writeStatement() throws {
            try channel.writeOutbound(ByteBuffer(string: "statement"))
        }

        func fire(_ event: any Sendable) {
            channel.pipeline.fireUserInboundEventTriggered(event)
        }
    }

    /// Starts a wait and returns once it is registered (bounded).
    func startWait(_ observer: ReadyForQueryObserver, within bound: Duration? = .seconds(60)) async throws
        -> Task<ReadyForQueryObserver.Outcome, Never>
    {
        let wait = Task { await observer.waitUntilIdle(within: bound) }
        let end = ContinuousClock.now + .seconds(60)
        while observer.waitingCount == 0, ContinuousClock.now < end {
            try await Task.sleep(for: .milliseconds(2))
        }
        try #require(observer.waitingCount == 1, "the wait never registered")
        return wait
    }

    @Test func aWaitWithNothingPendingEndsAtOnce() async throws {
        let setup = try Setup()
        #expect(await setup.observer.waitUntilIdle(within: nil) == .idle)
        try setup.writeStatement()
        setup.fire(PSQLEvent.readyForQuery)
        #expect(await setup.observer.waitUntilIdle(within: nil) == .idle)
        #expect(setup.observer.waitingCount == 0)
    }

    @Test func aWaitEndsWhenTheDriverReportsItselfIdle() async throws {
        let setup = try Setup()
        try setup.writeStatement()
        let wait = try await startWait(setup.observer)
        setup.fire("something else")
        setup.fire(PSQLEvent.readyForStartup)
        #expect(setup.observer.waitingCount == 1, "only the driver's readyForQuery settles a wait")
        setup.fire(PSQLEvent.readyForQuery)
        #expect(await wait.value == .idle)
        // Learnt from the first event, the case is still told apart from the other one.
        try setup.writeStatement()
        let second = try await startWait(setup.observer)
        setup.fire(PSQLEvent.readyForStartup)
        #expect(setup.observer.waitingCount == 1)
        setup.fire(PSQLEvent.readyForQuery)
        #expect(await second.value == .idle)
        // Everything went on down the pipeline: the events, and the statements to the driver.
        #expect(setup.downstream.events == ["something else", "readyForStartup", "readyForQuery", "readyForStartup", "readyForQuery"])
        #expect(try setup.channel.readOutbound(as: ByteBuffer.self) == ByteBuffer(string: "statement"))
        #expect(try setup.channel.readOutbound(as: ByteBuffer.self) == ByteBuffer(string: "statement"))
    }

    @Test func aStatementWrittenDuringAWaitSendsTheCallerToARoundTrip() async throws {
        let setup = try Setup()
        try setup.writeStatement()
        let wait = try await startWait(setup.observer)
        try setup.writeStatement()
        // The driver is not idle after the first statement's ReadyForQuery any more, and may not
        // be for long: the caller confirms with a statement queued behind the other one.
        #expect(await wait.value == .overtaken)
        #expect(setup.observer.waitingCount == 0)
    }

    @Test func theConnectionClosingEndsTheWait() async throws {
        let setup = try Setup()
        try setup.writeStatement()
        let wait = try await startWait(setup.observer)
        setup.channel.pipeline.fireErrorCaught(ChannelError.ioOnClosedChannel)
        _ = try? setup.channel.finish()
        #expect(await wait.value == .closed(refusal: nil))
        #expect(await setup.observer.waitUntilIdle(within: nil) == .closed(refusal: nil), "later waits end at once")
        #expect(setup.downstream.errors == 1)
        #expect(setup.downstream.inactive)
    }

    @Test func aWaitEndsAtItsBound() async throws {
        let setup = try Setup()
        try setup.writeStatement()
        let wait = try await startWait(setup.observer, within: .milliseconds(50))
        #expect(await wait.value == .timedOut)
        #expect(setup.observer.waitingCount == 0)
        // An event after the bound changes nothing for it, and settles the next wait.
        setup.fire(PSQLEvent.readyForQuery)
        #expect(await setup.observer.waitUntilIdle(within: nil) == .idle)
    }
}
