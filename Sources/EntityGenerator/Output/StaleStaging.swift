import Foundation

/// Staging files that versions before ``FileTransaction`` left beside their targets when killed
/// (`.User.swift.codegen-4242.tmp`). A run removes the ones in its folder: its own naming and
/// its own header, nothing else.
enum StaleStaging {
    /// - Parameter names: the folder's entries, listed by the caller.
    static func removeLegacyFiles(in folder: URL, names: [String]) {
        let manager = FileManager.default
        for name in names where isLegacyStagingName(name) {
            let file = folder.appendingPathComponent(name)
            guard let handle = FileHandle(forReadingAtPath: file.path) else { continue }
            let start = handle.readData(ofLength: 256)
            try? handle.close()
            if FileHeader.isGenerated(start) { try? manager.removeItem(at: file) }
        }
    }

    /// `.NAME.swift.codegen-DIGITS.tmp`.
    static func isLegacyStagingName(_ name: String) -> Bool {
        guard name.hasPrefix("."), name.hasSuffix(".tmp"), let marker = name.range(of: ".swift.codegen-", options: .backwards) else { return false }
        let digits = name[marker.upperBound..<name.index(name.endIndex, offsetBy: -4)]
        return marker.lowerBound > name.index(after: name.startIndex) && !digits.isEmpty && digits.allSatisfy(\.isASCII) && digits.allSatisfy(\.isNumber)
    }
}
