/// A PostgreSQL `point`: `(x,y)` in double precision.
///
/// Coordinates keep every `Double`, including `-0`, NaN and ±infinity, which PostgreSQL stores
/// and prints (`(NaN,-Infinity)`). Equality treats NaN as equal to NaN, as PostgreSQL's float
/// comparisons do.
public struct PGPoint: Hashable, Sendable, Codable, PGLiteralConvertible, CustomStringConvertible {
    /// The x coordinate.
    public let x: Double
    /// The y coordinate.
    public let y: Double

    /// The point (`x`, `y`).
    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }

    /// `(1.5,-2)`, with each coordinate in PostgreSQL's shortest round-trip spelling.
    public var postgresLiteral: String {
        "(\(PGFloatText.format(x)),\(PGFloatText.format(y)))"
    }

    /// Reads `(x,y)` or `x,y`, with optional white space, as `point_in` does.
    public init(postgresLiteral literal: String) throws {
        var scanner = LiteralScanner(literal)
        guard let point = GeometricText.parsePoint(&scanner), scanner.isAtEnd else {
            throw PGLiteralError("point", literal)
        }
        self = point
    }

    public var description: String { postgresLiteral }

    public static func == (lhs: PGPoint, rhs: PGPoint) -> Bool {
        PGFloatText.same(lhs.x, rhs.x) && PGFloatText.same(lhs.y, rhs.y)
    }

    public func hash(into hasher: inout Hasher) {
        PGFloatText.hash(x, into: &hasher)
        PGFloatText.hash(y, into: &hasher)
    }
}
