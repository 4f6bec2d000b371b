/// A PostgreSQL `polygon`: its vertices in order, printed `((x1,y1),…,(xn,yn))`.
///
/// PostgreSQL requires at least one vertex; a polygon without any has no literal the server
/// accepts.
public struct PGPolygon: Hashable, Sendable, Codable, PGLiteralConvertible, CustomStringConvertible {
    /// The vertices in order; the last joins the first.
    public let points: [PGPoint]

    /// The polygon with these vertices.
    public init(points: [PGPoint]) {
        self.points = points
    }

    /// `((1,2),(3,4),(5,6))`.
    public var postgresLiteral: String {
        "(\(GeometricText.format(points)))"
    }

    /// Reads `((x1,y1),…)`, `(x1,y1),…`, `(x1,y1,…)` or `x1,y1,…`, as `poly_in` does (square
    /// brackets are not allowed).
    public init(postgresLiteral literal: String) throws {
        guard let parsed = GeometricText.parsePoints(literal, count: nil, allowsOpen: false) else {
            throw PGLiteralError("polygon", literal)
        }
        self.init(points: parsed.points)
    }

    public var description: String { postgresLiteral }
}
