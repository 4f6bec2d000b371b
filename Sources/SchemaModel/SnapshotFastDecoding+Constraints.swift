/// Keys and foreign keys straight from the tape: about one of each per table, and each one is a
/// container box, an enum decoder or two and a dozen key searches on the generic path. Same
/// rules as the column fast path, with its own `Mirror` guard so that a field added here turns
/// off only these two.
extension SnapshotFastDecoding {
    static let keyConstraintProperties = ["name", "columns", "comment", "withoutOverlaps"]
    static let foreignKeyProperties = ["name", "columns", "referencedRelation", "referencedColumns", "onUpdate", "onDelete",
                                       "isDeferrable", "comment", "period", "referencedPeriod", "isEnforced", "isValidated"]

    static let constraintsEnabled: Bool = {
        propertyNames(KeyConstraint(name: "", columns: [])) == keyConstraintProperties
            && propertyNames(ForeignKey(name: "", columns: [], referencedRelation: QualifiedName(schema: "", name: ""), referencedColumns: []))
            == foreignKeyProperties
    }()

    /// The elements of the array at `index`, when `element` accepts every one.
    static func array<Element>(_ tape: JSONTape, _ index: Int, _ element: (JSONTape, Int) -> Element?) -> [Element]? {
        guard tape.nodes[index].kind == .array else { return nil }
        var elements: [Element] = []
        elements.reserveCapacity(Int(tape.nodes[index].length))
        var position = index + 1
        let end = tape.next(after: index)
        while position < end {
            guard let value = element(tape, position) else { return nil }
            elements.append(value)
            position = tape.next(after: position)
        }
        return elements
    }

    static func strings(_ tape: JSONTape, _ index: Int) -> [String]? {
        array(tape, index) { tape, element in tape.plainString(element) }
    }

    static func keyConstraint(_ tape: JSONTape, _ index: Int) -> KeyConstraint? {
        guard constraintsEnabled, tape.nodes[index].kind == .object else { return nil }
        var name: String?, columns: [String]?, comment: String??, withoutOverlaps: String??
        var members = Members(tape: tape, object: index)
        while let (key, value) = members.next() {
            switch key {
            case "name": guard name == nil, let text = tape.plainString(value) else { return nil }; name = text
            case "columns": guard columns == nil, let list = strings(tape, value) else { return nil }; columns = list
            case "comment": guard comment == nil, let text = tape.optional(value, tape.plainString) else { return nil }; comment = text
            case "withoutOverlaps": guard withoutOverlaps == nil, let text = tape.optional(value, tape.plainString) else { return nil }; withoutOverlaps = text
            default: return nil
            }
        }
        guard let name, let columns else { return nil }
        return KeyConstraint(name: name, columns: columns, comment: comment ?? nil, withoutOverlaps: withoutOverlaps ?? nil)
    }

    static func foreignKey(_ tape: JSONTape, _ index: Int) -> ForeignKey? {
        guard constraintsEnabled, isEnabled, tape.nodes[index].kind == .object else { return nil }
        var name: String?, columns: [String]?, referencedRelation: QualifiedName?, referencedColumns: [String]?
        var onUpdate: ReferentialAction?, onDelete: ReferentialAction?, isDeferrable: Bool?, comment: String??
        var period: String??, referencedPeriod: String??, isEnforced: Bool??, isValidated: Bool??
        var members = Members(tape: tape, object: index)
        while let (key, value) = members.next() {
            switch key {
            case "name": guard name == nil, let text = tape.plainString(value) else { return nil }; name = text
            case "columns": guard columns == nil, let list = strings(tape, value) else { return nil }; columns = list
            case "referencedRelation":
                guard referencedRelation == nil, let decoded = qualifiedName(tape, value) else { return nil }; referencedRelation = decoded
            case "referencedColumns": guard referencedColumns == nil, let list = strings(tape, value) else { return nil }; referencedColumns = list
            case "onUpdate":
                guard onUpdate == nil, let action = tape.plainString(value).flatMap(ReferentialAction.init(rawValue:)) else { return nil }; onUpdate = action
            case "onDelete":
                guard onDelete == nil, let action = tape.plainString(value).flatMap(ReferentialAction.init(rawValue:)) else { return nil }; onDelete = action
            case "isDeferrable": guard isDeferrable == nil, let flag = tape.bool(value) else { return nil }; isDeferrable = flag
            case "comment": guard comment == nil, let text = tape.optional(value, tape.plainString) else { return nil }; comment = text
            case "period": guard period == nil, let text = tape.optional(value, tape.plainString) else { return nil }; period = text
            case "referencedPeriod":
                guard referencedPeriod == nil, let text = tape.optional(value, tape.plainString) else { return nil }; referencedPeriod = text
            case "isEnforced": guard isEnforced == nil, let flag = tape.optional(value, tape.bool) else { return nil }; isEnforced = flag
            case "isValidated": guard isValidated == nil, let flag = tape.optional(value, tape.bool) else { return nil }; isValidated = flag
            default: return nil
            }
        }
        guard let name, let columns, let referencedRelation, let referencedColumns, let onUpdate, let onDelete, let isDeferrable else { return nil }
        return ForeignKey(name: name, columns: columns, referencedRelation: referencedRelation, referencedColumns: referencedColumns,
                          onUpdate: onUpdate, onDelete: onDelete, isDeferrable: isDeferrable, comment: comment ?? nil,
                          period: period ?? nil, referencedPeriod: referencedPeriod ?? nil, isEnforced: isEnforced ?? nil, isValidated: isValidated ?? nil)
    }
}
