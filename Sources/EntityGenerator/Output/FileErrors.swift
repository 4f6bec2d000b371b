import Foundation

/// Low-level file writing with reasons fit for a one-line message.
enum FileErrors {
    /// Writes `data` to a new file (replacing any file of that name); returns why it failed, if
    /// it did. `synchronize` flushes it to disk before returning.
    static func writeNewFile(_ data: Data, to file: URL, synchronize: Bool = false) -> String? {
        let descriptor = open(file.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { return String(cString: strerror(errno)) }
        defer { close(descriptor) }
        let written = data.withUnsafeBytes { buffer -> Int in
            var offset = 0
            while offset < buffer.count {
                let count = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if count <= 0 { return -1 }
                offset += count
            }
            return offset
        }
        guard written == data.count else { return String(cString: strerror(errno)) }
        if synchronize, fsync(descriptor) != 0 { return String(cString: strerror(errno)) }
        return nil
    }

    /// The POSIX reason behind a Foundation file error, when there is one.
    static func reason(_ error: Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if nsError.domain == NSCocoaErrorDomain, nsError.code == NSFileWriteNoPermissionError { return "permission denied" }
        return nsError.localizedDescription
    }
}
