import Foundation
import TestSupport

extension ThrowawayServer {
    /// Waits (at most 30 s) until this standby has replayed everything `primary` has written.
    public func waitUntilReplayed(from primary: ThrowawayServer) throws {
        let target = try SQL.rows("SELECT pg_current_wal_lsn()", on: primary.url()).first?.first ?? nil
        guard let target else { throw TestDatabaseError("no WAL position on the primary") }
        try waitUntil("the standby to replay \(target)") {
            try SQL.rows("SELECT pg_last_wal_replay_lsn() >= '\(target)'::pg_lsn", on: url()).first?.first == "t"
        }
    }
}

/// Polls `done` every 50 ms until it is true (errors count as false), for at most 30 s.
public func waitUntil(_ what: String, _ done: () throws -> Bool) throws {
    let deadline = Date().addingTimeInterval(30)
    while Date() < deadline {
        if (try? done()) == true { return }
        Thread.sleep(forTimeInterval: 0.05)
    }
    throw TestDatabaseError("waited 30 s for \(what)")
}
