import Foundation

/// Reading and writing snapshots as deterministic JSON.
extension SchemaSnapshot {
    /// Problems reading a snapshot file; each message says what to do.
    public enum DecodingProblem: Error, CustomStringConvertible, Equatable {
        case newerFormat(found: Int, supported: Int)
        case malformed(String)

        public var description: String {
            switch self {
            case let .newerFormat(found, supported):
                "the snapshot has format version \(found) but this codegen reads up to \(supported): update codegen, or regenerate the snapshot with this version"
            case let .malformed(detail):
                "the snapshot is not valid snapshot JSON (\(detail)): regenerate it with `codegen snapshot`"
            }
        }
    }

    /// The snapshot as pretty-printed JSON with sorted keys and a trailing newline: the same
    /// snapshot always gives the same bytes.
    public func encodedJSON() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(0x0A)
        return data
    }

    /// Decodes a snapshot, refusing a format newer than this build understands.
    public static func decode(from data: Data) throws -> SchemaSnapshot {
        struct VersionProbe: Decodable { var formatVersion: Int }
        let decoder = JSONDecoder()
        let version: Int
        do {
            version = try decoder.decode(VersionProbe.self, from: data).formatVersion
        } catch {
            throw DecodingProblem.malformed(Self.describe(error))
        }
        guard version <= currentFormatVersion else {
            throw DecodingProblem.newerFormat(found: version, supported: currentFormatVersion)
        }
        do {
            return try decoder.decode(SchemaSnapshot.self, from: data)
        } catch {
            throw DecodingProblem.malformed(Self.describe(error))
        }
    }

    private static func describe(_ error: Error) -> String {
        guard let decodingError = error as? DecodingError else { return "\(error)" }
        switch decodingError {
        case let .keyNotFound(key, context):
            return "missing \(key.stringValue) at \(path(context.codingPath))"
        case let .typeMismatch(_, context), let .valueNotFound(_, context):
            return "\(context.debugDescription) at \(path(context.codingPath))"
        case let .dataCorrupted(context):
            return context.codingPath.isEmpty ? "not JSON" : "\(context.debugDescription) at \(path(context.codingPath))"
        @unknown default:
            return "\(decodingError)"
        }
    }

    private static func path(_ keys: [CodingKey]) -> String {
        keys.isEmpty ? "the top level" : keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
    }
}

extension SchemaSnapshot {
    /// The relation with this schema and name, if the snapshot has it.
    public func relation(_ name: QualifiedName) -> Relation? {
        relations.first { $0.schema == name.schema && $0.name == name.name }
    }

    /// Definitions by qualified name, for lookups in bulk.
    public var typesByName: [QualifiedName: TypeDefinition] {
        Dictionary(types.map { ($0.qualifiedName, $0) }, uniquingKeysWith: { first, _ in first })
    }
}
