/// One catalog query: its name (for errors) and its SQL.
struct CatalogQuery: Sendable {
    let name: String
    let sql: String
}

/// The catalog queries introspection runs: a fixed set, whatever the number of tables.
///
/// Each takes the requested schema names as `$1` (a text array) and returns text rows. They run
/// in one READ ONLY, REPEATABLE READ transaction with `search_path = pg_catalog`, so that
/// `format_type`, `pg_get_expr` and `pg_get_viewdef` qualify every name outside `pg_catalog` and
/// the output does not depend on the session. Every output column has an alias, and the
/// assembler reads it by that name through the query's column enum (``CatalogColumn``) below it.
enum CatalogQueries {
    /// Opens the snapshot transaction. JIT is off because compiling these plans costs far more
    /// than running them (the recursive type query trips `jit_above_cost`).
    static let begin = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SET LOCAL search_path = pg_catalog; SET LOCAL jit = off"

    static let end = "COMMIT"

    /// Catalog queries per run, whatever the server version.
    static let count = 6

    /// Every catalog query for a server (`server_version_num`), in the order they run. Columns
    /// that older servers lack are selected as constants there, under the same aliases.
    ///
    /// The first ``firstHalfCount`` are all that the first half of assembly (and translating
    /// columns) needs, so constraints and indexes come last: their answer is awaited while the
    /// client works on the rest.
    static func all(serverVersion: Int) -> [CatalogQuery] {
        [schemas, relations, types, columns, constraints(serverVersion: serverVersion), indexes]
    }

    /// Queries before the constraints: schemas, relations, types and columns.
    static let firstHalfCount = 4

    /// Requested schemas (flagged) and every user schema, for the missing-schema message.
    static let schemas = CatalogQuery(name: "schemas", sql: """
        SELECT n.nspname AS schema_name, d.description AS comment, n.nspname = ANY($1::text[]) AS requested,
               pg_catalog.current_database() AS database_name
        FROM pg_catalog.pg_namespace n
        LEFT JOIN pg_catalog.pg_description d ON d.objoid = n.oid AND d.classoid = 'pg_catalog.pg_namespace'::pg_catalog.regclass AND d.objsubid = 0
        WHERE n.nspname = ANY($1::text[]) OR (n.nspname !~ '^pg_' AND n.nspname <> 'information_schema')
        """)

    enum SchemaColumn: String, CatalogColumn {
        static let query = "schemas"
        case name = "schema_name", comment, requested, database = "database_name"
    }

    /// Tables, partitioned tables, views, materialized views and foreign tables.
    static let relations = CatalogQuery(name: "relations", sql: """
        SELECT c.oid AS relation_oid, n.nspname AS schema_name, c.relname AS relation_name, c.relkind AS kind,
               c.relispartition AS is_partition, d.description AS comment,
               pn.nspname AS partition_parent_schema, pc.relname AS partition_parent_name,
               ARRAY(SELECT ipn.nspname FROM pg_catalog.pg_inherits i JOIN pg_catalog.pg_class ip ON ip.oid = i.inhparent
                     JOIN pg_catalog.pg_namespace ipn ON ipn.oid = ip.relnamespace
                     WHERE i.inhrelid = c.oid AND NOT c.relispartition ORDER BY i.inhseqno) AS parent_schemas,
               ARRAY(SELECT ip.relname FROM pg_catalog.pg_inherits i JOIN pg_catalog.pg_class ip ON ip.oid = i.inhparent
                     WHERE i.inhrelid = c.oid AND NOT c.relispartition ORDER BY i.inhseqno) AS parent_names,
               CASE WHEN c.relkind IN ('v', 'm') THEN pg_catalog.pg_get_viewdef(c.oid) END AS view_definition,
               CASE WHEN c.relkind IN ('v', 'm') THEN (SELECT r.ev_action::text FROM pg_catalog.pg_rewrite r
                     WHERE r.ev_class = c.oid AND r.rulename = '_RETURN') END AS view_query_tree
        FROM pg_catalog.pg_class c
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_catalog.pg_description d ON d.objoid = c.oid AND d.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objsubid = 0
        LEFT JOIN pg_catalog.pg_inherits pi ON c.relispartition AND pi.inhrelid = c.oid
        LEFT JOIN pg_catalog.pg_class pc ON pc.oid = pi.inhparent
        LEFT JOIN pg_catalog.pg_namespace pn ON pn.oid = pc.relnamespace
        WHERE n.nspname = ANY($1::text[]) AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
        """)

