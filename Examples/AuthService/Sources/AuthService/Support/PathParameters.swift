import Foundation
import Hummingbird

extension RequestContext {
    /// The path parameter `name` as a UUID; anything else is a 400 (Hummingbird's own message
    /// would quote the text).
    func uuid(_ name: String) throws -> UUID {
        guard let text = parameters.get(name), let id = UUID(uuidString: text) else {
            throw APIError.badRequest("the \(name) in the path is not a UUID", field: name)
        }
        return id
    }
}
