/// A PostgreSQL `lseg`: the line segment from `start` to `end`, printed `[(x1,y1),(x2,y2)]`.
public struct PGLineSegment: Hashable, Sendable, Codable, PGLiteralConvertible, CustomStringConvertible {
    /// The first end point.
    public let start: PGPoint
    /// The second end point.
    public let end: PGPoint

    /// The segment from `start` to `end`, kept in that order as the server keeps it.
    public init(start: PGPoint, end: PGPoint) {
        self.start = start
        self.end = end
    }

    /// `[(1,2),(3,4)]`.
    public var postgresLiteral: String {
        "[\(start.postgresLiteral),\(end.postgresLiteral)]"
    }

    /// Reads `[(x1,y1),(x2,y2)]`, `((x1,y1),(x2,y2))`, `(x1,y1),(x2,y2)`, `(x1,y1,x2,y2)` or
    /// `x1,y1,x2,y2`, as `lseg_in` does.
    public init(postgresLiteral literal: String) throws {
        guard let parsed = GeometricText.parsePoints(literal, count: 2, allowsOpen: true) else {
            throw PGLiteralError("lseg", literal)
        }
        self.init(start: parsed.points[0], end: parsed.points[1])
    }

    public var description: String { postgresLiteral }
}
