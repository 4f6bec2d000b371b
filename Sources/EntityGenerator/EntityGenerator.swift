import SchemaModel

/// The generator's front door: snapshot + options → files.
public enum EntityGenerator {
    /// The result of one generation.
    public struct Output: Sendable {
        public var files: [GeneratedFile]
        public var diagnostics: [Diagnostic]
    }

    /// Translates and renders, without touching the disk.
    public static func generate(from snapshot: SchemaSnapshot, options: GeneratorOptions) throws -> Output {
        let plan = try Translator(snapshot: snapshot, options: options).plan()
        return Output(files: Renderer.render(plan), diagnostics: plan.diagnostics)
    }
}
