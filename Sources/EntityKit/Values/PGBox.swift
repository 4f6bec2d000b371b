/// A PostgreSQL `box`: a rectangle given by its upper-right corner `high` and lower-left corner
/// `low`, printed `(x_high,y_high),(x_low,y_low)`.
///
/// Like PostgreSQL, the initializer sorts the coordinates so that `high` is the larger of each
/// pair (NaN counting as larger than every number, as in PostgreSQL), so any two corners make
/// the same box the server stores and the literal reads back exactly.
public struct PGBox: Hashable, Sendable, Codable, PGLiteralConvertible, CustomStringConvertible {
    /// The upper right corner: the larger x and the larger y.
    public let high: PGPoint
    /// The lower left corner: the smaller x and the smaller y.
    public let low: PGPoint

    /// The box with opposite corners `high` and `low`, in either order.
    public init(high: PGPoint, low: PGPoint) {
        let (highX, lowX) = Self.ordered(high.x, low.x)
        let (highY, lowY) = Self.ordered(high.y, low.y)
        self.high = PGPoint(x: highX, y: highY)
        self.low = PGPoint(x: lowX, y: lowY)
    }

    /// The box with opposite corners `corner` and `opposite`, in either order.
    public init(_ corner: PGPoint, _ opposite: PGPoint) {
        self.init(high: corner, low: opposite)
    }

    /// `(larger, smaller)`, swapping only when `first` is less than `second` in PostgreSQL's
    /// float order (where NaN is greater than every number).
    private static func ordered(_ first: Double, _ second: Double) -> (Double, Double) {
        let firstIsLess = second.isNaN ? !first.isNaN : (!first.isNaN && first < second)
        return firstIsLess ? (second, first) : (first, second)
    }

    /// `(3,4),(1,2)`.
    public var postgresLiteral: String {
        "\(high.postgresLiteral),\(low.postgresLiteral)"
    }

    /// Reads `(x1,y1),(x2,y2)`, `((x1,y1),(x2,y2))`, `(x1,y1,x2,y2)` or `x1,y1,x2,y2`, in either
    /// corner order, as `box_in` does.
    public init(postgresLiteral literal: String) throws {
        guard let parsed = GeometricText.parsePoints(literal, count: 2, allowsOpen: false) else {
            throw PGLiteralError("box", literal)
        }
        self.init(high: parsed.points[0], low: parsed.points[1])
    }

    public var description: String { postgresLiteral }
}
