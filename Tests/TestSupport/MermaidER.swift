import Foundation

/// A reader for the Mermaid `erDiagram` text that `codegen diagram` writes, for tests that check
/// the diagram by its content rather than its bytes.
public struct MermaidER: Sendable {
    public struct Relationship: Hashable, Sendable {
        public var left: String
        public var marker: String
        public var right: String
        public var label: String
    }

    /// Entity declarations in order (name, alias), each as often as it is declared.
    public var declarations: [(name: String, alias: String?)] = []
    /// Attribute lines per entity: `type name KEYS`.
    public var attributes: [String: [String]] = [:]
    public var relationships: [Relationship] = []
    /// Lines that are none of the above.
    public var unrecognized: [String] = []

    public init(_ text: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var current: String?
        let declaration = /^    "([^"]+)"(?:\["([^"]+)"\])?( \{)?$/
        let relationship = /^    "([^"]+)" ([|}][|o](?:--|\.\.)[o][|{]) "([^"]+)" : "([^"]*)"$/
        let attribute = /^        [A-Za-z_][A-Za-z0-9_\-()\[\]]* [A-Za-z_][A-Za-z0-9_\-()\[\]]*(?: (?:PK|FK)(?:, FK)?)?$/
        for (index, line) in lines.enumerated() {
            if index == 0 {
                if line != "erDiagram" { unrecognized.append(line) }
                continue
            }
            if line.isEmpty && index == lines.count - 1 { continue }
            if let entity = current {
                if line == "    }" {
                    current = nil
                } else if line.wholeMatch(of: attribute) != nil {
                    attributes[entity, default: []].append(line.trimmingCharacters(in: .whitespaces))
                } else {
                    unrecognized.append(line)
                }
                continue
            }
            if line.hasPrefix("    %%") { continue }
            if let match = line.wholeMatch(of: relationship) {
                relationships.append(Relationship(left: String(match.1), marker: String(match.2), right: String(match.3), label: String(match.4)))
            } else if let match = line.wholeMatch(of: declaration) {
                declarations.append((String(match.1), match.2.map(String.init)))
                if match.3 != nil { current = String(match.1) }
            } else {
                unrecognized.append(line)
            }
        }
    }

    /// Declared entity names, each once.
    public var entityNames: Set<String> { Set(declarations.map(\.name)) }
}
