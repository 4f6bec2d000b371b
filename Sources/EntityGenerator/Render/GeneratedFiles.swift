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
