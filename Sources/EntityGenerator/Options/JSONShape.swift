/// How generated entities read and write JSON (their `Codable` conformance), for web APIs.
///
/// By default an entity encodes with its column names as keys and leaves out properties that
/// are nil, as Swift's synthesized `Codable` does: `{"id": "…", "password_hash": …}`.
/// `{"keys": "propertyNames", "nulls": "written"}` gives `{"id": "…", "passwordHash": null}`.
public struct JSONShape: Codable, Sendable, Equatable {
    /// The keys of an entity's JSON object.
    public enum Keys: String, Codable, Sendable, CaseIterable {
        /// The column names (`password_hash`): the `Column` enum's raw values.
        case columnNames
        /// The Swift property names (`passwordHash`).
        case propertyNames
    }

    /// What a nil property becomes.
    public enum Nulls: String, Codable, Sendable, CaseIterable {
        /// No key at all (Swift's `encodeIfPresent`).
        case omitted
        /// The key with `null`, so every object has every key.
        case written
    }

    /// The keys. Default: the column names.
    public var keys: Keys
    /// Nil properties. Default: omitted.
    public var nulls: Nulls

    /// A shape: by default, column names as keys and nil properties left out.
    public init(keys: Keys = .columnNames, nulls: Nulls = .omitted) {
        self.keys = keys
        self.nulls = nulls
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case keys, nulls
    }

    /// Both keys are optional; an unknown key is refused (it is usually a typo).
    public init(from decoder: Decoder) throws {
        let any = try decoder.container(keyedBy: AnyKey.self)
        if let key = any.allKeys.map(\.stringValue).sorted().first(where: { CodingKeys(rawValue: $0) == nil }) {
            throw DecodingError.dataCorruptedError(
                forKey: AnyKey(stringValue: key), in: any,
                debugDescription: "\"json\" has an unknown key \"\(key)\"; the keys are keys (columnNames or propertyNames) and nulls (omitted or written)")
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        keys = try container.decodeIfPresent(Keys.self, forKey: .keys) ?? .columnNames
        nulls = try container.decodeIfPresent(Nulls.self, forKey: .nulls) ?? .omitted
    }
}
