import PostgresConnectionInfo
import Testing

/// libpq's `target_session_attrs` and `load_balance_hosts`, read from a connection string, and
/// which servers each value keeps (the table of libpq's documentation).
struct TargetSessionAttributesTests {
    typealias Role = TargetSessionAttributes.ServerRole

    static let primary = Role(inRecovery: false, readOnlyByDefault: false)
    static let readOnlyPrimary = Role(inRecovery: false, readOnlyByDefault: true)
    static let standby = Role(inRecovery: true, readOnlyByDefault: true)

    @Test(arguments: [
        (TargetSessionAttributes.any, [true, true, true]),
        (.readWrite, [true, false, false]),
        (.readOnly, [false, true, true]),
        (.primary, [true, true, false]),
        (.standby, [false, false, true]),
        (.preferStandby, [false, false, true]),
    ])
    func whichServersQualify(attributes: TargetSessionAttributes, kept: [Bool]) {
        let roles = [Self.primary, Self.readOnlyPrimary, Self.standby]
        #expect(roles.map(attributes.accepts) == kept)
    }

    @Test func onlyPreferStandbyHasASecondPassAndOnlyAnyNeedsNoCheck() {
        #expect(TargetSessionAttributes.allCases.filter(\.hasFallbackPass) == [.preferStandby])
        #expect(TargetSessionAttributes.allCases.filter { !$0.needsRole } == [.any])
        #expect(TargetSessionAttributes.allCases.filter(\.requiresWrites) == [.readWrite, .primary])
    }

    @Test func refusalsSayWhatTheServerIsAndWhatWasAsked() {
        #expect(TargetSessionAttributes.readWrite.refusal(of: Self.standby) == "is a standby, and target_session_attrs=read-write")
        #expect(TargetSessionAttributes.readWrite.refusal(of: Self.readOnlyPrimary)
                == "is read-only (default_transaction_read_only), and target_session_attrs=read-write")
        #expect(TargetSessionAttributes.standby.refusal(of: Self.primary) == "is a read-write primary, and target_session_attrs=standby")
    }

    @Test func readFromTheStringOrTheEnvironment() throws {
        #expect(try ResolvedConnection("host=a,b", environment: .hermetic()).targetSessionAttributes == .any)
        #expect(try ResolvedConnection("host=a,b target_session_attrs=prefer-standby", environment: .hermetic()).targetSessionAttributes == .preferStandby)
        let fromVariables = try ResolvedConnection("host=a,b", environment: .hermetic(["PGTARGETSESSIONATTRS": "read-write", "PGLOADBALANCEHOSTS": "random"]))
        #expect(fromVariables.targetSessionAttributes == .readWrite)
        #expect(fromVariables.loadBalancesHosts)
        #expect(try !ResolvedConnection("host=a,b load_balance_hosts=disable", environment: .hermetic()).loadBalancesHosts)
    }

    @Test func severalHostsAreNamedEachWithItsPort() throws {
        let resolved = try ResolvedConnection("postgres://u@db1:5432,db2:6432,[::1]:5433/app", environment: .hermetic())
        #expect(resolved.hosts.map(\.displayName) == ["db1:5432", "db2:6432", "[::1]:5433"])
        #expect(resolved.displayName == "u@db1:5432,db2:6432,[::1]:5433/app")
    }
}
