/// Writes ASCII straight into a new string's storage: the literals of dates, times and UUIDs are
/// written for every such value an insert sends, and composing them from padded pieces cost an
/// allocation per piece.
struct ASCIIText {
    private let base: UnsafeMutablePointer<UInt8>
    private let capacity: Int
    private(set) var count = 0

    private init(base: UnsafeMutablePointer<UInt8>, capacity: Int) {
        self.base = base
        self.capacity = capacity
    }

    /// A string of at most `capacity` ASCII bytes, written by `body`.
    static func make(capacity: Int, _ body: (inout ASCIIText) -> Void) -> String {
        String(unsafeUninitializedCapacity: capacity) { buffer in
            var text = ASCIIText(base: buffer.baseAddress!, capacity: buffer.count)
            body(&text)
            return text.count
        }
    }

    mutating func append(_ byte: UInt8) {
        precondition(count < capacity, "ASCIIText capacity exceeded")
        base[count] = byte
        count += 1
    }

    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { for byte in $0 { append(byte) } }
    }

    /// A non-negative `value` in decimal, zero-padded to at least `width` digits.
    mutating func append(_ value: Int, width: Int) {
        precondition(value >= 0)
        var digits = 1
        var rest = value / 10
        while rest > 0 {
            digits += 1
            rest /= 10
        }
        let length = max(digits, width)
        precondition(count + length <= capacity, "ASCIIText capacity exceeded")
        var remaining = value
        for index in stride(from: count + length - 1, through: count, by: -1) {
            base[index] = UInt8(ascii: "0") + UInt8(remaining % 10)
            remaining /= 10
        }
        count += length
    }

    /// A byte as two lowercase hexadecimal digits.
    mutating func appendHex(_ byte: UInt8) {
        let digits: StaticString = "0123456789abcdef"
        digits.withUTF8Buffer { hex in
            append(hex[Int(byte >> 4)])
            append(hex[Int(byte & 0x0F)])
        }
    }

    /// `YYYY-MM-DD` with at least four year digits; the caller writes ` BC` for years before 1.
    mutating func appendDate(year displayYear: Int, month: Int, day: Int) {
        append(displayYear, width: 4)
        append(UInt8(ascii: "-"))
        append(month, width: 2)
        append(UInt8(ascii: "-"))
        append(day, width: 2)
    }

    /// `HH:MM:SS`, then `.ffffff` without trailing zeros when the fraction is not zero.
    mutating func appendTimeOfDay(_ microseconds: Int64) {
        let totalSeconds = microseconds / 1_000_000
        var fraction = Int(microseconds % 1_000_000)
        append(Int(totalSeconds / 3600), width: 2)
        append(UInt8(ascii: ":"))
        append(Int(totalSeconds / 60 % 60), width: 2)
        append(UInt8(ascii: ":"))
        append(Int(totalSeconds % 60), width: 2)
        guard fraction != 0 else { return }
        append(UInt8(ascii: "."))
        var width = 6
        while fraction % 10 == 0 {
            fraction /= 10
            width -= 1
        }
        append(fraction, width: width)
    }
}
