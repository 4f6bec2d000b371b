/// A parsed `pg_node_tree`, the text form in which PostgreSQL stores a view's query.
///
/// Only the shape is parsed: `{NODE :field value …}` nodes, `( … )` lists and atoms. A field's
/// value is every item up to the next `:field`, which covers multi-token values such as datums.
indirect enum QueryTree: Equatable {
    case node(name: String, fields: [String: [QueryTree]])
    case list([QueryTree])
    case atom(String)
    case null

    /// Parses `text`, or returns nil when it is not a well-formed tree.
    static func parse(_ text: String) -> QueryTree? {
        var tokenizer = Tokenizer(text)
        var parser = Parser(tokens: tokenizer.tokens())
        guard let tree = parser.value(), parser.isAtEnd else { return nil }
        return tree
    }

    /// The single value of a field of a node.
    func field(_ name: String) -> QueryTree? {
        guard case let .node(_, fields) = self, let values = fields[name], values.count == 1 else { return nil }
        return values[0]
    }

    /// An integer field of a node.
    func integer(_ name: String) -> Int? {
        guard case let .atom(text)? = field(name) else { return nil }
        return Int(text)
    }

    var nodeName: String? {
        guard case let .node(name, _) = self else { return nil }
        return name
    }

    var elements: [QueryTree] {
        guard case let .list(items) = self else { return [] }
        return items
    }

    private struct Token: Equatable {
        var text: String
        /// True for `{`, `}`, `(`, `)` and `<>`; escaped characters never make a symbol.
        var isSymbol: Bool
    }

    private struct Tokenizer {
        let scalars: [Unicode.Scalar]
        var position = 0

        init(_ text: String) { scalars = Array(text.unicodeScalars) }

        mutating func tokens() -> [Token] {
            var result: [Token] = []
            while position < scalars.count {
                let scalar = scalars[position]
                if scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" {
                    position += 1
                } else if "{}()".unicodeScalars.contains(scalar) {
                    result.append(Token(text: String(scalar), isSymbol: true))
                    position += 1
                } else {
                    result.append(word())
                }
            }
            return result
        }

        private mutating func word() -> Token {
            var text = String.UnicodeScalarView()
            var escaped = false
            if scalars[position] == "\"" {
                // A quoted string: read to the closing quote, honouring backslashes.
                position += 1
                while position < scalars.count, scalars[position] != "\"" {
                    if scalars[position] == "\\", position + 1 < scalars.count { position += 1 }
                    text.append(scalars[position])
                    position += 1
                }
                position += 1
                return Token(text: String(text), isSymbol: false)
            }
            while position < scalars.count {
                let scalar = scalars[position]
                if scalar == "\\", position + 1 < scalars.count {
                    text.append(scalars[position + 1])
                    escaped = true
                    position += 2
                    continue
                }
                if scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" || "{}()".unicodeScalars.contains(scalar) {
                    break
                }
                text.append(scalar)
                position += 1
            }
            let word = String(text)
            return Token(text: word, isSymbol: !escaped && word == "<>")
        }
    }

    private struct Parser {
        let tokens: [Token]
        var position = 0

        var isAtEnd: Bool { position >= tokens.count }

        mutating func value() -> QueryTree? {
            guard position < tokens.count else { return nil }
            let token = tokens[position]
            position += 1
            if token.isSymbol {
                switch token.text {
                case "{": return node()
                case "(": return list()
                case "<>": return .null
                default: return nil
                }
            }
            return .atom(token.text)
        }

        private mutating func node() -> QueryTree? {
            guard position < tokens.count, !tokens[position].isSymbol else { return nil }
            let name = tokens[position].text
            position += 1
            var fields: [String: [QueryTree]] = [:]
            var currentField: String?
            while position < tokens.count {
                let token = tokens[position]
                if token.isSymbol, token.text == "}" {
                    position += 1
                    return .node(name: name, fields: fields)
                }
                if !token.isSymbol, token.text.hasPrefix(":"), token.text.count > 1 {
                    currentField = String(token.text.dropFirst())
                    fields[currentField!, default: []] = []
                    position += 1
                    continue
                }
                guard let item = value() else { return nil }
                if let currentField { fields[currentField, default: []].append(item) }
            }
            return nil
        }

        private mutating func list() -> QueryTree? {
            var items: [QueryTree] = []
            while position < tokens.count {
                if tokens[position].isSymbol, tokens[position].text == ")" {
                    position += 1
                    return .list(items)
                }
                guard let item = value() else { return nil }
                items.append(item)
            }
            return nil
        }
    }
}
