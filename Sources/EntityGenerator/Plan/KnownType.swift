/// Every type generated code may name without declaring it: the standard library's, Foundation's
/// and EntityKit's. This is the one table of those spellings in the generator; the renderer
/// spells them from here and translation reserves them (``ReservedNames``), so no generated
/// declaration can shadow a type that generated code refers to.
///
/// A test checks that every top-level public type of EntityKit is listed.
public enum KnownType: String, CaseIterable, Hashable, Sendable {
    // The standard library.
    case bool = "Bool"
    case int16 = "Int16"
    case int32 = "Int32"
    case int64 = "Int64"
    case uint32 = "UInt32"
    case uint64 = "UInt64"
    case float = "Float"
    case double = "Double"
    case string = "String"
    case hashable = "Hashable"
    case sendable = "Sendable"
    case codable = "Codable"
    case codingKey = "CodingKey"
    case identifiable = "Identifiable"

    // Foundation.
    case uuid = "UUID"
    case data = "Data"

    // EntityKit: protocols and descriptors.
    case entity = "Entity"
    case writableEntity = "WritableEntity"
    case keyedEntity = "KeyedEntity"
    case entityKind = "EntityKind"
    case entityColumn = "EntityColumn"
    case columnDefinition = "ColumnDefinition"
    case columnGeneration = "ColumnGeneration"
    case columnPair = "ColumnPair"
    case referentialAction = "ReferentialAction"
    case belongsTo = "BelongsTo"
    case hasMany = "HasMany"
    case hasOne = "HasOne"
    case manyToMany = "ManyToMany"
    case sqlIdentifier = "SQLIdentifier"
    case pgEnum = "PGEnum"
    case pgComposite = "PGComposite"
    case pgLiteralConvertible = "PGLiteralConvertible"
    case pgLiteralError = "PGLiteralError"
    case pgRangeBound = "PGRangeBound"
    case pgDiscreteRangeBound = "PGDiscreteRangeBound"
    case jsonValue = "JSONValue"
    case entityDraft = "EntityDraft"
    case entityUniqueKey = "EntityUniqueKey"

    // EntityKit: reading and writing rows.
    case columnValue = "ColumnValue"
    case nullableColumnValue = "NullableColumnValue"
    case jsonColumnValue = "JSONColumnValue"
    case cell = "Cell"
    case cellDecodingError = "CellDecodingError"
    case typeOID = "TypeOID"
    case sqlLiteral = "SQLLiteral"
    case arrayElements = "ArrayElements"
    case rowReader = "RowReader"
    case rowWriter = "RowWriter"
    case literalCollector = "LiteralCollector"

    // EntityKit: queries.
    case columnReferences = "ColumnReferences"
    case tableColumn = "TableColumn"
    case sqlFragment = "SQLFragment"
    case sqlStatement = "SQLStatement"
    case sqlRejection = "SQLRejection"
    case likePattern = "LikePattern"
    case sqlCondition = "SQLCondition"
    case sqlPredicate = "SQLPredicate"
    case sqlOrdering = "SQLOrdering"
    case entityQuery = "EntityQuery"
    case rowLock = "RowLock"
    case columnAssignment = "ColumnAssignment"
    case assignmentBuilder = "AssignmentBuilder"
    case writeStatements = "WriteStatements"
    case upsertAction = "UpsertAction"
    case typedExpression = "TypedExpression"
    case sqlExpression = "SQLExpression"
    case summableColumnValue = "SummableColumnValue"
    case projection = "Projection"
    case namedExpression = "NamedExpression"
    case relationStatements = "RelationStatements"
    case joinKind = "JoinKind"
    case innerJoin = "InnerJoin"
    case leftJoin = "LeftJoin"
    case joinQuery = "JoinQuery"
    case entitySelection = "EntitySelection"
    case keysetQuery = "KeysetQuery"

    // EntityKit: value types.
    case pgBitString = "PGBitString"
    case pgBox = "PGBox"
    case pgChar = "PGChar"
    case pgCircle = "PGCircle"
    case pgDate = "PGDate"
    case pgHStore = "PGHStore"
    case pgInet = "PGInet"
    case pgInterval = "PGInterval"
    case pgJSON = "PGJSON"
    case pgLSN = "PGLSN"
    case pgLine = "PGLine"
    case pgLineSegment = "PGLineSegment"
    case pgLocalTimestamp = "PGLocalTimestamp"
    case pgMacAddress = "PGMacAddress"
    case pgMoney = "PGMoney"
    case pgMultirange = "PGMultirange"
    case pgNumeric = "PGNumeric"
    case pgPath = "PGPath"
    case pgPoint = "PGPoint"
    case pgPolygon = "PGPolygon"
    case pgRange = "PGRange"
    case pgSnapshot = "PGSnapshot"
    case pgTSQuery = "PGTSQuery"
    case pgTSVector = "PGTSVector"
    case pgTime = "PGTime"
    case pgTimeWithTimeZone = "PGTimeWithTimeZone"
    case pgTimestamp = "PGTimestamp"
    case pgTupleID = "PGTupleID"

