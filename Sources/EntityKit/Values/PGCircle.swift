/// A PostgreSQL `circle`: a center and a radius, printed `<(x,y),r>`.
///
/// PostgreSQL rejects negative radii (NaN is accepted); a circle with a negative radius has no
/// literal the server accepts.
public struct PGCircle: Hashable, Sendable, Codable, PGLiteralConvertible, CustomStringConvertible {
    /// The center.
    public let center: PGPoint
    /// The radius; the server accepts 0 and above (and NaN).
    public let radius: Double

    /// The circle around `center`; nothing is checked, so a negative radius is left for the
    /// server to reject.
    public init(center: PGPoint, radius: Double) {
        self.center = center
        self.radius = radius
    }

    /// `<(1,2),3>`.
    public var postgresLiteral: String {
        "<\(center.postgresLiteral),\(PGFloatText.format(radius))>"
    }

    /// Reads `<(x,y),r>`, `((x,y),r)`, `(x,y),r` or `x,y,r`, as `circle_in` does.
    public init(postgresLiteral literal: String) throws {
        var scanner = LiteralScanner(literal)
        PGFloatText.skipWhitespace(&scanner)
        var depth = 0
        if scanner.consume(UInt8(ascii: "<")) {
            depth = 1
        } else if scanner.peek == UInt8(ascii: "(") {
            // `((x,y),r)`: the first parenthesis encloses the circle, not the center.
            var next = scanner
            next.position += 1
            PGFloatText.skipWhitespace(&next)
            if next.peek == UInt8(ascii: "(") {
                depth = 1
                scanner = next
            }
        }
        guard let center = GeometricText.parsePoint(&scanner) else { throw PGLiteralError("circle", literal) }
        _ = scanner.consume(UInt8(ascii: ","))
        guard let radius = PGFloatText.parse(&scanner), !(radius < 0) else { throw PGLiteralError("circle", literal) }
        while depth > 0 {
            guard scanner.consume(UInt8(ascii: ")")) || (depth == 1 && scanner.consume(UInt8(ascii: ">"))) else {
                throw PGLiteralError("circle", literal)
            }
            depth -= 1
            PGFloatText.skipWhitespace(&scanner)
        }
        guard scanner.isAtEnd else { throw PGLiteralError("circle", literal) }
        self.init(center: center, radius: radius)
    }

    public var description: String { postgresLiteral }

    public static func == (lhs: PGCircle, rhs: PGCircle) -> Bool {
        lhs.center == rhs.center && PGFloatText.same(lhs.radius, rhs.radius)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(center)
        PGFloatText.hash(radius, into: &hasher)
    }
}
