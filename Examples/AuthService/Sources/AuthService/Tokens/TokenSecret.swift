import Crypto
import Foundation

/// Secrets handed to a client once (refresh tokens, email verification tokens) and kept by the
/// database only as their SHA-256: a copy of the database lets no one sign in or verify an email.
/// A plain hash suffices, unlike for passwords: the secrets are 256 random bits, not guessable.
public enum TokenSecret {
    /// A new secret: 32 random bytes as unpadded base64url (43 characters).
    public static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// What the `token_hash` columns hold for `secret`: its SHA-256 in lower-case hex.
    public static func hash(_ secret: String) -> String {
        SHA256.hash(data: Data(secret.utf8)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
