// What `import EntityKitPostgres` brings into an app, and why:
// - EntityKit, whole: the generated models' protocols and value types are this module's
//   vocabulary.
// - From PostgresNIO, only the types this module's API takes or hands out: an app cannot call
//   it without a client or connection, and reads rows and errors of PostgresNIO's. PostgresNIO
//   itself re-exports all of SwiftNIO and NIOSSL; importing it whole would put `Channel`,
//   `EventLoop` and hundreds of other names beside the app's own. An app that needs more
//   imports PostgresNIO itself.
@_exported import EntityKit
@_exported import class PostgresNIO.PostgresClient
@_exported import class PostgresNIO.PostgresConnection
@_exported import struct PostgresNIO.PostgresRow
@_exported import struct PostgresNIO.PostgresCell
@_exported import struct PostgresNIO.PostgresRowSequence
@_exported import struct PostgresNIO.PostgresQuery
@_exported import struct PostgresNIO.PSQLError
@_exported import struct Logging.Logger
// The connection-string initialisers take `ConnectionEnvironment` and throw
// `ConnectionInfoError`.
@_exported import struct PostgresConnectionInfo.ConnectionEnvironment
@_exported import struct PostgresConnectionInfo.ResolvedConnection
@_exported import enum PostgresConnectionInfo.ConnectionInfoError
