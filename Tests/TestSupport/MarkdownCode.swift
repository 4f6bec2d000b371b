/// The fenced code blocks of a Markdown text, for tests that check documentation snippets.
public enum MarkdownCode {
    /// The contents of every block fenced with ```` ```language ```` and ```` ``` ````, in order.
    public static func blocks(in text: Substring, language: String = "swift") -> [String] {
        var blocks: [String] = []
        var current: [Substring]?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == nil, line == "```\(language)" {
                current = []
            } else if let lines = current, line == "```" {
                blocks.append(lines.joined(separator: "\n"))
                current = nil
            } else if current != nil {
                current?.append(line)
            }
        }
        return blocks
    }
}