    enum RelationColumn: String, CatalogColumn {
        static let query = "relations"
        case oid = "relation_oid", schema = "schema_name", name = "relation_name", kind, isPartition = "is_partition", comment
        case partitionParentSchema = "partition_parent_schema", partitionParentName = "partition_parent_name"
        case parentSchemas = "parent_schemas", parentNames = "parent_names"
        case viewDefinition = "view_definition", viewQueryTree = "view_query_tree"
    }

    /// Columns of those relations, in table order. `attnotnull` is also true for a
    /// `NOT NULL … NOT VALID` constraint (PostgreSQL 18), which existing rows may violate: such a
    /// column is reported as `not_null_not_valid`.
    static let columns = CatalogQuery(name: "columns", sql: """
        SELECT a.attrelid AS relation_oid, a.attnum AS attribute_number, a.attname AS column_name, a.atttypid AS type_oid,
               pg_catalog.format_type(a.atttypid, a.atttypmod) AS sql_type, a.attnotnull AS not_null,
               nn.oid IS NOT NULL AS not_null_not_valid,
               pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) AS expression, a.attidentity AS identity, a.attgenerated AS generated,
               a.attndims AS dimensions, d.description AS comment
        FROM pg_catalog.pg_attribute a
        JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
        LEFT JOIN pg_catalog.pg_constraint nn ON a.attnotnull AND nn.conrelid = a.attrelid AND nn.contype = 'n'
              AND nn.conkey[1] = a.attnum AND NOT nn.convalidated
        LEFT JOIN pg_catalog.pg_description d ON d.objoid = a.attrelid AND d.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objsubid = a.attnum
        WHERE n.nspname = ANY($1::text[]) AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND a.attnum > 0 AND NOT a.attisdropped
        ORDER BY a.attrelid, a.attnum
        """)

    enum ColumnColumn: String, CatalogColumn {
        static let query = "columns"
        case relationOID = "relation_oid", attributeNumber = "attribute_number", name = "column_name", typeOID = "type_oid"
        case sqlType = "sql_type", notNull = "not_null", notNullNotValid = "not_null_not_valid", expression, identity, generated
        case dimensions, comment
    }

    /// Key, foreign-key, check and exclusion constraints (not the NOT NULL constraints that
    /// PostgreSQL 18 also keeps here: `columns` reads those). Partition clones of foreign keys
    /// are skipped. `conperiod` and `conenforced` exist from PostgreSQL 18 on.
    static func constraints(serverVersion: Int) -> CatalogQuery {
        let isPeriod = serverVersion >= 180000 ? "con.conperiod" : "false"
        let isEnforced = serverVersion >= 180000 ? "con.conenforced" : "true"
        return CatalogQuery(name: "constraints", sql: """
            SELECT con.conrelid AS relation_oid, con.conname AS constraint_name, con.contype AS kind,
                   ARRAY(SELECT a.attname FROM pg_catalog.unnest(con.conkey) WITH ORDINALITY k(attnum, ord)
                         JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.ord) AS columns,
                   fn.nspname AS referenced_schema, fc.relname AS referenced_relation,
                   ARRAY(SELECT a.attname FROM pg_catalog.unnest(con.confkey) WITH ORDINALITY k(attnum, ord)
                         JOIN pg_catalog.pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.ord) AS referenced_columns,
                   con.confupdtype AS on_update, con.confdeltype AS on_delete, con.condeferrable AS is_deferrable,
                   CASE WHEN con.contype IN ('c', 'x') THEN pg_catalog.pg_get_constraintdef(con.oid) END AS definition,
                   d.description AS comment, \(isPeriod) AS is_period, \(isEnforced) AS is_enforced, con.convalidated AS is_validated
            FROM pg_catalog.pg_constraint con
            JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_catalog.pg_class fc ON fc.oid = con.confrelid
            LEFT JOIN pg_catalog.pg_namespace fn ON fn.oid = fc.relnamespace
            LEFT JOIN pg_catalog.pg_description d ON d.objoid = con.oid AND d.classoid = 'pg_catalog.pg_constraint'::pg_catalog.regclass AND d.objsubid = 0
            WHERE n.nspname = ANY($1::text[]) AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
              AND con.contype IN ('p', 'u', 'f', 'c', 'x') AND (con.contype <> 'f' OR con.conparentid = 0)
            """)
    }

