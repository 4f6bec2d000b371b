/// What kind of type a type is (`pg_type.typtype`, with arrays told apart from other base types).
public enum TypeKind: String, Codable, Sendable {
    case base
    case array
    case enumeration
    case domain
    case composite
    case range
    case multirange
    case pseudo
}

/// A type that columns of the snapshot use, directly or indirectly.
public struct TypeDefinition: Codable, Sendable, Equatable {
    public var schema: String
    public var name: String
    public var kind: TypeKind
    /// `pg_type.typcategory`, a single letter (`N` numeric, `S` string, `D` date/time, …).
    public var category: String
    /// False when the type has no binary send/receive functions, so drivers must read it as text.
    public var hasBinaryIO: Bool
    public var comment: String?
    /// For an array: its element type.
    public var element: QualifiedName?
    /// For an enum: its labels in sort order.
    public var enumLabels: [String]?
    /// For a domain: the underlying type and how it is declared.
    public var domain: DomainDetails?
    /// For a composite type: its attributes in order.
    public var attributes: [CompositeAttribute]?
    /// For a range: the subtype. For a multirange: the range type.
    public var rangeElement: QualifiedName?

    public init(
        schema: String,
        name: String,
        kind: TypeKind,
        category: String,
        hasBinaryIO: Bool = true,
        comment: String? = nil,
        element: QualifiedName? = nil,
        enumLabels: [String]? = nil,
        domain: DomainDetails? = nil,
        attributes: [CompositeAttribute]? = nil,
        rangeElement: QualifiedName? = nil
    ) {
        self.schema = schema
        self.name = name
        self.kind = kind
        self.category = category
        self.hasBinaryIO = hasBinaryIO
        self.comment = comment
        self.element = element
        self.enumLabels = enumLabels
        self.domain = domain
        self.attributes = attributes
        self.rangeElement = rangeElement
    }

    public var qualifiedName: QualifiedName { QualifiedName(schema: schema, name: name) }
}

/// How a domain is declared.
public struct DomainDetails: Codable, Sendable, Equatable {
    public var baseType: QualifiedName
    /// The base type as `format_type` prints it, with modifiers.
    public var baseSQLType: String
    public var isNotNull: Bool
    public var defaultExpression: String?
    /// Declared array dimensions when the domain is over an array type.
    public var dimensions: Int
    /// Its `CHECK` constraints, sorted by name.
    public var checks: [CheckConstraint]

    public init(
        baseType: QualifiedName,
        baseSQLType: String,
        isNotNull: Bool = false,
        defaultExpression: String? = nil,
        dimensions: Int = 0,
        checks: [CheckConstraint] = []
    ) {
        self.baseType = baseType
        self.baseSQLType = baseSQLType
        self.isNotNull = isNotNull
        self.defaultExpression = defaultExpression
        self.dimensions = dimensions
        self.checks = checks
    }
}

/// An attribute of a composite type.
public struct CompositeAttribute: Codable, Sendable, Equatable {
    public var name: String
    public var type: QualifiedName
    public var sqlType: String

    public init(name: String, type: QualifiedName, sqlType: String) {
        self.name = name
        self.type = type
        self.sqlType = sqlType
    }
}
