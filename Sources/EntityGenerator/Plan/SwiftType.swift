/// A Swift type as the plan holds it: a structure, never a spelling. Only the renderer turns it
/// into text, so translation can ask questions of it (is it optional? what does it wrap?)
/// without parsing Swift.
public indirect enum SwiftType: Hashable, Sendable {
    /// A type of the standard library, Foundation or EntityKit.
    case known(KnownType)
    /// A type this generation declares: an entity, an enum, a composite or a domain alias.
    case generated(String)
    /// A type a user override names, kept exactly as the user wrote it.
    case user(String)
    /// A known generic type applied to arguments, such as `PGRange<Int32>`.
    case generic(KnownType, [SwiftType])
    case optional(SwiftType)
    case array(SwiftType)

    /// True for `T?`.
    public var isOptional: Bool {
        if case .optional = self { return true }
        return false
    }

    /// The type without its outermost optional: `T` for `T?`, itself otherwise.
    public var nonOptional: SwiftType {
        if case let .optional(wrapped) = self { return wrapped }
        return self
    }

    /// `T?`, without doubling an optional that is already there.
    public var optional: SwiftType {
        isOptional ? self : .optional(self)
    }

    /// `self`, optional when `condition` holds.
    public func optional(if condition: Bool) -> SwiftType {
        condition ? optional : self
    }

    /// True when the type is, or is an optional of, `known`.
    public func isKnown(_ known: KnownType) -> Bool {
        nonOptional == .known(known)
    }
}
