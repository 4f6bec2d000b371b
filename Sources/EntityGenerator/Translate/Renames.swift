import SchemaModel

/// The configuration's renames, found by database name. A rename is not applied to text: it is
/// granted to its declaration as the name allocator's first choice, after checks that a
/// generated name would pass (a legal identifier, not reserved, not another name of its
/// scope), so everything derived from the name (files, relation names, column pairs) follows.
struct Renames: Sendable {
    /// `schema.name` → type name.
    private let types: [String: String]
    /// `schema.table.column` or `schema.enum_type.label` → member name.
    private let members: [String: String]
    private let relations: [String: RelationRename]

    init(options: GeneratorOptions) {
        var types: [String: String] = [:]
        var members: [String: String] = [:]
        for (key, name) in options.renames {
            if key.split(separator: ".", omittingEmptySubsequences: false).count == 2 { types[key] = name } else { members[key] = name }
        }
        self.types = types
        self.members = members
        self.relations = options.relationRenames
    }

    var isEmpty: Bool { types.isEmpty && members.isEmpty && relations.isEmpty }

    func type(schema: String, name: String) -> (key: String, name: String)? {
        let key = "\(schema).\(name)"
        return types[key].map { (key, $0) }
    }

    func member(schema: String, owner: String, name: String) -> (key: String, name: String)? {
        guard !members.isEmpty else { return nil }
        let key = "\(schema).\(owner).\(name)"
        return members[key].map { (key, $0) }
    }

    /// The rename for a relation of `role` that foreign key `constraint` of `schema.table` gives.
    func relation(constraint: String, schema: String, table: String, role: RelationRename.Role) -> (key: String, name: String)? {
        // Asked for both ends of every foreign key: most configurations rename none.
        guard !relations.isEmpty else { return nil }
        for key in ["\(schema).\(table).\(constraint)", constraint] {
            if let name = relations[key]?[role] { return ("\(key) \(role.rawValue)", name) }
        }
        return nil
    }

    /// Unqualified relation keys that name a constraint of more than one table: which one was
    /// meant cannot be told.
    func ambiguousRelationKeys(in relations: [Relation]) throws(GenerationError) {
        var tables: [String: [String]] = [:]
        for relation in relations {
            for key in relation.foreignKeys where self.relations[key.name] != nil {
                tables[key.name, default: []].append(relation.qualifiedName.description)
            }
        }
        if let (key, owners) = tables.sorted(by: { $0.key < $1.key }).first(where: { $0.value.count > 1 }) {
            throw .invalidRename(key: key, name: "", problem: .ambiguousConstraint(tables: owners.sorted()))
        }
    }

    /// Checks a member rename (property, enum case, relation) on its own: legal, no keyword, not a
    /// name generated code gives members.
    static func checkMember(_ name: String, key: String, reserved: Set<String>) throws(GenerationError) {
        guard SwiftIdentifiers.isLegal(name) else { throw .invalidRename(key: key, name: name, problem: .notAnIdentifier) }
        guard !SwiftIdentifiers.keywords.contains(name) else { throw .invalidRename(key: key, name: name, problem: .keyword) }
        guard !reserved.contains(name) else { throw .invalidRename(key: key, name: name, problem: .reserved) }
    }

    /// Checks a type rename on its own.
    static func checkType(_ name: String, key: String) throws(GenerationError) {
        guard SwiftIdentifiers.isLegal(name) else { throw .invalidRename(key: key, name: name, problem: .notAnIdentifier) }
        guard !SwiftIdentifiers.keywords.contains(name) else { throw .invalidRename(key: key, name: name, problem: .keyword) }
        guard !ReservedNames.typeNames.contains(where: { $0.lowercased() == name.lowercased() }) else {
            throw .invalidRename(key: key, name: name, problem: .reserved)
        }
    }

    /// Throws the first conflict that granting `renamed` (member → (key, name)) through
    /// `allocator` would cause, in the user's terms. `describe` names a member for messages.
    static func check(
        _ renamed: [Int: (key: String, name: String)], candidates: [[String]], allocator: NameAllocator,
        describe: (Int) -> String
    ) throws(GenerationError) {
        guard let (member, conflict) = allocator.conflict(granting: renamed.mapValues(\.name), among: candidates) else { return }
        let rename = renamed[member]!
        switch conflict {
        case .taken:
            throw .invalidRename(key: rename.key, name: rename.name, problem: .taken)
        case let .grantedTwice(other):
            throw .invalidRename(key: rename.key, name: rename.name, problem: .sameAsRename(of: renamed[other]!.key))
        case let .firstChoiceOf(other):
            throw .invalidRename(key: rename.key, name: rename.name, problem: .collides(with: describe(other)))
        }
    }

    /// Checks `renamed`, then allocates every member's name with the renames granted first.
    static func grant(
        _ renamed: [Int: (key: String, name: String)], candidates: [[String]], allocator: inout NameAllocator,
        describe: (Int) -> String
    ) throws(GenerationError) -> [String] {
        try check(renamed, candidates: candidates, allocator: allocator, describe: describe)
        return allocator.allocate(candidates, granted: renamed.mapValues(\.name))
    }

    /// Keys that matched nothing generated, for warnings: a rename whose table or column was
    /// dropped or renamed in the database would otherwise be silently ignored.
    func unmatchedKeys(relations: [Relation], types: [TypeDefinition]) -> [String] {
        // Most runs rename nothing: skip naming every column of every table (220,000 strings at
        // 10,000 tables) to match no key.
        guard !isEmpty else { return [] }
        var matched = Set<String>()
        for relation in relations {
            matched.insert("\(relation.schema).\(relation.name)")
            for column in relation.columns { matched.insert("\(relation.schema).\(relation.name).\(column.name)") }
        }
        for type in types {
            matched.insert("\(type.schema).\(type.name)")
            for label in type.enumLabels ?? [] { matched.insert("\(type.schema).\(type.name).\(label)") }
        }
        var unmatched = (Array(self.types.keys) + Array(members.keys)).filter { !matched.contains($0) }
        var constraints = Set<String>()
        for relation in relations {
            for key in relation.foreignKeys {
                constraints.insert(key.name)
                constraints.insert("\(relation.schema).\(relation.name).\(key.name)")
            }
        }
        unmatched += self.relations.keys.filter { !constraints.contains($0) }
        return unmatched.sorted()
    }
}
