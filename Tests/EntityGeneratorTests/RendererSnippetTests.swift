@testable import EntityGenerator
import SchemaModel
import Testing

/// Small plans in, exact text out: what the renderer spells for each plan shape, independent of
/// translation (the golden folders check the two together).
@Suite("Renderer snippets")
struct RendererSnippetTests {
    private let renderers = TypeRenderers(access: "public ")

    @Test func typesAreSpelledFromTheirStructure() {
        #expect(Spelling.type(.optional(.array(.generic(.pgRange, [.known(.int32)])))) == "[PGRange<Int32>]?")
        #expect(Spelling.type(.array(.optional(.generated("Mood")))) == "[Mood?]")
        #expect(Spelling.type(.user("MyModule.Money")) == "MyModule.Money")
        #expect(Spelling.type(.optional(.optional(.known(.string)))) == "String??", "the plan, not the renderer, prevents double optionals")
        #expect(SwiftType.known(.string).optional.optional == .optional(.known(.string)))
    }

    @Test func relationTypesNameSourceJunctionAndTarget() {
        let relation = RelationPlan(kind: .manyToMany, name: "tags", documentation: [], sourceType: "Post", targetType: "Tag",
                                    junctionType: "PostTag", constraint: "post_tags_tag_id_fkey", columnPairs: [], targetPairs: [])
        #expect(Spelling.relationType(relation) == "ManyToMany<Post, PostTag, Tag>")
    }

    @Test func anEnumSpellsCasesLabelsAndExtraConformances() {
        let plan = EnumPlan(typeName: "TicketState", schema: "support", name: "ticket state", documentation: ["Enum `support.ticket state`."],
                            cases: [EnumCasePlan(name: "open", label: "open", documentation: []),
                                    EnumCasePlan(name: "default", label: "default", documentation: []),
                                    EnumCasePlan(name: "onHold", label: "on hold", documentation: ["Waiting for the customer."])],
                            additionalConformances: [.user("CustomStringConvertible")])
        #expect(renderers.render(plan) == """
            /// Enum `support.ticket state`.
            public enum TicketState: String, PGEnum, CustomStringConvertible {
                case `open`
                case `default`
                /// Waiting for the customer.
                case onHold = "on hold"

                public static let schemaName = "support"
                public static let typeName = "ticket state"
            }
            """ + "\n")
    }

    @Test func aDomainIsATypeAlias() {
        let plan = DomainPlan(typeName: "Email", schema: "public", name: "email", documentation: ["Domain `public.email` over `citext`."],
                              underlyingType: .known(.string))
        #expect(renderers.render(plan) == "/// Domain `public.email` over `citext`.\npublic typealias Email = String\n")
    }

    @Test func aCompositeReadsAndWritesFieldsInAttributeOrder() {
        let fields = [Self.property("street", "street", .optional(.known(.string))),
                      Self.property("default", "default", .optional(.known(.int32)))]
        let plan = CompositePlan(typeName: "Address", schema: "public", name: "address", documentation: [], fields: fields)
        #expect(renderers.render(plan) == """
            public struct Address: PGComposite {
                public static let schemaName = "public"
                public static let typeName = "address"
                public static let attributeNames = ["street", "default"]

                public var street: String?

                public var `default`: Int32?

                public init(
                    street: String? = nil,
                    `default`: Int32? = nil
                ) {
                    self.street = street
                    self.`default` = `default`
                }

                /// Reads the fields in attribute order.
                @_spi(Generated) public init(row: inout some RowReader) throws {
                    self.street = try row.next(String?.self)
                    self.`default` = try row.next(Int32?.self)
                }

                /// Writes the fields in attribute order.
                @_spi(Generated) public func write(to writer: inout some RowWriter) {
                    writer.write(self.street)
                    writer.write(self.`default`)
                }

                private enum CodingKeys: String, CodingKey {
                    case street
                    case `default`
                }
            }
            """ + "\n")
    }

    @Test func thePreludeListsEntitiesAndEnums() {
        let plan = PreludePlan(registryName: "DatabaseSchema", schemas: ["public"], entityTypes: ["Post", "User"], enumTypes: [])
        #expect(renderers.render(plan) == """
            /// What `codegen entity` generated from schema `public`.
            public enum DatabaseSchema {
                /// Every entity, sorted by type name.
                public static let entities: [any Entity.Type] = [
                    Post.self,
                    User.self,
                ]

                /// Every enum, sorted by type name.
                public static let enums: [any PGEnum.Type] = []
            }
            """ + "\n")
    }

    @Test func aReadOnlyViewHasColumnsButNoKeyOrDraft() {
        let plan = EntityPlan(typeName: "ActiveUser", schema: "public", table: "active_users", kind: .view, conformance: .entity,
                              documentation: ["View `public.active_users`."],
                              properties: [Self.property("userName", "user_name", .optional(.known(.string)))],
                              primaryKey: nil, uniqueKeys: [], relations: [], identity: nil)
        #expect(EntityRenderer(plan: plan, access: "public ").render() == """
            /// View `public.active_users`.
            public struct ActiveUser: Entity, Hashable {
                public static let schemaName = "public"
                public static let tableName = "active_users"
                public static let kind = EntityKind.view

                public var userName: String?

                /// Creates a row value of `public.active_users`.
                public init(
                    userName: String? = nil
                ) {
                    self.userName = userName
                }

                /// Reads a row selected in `Column` order, as `selectList()` selects it.
                @_spi(Generated) public init(row: inout some RowReader) throws {
                    self.userName = try row.next(String?.self)
                }

                /// Writes the row's values in `Column` order.
                @_spi(Generated) public func write(to writer: inout some RowWriter) {
                    writer.write(self.userName)
                }

                public typealias CodingKeys = Column

                /// The columns of `public.active_users` in table order; raw values are the column names.
                public enum Column: String, EntityColumn {
                    case userName = "user_name"

                    @_spi(Generated) public var definition: ColumnDefinition {
                        switch self {
                        case .userName:
                            ColumnDefinition(sqlType: "text", isNullable: true)
                        }
                    }
                }
            }

            extension ActiveUser {
                /// Typed references to the columns of `public.active_users`, for queries: `ActiveUser.where { $0.… == … }`.
                public struct TableColumns: ColumnReferences {
                    public typealias Root = ActiveUser

                    /// The table alias that qualifies the columns in a join; nil for a single table.
                    public let tableAlias: String?

                    public init(alias: String?) {
                        self.tableAlias = alias
                    }

                    public var userName: TableColumn<ActiveUser, String?> { TableColumn(.userName, tableAlias) }
                }
            }
            """ + "\n")
    }

    private static func property(_ name: String, _ column: String, _ type: SwiftType, role: DraftRole = .nullable) -> PropertyPlan {
        PropertyPlan(name: name, columnName: column, type: type, documentation: [], sqlType: "text", defaultExpression: nil,
                     generation: nil, readCast: nil, draftRole: role)
    }
}
