import EntityKit
import PostgresNIO

// One row's relations: the batch loaders with a batch of one.
extension PostgresQueryRunner {
    /// The row a foreign key of `row` points at; nil when the key is NULL or dangles.
    public func related<Source: Entity, Target: Entity>(
        _ relation: BelongsTo<Source, Target>, of row: Source, logger: Logger = .entityKitSilent
    ) async throws -> Target? {
        try await load(relation, for: [row], logger: logger)[0]
    }

    /// The rows whose foreign key points at `row`.
    public func related<Source: Entity, Target: Entity>(
        _ relation: HasMany<Source, Target>, of row: Source, logger: Logger = .entityKitSilent
    ) async throws -> [Target] {
        try await load(relation, for: [row], logger: logger)[0]
    }

    /// The row whose unique foreign key points at `row`, if any.
    public func related<Source: Entity, Target: Entity>(
        _ relation: HasOne<Source, Target>, of row: Source, logger: Logger = .entityKitSilent
    ) async throws -> Target? {
        try await load(relation, for: [row], logger: logger)[0]
    }

    /// The rows linked to `row` through the junction table.
    public func related<Source: Entity, Junction: Entity, Target: Entity>(
        _ relation: ManyToMany<Source, Junction, Target>, of row: Source, logger: Logger = .entityKitSilent
    ) async throws -> [Target] {
        try await load(relation, for: [row], logger: logger)[0]
    }
}
