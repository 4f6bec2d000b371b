/// Renders enums, composite types, domains and the prelude.
struct TypeRenderers {
    let access: String
    let imports: [String]

    func render(_ plan: EnumPlan) -> String {
        var writer = SourceWriter()
        FileHeader.write(into: &writer, imports: imports)
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
        FileHeader.write(into: &writer, imports: imports)
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
        FileHeader.write(into: &writer, imports: imports)
        writer.documentation(plan.documentation)
        writer.line("\(access)typealias \(plan.typeName) = \(plan.underlyingType)")
        return writer.text
    }

    func render(_ plan: PreludePlan) -> String {
        var writer = SourceWriter()
        for line in FileHeader.lines { writer.line(line) }
        writer.line()
        writer.line("@_exported import EntityKit")
        for module in imports where module != "EntityKit" { writer.line("import \(module)") }
        writer.line()
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

/// Turns a plan into files: one per entity, enum, composite and domain, plus the prelude.
public enum Renderer {
    public static func render(_ plan: GenerationPlan) -> [GeneratedFile] {
        let access = plan.accessLevel == .internal ? "" : "\(plan.accessLevel.rawValue) "
        let types = TypeRenderers(access: access, imports: plan.imports)
        var files: [GeneratedFile] = []
        for entity in plan.entities {
            files.append(GeneratedFile(name: "\(entity.typeName).swift", contents: EntityRenderer(plan: entity, access: access).render(imports: plan.imports)))
        }
        for enumeration in plan.enums { files.append(GeneratedFile(name: "\(enumeration.typeName).swift", contents: types.render(enumeration))) }
        for composite in plan.composites { files.append(GeneratedFile(name: "\(composite.typeName).swift", contents: types.render(composite))) }
        for domain in plan.domains { files.append(GeneratedFile(name: "\(domain.typeName).swift", contents: types.render(domain))) }
        files.append(GeneratedFile(name: "\(plan.prelude.registryName).swift", contents: types.render(plan.prelude)))
        return files.sorted { $0.name < $1.name }
    }
}
