/// Comparing view definitions as different PostgreSQL versions print them.
///
/// PostgreSQL 16 removed the `OLD` and `NEW` entries from a view's range table, and since then
/// `pg_get_viewdef` leaves the columns of a query with a single FROM item unqualified: 15 prints
/// `SELECT t.id FROM t`, 16 and later `SELECT id FROM t`. The view is the same; only the text
/// differs, so a snapshot taken on 15 must not read as drift on 16.
public enum ViewDefinitions {
    /// True when the two texts are equal, or one is the other with some `name.` qualifiers of
    /// column references removed. Any other `name.` prefix reads the same way; introspection
    /// prints every definition with `search_path = pg_catalog`, so schema names are always there.
    public static func equivalent(_ first: String, _ second: String) -> Bool {
        first == second || isQualified(Array(first.utf8), of: Array(second.utf8)) || isQualified(Array(second.utf8), of: Array(first.utf8))
    }

    /// True when `qualified` is `plain` with `name.` (or `"name".`) inserted before some words.
    private static func isQualified(_ qualified: [UInt8], of plain: [UInt8]) -> Bool {
        guard qualified.count > plain.count else { return false }
        var i = 0, j = 0
        while i < qualified.count {
            // At the start of a word, a qualifier that the plain text does not have is skipped.
            if startsWord(qualified, at: i), let length = qualifierLength(qualified, at: i),
               !(j + length <= plain.count && qualified[i..<(i + length)].elementsEqual(plain[j..<(j + length)])) {
                i += length
                continue
            }
            guard j < plain.count, qualified[i] == plain[j] else { return false }
            i += 1
            j += 1
        }
        return j == plain.count
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "_") || byte == UInt8(ascii: "$") || byte >= 0x80
            || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }

    private static func startsWord(_ text: [UInt8], at index: Int) -> Bool {
        index == 0 || !(isWordByte(text[index - 1]) || text[index - 1] == UInt8(ascii: ".") || text[index - 1] == UInt8(ascii: "\""))
    }

    /// The length of `name.` or `"quoted name".` at `index`, followed by a word or a quote.
    private static func qualifierLength(_ text: [UInt8], at index: Int) -> Int? {
        var end = index
        if text[end] == UInt8(ascii: "\"") {
            end += 1
            while end < text.count {
                if text[end] == UInt8(ascii: "\"") {
                    if end + 1 < text.count, text[end + 1] == UInt8(ascii: "\"") { end += 2; continue }
                    break
                }
                end += 1
            }
            end += 1
        } else {
            guard isWordByte(text[end]), !(text[end] >= UInt8(ascii: "0") && text[end] <= UInt8(ascii: "9")) else { return nil }
            while end < text.count, isWordByte(text[end]) { end += 1 }
        }
        guard end + 1 < text.count, text[end] == UInt8(ascii: "."),
              isWordByte(text[end + 1]) || text[end + 1] == UInt8(ascii: "\"") else { return nil }
        return end + 1 - index
    }
}