    /// The module that declares the type.
    public enum Module: String, Sendable {
        case swift = "Swift"
        case foundation = "Foundation"
        case entityKit = "EntityKit"
    }

    public var module: Module {
        switch self {
        case .bool, .int16, .int32, .int64, .uint32, .uint64, .float, .double, .string,
             .hashable, .sendable, .codable, .codingKey, .identifiable:
            return .swift
        case .uuid, .data:
            return .foundation
        default:
            return .entityKit
        }
    }

    /// The spelling in Swift source.
    public var spelling: String { rawValue }
}

/// Names generated code declares or relies on that no table, type, column or relation may take.
public enum ReservedNames {
    /// Types every generated entity declares inside itself. A top-level generated type with one
    /// of these names would be shadowed inside every entity by the entity's own member.
    public static let nestedTypes: Set<String> = ["Column", "CodingKeys", "PrimaryKey", "Relations", "TableColumns", "Draft", "UniqueKey", "Root"]

    /// Associated types of the protocols generated types conform to (EntityKit's, `Identifiable`,
    /// `RawRepresentable`, `CaseIterable`). Inside a conforming type the name means the witness:
    /// in an `Identifiable` entity `ID` is the key's type, in a `ColumnValue` `NonNull` is `Self`,
    /// so a generated type of that name could not be referred to there.
    public static let associatedTypes: Set<String> = ["ID", "NonNull", "Value", "Sum", "Average", "RawValue", "AllCases"]

    /// The prelude's registry type.
    public static let registry = "DatabaseSchema"

    /// Further standard library and Foundation names that a reader of generated code (or code
    /// beside it) expects to mean the usual thing.
    static let commonTypes: Set<String> = [
        "Any", "AnyObject", "Self", "Type", "Protocol", "Swift", "Foundation", "EntityKit",
        "Substring", "Character", "Int", "Int8", "UInt", "UInt8", "UInt16", "Decimal", "Array",
        "Dictionary", "Set", "Optional", "Result", "Error", "Never", "Void", "Decodable", "Encodable",
        "Equatable", "Comparable", "CaseIterable", "RawRepresentable", "Decoder", "Encoder",
        "Date", "URL", "TimeZone", "Locale",
    ]

    /// The top-level names `import EntityKitPostgres` brings beside an app's models: its own
    /// types and what it re-exports (PostgresNIO's client, connection, row and error types,
    /// swift-log's `Logger`, the connection-string types). An app imports both, so a model of
    /// one of these names (a `transactions` or `pages` table) would make the name ambiguous
    /// there; the model takes its next candidate (`TransactionTable`). A test checks the list
    /// against EntityKitPostgres's sources.
    public static let runtimeTypes: Set<String> = [
        "ConnectionFailure", "DatabaseClient", "DatabaseError", "Deadlines", "EntityKitPostgresError", "EntityQueryError",
        "EntityRowDecoder", "EntityRowSequence", "EntityStream", "KeysetPage", "Observability", "Page", "PaginationError",
        "Paginator", "PostgresQueryRunner", "RowDecodingError", "RowDelivery", "StatementPreparation", "StatementRows",
        "StatementSummary", "Transaction", "TransactionOptions", "Unprepared",
        // Re-exported.
        "PostgresClient", "PostgresConnection", "PostgresRow", "PostgresCell", "PostgresRowSequence", "PostgresQuery", "PSQLError",
        "Logger", "ConnectionEnvironment", "ResolvedConnection", "ConnectionInfoError",
    ]

    /// Every name a generated type may not take.
    public static let typeNames: Set<String> = Set(KnownType.allCases.map(\.spelling))
        .union(nestedTypes).union(associatedTypes).union(commonTypes).union(runtimeTypes).union([registry])

    /// Keywords that backticks do not fully rescue as member names: an initializer parameter
    /// named `self` shadows the instance, so every assignment in the initializer fails to
    /// compile; `x.Type`, `x.init` and `x.self` mean something else after a dot.
    public static let keywordMembers: Set<String> = ["self", "Self", "super", "init", "Type", "Protocol"]

    /// Names no case of a generated enum may take: its members, and the associated types its
    /// raw-value and `CaseIterable` conformances synthesize (a case `RawValue` stops the synthesis).
    public static let enumCaseNames: Set<String> = keywordMembers.union(associatedTypes)
        .union(["allCases", "rawValue", "hashValue", "schemaName", "typeName"])

    /// Members every entity, column enum or composite declares or inherits, which no property
    /// or case may take: a property spelled like a nested type (`CodingKeys`, `ID`) would
    /// redeclare it.
    public static let memberNames: Set<String> = keywordMembers.union(nestedTypes).union(associatedTypes).union([
        "hashValue", "primaryKey", "allCases", "rawValue", "stringValue", "intValue", "definition",
        "quotedName", "databaseFilled", "tableAlias",
    ])
}
