/// A PostgreSQL `line`: the infinite line `a·x + b·y + c = 0`, printed `{A,B,C}`.
///
/// PostgreSQL rejects lines whose `a` and `b` are both (within 1e-6 of) zero; such a value has
/// no literal the server accepts. Equality is of the coefficients (NaN equal to NaN), not of
/// the lines they describe: `{1,-1,0}` and `{2,-2,0}` are different values, as in PostgreSQL's
/// storage.
public struct PGLine: Hashable, Sendable, Codable, PGLiteralConvertible, CustomStringConvertible {
    /// The coefficient of x in `Ax + By + C = 0`.
    public let a: Double
    /// The coefficient of y in `Ax + By + C = 0`.
    public let b: Double
    /// The constant in `Ax + By + C = 0`.
    public let c: Double

    /// The line `Ax + By + C = 0`, coefficients kept as given (the server rejects A and B both 0).
    public init(a: Double, b: Double, c: Double) {
        self.a = a
        self.b = b
        self.c = c
    }

    /// The line through two points, with the coefficients PostgreSQL's `line_in` computes for
    /// `[(x1,y1),(x2,y2)]`; nil when the points are the same (within 1e-6).
    public init?(through first: PGPoint, _ second: PGPoint) {
        guard !Self.samePoint(first, second) else { return nil }
        let slope: Double
        if Self.fuzzyEqual(first.x, second.x) {
            slope = .infinity
        } else if Self.fuzzyEqual(first.y, second.y) {
            slope = 0
        } else {
            slope = (first.y - second.y) / (first.x - second.x)
        }
        if slope.isInfinite {
            self.init(a: -1, b: 0, c: first.x)
        } else if slope == 0 {
            self.init(a: 0, b: -1, c: first.y)
        } else {
            let c = first.y - slope * first.x
            self.init(a: slope, b: -1, c: c == 0 ? 0 : c)  // never -0, as in PostgreSQL
        }
    }

    /// `{1,-1,0}`.
    public var postgresLiteral: String {
        "{\(PGFloatText.format(a)),\(PGFloatText.format(b)),\(PGFloatText.format(c))}"
    }

    /// Reads `{A,B,C}` (white space allowed around the numbers), or two distinct points in any
    /// `lseg` spelling (`[(x1,y1),(x2,y2)]`), which `line_in` turns into coefficients.
    public init(postgresLiteral literal: String) throws {
        var scanner = LiteralScanner(literal)
        PGFloatText.skipWhitespace(&scanner)
        if scanner.consume(UInt8(ascii: "{")) {
            guard let a = PGFloatText.parse(&scanner), scanner.consume(UInt8(ascii: ",")),
                  let b = PGFloatText.parse(&scanner), scanner.consume(UInt8(ascii: ",")),
                  let c = PGFloatText.parse(&scanner), scanner.consume(UInt8(ascii: "}")) else {
                throw PGLiteralError("line", literal)
            }
            PGFloatText.skipWhitespace(&scanner)
            guard scanner.isAtEnd, !(Self.fuzzyZero(a) && Self.fuzzyZero(b)) else { throw PGLiteralError("line", literal) }
            self.init(a: a, b: b, c: c)
            return
        }
        guard let parsed = GeometricText.parsePoints(literal, count: 2, allowsOpen: true),
              let line = PGLine(through: parsed.points[0], parsed.points[1]) else {
            throw PGLiteralError("line", literal)
        }
        self = line
    }

    /// PostgreSQL's geometric tolerance (`EPSILON`).
    private static let epsilon = 1.0e-6

    private static func fuzzyZero(_ value: Double) -> Bool { abs(value) <= epsilon }

    private static func fuzzyEqual(_ lhs: Double, _ rhs: Double) -> Bool {
        lhs == rhs || abs(lhs - rhs) <= epsilon
    }

    /// Points PostgreSQL considers the same: within the tolerance, or equal with NaN equal to NaN.
    private static func samePoint(_ lhs: PGPoint, _ rhs: PGPoint) -> Bool {
        (fuzzyEqual(lhs.x, rhs.x) && fuzzyEqual(lhs.y, rhs.y))
            || (PGFloatText.same(lhs.x, rhs.x) && PGFloatText.same(lhs.y, rhs.y))
    }

    public var description: String { postgresLiteral }

    public static func == (lhs: PGLine, rhs: PGLine) -> Bool {
        PGFloatText.same(lhs.a, rhs.a) && PGFloatText.same(lhs.b, rhs.b) && PGFloatText.same(lhs.c, rhs.c)
    }

    public func hash(into hasher: inout Hasher) {
        PGFloatText.hash(a, into: &hasher)
        PGFloatText.hash(b, into: &hasher)
        PGFloatText.hash(c, into: &hasher)
    }
}
