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
                "the snapshot has format version \(found) but this codegen reads up to \(supported): "
                    + "update codegen, or regenerate the snapshot with this version"
            case let .malformed(detail):
                "the snapshot is not valid snapshot JSON (\(detail)): regenerate it with `codegen snapshot`"
            }
        }
    }

    /// The snapshot as pretty-printed JSON with sorted keys and a trailing newline: the same
    /// snapshot always gives the same bytes.
    ///
    /// The bytes are exactly what `JSONEncoder` gives with `[.prettyPrinted, .sortedKeys,
    /// .withoutEscapingSlashes]` (the format of every snapshot written so far), written by
    /// `JSONCoding` because it is several times faster on large schemas.
    public func encodedJSON() throws -> Data {
        try JSONCoding.encode(self, terminator: [0x0A])
    }

    /// Decodes a snapshot, refusing a format newer than this build understands.
    ///
    /// The build plugin pays for this on every regeneration, so it parses once with `JSONCoding`
    /// (rather than JSONDecoder) and reads the format version from the parsed document before
    /// decoding the rest.
    public static func decode(from data: Data) throws -> SchemaSnapshot {
        do {
            return try JSONTape.parse(data) { tape in
                let root = TapeDecoder(tape: tape, node: 0)
                // The version first: a newer format may not have the shape this build expects.
                if let container = try? root.container(keyedBy: JSONKey.self),
                   let version = try? container.decodeIfPresent(Int.self, forKey: JSONKey(stringValue: "formatVersion")),
                   version > currentFormatVersion {
                    throw DecodingProblem.newerFormat(found: version, supported: currentFormatVersion)
                }
                return try root.decode(SchemaSnapshot.self)
            }
        } catch let problem as DecodingProblem {
            throw problem
        } catch {
            throw DecodingProblem.malformed(Self.describe(error))
        }
    }

    static func describe(_ error: any Error) -> String {
        if let syntax = error as? JSONSyntaxError { return "not JSON: \(syntax)" }
        guard let decodingError = error as? DecodingError else { return "\(error)" }
        switch decodingError {
        case let .keyNotFound(key, context):
            return "missing \(key.stringValue) at \(path(context.codingPath))" + location(context, "in the object at ")
        case let .typeMismatch(_, context), let .valueNotFound(_, context):
            return "\(context.debugDescription) at \(path(context.codingPath))" + location(context)
        case let .dataCorrupted(context):
            return context.codingPath.isEmpty && context.underlyingError == nil
                ? "not JSON" : "\(context.debugDescription) at \(path(context.codingPath))" + location(context)
        @unknown default:
            return "\(decodingError)"
        }
    }

    /// ` (line 3, column 7)` when the decoder knows where the value is.
    private static func location(_ context: DecodingError.Context, _ prefix: String = "") -> String {
        (context.underlyingError as? JSONLocation).map { " (\(prefix)\($0))" } ?? ""
    }

    static func path(_ keys: [CodingKey]) -> String {
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
