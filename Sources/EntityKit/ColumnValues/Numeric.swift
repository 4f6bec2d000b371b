// Binary forms of `numeric` and `money`, as numeric.c and cash.c send them.

extension PGNumeric: BinaryColumnValue {
    static func isOwnType(_ oid: UInt32) -> Bool { oid == TypeOID.numeric }

    /// `int16 ndigits, int16 weight, uint16 sign, int16 dscale`, then `ndigits` base-10000
    /// digits, the first worth 10000^weight; `dscale` decimal digits follow the point.
    ///
    /// The decimal text is written straight into the value's string, in the canonical form
    /// ``init(postgresLiteral:)`` would make of it (no leading zeros, no negative zero), so a
    /// value costs one allocation and no parsing.
    static func decodeBinary(_ cell: Cell) throws -> PGNumeric {
        var reader = BinaryReader(cell, "numeric")
        let count = Int(try reader.read(Int16.self))
        let weight = Int(try reader.read(Int16.self))
        let sign = try reader.read(UInt16.self)
        let scale = Int(try reader.read(Int16.self))
        switch sign {
        case 0xC000: return .nan
        case 0xD000: return .infinity
        case 0xF000: return .negativeInfinity
        case 0x0000, 0x4000: break
        default: throw reader.malformed("sign 0x\(String(sign, radix: 16))")
        }
        guard count >= 0, scale >= 0, reader.remaining == count * 2 else {
            throw reader.malformed("\(count) digits, scale \(scale)")
        }
        let digits = try reader.take(count * 2)
        for index in 0..<count where !(0...9999).contains(group(digits, index, count)) {
            throw reader.malformed("base-10000 digit \(group(digits, index, count))")
        }
        let integerGroups = max(0, weight + 1)
        let capacity = 1 + max(1, integerGroups * 4) + 1 + scale
        let text = String(unsafeUninitializedCapacity: capacity) { buffer in
            var length = 0
            if sign == 0x4000 {
                buffer[0] = UInt8(ascii: "-")
                length = 1
            }
            var isZero = true
            var started = false
            for index in 0..<integerGroups {
                let value = group(digits, index, count)
                var divisor = 1000
                while divisor > 0 {
                    let digit = value / divisor % 10
                    divisor /= 10
                    if !started && digit == 0 { continue }
                    started = true
                    isZero = isZero && digit == 0
                    buffer[length] = UInt8(ascii: "0") + UInt8(digit)
                    length += 1
                }
            }
            if !started {
                buffer[length] = UInt8(ascii: "0")
                length += 1
            }
            if scale > 0 {
                buffer[length] = UInt8(ascii: ".")
                length += 1
                var written = 0
                var index = weight + 1
                while written < scale {
                    let value = group(digits, index, count)
                    var divisor = 1000
                    while divisor > 0 && written < scale {
                        let digit = value / divisor % 10
                        divisor /= 10
                        isZero = isZero && digit == 0
                        buffer[length] = UInt8(ascii: "0") + UInt8(digit)
                        length += 1
                        written += 1
                    }
                    index += 1
                }
            }
            if sign == 0x4000 && isZero {
                // Negative zero is zero.
                for index in 1..<length { buffer[index - 1] = buffer[index] }
                length -= 1
            }
            return length
        }
        return PGNumeric(validated: text)
    }
}

/// Base-10000 digit `index` (0 is the most significant); zero outside the sent digits.
private func group(_ digits: UnsafeRawBufferPointer, _ index: Int, _ count: Int) -> Int {
    guard index >= 0, index < count else { return 0 }
    return Int(Int16(bigEndian: digits.loadUnaligned(fromByteOffset: index * 2, as: Int16.self)))
}

extension PGMoney: BinaryColumnValue {
    static func isOwnType(_ oid: UInt32) -> Bool { oid == TypeOID.money }

    /// `int64` minor units, whatever `lc_monetary` is.
    static func decodeBinary(_ cell: Cell) throws -> PGMoney {
        PGMoney(minorUnits: try cell.integer(Int64.self, "money"))
    }
}