    enum ConstraintColumn: String, CatalogColumn {
        static let query = "constraints"
        case relationOID = "relation_oid", name = "constraint_name", kind, columns
        case referencedSchema = "referenced_schema", referencedRelation = "referenced_relation", referencedColumns = "referenced_columns"
        case onUpdate = "on_update", onDelete = "on_delete", isDeferrable = "is_deferrable", definition, comment
        case isPeriod = "is_period", isEnforced = "is_enforced", isValidated = "is_validated"
    }

    /// Indexes that do not back a constraint.
    static let indexes = CatalogQuery(name: "indexes", sql: """
        SELECT i.indrelid AS relation_oid, ic.relname AS index_name, i.indisunique AS is_unique,
               ARRAY(SELECT a.attname FROM pg_catalog.unnest(i.indkey::pg_catalog.int2[]) WITH ORDINALITY k(attnum, ord)
                     LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
                     WHERE k.ord <= i.indnkeyatts ORDER BY k.ord) AS columns,
               pg_catalog.pg_get_expr(i.indpred, i.indrelid) AS predicate, am.amname AS method,
               pg_catalog.pg_get_indexdef(i.indexrelid) AS definition
        FROM pg_catalog.pg_index i
        JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
        JOIN pg_catalog.pg_am am ON am.oid = ic.relam
        JOIN pg_catalog.pg_class c ON c.oid = i.indrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = ANY($1::text[]) AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
          AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint con WHERE con.conindid = i.indexrelid AND con.conrelid = i.indrelid\
         AND con.contype IN ('p', 'u', 'x'))
        """)

    enum IndexColumn: String, CatalogColumn {
        static let query = "indexes"
        case relationOID = "relation_oid", name = "index_name", isUnique = "is_unique", columns, predicate, method, definition
    }

