// Apps that import EntityKitPostgres get the entity protocols and the PostgresNIO client types
// (`PostgresClient`, `PostgresConnection`, `PostgresRow`) without further imports.
@_exported import EntityKit
@_exported import Logging
@_exported import PostgresNIO
// `ConnectionEnvironment`, `ResolvedConnection` and `ConnectionInfoError`, which the
// connection-string initialisers take and throw.
@_exported import PostgresConnectionInfo
