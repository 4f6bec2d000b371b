#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One worker's buffer for reading existing files, reused from file to file. Comparing 10,000
/// generated files with what is on disk read each into a fresh `Data` before: an allocation, a
/// zero-filled page or five and a copy per file, for bytes that are looked at once.
final class FileReadBuffer {
    private var storage: UnsafeMutableRawPointer
    private var capacity: Int
    /// Bytes of the last file read.
    private(set) var count = 0

    init(capacity: Int = 64 * 1024) {
        self.capacity = capacity
        storage = .allocate(byteCount: capacity, alignment: 16)
    }

    deinit {
        storage.deallocate()
    }

    /// The bytes of the last file read.
    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: storage, count: count) }

    /// Reads the whole file at `path`. False when it does not exist or cannot be read, which
    /// callers treat as a missing file, as `FileManager.contents(atPath:)` does.
    func read(path: String) -> Bool {
        count = 0
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var status = stat()
        if fstat(descriptor, &status) == 0, Int(status.st_size) + 1 > capacity {
            grow(to: Int(status.st_size) + 1)
        }
        // Read to the end rather than trusting the size: the file may have changed since.
        while true {
            if count == capacity { grow(to: capacity * 2) }
            let got = readBytes(descriptor, storage + count, capacity - count)
            if got > 0 {
                count += got
            } else if got == 0 {
                return true
            } else if errno != EINTR {
                count = 0
                return false
            }
        }
    }

    /// True when the last file read holds exactly `other`.
    func holds(_ other: UnsafeRawBufferPointer) -> Bool {
        guard other.count == count else { return false }
        guard let base = other.baseAddress, count > 0 else { return true }
        return memcmp(base, storage, count) == 0
    }

    private func grow(to minimum: Int) {
        var newCapacity = capacity
        while newCapacity < minimum { newCapacity *= 2 }
        let newStorage = UnsafeMutableRawPointer.allocate(byteCount: newCapacity, alignment: 16)
        newStorage.copyMemory(from: storage, byteCount: count)
        storage.deallocate()
        storage = newStorage
        capacity = newCapacity
    }
}

/// `read(2)`, named apart from ``FileReadBuffer/read(path:)``.
private func readBytes(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
