/// Protocols to add to generated types, on top of the ones the generator gives them. The
/// generator does not implement them: a protocol whose requirements the type does not already
/// meet needs an extension in the user's code (or a protocol with default implementations).
public struct Conformances: Codable, Sendable, Equatable {
    /// Protocols for every entity, enum and composite.
    public var all: [String]
    /// Protocols for every entity.
    public var entities: [String]
    /// Protocols for every generated enum.
    public var enums: [String]
    /// Protocols for every generated composite struct.
    public var composites: [String]
    /// Protocols for one type, by its database name: `schema.table` or `schema.type`.
    public var types: [String: [String]]
    /// Modules the protocols are declared in; every generated file imports them.
    public var imports: [String]

    public init(all: [String] = [], entities: [String] = [], enums: [String] = [], composites: [String] = [],
                types: [String: [String]] = [:], imports: [String] = []) {
        self.all = all
        self.entities = entities
        self.enums = enums
        self.composites = composites
        self.types = types
        self.imports = imports
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case all, entities, enums, composites, types, imports
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let unknown = Set(try decoder.container(keyedBy: AnyKey.self).allKeys.map(\.stringValue))
            .subtracting(CodingKeys.allCases.map(\.rawValue))
        if let key = unknown.sorted().first {
            throw DecodingError.dataCorruptedError(
                forKey: AnyKey(stringValue: key), in: try decoder.container(keyedBy: AnyKey.self),
                debugDescription: "\"conformances\" has an unknown key \"\(key)\"; the keys are \(CodingKeys.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        all = try container.decodeIfPresent([String].self, forKey: .all) ?? []
        entities = try container.decodeIfPresent([String].self, forKey: .entities) ?? []
        enums = try container.decodeIfPresent([String].self, forKey: .enums) ?? []
        composites = try container.decodeIfPresent([String].self, forKey: .composites) ?? []
        types = try container.decodeIfPresent([String: [String]].self, forKey: .types) ?? [:]
        imports = try container.decodeIfPresent([String].self, forKey: .imports) ?? []
    }

    public var isEmpty: Bool {
        all.isEmpty && entities.isEmpty && enums.isEmpty && composites.isEmpty && types.isEmpty
    }

    /// The scopes `--conformance SCOPE=Protocol` accepts besides a type's database name.
    public static let scopes = ["all", "entities", "enums", "composites"]

    /// Adds `protocolName` to `scope`: one of ``scopes`` or a type's `schema.name`.
    public mutating func add(_ protocolName: String, to scope: String) {
        switch scope {
        case "all": all.append(protocolName)
        case "entities": entities.append(protocolName)
        case "enums": enums.append(protocolName)
        case "composites": composites.append(protocolName)
        default: types[scope, default: []].append(protocolName)
        }
    }
}

/// New names for the relations a foreign key gives, keyed in ``GeneratorOptions/relationRenames``
/// by the constraint's name.
public struct RelationRename: Codable, Sendable, Equatable {
    /// The belongs-to relation on the table that holds the foreign key.
    public var belongsTo: String?
    /// Its inverse (has-one or has-many) on the referenced table.
    public var inverse: String?
    /// The many-to-many relation that arrives at the referenced table through this key of a
    /// junction table (declared on the junction's other end).
    public var manyToMany: String?

    public init(belongsTo: String? = nil, inverse: String? = nil, manyToMany: String? = nil) {
        self.belongsTo = belongsTo
        self.inverse = inverse
        self.manyToMany = manyToMany
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case belongsTo, inverse, manyToMany
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let keys = try decoder.container(keyedBy: AnyKey.self)
        if let key = keys.allKeys.map(\.stringValue).sorted().first(where: { CodingKeys(rawValue: $0) == nil }) {
            throw DecodingError.dataCorruptedError(
                forKey: AnyKey(stringValue: key), in: keys,
                debugDescription: "a relation rename has an unknown key \"\(key)\"; the keys are belongsTo, inverse, manyToMany")
        }
        belongsTo = try container.decodeIfPresent(String.self, forKey: .belongsTo)
        inverse = try container.decodeIfPresent(String.self, forKey: .inverse)
        manyToMany = try container.decodeIfPresent(String.self, forKey: .manyToMany)
    }

    /// The role a renamed relation plays for its constraint.
    public enum Role: String, Sendable, CaseIterable {
        case belongsTo
        case inverse
        case manyToMany
    }

    public subscript(role: Role) -> String? {
        get {
            switch role {
            case .belongsTo: return belongsTo
            case .inverse: return inverse
            case .manyToMany: return manyToMany
            }
        }
        set {
            switch role {
            case .belongsTo: belongsTo = newValue
            case .inverse: inverse = newValue
            case .manyToMany: manyToMany = newValue
            }
        }
    }
}

/// Any string key, for listing the keys of a JSON object.
struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
