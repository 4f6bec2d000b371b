import NIOSSL
import PostgresNIO

/// One line for a failed `PostgresConnection.connect`, saying what to change.
///
/// PostgresNIO's `PSQLError` hides its details from `description` (they may hold a query);
/// for a connection attempt they are what the user needs: the server's message, or why TLS
/// failed. Never includes a password: none of these sources carries one.
public enum ConnectionFailure {
    /// The reason `error` (thrown while connecting) happened, and what to do.
    public static func describe(_ error: any Error) -> String {
        guard let error = error as? PSQLError else { return String(describing: error) }
        if let message = error.serverInfo?[.message] {
            return message
        }
        switch error.code {
        case .sslUnsupported:
            return "the server does not accept TLS: use sslmode=prefer (or disable), or enable ssl on the server"
        case .authMechanismRequiresPassword:
            return "the server asks for a password and none was given: set password in the connection string, PGPASSWORD, or a line in ~/.pgpass"
        default:
            break
        }
        guard let underlying = error.underlying else { return String(reflecting: error) }
        let text = String(describing: underlying)
        if text.contains("CERTIFICATE_VERIFY_FAILED") {
            return "the server's certificate is not signed by a root certificate in sslrootcert: "
                + "give the CA that signed it as sslrootcert, or use sslmode=require to encrypt without verifying"
        }
        if underlying is NIOSSLExtraError, text.contains("failedToValidateHostname") {
            return "the server's certificate does not name the host connected to: connect with a name the certificate lists, or use sslmode=verify-ca"
        }
        return "\(text): check that the server is running, and the host and port"
    }
}
