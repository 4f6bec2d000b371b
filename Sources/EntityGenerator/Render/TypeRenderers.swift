/// Renders enums, composite types, domains and the prelude.
struct TypeRenderers {
    let access: String

    func render(_ plan: EnumPlan) -> String {
        var writer = SourceWriter()
        writer.documentation(plan.documentation)
        writer.block("\(access)enum \(plan.typeName): String, PGEnum {") { body in
            for enumCase in plan.cases {
                body.documentation(enumCase.documentation)
                body.line(EntityRenderer.caseDeclaration(name: enumCase.name, rawValue: enumCase.label))
            }
            body.line()
            body.line("\(access)static let schemaName = \(SwiftText.literal(plan.schema))")
            body.line("\(access)static let typeName = \(SwiftText.literal(plan.name))")
        }
        return writer.text
    }

    func render(_ plan: CompositePlan) -> String {
        var writer = SourceWriter()
        writer.documentation(plan.documentation)
        writer.block("\(access)struct \(plan.typeName): PGComposite {") { body in
            body.line("\(access)static let schemaName = \(SwiftText.literal(plan.schema))")
            body.line("\(access)static let typeName = \(SwiftText.literal(plan.name))")
            body.line("\(access)static let attributeNames = [\(plan.fields.map { SwiftText.literal($0.columnName) }.joined(separator: ", "))]")
            for field in plan.fields {
                body.line()
                body.documentation(field.documentation)
                body.line("\(access)var \(field.name): \(field.swiftType)")
            }
            body.line()
            body.line("\(access)init(")
            for (index, field) in plan.fields.enumerated() {
                body.line("    \(field.name): \(field.swiftType) = nil\(index == plan.fields.count - 1 ? "" : ",")")
            }
            body.block(") {") { initializer in
                for field in plan.fields { initializer.line("self.\(field.name) = \(field.name)") }
            }
            body.line()
            body.block("private enum CodingKeys: String, CodingKey {") { keys in
                for field in plan.fields {
                    keys.line(EntityRenderer.caseDeclaration(name: field.name, rawValue: field.columnName))
                }
            }
        }
        return writer.text
    }

    func render(_ plan: DomainPlan) -> String {
        var writer = SourceWriter()
        writer.documentation(plan.documentation)
        writer.line("\(access)typealias \(plan.typeName) = \(plan.underlyingType)")
        return writer.text
    }

    func render(_ plan: PreludePlan) -> String {
        var writer = SourceWriter()
        let schemas = plan.schemas.map { "`\($0)`" }.joined(separator: ", ")
        writer.documentation(["What `codegen entity` generated from \(plan.schemas.count == 1 ? "schema" : "schemas") \(schemas)."])
        writer.block("\(access)enum \(plan.registryName) {") { body in
            body.documentation(["Every entity, sorted by type name."])
            Self.list("\(access)static let entities: [any Entity.Type]", plan.entityTypes, into: &body)
            body.line()
            body.documentation(["Every enum, sorted by type name."])
            Self.list("\(access)static let enums: [any PGEnum.Type]", plan.enumTypes, into: &body)
        }
        return writer.text
    }

    private static func list(_ declaration: String, _ types: [String], into writer: inout SourceWriter) {
        guard !types.isEmpty else {
            writer.line("\(declaration) = []")
            return
        }
        writer.block("\(declaration) = [", closing: "]") { body in
            for type in types { body.line("\(type).self,") }
        }
    }
}

/// One rendered declaration: its type name and its source, without header or imports.
struct RenderedDeclaration {
    var typeName: String
    var source: String
}

/// Turns a plan into files.
public enum Renderer {
    /// One file per entity, enum, composite and domain, plus the prelude: what `codegen entity`
    /// writes.
    public static func render(_ plan: GenerationPlan) -> [GeneratedFile] {
        declarations(of: plan).map { declaration in
            let isPrelude = declaration.typeName == plan.prelude.registryName
            return GeneratedFile(name: "\(declaration.typeName).swift",
                                 contents: file(plan, [declaration.source], reexportsEntityKit: isPrelude))
        }.sorted { $0.name < $1.name }
    }

    /// Exactly `count` files, `<prefix>0.swift` … : what the build plugin writes, because a build
    /// plugin must name its outputs before it knows the schema. A declaration's file depends only
    /// on its name, so a change to one table rewrites one file.
    public static func renderShards(_ plan: GenerationPlan, count: Int, prefix: String) -> [GeneratedFile] {
        var shards = [[String]](repeating: [], count: count)
        for declaration in declarations(of: plan).sorted(by: { $0.typeName < $1.typeName }) {
            shards[shard(of: declaration.typeName, count: count)].append(declaration.source)
        }
        return shards.enumerated().map { index, sources in
            GeneratedFile(name: "\(prefix)\(index).swift", contents: file(plan, sources, reexportsEntityKit: index == 0))
        }
    }

    static func shard(of typeName: String, count: Int) -> Int {
        // FNV-1a: stable across runs and platforms, unlike Hasher.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in typeName.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return Int(hash % UInt64(count))
    }

    private static func declarations(of plan: GenerationPlan) -> [RenderedDeclaration] {
        let access = plan.accessLevel == .internal ? "" : "\(plan.accessLevel.rawValue) "
        let types = TypeRenderers(access: access)
        var result: [RenderedDeclaration] = []
        for entity in plan.entities {
            result.append(RenderedDeclaration(typeName: entity.typeName, source: EntityRenderer(plan: entity, access: access).render()))
        }
        for enumeration in plan.enums { result.append(RenderedDeclaration(typeName: enumeration.typeName, source: types.render(enumeration))) }
        for composite in plan.composites { result.append(RenderedDeclaration(typeName: composite.typeName, source: types.render(composite))) }
        for domain in plan.domains { result.append(RenderedDeclaration(typeName: domain.typeName, source: types.render(domain))) }
        result.append(RenderedDeclaration(typeName: plan.prelude.registryName, source: types.render(plan.prelude)))
        return result
    }

    private static func file(_ plan: GenerationPlan, _ sources: [String], reexportsEntityKit: Bool) -> String {
        var writer = SourceWriter()
        for line in FileHeader.lines { writer.line(line) }
        writer.line()
        for module in plan.imports {
            writer.line(module == "EntityKit" && reexportsEntityKit ? "@_exported import EntityKit" : "import \(module)")
        }
        var text = writer.text
        for source in sources { text += "\n" + source }
        return text
    }
}
