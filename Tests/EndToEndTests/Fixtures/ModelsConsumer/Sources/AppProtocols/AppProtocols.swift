/// Protocols an app adds to generated types through codegen.json's "conformances".
public protocol Auditable {}

extension Auditable {
    public var auditName: String { String(describing: Self.self) }
}

public protocol Expirable {}
