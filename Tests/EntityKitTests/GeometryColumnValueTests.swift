@_spi(Generated) import EntityKit
import Testing

@Suite("Geometric columns")
struct GeometryColumnValueTests {
    @Test func readsPoints() throws {
        let point = try decode(PGPoint.self, hex: "3ff8000000000000c000000000000000", oid: TypeOID.point)
        #expect(point == PGPoint(x: 1.5, y: -2))
        #expect(try decode(PGPoint.self, text: "(1.5,-2)") == point)
        #expect(try decode(PGPoint.self, hex: "3ff8000000000000c000000000000000", oid: userTypeOID) == point)
        #expect(literalText(point) == "(1.5,-2)")
        let extreme = try decode(PGPoint.self, hex: "01a56e1fc2f8f359fe37e43c8800759c", oid: TypeOID.point)
        #expect(extreme == PGPoint(x: 1e-300, y: -1e300))
        #expect(literalText(extreme) == "(1e-300,-1e+300)")
        let notANumber = try decode(PGPoint.self, hex: "7ff8000000000000bfe0000000000000", oid: TypeOID.point)
        #expect(notANumber.x.isNaN && notANumber.y == -0.5)
        #expect(literalText(notANumber) == "(NaN,-0.5)")
    }

    @Test func readsLinesSegmentsBoxesAndCircles() throws {
        let line = try decode(PGLine.self, hex: "3ff0000000000000bff00000000000000000000000000000", oid: TypeOID.line)
        #expect(line == PGLine(a: 1, b: -1, c: 0))
        #expect(try decode(PGLine.self, text: "{1,-1,0}") == line)
        #expect(literalText(line) == "{1,-1,0}")

        let segment = try decode(PGLineSegment.self, hex: "000000000000000000000000000000003ff00000000000003ff0000000000000", oid: TypeOID.lseg)
        #expect(segment == PGLineSegment(start: PGPoint(x: 0, y: 0), end: PGPoint(x: 1, y: 1)))
        #expect(try decode(PGLineSegment.self, text: "[(0,0),(1,1)]") == segment)
        #expect(literalText(segment) == "[(0,0),(1,1)]")

        let box = try decode(PGBox.self, hex: "4000000000000000400000000000000000000000000000000000000000000000", oid: TypeOID.box)
        #expect(box == PGBox(high: PGPoint(x: 2, y: 2), low: PGPoint(x: 0, y: 0)))
        #expect(try decode(PGBox.self, text: "(2,2),(0,0)") == box)
        #expect(literalText(box) == "(2,2),(0,0)")

        let circle = try decode(PGCircle.self, hex: "000000000000000000000000000000003ff8000000000000", oid: TypeOID.circle)
        #expect(circle == PGCircle(center: PGPoint(x: 0, y: 0), radius: 1.5))
        #expect(try decode(PGCircle.self, text: "<(0,0),1.5>") == circle)
        #expect(literalText(circle) == "<(0,0),1.5>")
    }

    @Test func readsPathsAndPolygons() throws {
        let open = try decode(
            PGPath.self, hex: "0000000003000000000000000000000000000000003ff00000000000003ff000000000000040000000000000000000000000000000", oid: TypeOID.path)
        #expect(open == PGPath(points: [PGPoint(x: 0, y: 0), PGPoint(x: 1, y: 1), PGPoint(x: 2, y: 0)], isClosed: false))
        #expect(try decode(PGPath.self, text: "[(0,0),(1,1),(2,0)]") == open)
        #expect(literalText(open) == "[(0,0),(1,1),(2,0)]")
        let closed = try decode(PGPath.self, hex: "0100000002000000000000000000000000000000003ff00000000000003ff0000000000000", oid: TypeOID.path)
        #expect(closed == PGPath(points: [PGPoint(x: 0, y: 0), PGPoint(x: 1, y: 1)], isClosed: true))
        #expect(literalText(closed) == "((0,0),(1,1))")
        #expect(try decode(PGPath.self, hex: "00000000013ff00000000000004000000000000000", oid: TypeOID.path).points == [PGPoint(x: 1, y: 2)])

        let polygon = try decode(
            PGPolygon.self, hex: "00000003000000000000000000000000000000003ff00000000000003ff00000000000003ff00000000000000000000000000000",
            oid: TypeOID.polygon)
        #expect(polygon == PGPolygon(points: [PGPoint(x: 0, y: 0), PGPoint(x: 1, y: 1), PGPoint(x: 1, y: 0)]))
        #expect(try decode(PGPolygon.self, text: "((0,0),(1,1),(1,0))") == polygon)
        #expect(literalText(polygon) == "((0,0),(1,1),(1,0))")
        #expect(try decode(PGPolygon.self, hex: "0000000100000000000000000000000000000000", oid: userTypeOID).points.count == 1)
    }

    @Test func rejectsMalformedValues() {
        #expect(throws: CellDecodingError.self) { try decode(PGPoint.self, hex: "3ff8000000000000c0000000000000", oid: TypeOID.point) }
        #expect(throws: CellDecodingError.self) { try decode(PGPoint.self, hex: "3ff8000000000000c00000000000000000", oid: TypeOID.point) }
        #expect(throws: CellDecodingError.self) { try decode(PGPoint.self, hex: "3ff8000000000000c000000000000000", oid: TypeOID.box) }
        // A count that does not match the points that follow, or a negative one.
        #expect(throws: CellDecodingError.self) { try decode(PGPolygon.self, hex: "0000000200000000000000000000000000000000", oid: TypeOID.polygon) }
        #expect(throws: CellDecodingError.self) { try decode(PGPolygon.self, hex: "ffffffff", oid: TypeOID.polygon) }
        #expect(throws: CellDecodingError.self) { try decode(PGPath.self, hex: "007fffffff", oid: TypeOID.path) }
        #expect(throws: CellDecodingError.self) { try decode(PGCircle.self, hex: "", oid: TypeOID.circle) }
        #expect(PGBox.accepts(typeOID: TypeOID.box) && !PGBox.accepts(typeOID: TypeOID.point))
    }
}
