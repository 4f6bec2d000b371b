import Foundation

/// The process's peak resident size, for `--verbose`.
enum PeakMemory {
    /// Megabytes, from the kernel's high-water mark of this process's own address space.
    ///
    /// On Linux this reads `VmHWM`: `getrusage`'s `ru_maxrss` would also count the memory of the
    /// parent that spawned this process with `vfork`, as `posix_spawn` does.
    static var megabytes: Double? {
        #if os(Linux)
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "") else { return nil }
        return kilobytes / 1024
        #else
        var usage = rusage()
        guard getrusage(RUSAGE_SELF, &usage) == 0 else { return nil }
        return Double(usage.ru_maxrss) / 1_048_576
        #endif
    }
}
