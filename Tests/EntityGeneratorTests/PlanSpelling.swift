@testable import EntityGenerator

// Tests compare types as users read them: spelled by the renderer.
extension PropertyPlan {
    var swiftType: String { Spelling.type(type) }
}

extension MappedType {
    var swiftType: String { Spelling.type(type) }
}

extension RelationPlan {
    var typeExpression: String { Spelling.relationType(self) }
}
