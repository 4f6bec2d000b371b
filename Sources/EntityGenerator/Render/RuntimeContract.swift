/// How generated code spells its side of the contract with EntityKit: the members that implement
/// requirements EntityKit keeps behind `@_spi(Generated)` (positional row reading and writing,
/// column definitions) carry the same SPI when they are public, so a public model does not
/// publish EntityKit's internals, and the files that implement them import EntityKit with it.
enum RuntimeContract {
    /// The SPI group EntityKit's generated-code API lives in.
    static let spiAttribute = "@_spi(Generated)"

    /// The import line of EntityKit in a file of generated declarations.
    static let importLine = "\(spiAttribute) import EntityKit"

    /// The access of a member that implements an SPI requirement: SPI only applies to public
    /// declarations, so `package ` and internal access stay as they are.
    static func memberAccess(_ access: String) -> String {
        access == "public " ? "\(spiAttribute) public " : access
    }
}
