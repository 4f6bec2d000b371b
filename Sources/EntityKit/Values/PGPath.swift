/// A PostgreSQL `path`: points joined in order, open (`[(x1,y1),…]`) or closed
/// (`((x1,y1),…)`, the last point joined back to the first).
///
/// PostgreSQL requires at least one point; a path without points has no literal the server
/// accepts (it prints `[]` or `()`, which `path_in` rejects).
public struct PGPath: Hashable, Sendable, Codable, PGLiteralConvertible, CustomStringConvertible {
    /// The points in order.
    public let points: [PGPoint]
    /// True when the last point joins the first.
    public let isClosed: Bool

    /// A path through `points`, open or closed.
    public init(points: [PGPoint], isClosed: Bool) {
        self.points = points
        self.isClosed = isClosed
    }

    /// `[(1,2),(3,4)]` when open, `((1,2),(3,4))` when closed.
    public var postgresLiteral: String {
        let body = GeometricText.format(points)
        return isClosed ? "(\(body))" : "[\(body)]"
    }

    /// Reads `[…]` as an open path and `(…)` or undelimited points as a closed one, as
    /// `path_in` does: `[(1,2),(3,4)]`, `((1,2),(3,4))`, `(1,2),(3,4)`, `(1,2,3,4)`, `1,2,3,4`.
    public init(postgresLiteral literal: String) throws {
        guard let parsed = GeometricText.parsePoints(literal, count: nil, allowsOpen: true) else {
            throw PGLiteralError("path", literal)
        }
        self.init(points: parsed.points, isClosed: !parsed.isOpen)
    }

    public var description: String { postgresLiteral }
}
