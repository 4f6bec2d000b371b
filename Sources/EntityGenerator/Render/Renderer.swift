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
            switch module {
            case "EntityKit" where reexportsEntityKit: writer.line("@_exported import EntityKit")
            case "EntityKit": writer.line(RuntimeContract.importLine)
            default: writer.line("import \(module)")
            }
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
