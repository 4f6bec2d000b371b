import Foundation
import NIOSSL
import PostgresConnectionInfo

/// libpq's `sslmode` and certificate keywords as a NIOSSL configuration.
///
/// | sslmode | TLS | verification |
/// |---|---|---|
/// | `disable` | never | — |
/// | `allow`, `prefer` | when the server offers it | none (libpq would fall back to plain text on a failed check; PostgresNIO cannot, so it does not check) |
/// | `require` | always | none, or the chain when a root certificate file exists (libpq's compatibility rule) |
/// | `verify-ca` | always | the chain, against `sslrootcert` (default `~/.postgresql/root.crt`) |
/// | `verify-full` | always | the chain and the host name |
///
/// A client certificate is sent when `sslcert` (default `~/.postgresql/postgresql.crt`) exists,
/// with `sslkey` (default `~/.postgresql/postgresql.key`), decrypted with `sslpassword`.
enum TLSSettings {
    static func mode(for resolved: ResolvedConnection, environment: ConnectionEnvironment) throws(ConnectionInfoError) -> DriverSettings.TLSMode {
        let parameters = resolved.parameters
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.certificateVerification = .none
        try applyProtocolVersions(parameters, to: &configuration)
        try applyClientCertificate(parameters, environment: environment, to: &configuration)
        switch resolved.sslMode {
        case .disable:
            return .disable
        case .allow, .prefer:
            return .prefer(configuration)
        case .require:
            if let roots = try rootCertificates(parameters, environment: environment, required: false) {
                configuration.trustRoots = roots
                configuration.certificateVerification = .noHostnameVerification
            }
            return .require(configuration)
        case .verifyCA, .verifyFull:
            configuration.trustRoots = try rootCertificates(parameters, environment: environment, required: true)
            configuration.certificateVerification = resolved.sslMode == .verifyFull ? .fullVerification : .noHostnameVerification
            return .require(configuration)
        }
    }

    /// The trust roots named by `sslrootcert` (or the default file); `nil` when the file does not
    /// exist and `required` is false.
    private static func rootCertificates(
        _ parameters: ConnectionParameters, environment: ConnectionEnvironment, required: Bool
    ) throws(ConnectionInfoError) -> NIOSSLTrustRoots? {
        let explicit = parameters["sslrootcert"].flatMap { $0.isEmpty ? nil : $0 }
        if explicit == "system" { return .default }
        guard let path = explicit ?? environment.pathInHome(".postgresql/root.crt") else {
            if required { throw .unreadableFile(keyword: "sslrootcert", path: "~/.postgresql/root.crt", reason: "there is no home folder: set sslrootcert") }
            return nil
        }
        guard environment.fileSystem.status(ofFile: path) != nil else {
            guard required else { return nil }
            throw .unreadableFile(keyword: "sslrootcert", path: path,
                                  reason: "it does not exist, and sslmode=\(parameters["sslmode"] ?? "") verifies the server's certificate against it; "
                                      + "or use sslrootcert=system, or sslmode=require")
        }
        let certificates = try certificates(at: path, keyword: "sslrootcert", environment: environment)
        return .certificates(certificates)
    }

    private static func applyClientCertificate(
        _ parameters: ConnectionParameters, environment: ConnectionEnvironment, to configuration: inout TLSConfiguration
    ) throws(ConnectionInfoError) {
        guard parameters["sslcertmode"] != "disable",
              let certificatePath = parameters["sslcert"].flatMap({ $0.isEmpty ? nil : $0 }) ?? environment.pathInHome(".postgresql/postgresql.crt"),
              environment.fileSystem.status(ofFile: certificatePath) != nil else { return }
        guard let keyPath = parameters["sslkey"].flatMap({ $0.isEmpty ? nil : $0 }) ?? environment.pathInHome(".postgresql/postgresql.key"),
              let keyBytes = environment.fileSystem.contents(ofFile: keyPath) else {
            throw .unreadableFile(keyword: "sslkey", path: parameters["sslkey"] ?? "~/.postgresql/postgresql.key",
                                  reason: "certificate \(certificatePath) is present but its private key is not")
        }
        let chain = try certificates(at: certificatePath, keyword: "sslcert", environment: environment)
        do {
            let key: NIOSSLPrivateKey
            if let passphrase = parameters["sslpassword"], !passphrase.isEmpty {
                let bytes = Array(passphrase.utf8)
                key = try NIOSSLPrivateKey(bytes: Array(keyBytes), format: .pem) { (setter: NIOSSLPassphraseSetter<[UInt8]>) in setter(bytes) }
            } else {
                key = try NIOSSLPrivateKey(bytes: Array(keyBytes), format: .pem)
            }
            configuration.certificateChain = chain.map { .certificate($0) }
            configuration.privateKey = .privateKey(key)
        } catch {
            throw .unreadableFile(keyword: "sslkey", path: keyPath, reason: "not a PEM private key, or the wrong sslpassword")
        }
    }

    private static func applyProtocolVersions(_ parameters: ConnectionParameters, to configuration: inout TLSConfiguration) throws(ConnectionInfoError) {
        let versions: [TLSVersion] = [.tlsv1, .tlsv11, .tlsv12, .tlsv13]
        func version(_ keyword: String) -> TLSVersion? {
            guard let text = parameters[keyword], !text.isEmpty,
                  let index = ["tlsv1", "tlsv1.1", "tlsv1.2", "tlsv1.3"].firstIndex(of: text.lowercased()) else { return nil }
            return versions[index]
        }
        if let minimum = version("ssl_min_protocol_version") { configuration.minimumTLSVersion = minimum }
        if let maximum = version("ssl_max_protocol_version") { configuration.maximumTLSVersion = maximum }
    }

    private static func certificates(at path: String, keyword: String, environment: ConnectionEnvironment) throws(ConnectionInfoError) -> [NIOSSLCertificate] {
        guard let bytes = environment.fileSystem.contents(ofFile: path) else {
            throw .unreadableFile(keyword: keyword, path: path, reason: "it cannot be read")
        }
        do {
            let certificates = try NIOSSLCertificate.fromPEMBytes(Array(bytes))
            guard !certificates.isEmpty else { throw NIOSSLError.failedToLoadCertificate }
            return certificates
        } catch {
            throw .unreadableFile(keyword: keyword, path: path, reason: "it holds no PEM certificate")
        }
    }
}
