/// libpq's `target_session_attrs`: what a server must be for a new connection to it to be kept.
/// Hosts that do not qualify are skipped, as libpq skips them.
public enum TargetSessionAttributes: String, Sendable, CaseIterable {
    /// Any server that accepts the connection (the default).
    case any
    /// A server whose sessions accept writes by default: not a standby, and
    /// `default_transaction_read_only` off.
    case readWrite = "read-write"
    /// A server whose sessions are read-only by default: a standby, or a primary with
    /// `default_transaction_read_only` on.
    case readOnly = "read-only"
    /// A server that is not in recovery (a primary).
    case primary
    /// A server in recovery (a hot standby).
    case standby
    /// A standby if any host is one; otherwise any server (libpq tries every host twice).
    case preferStandby = "prefer-standby"

    /// What a server was found to be when a connection to it opened.
    public struct ServerRole: Sendable, Hashable {
        /// True for a standby (`pg_is_in_recovery()`).
        public var inRecovery: Bool
        /// True when the session's transactions are read-only by default
        /// (`transaction_read_only` at the start of the session).
        public var readOnlyByDefault: Bool

        /// A role with these facts.
        public init(inRecovery: Bool, readOnlyByDefault: Bool) {
            self.inRecovery = inRecovery
            self.readOnlyByDefault = readOnlyByDefault
        }
    }

    /// True when the server's role must be read before a connection is kept.
    public var needsRole: Bool { self != .any }

    /// True when a server of `role` qualifies. For ``preferStandby`` this is the first pass's
    /// test (a standby); ``acceptsInFallback(_:)`` is the second's.
    public func accepts(_ role: ServerRole) -> Bool {
        switch self {
        case .any: true
        case .readWrite: !role.readOnlyByDefault && !role.inRecovery
        case .readOnly: role.readOnlyByDefault || role.inRecovery
        case .primary: !role.inRecovery
        case .standby, .preferStandby: role.inRecovery
        }
    }

    /// True when a second pass over the hosts accepts any server (``preferStandby`` found no standby).
    public var hasFallbackPass: Bool { self == .preferStandby }

    /// Why a server of `role` was skipped, for the error naming every host tried.
    public func refusal(of role: ServerRole) -> String {
        let what = role.inRecovery ? "a standby" : role.readOnlyByDefault ? "read-only (default_transaction_read_only)" : "a read-write primary"
        return "is \(what), and target_session_attrs=\(rawValue)"
    }

    /// True when a session that must accept writes should be dropped after the server refused
    /// a write as read-only (SQLSTATE 25006, after a switchover demoted it).
    public var requiresWrites: Bool { self == .readWrite || self == .primary }
}
