import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A TCP proxy between a client and a server on loopback that injects network faults, like
/// Toxiproxy: it can pass traffic, stall it (a blackhole: connections stay open, no byte
/// moves either way), cut every open connection, cut a connection once the server has sent it
/// a number of bytes (mid-result), and refuse new connections.
///
/// One thread accepts and pumps every connection with `poll`; it stops with ``stop()``.
public final class FaultProxy: @unchecked Sendable {
    /// What the proxy does with traffic.
    public enum Mode: Sendable, Equatable {
        /// Forward everything.
        case pass
        /// Move no byte and close nothing: the peers wait.
        case blackhole
        /// Close new connections at once; open ones keep passing.
        case refuse
    }

    /// The port clients connect to.
    public let port: Int
    private let targetPort: Int
    private let listener: Int32
    private let lock = NSLock()
    private var mode = Mode.pass
    private var pairs: [Pair] = []
    private var cutAfterServerBytes: Int?
    private var stopped = false
    private var thread: Thread?

    private final class Pair {
        let client: Int32
        let server: Int32
        var serverBytes = 0
        /// Bytes read but not yet written, per direction.
        var toServer: [UInt8] = []
        var toClient: [UInt8] = []

        init(client: Int32, server: Int32) {
            self.client = client
            self.server = server
        }
    }

    /// Starts a proxy to `127.0.0.1:targetPort` on a free port.
    public init(targetPort: Int) throws {
        self.targetPort = targetPort
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw TestDatabaseError("socket() failed") }
        var yes: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) == 0 && getsockname(descriptor, $0, &length) == 0 }
        }
        guard bound, listen(descriptor, 128) == 0 else {
            close(descriptor)
            throw TestDatabaseError("the fault proxy could not listen")
        }
        Self.setNonBlocking(descriptor)
        listener = descriptor
        port = Int(UInt16(bigEndian: address.sin_port))
        startThread()
    }

    private func startThread() {
        let thread = Thread { [weak self] in self?.loop() }
        thread.name = "FaultProxy"
        lock.withLock { self.thread = thread }
        thread.start()
    }

    /// Sets what the proxy does from now on.
    public func set(_ mode: Mode) {
        lock.withLock { self.mode = mode }
    }

    /// Closes every open connection (both sides), as a dropped network would end them.
    public func cutAll() {
        lock.withLock {
            for pair in pairs { closePair(pair) }
            pairs.removeAll()
        }
    }

    /// Closes each connection once the server has sent it `bytes` more bytes: a cut in the
    /// middle of a result. Applies to connections as they are now and later ones; nil stops it.
    public func cut(afterServerBytes bytes: Int?) {
        lock.withLock {
            cutAfterServerBytes = bytes
            for pair in pairs { pair.serverBytes = 0 }
        }
    }

    /// How many connections are open through the proxy.
    public var openConnections: Int { lock.withLock { pairs.count } }

    /// Stops the proxy and closes everything.
    public func stop() {
        lock.withLock {
            stopped = true
            for pair in pairs { closePair(pair) }
            pairs.removeAll()
        }
        while lock.withLock({ thread })?.isFinished == false { usleep(10_000) }
        close(listener)
    }

    private func loop() {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            lock.lock()
            if stopped {
                lock.unlock()
                return
            }
            let mode = self.mode
            var descriptors = [pollfd(fd: listener, events: Int16(POLLIN), revents: 0)]
            if mode != .blackhole {
                for pair in pairs {
                    descriptors.append(pollfd(fd: pair.client, events: Int16(POLLIN) | (pair.toClient.isEmpty ? 0 : Int16(POLLOUT)), revents: 0))
                    descriptors.append(pollfd(fd: pair.server, events: Int16(POLLIN) | (pair.toServer.isEmpty ? 0 : Int16(POLLOUT)), revents: 0))
                }
            }
            lock.unlock()
            _ = poll(&descriptors, nfds_t(descriptors.count), 20)
            lock.lock()
            defer { lock.unlock() }
            if stopped { return }
            // The mode as it is now: set(_:) may have changed it during the poll.
            if descriptors[0].revents & Int16(POLLIN) != 0 { acceptLocked(mode: self.mode) }
            guard self.mode != .blackhole, mode != .blackhole else { continue }
            var closed: Set<Int32> = []
            for pair in pairs {
                guard !closed.contains(pair.client) else { continue }
                if !pump(from: pair.client, into: &pair.toServer, buffer: &buffer) || !flush(&pair.toServer, to: pair.server) {
                    closed.insert(pair.client)
                    continue
                }
                let before = pair.toClient.count
                if !pump(from: pair.server, into: &pair.toClient, buffer: &buffer) {
                    closed.insert(pair.client)
                    continue
                }
                pair.serverBytes += pair.toClient.count - before
                if let limit = cutAfterServerBytes, pair.serverBytes >= limit {
                    // Pass on what fits under the limit, then cut.
                    let keep = max(0, pair.toClient.count - (pair.serverBytes - limit))
                    pair.toClient = Array(pair.toClient.prefix(keep))
                    _ = flush(&pair.toClient, to: pair.client)
                    closed.insert(pair.client)
                    continue
                }
                if !flush(&pair.toClient, to: pair.client) { closed.insert(pair.client) }
            }
            if !closed.isEmpty {
                for pair in pairs where closed.contains(pair.client) { closePair(pair) }
                pairs.removeAll { closed.contains($0.client) }
            }
        }
    }

    private func acceptLocked(mode: Mode) {
        while true {
            let client = accept(listener, nil, nil)
            guard client >= 0 else { return }
            if mode == .refuse {
                close(client)
                continue
            }
            let server = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            address.sin_port = in_port_t(UInt16(targetPort).bigEndian)
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(server, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
            }
            guard connected else {
                close(server)
                close(client)
                continue
            }
            Self.setNonBlocking(client)
            Self.setNonBlocking(server)
            pairs.append(Pair(client: client, server: server))
        }
    }

    /// Reads what is there; false when the peer closed or failed.
    private func pump(from descriptor: Int32, into pending: inout [UInt8], buffer: inout [UInt8]) -> Bool {
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                pending.append(contentsOf: buffer[0..<count])
                if pending.count > 1 << 22 { return true }
                continue
            }
            if count == 0 { return false }
            return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR
        }
    }

    /// Writes what it can; false when the peer failed.
    private func flush(_ pending: inout [UInt8], to descriptor: Int32) -> Bool {
        while !pending.isEmpty {
            let count = pending.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                pending.removeFirst(count)
                continue
            }
            return count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)
        }
        return true
    }

    private func closePair(_ pair: Pair) {
        // SO_LINGER 0: a reset, as a dropped connection looks to its peers.
        var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
        setsockopt(pair.client, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
        setsockopt(pair.server, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
        close(pair.client)
        close(pair.server)
    }

    private static func setNonBlocking(_ descriptor: Int32) {
        let flags = fcntl(descriptor, F_GETFL, 0)
        _ = fcntl(descriptor, F_SETFL, flags | O_NONBLOCK)
    }
}
