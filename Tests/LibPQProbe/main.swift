// libpq-probe: asks the real libpq how it resolves a connection, for the differential tests.
// It runs as a child process so that each case gets its own environment (PG* variables, HOME)
// without touching the test process's.
//
//   libpq-probe defaults         → PQconndefaults: every keyword's default in this environment
//   libpq-probe start CONNINFO   → PQconnectStart's view (PQconninfo, PQpass) and PQconnectdb's
//                                  verdict (some settings, such as connect_timeout, are only
//                                  checked once the connection is being completed)
//
// Output: one JSON object on stdout.
import CLibPQ
import Foundation

func emit(_ object: [String: Any]) -> Never {
    let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    FileHandle.standardOutput.write(data)
    exit(0)
}

func values(of options: UnsafeMutablePointer<PQconninfoOption>) -> [String: String] {
    var values: [String: String] = [:]
    var option = options
    while let keyword = option.pointee.keyword {
        if let value = option.pointee.val { values[String(cString: keyword)] = String(cString: value) }
        option = option.advanced(by: 1)
    }
    return values
}

let arguments = CommandLine.arguments
if arguments.count == 2, arguments[1] == "defaults" {
    guard let defaults = PQconndefaults() else { emit(["error": "PQconndefaults failed"]) }
    emit(["values": values(of: defaults)])
}
guard arguments.count == 3, arguments[1] == "start" else {
    FileHandle.standardError.write(Data("usage: libpq-probe defaults | start CONNINFO\n".utf8))
    exit(2)
}
guard let connection = PQconnectStart(arguments[2]) else { emit(["error": "out of memory"]) }
var resolved: [String: String] = [:]
if let options = PQconninfo(connection) {
    resolved = values(of: options)
    PQconninfoFree(options)
}
let started = PQstatus(connection) != CONNECTION_BAD
let startError = String(cString: PQerrorMessage(connection))
let completed = PQconnectdb(arguments[2])
let completeError = completed.map { String(cString: PQerrorMessage($0)) } ?? "out of memory"
PQfinish(completed)
emit([
    "started": started,
    "error": started ? completeError : startError,
    "values": resolved,
    // PQpass stays within the host list even after every host failed.
    "password": PQpass(connection).map { String(cString: $0) } ?? "",
])
