import SchemaModel

/// Foreign keys that a partitioned table's partitions declare, lifted onto the table.
///
/// Declarative partitioning lets foreign keys live on each partition instead of the parent
/// (pagila's `payment` does this). Partitions are not entities, so without lifting, those keys
/// would give no relation at all.
enum PartitionKeys {
    static func lift(_ relation: Relation, partitions: [Relation]) -> Relation {
        guard relation.kind == .partitionedTable, !partitions.isEmpty else { return relation }
        struct Signature: Hashable {
            var columns: [String]
            var target: QualifiedName
            var targetColumns: [String]
        }
        func signature(_ key: ForeignKey) -> Signature {
            Signature(columns: key.columns, target: key.referencedRelation, targetColumns: key.referencedColumns)
        }
        let sortedPartitions = partitions.sorted { $0.name < $1.name }
        var seen = Set(relation.foreignKeys.map(signature))
        var lifted = relation
        for partition in sortedPartitions {
            for key in partition.foreignKeys where seen.insert(signature(key)).inserted {
                let declaring = sortedPartitions.filter { candidate in
                    candidate.foreignKeys.contains { signature($0) == signature(key) }
                }
                var parentKey = key
                if declaring.count == sortedPartitions.count {
                    parentKey.comment = "Declared on each partition of `\(relation.qualifiedName)` rather than on the table itself."
                } else {
                    let missing = sortedPartitions.filter { candidate in !declaring.contains { $0.name == candidate.name } }.map { "`\($0.name)`" }
                    parentKey.comment = "Declared on \(declaring.count) of the \(sortedPartitions.count) partitions of `\(relation.qualifiedName)`, "
                        + "not on the table itself; rows in \(missing.joined(separator: ", ")) are not checked."
                }
                lifted.foreignKeys.append(parentKey)
            }
        }
        lifted.foreignKeys.sort { $0.name < $1.name }
        return lifted
    }
}
