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

/// Generated files described by name and rendered on demand, so that a large schema's output is
/// never held in memory all at once.
public struct GeneratedFiles: Sendable {
    enum Source: Sendable {
        case entity(Int)
        case enumeration(Int)
        case composite(Int)
        case domain(Int)
        case prelude
    }

    let plan: GenerationPlan
    let sources: [Source]
    /// File names, sorted.
    public let names: [String]

    init(plan: GenerationPlan) {
        self.plan = plan
        var named: [(String, Source)] = []
        named += plan.entities.indices.map { (plan.entities[$0].typeName, .entity($0)) }
        named += plan.enums.indices.map { (plan.enums[$0].typeName, .enumeration($0)) }
        named += plan.composites.indices.map { (plan.composites[$0].typeName, .composite($0)) }
        named += plan.domains.indices.map { (plan.domains[$0].typeName, .domain($0)) }
        named.append((plan.prelude.registryName, .prelude))
        named.sort { $0.0 < $1.0 }
        names = named.map { "\($0.0).swift" }
        sources = named.map(\.1)
    }

    public var count: Int { names.count }

    /// The contents of file `index`.
    public func contents(at index: Int) -> String {
        String(decoding: bytes(at: index), as: UTF8.self)
    }

    /// The UTF-8 bytes of file `index`, as they are compared with the file on disk and written:
    /// rendered straight into one buffer, header and declaration alike.
    func bytes(at index: Int) -> [UInt8] {
        var writer = SourceWriter(capacity: 16 * 1024)
        render(at: index, into: &writer)
        return writer.bytes
    }

    /// Renders file `index` into `writer`, which the caller has emptied: a caller that renders
    /// many files reuses one buffer rather than allocating one per file.
    func render(at index: Int, into writer: inout SourceWriter) {
        let source = sources[index]
        var isPrelude = false
        if case .prelude = source { isPrelude = true }
        Renderer.header(plan, reexportsEntityKit: isPrelude, into: &writer)
        writer.line()
        Renderer.declaration(source, of: plan, into: &writer)
    }

    /// Every file, rendered (on every core).
    public var all: [GeneratedFile] {
        Parallel.map(Array(names.indices)) { GeneratedFile(name: names[$0], contents: contents(at: $0)) }
    }
}

/// Turns a plan into files.
public enum Renderer {
    /// One file per entity, enum, composite and domain, plus the prelude: what `codegen entity`
    /// writes, rendered on demand.
    public static func files(_ plan: GenerationPlan) -> GeneratedFiles {
        GeneratedFiles(plan: plan)
    }

    /// ``files(_:)``, rendered.
    public static func render(_ plan: GenerationPlan) -> [GeneratedFile] {
        files(plan).all
    }

    /// Exactly `count` files, `<prefix>0.swift` … : what the build plugin writes, because a build
    /// plugin must name its outputs before it knows the schema. A declaration's file depends only
    /// on its name, so a change to one table rewrites one file.
    public static func renderShards(_ plan: GenerationPlan, count: Int, prefix: String) -> [GeneratedFile] {
        let files = GeneratedFiles(plan: plan)
        var shards = [[String]](repeating: [], count: count)
        for (name, source) in zip(files.names, files.sources) {
            shards[shard(of: String(name.dropLast(".swift".count)), count: count)].append(declaration(source, of: plan))
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

    static func declaration(_ source: GeneratedFiles.Source, of plan: GenerationPlan) -> String {
        var writer = SourceWriter()
        declaration(source, of: plan, into: &writer)
        return writer.text
    }

    static func declaration(_ source: GeneratedFiles.Source, of plan: GenerationPlan, into writer: inout SourceWriter) {
        let access = plan.accessLevel == .internal ? "" : "\(plan.accessLevel.rawValue) "
        let types = TypeRenderers(access: access)
        switch source {
        case let .entity(index): EntityRenderer(plan: plan.entities[index], access: access).render(into: &writer)
        case let .enumeration(index): writer.append(bytes: Array(types.render(plan.enums[index]).utf8))
        case let .composite(index): writer.append(bytes: Array(types.render(plan.composites[index]).utf8))
        case let .domain(index): writer.append(bytes: Array(types.render(plan.domains[index]).utf8))
        case .prelude: writer.append(bytes: Array(types.render(plan.prelude).utf8))
        }
    }

    /// The header comment and the imports.
    static func header(_ plan: GenerationPlan, reexportsEntityKit: Bool, into writer: inout SourceWriter) {
        for line in FileHeader.lines { writer.line(line) }
        writer.line()
        for module in plan.imports {
            writer.line(module == "EntityKit" && reexportsEntityKit ? "@_exported import EntityKit" : "import \(module)")
        }
    }

    static func file(_ plan: GenerationPlan, _ sources: [String], reexportsEntityKit: Bool) -> String {
        var writer = SourceWriter()
        header(plan, reexportsEntityKit: reexportsEntityKit, into: &writer)
        var text = writer.text
        for source in sources { text += "\n" + source }
        return text
    }
}