    /// Every type the columns use, closed over arrays, domains, ranges and composite attributes.
    /// A domain's checks are its `CHECK` constraints only: PostgreSQL 17 and later also keep its
    /// NOT NULL there, which `typnotnull` already says.
    static let types = CatalogQuery(name: "types", sql: """
        WITH RECURSIVE closure(oid) AS (
            SELECT DISTINCT a.atttypid
            FROM pg_catalog.pg_attribute a
            JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = ANY($1::text[]) AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND a.attnum > 0 AND NOT a.attisdropped
          UNION
            SELECT dep.oid
            FROM closure cl
            JOIN pg_catalog.pg_type t ON t.oid = cl.oid
            CROSS JOIN LATERAL (
                SELECT t.typelem WHERE t.typcategory = 'A' AND t.typelem <> 0
                UNION ALL SELECT t.typbasetype WHERE t.typtype = 'd'
                UNION ALL SELECT r.rngsubtype FROM pg_catalog.pg_range r WHERE r.rngtypid = t.oid
                UNION ALL SELECT r.rngtypid FROM pg_catalog.pg_range r WHERE r.rngmultitypid = t.oid
                UNION ALL SELECT a.atttypid FROM pg_catalog.pg_attribute a
                          WHERE t.typtype = 'c' AND a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped
            ) AS dep(oid)
        )
        SELECT t.oid AS type_oid, n.nspname AS schema_name, t.typname AS type_name, t.typtype AS kind, t.typcategory AS category,
               (t.typsend::pg_catalog.oid <> 0 AND t.typreceive::pg_catalog.oid <> 0) AS binary_io,
               CASE WHEN n.nspname NOT IN ('pg_catalog', 'information_schema') THEN d.description END AS comment,
               CASE WHEN t.typcategory = 'A' AND t.typelem <> 0 THEN t.typelem END AS element_oid,
               CASE WHEN t.typtype = 'e' THEN ARRAY(SELECT e.enumlabel FROM pg_catalog.pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder)\
         END AS enum_labels,
               CASE WHEN t.typtype = 'd' THEN t.typbasetype END AS base_type_oid,
               CASE WHEN t.typtype = 'd' THEN pg_catalog.format_type(t.typbasetype, t.typtypmod) END AS base_sql_type,
               t.typnotnull AS not_null, t.typdefault AS default_expression, t.typndims AS dimensions,
               CASE WHEN t.typtype = 'd' THEN ARRAY(SELECT con.conname FROM pg_catalog.pg_constraint con WHERE con.contypid = t.oid AND con.contype = 'c'\
         ORDER BY con.conname) END AS check_names,
               CASE WHEN t.typtype = 'd' THEN ARRAY(SELECT pg_catalog.pg_get_constraintdef(con.oid) FROM pg_catalog.pg_constraint con\
         WHERE con.contypid = t.oid AND con.contype = 'c' ORDER BY con.conname) END AS check_definitions,
               CASE WHEN t.typtype = 'c' THEN ARRAY(SELECT a.attname FROM pg_catalog.pg_attribute a WHERE a.attrelid = t.typrelid AND a.attnum > 0\
         AND NOT a.attisdropped ORDER BY a.attnum) END AS attribute_names,
               CASE WHEN t.typtype = 'c' THEN ARRAY(SELECT a.atttypid FROM pg_catalog.pg_attribute a WHERE a.attrelid = t.typrelid AND a.attnum > 0\
         AND NOT a.attisdropped ORDER BY a.attnum) END AS attribute_type_oids,
               CASE WHEN t.typtype = 'c' THEN ARRAY(SELECT pg_catalog.format_type(a.atttypid, a.atttypmod) FROM pg_catalog.pg_attribute a\
         WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum) END AS attribute_sql_types,
               COALESCE((SELECT r.rngsubtype FROM pg_catalog.pg_range r WHERE r.rngtypid = t.oid),
                        (SELECT r.rngtypid FROM pg_catalog.pg_range r WHERE r.rngmultitypid = t.oid)) AS range_element_oid
        FROM closure cl
        JOIN pg_catalog.pg_type t ON t.oid = cl.oid
        JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
        LEFT JOIN pg_catalog.pg_description d ON d.objoid = t.oid AND d.classoid = 'pg_catalog.pg_type'::pg_catalog.regclass AND d.objsubid = 0
        """)

    enum TypeColumn: String, CatalogColumn {
        static let query = "types"
        case oid = "type_oid", schema = "schema_name", name = "type_name", kind, category, binaryIO = "binary_io", comment
        case elementOID = "element_oid", enumLabels = "enum_labels"
        case baseTypeOID = "base_type_oid", baseSQLType = "base_sql_type", notNull = "not_null"
        case defaultExpression = "default_expression", dimensions, checkNames = "check_names", checkDefinitions = "check_definitions"
        case attributeNames = "attribute_names", attributeTypeOIDs = "attribute_type_oids", attributeSQLTypes = "attribute_sql_types"
        case rangeElementOID = "range_element_oid"
    }
}
