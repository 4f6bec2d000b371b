/// Renders enums, composite types, domains and the prelude.
struct TypeRenderers {
    let access: String

    func render(_ plan: EnumPlan) -> String {
        var writer = SourceWriter()
        writer.documentation(plan.documentation)
        writer.block("\(access)enum \(plan.typeName): \(Spelling.list([.known(.string), .known(.pgEnum)] + plan.additionalConformances)) {") { body in
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
        writer.block("\(access)struct \(plan.typeName): \(Spelling.list([.known(.pgComposite)] + plan.additionalConformances)) {") { body in
            body.line("\(access)static let schemaName = \(SwiftText.literal(plan.schema))")
            body.line("\(access)static let typeName = \(SwiftText.literal(plan.name))")
            body.line("\(access)static let attributeNames = [\(plan.fields.map { SwiftText.literal($0.columnName) }.joined(separator: ", "))]")
            for field in plan.fields {
                body.line()
                body.documentation(field.documentation)
                body.line("\(access)var \(Spelling.identifier(field.name)): \(Spelling.type(field.type))")
            }
            body.line()
            body.line("\(access)init(")
            for (index, field) in plan.fields.enumerated() {
                body.line("    \(Spelling.identifier(field.name)): \(Spelling.type(field.type)) = nil\(index == plan.fields.count - 1 ? "" : ",")")
            }
            body.block(") {") { initializer in
                for field in plan.fields {
                    let name = Spelling.identifier(field.name)
                    initializer.line("self.\(name) = \(name)")
                }
            }
            let rows = RowCodingRenderer(access: access)
            body.line()
            rows.reader(SpelledProperties(plan.fields), documentation: "Reads the fields in attribute order.", into: &body)
            body.line()
            rows.writer(SpelledProperties(plan.fields), documentation: "Writes the fields in attribute order.", into: &body)
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
        writer.line("\(access)typealias \(plan.typeName) = \(Spelling.type(plan.underlyingType))")
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
