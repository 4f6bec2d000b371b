import Foundation

/// The file a multi-file commit moves into an output folder first and removes last. A build
/// that starts while it is there — the run was killed during its commit — stops at its
/// `#error` with a message saying what to do, instead of compiling old and new files together.
/// Its name cannot be a generated type's file name (a Swift identifier has no `-`).
enum InterruptedCommitGuard {
    static let fileName = "codegen-interrupted.swift"

    static let file = GeneratedFile(
        name: fileName,
        contents: (FileHeader.lines + [
            "",
            "#error(\"codegen was interrupted while updating this folder: run the same codegen command again to finish\")",
            "",
        ]).joined(separator: "\n"))
}
