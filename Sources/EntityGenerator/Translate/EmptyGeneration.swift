/// A run that would generate no entity at all. Writing just the prelude would also delete every
/// entity generated before, which is almost never what was meant — a wrong database name that
/// happens to exist, or a wrong `-s` — so it is an error unless asked for.
extension GenerationError {
    /// `source` names where the schema came from (`user@host:5432/app`, or a snapshot path);
    /// `advice` says what to pass instead, in the caller's terms.
    public static func nothingToGenerate(in source: String, schemas: [String], advice: String) -> GenerationError {
        let place = schemas.count == 1 ? "schema \(schemas[0])" : "schemas \(schemas.joined(separator: ", "))"
        return GenerationError(description: "no tables or views to generate in \(place) of \(source): \(advice)")
    }
}
