/// The spellings of a type's properties, worked out once per type. A generated file names every
/// property and its type in several places (declaration, initializer, reader, writer, column
/// references, draft); spelling them anew in each place was a large part of rendering a large
/// schema.
struct SpelledProperties {
    /// Identifiers, in backticks when they are keywords.
    let names: [String]
    /// Swift types: `String?`, `[PGRange<Int32>]`.
    let types: [String]

    init(_ properties: [PropertyPlan]) {
        var names: [String] = []
        var types: [String] = []
        names.reserveCapacity(properties.count)
        types.reserveCapacity(properties.count)
        for index in properties.indices {
            names.append(Spelling.identifier(properties[index].name))
            types.append(Spelling.type(properties[index].type))
        }
        self.names = names
        self.types = types
    }
}
