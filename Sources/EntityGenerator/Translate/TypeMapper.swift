import SchemaModel

/// The Swift side of a column's type.
struct MappedType: Equatable, Sendable {
    /// The Swift type, without the column's own optionality.
    var type: SwiftType
    /// `text` or `text[]` when the value must be selected as text.
    var readCast: String?
    /// Sentences for the property's documentation (fallbacks, overrides).
    var notes: [String] = []
    /// Messages for stderr.
    var warnings: [String] = []
}

/// Maps PostgreSQL types to Swift types: built-ins from a table, enums, composites and domains to
/// their generated types, arrays to Swift arrays, and user overrides first of all.
struct TypeMapper: Sendable {
    let types: [QualifiedName: TypeDefinition]
    /// Swift names of the generated enums, composites and domains.
    let generatedTypeNames: [QualifiedName: String]
    let typeOverrides: [String: String]
    /// Declare array elements optional (`[T?]`): PostgreSQL arrays may hold NULLs whatever the column says.
    var optionalArrayElements = false

    /// Mappings made in advance by ``memoizing(_:)``: a schema has few distinct column types
    /// and many columns.
    var memo: [MappingKey: MappedType] = [:]

    /// The mapping of `type` with `dimensions` declared array dimensions.
    func map(_ type: QualifiedName, dimensions: Int = 0) -> MappedType {
        if let known = memo[MappingKey(type: type, dimensions: dimensions)] { return known }
        return map(type, dimensions: dimensions, depth: 0)
    }

    /// A mapper that answers the given type uses from memory; it stays immutable, so it can be
    /// shared by parallel workers.
    func memoizing(_ uses: Set<MappingKey>) -> TypeMapper {
        var copy = self
        for key in uses where copy.memo[key] == nil {
            copy.memo[key] = map(key.type, dimensions: key.dimensions, depth: 0)
        }
        return copy
    }

    private func map(_ type: QualifiedName, dimensions: Int, depth: Int) -> MappedType {
        guard depth < 16 else {
            return fallback(type, reason: "its definition nests too deeply")
        }
        if let override = override(for: type) {
            var mapped = MappedType(type: .user(override), readCast: readCast(of: type, depth: depth))
            mapped.notes.append("Type override: `\(type)` is read as `\(override)`.")
            return mapped
        }
        guard let definition = types[type] else {
            return fallback(type, reason: "the snapshot has no definition for it")
        }
        switch definition.kind {
        case .array:
            guard let element = definition.element else { return fallback(type, reason: "its element type is unknown") }
            var mapped = map(element, dimensions: 0, depth: depth + 1)
            if optionalArrayElements { mapped.type = mapped.type.optional }
            let levels = max(1, dimensions)
            for _ in 0..<levels { mapped.type = .array(mapped.type) }
            if mapped.readCast != nil { mapped.readCast = "text[]" }
            return mapped
        case .enumeration, .composite, .domain:
            guard let swiftName = generatedTypeNames[type] else {
                return fallback(type, reason: "its Swift type was not generated")
            }
            let cast = readCast(of: type, depth: depth)
            var mapped = MappedType(type: .generated(swiftName), readCast: cast)
            if definition.kind == .domain, let domain = definition.domain {
                // Keep the base's notes and warnings (an unmapped base type says so once, here).
                let base = map(domain.baseType, dimensions: domain.dimensions, depth: depth + 1)
                mapped.warnings = base.warnings
            }
            return mapped
        case .base:
            if definition.schema == "pg_catalog", let builtin = BuiltinTypes.mappings[definition.name] {
                return MappedType(type: .known(builtin.type), readCast: builtin.readsAsText ? "text" : nil,
                                  notes: builtin.note.map { [$0] } ?? [])
            }
            if let known = BuiltinTypes.extensionTypes[definition.name] {
                return MappedType(type: .known(known.type), readCast: known.readsAsText ? "text" : nil)
            }
            if definition.schema == "pg_catalog" {
                return fallback(type, reason: "it is an internal type without a Swift counterpart")
            }
            return textual(type)
        case .range, .multirange:
            return range(definition, depth: depth)
        case .pseudo:
            return fallback(type, reason: "it is a pseudo-type")
        }
    }

    /// `PGRange<Bound>` / `PGMultirange<Bound>`; ranges over other subtypes are read as text.
    private func range(_ definition: TypeDefinition, depth: Int) -> MappedType {
        var subtype = definition.rangeElement
        if definition.kind == .multirange, let rangeType = subtype {
            subtype = types[rangeType]?.rangeElement
        }
        guard let subtype else { return fallback(definition.qualifiedName, reason: "its subtype is unknown") }
        let bound = map(subtype, dimensions: 0, depth: depth + 1)
        guard BuiltinTypes.rangeBoundTypes.contains(bound.type) else {
            return fallback(definition.qualifiedName, reason: "its subtype `\(subtype)` is not a supported range bound")
        }
        let wrapper: KnownType = definition.kind == .range ? .pgRange : .pgMultirange
        let isBinary = definition.schema == "pg_catalog" && BuiltinTypes.binaryRanges.contains(definition.name)
        return MappedType(type: .generic(wrapper, [bound.type]), readCast: isBinary ? nil : "text")
    }

    /// The cast a value of `type` needs to be read: text when the type (or anything it contains)
    /// has no binary form that EntityKitPostgres decodes.
    func readCast(of type: QualifiedName, depth: Int = 0) -> String? {
        needsText(type, depth: depth) ? (types[type]?.kind == .array ? "text[]" : "text") : nil
    }

    private func needsText(_ type: QualifiedName, depth: Int) -> Bool {
        guard depth < 16, let definition = types[type] else { return true }
        switch definition.kind {
        case .array:
            return definition.element.map { needsText($0, depth: depth + 1) } ?? true
        case .domain:
            return definition.domain.map { needsText($0.baseType, depth: depth + 1) } ?? true
        case .composite:
            return (definition.attributes ?? []).contains { needsText($0.type, depth: depth + 1) }
        case .enumeration:
            return false
        case .base:
            if definition.schema == "pg_catalog", let builtin = BuiltinTypes.mappings[definition.name] {
                return builtin.readsAsText
            }
            return true
        case .range, .multirange:
            return !(definition.schema == "pg_catalog" && BuiltinTypes.binaryRanges.contains(definition.name))
        case .pseudo:
            return true
        }
    }

    private func override(for type: QualifiedName) -> String? {
        guard !typeOverrides.isEmpty else { return nil }
        return typeOverrides["\(type.schema).\(type.name)"] ?? typeOverrides[type.name]
    }

    /// Extension types without a Swift type of their own: exact as text.
    private func textual(_ type: QualifiedName) -> MappedType {
        MappedType(
            type: .known(.string),
            readCast: "text",
            notes: ["`\(type)` is an extension type: it is read and written as its text form (`\(KnownType.string.spelling)`), which round-trips exactly. "
                + "Add a type override to choose another Swift type."],
            warnings: ["extension type \(type) is read as \(KnownType.string.spelling) (its text form, which round-trips exactly)"]
        )
    }

    private func fallback(_ type: QualifiedName, reason: String) -> MappedType {
        MappedType(
            type: .known(.string),
            readCast: "text",
            notes: ["`\(type)` is read as its text form (`\(KnownType.string.spelling)`): \(reason). Add a type override to choose another Swift type."],
            warnings: ["type \(type) is read as \(KnownType.string.spelling) (its text form): \(reason)"]
        )
    }
}

/// A column's type use: the type and its declared array dimensions.
struct MappingKey: Hashable, Sendable {
    var type: QualifiedName
    var dimensions: Int
}
