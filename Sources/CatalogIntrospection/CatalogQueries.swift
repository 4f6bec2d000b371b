/// The catalog queries introspection runs: a fixed set, whatever the number of tables.
///
/// Each takes the requested schema names as `$1` (a text array) and returns text rows. They run
/// in one READ ONLY, REPEATABLE READ transaction with `search_path = pg_catalog`, so that
/// `format_type`, `pg_get_expr` and `pg_get_viewdef` qualify every name outside `pg_catalog` and
/// the output does not depend on the session. Column positions are read by index in
/// `CatalogReader`; keep the two in step.
enum CatalogQueries {
    /// Opens the snapshot transaction. JIT is off because compiling these plans costs far more
    /// than running them (the recursive type query trips `jit_above_cost`).
    static let begin = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SET LOCAL search_path = pg_catalog; SET LOCAL jit = off"

    static let end = "COMMIT"

    /// Requested schemas (flagged) and every user schema, for the missing-schema message.
    static let schemas = """
        SELECT n.nspname, d.description, n.nspname = ANY($1::text[]) AS requested, pg_catalog.current_database()
        FROM pg_catalog.pg_namespace n
        LEFT JOIN pg_catalog.pg_description d ON d.objoid = n.oid AND d.classoid = 'pg_catalog.pg_namespace'::pg_catalog.regclass AND d.objsubid = 0
        WHERE n.nspname = ANY($1::text[]) OR (n.nspname !~ '^pg_' AND n.nspname <> 'information_schema')
        """

    /// Tables, partitioned tables, views, materialized views and foreign tables.
    static let relations = """
        SELECT c.oid, n.nspname, c.relname, c.relkind, c.relispartition, d.description,
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
        """

    /// Columns of those relations, in table order.
    static let columns = """
        SELECT a.attrelid, a.attnum, a.attname, a.atttypid, pg_catalog.format_type(a.atttypid, a.atttypmod),
               a.attnotnull, pg_catalog.pg_get_expr(ad.adbin, ad.adrelid), a.attidentity, a.attgenerated, a.attndims,
               d.description
        FROM pg_catalog.pg_attribute a
        JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
        LEFT JOIN pg_catalog.pg_description d ON d.objoid = a.attrelid AND d.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objsubid = a.attnum
        WHERE n.nspname = ANY($1::text[]) AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND a.attnum > 0 AND NOT a.attisdropped
        ORDER BY a.attrelid, a.attnum
        """

    /// Key, foreign-key, check and exclusion constraints. Partition clones of foreign keys are skipped.
    static let constraints = """
        SELECT con.conrelid, con.conname, con.contype,
               ARRAY(SELECT a.attname FROM pg_catalog.unnest(con.conkey) WITH ORDINALITY k(attnum, ord)
                     JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.ord) AS columns,
               fn.nspname, fc.relname,
               ARRAY(SELECT a.attname FROM pg_catalog.unnest(con.confkey) WITH ORDINALITY k(attnum, ord)
                     JOIN pg_catalog.pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.ord) AS referenced_columns,
               con.confupdtype, con.confdeltype, con.condeferrable,
               CASE WHEN con.contype IN ('c', 'x') THEN pg_catalog.pg_get_constraintdef(con.oid) END,
               d.description
        FROM pg_catalog.pg_constraint con
        JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_catalog.pg_class fc ON fc.oid = con.confrelid
        LEFT JOIN pg_catalog.pg_namespace fn ON fn.oid = fc.relnamespace
        LEFT JOIN pg_catalog.pg_description d ON d.objoid = con.oid AND d.classoid = 'pg_catalog.pg_constraint'::pg_catalog.regclass AND d.objsubid = 0
        WHERE n.nspname = ANY($1::text[]) AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
          AND con.contype IN ('p', 'u', 'f', 'c', 'x') AND (con.contype <> 'f' OR con.conparentid = 0)
        """

    /// Indexes that do not back a constraint.
    static let indexes = """
        SELECT i.indrelid, ic.relname, i.indisunique,
               ARRAY(SELECT a.attname FROM pg_catalog.unnest(i.indkey::pg_catalog.int2[]) WITH ORDINALITY k(attnum, ord)
                     LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
                     WHERE k.ord <= i.indnkeyatts ORDER BY k.ord) AS columns,
               pg_catalog.pg_get_expr(i.indpred, i.indrelid), am.amname, pg_catalog.pg_get_indexdef(i.indexrelid)
        FROM pg_catalog.pg_index i
        JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
        JOIN pg_catalog.pg_am am ON am.oid = ic.relam
        JOIN pg_catalog.pg_class c ON c.oid = i.indrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = ANY($1::text[]) AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
          AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint con WHERE con.conindid = i.indexrelid AND con.conrelid = i.indrelid AND con.contype IN ('p', 'u', 'x'))
        """

    /// Every type the columns use, closed over arrays, domains, ranges and composite attributes.
    static let types = """
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
        SELECT t.oid, n.nspname, t.typname, t.typtype, t.typcategory,
               (t.typsend::pg_catalog.oid <> 0 AND t.typreceive::pg_catalog.oid <> 0) AS binary_io,
               CASE WHEN n.nspname NOT IN ('pg_catalog', 'information_schema') THEN d.description END,
               CASE WHEN t.typcategory = 'A' AND t.typelem <> 0 THEN t.typelem END AS element,
               CASE WHEN t.typtype = 'e' THEN ARRAY(SELECT e.enumlabel FROM pg_catalog.pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder) END,
               CASE WHEN t.typtype = 'd' THEN t.typbasetype END,
               CASE WHEN t.typtype = 'd' THEN pg_catalog.format_type(t.typbasetype, t.typtypmod) END,
               t.typnotnull, t.typdefault, t.typndims,
               CASE WHEN t.typtype = 'd' THEN ARRAY(SELECT con.conname FROM pg_catalog.pg_constraint con WHERE con.contypid = t.oid ORDER BY con.conname) END,
               CASE WHEN t.typtype = 'd' THEN ARRAY(SELECT pg_catalog.pg_get_constraintdef(con.oid) FROM pg_catalog.pg_constraint con WHERE con.contypid = t.oid ORDER BY con.conname) END,
               CASE WHEN t.typtype = 'c' THEN ARRAY(SELECT a.attname FROM pg_catalog.pg_attribute a WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum) END,
               CASE WHEN t.typtype = 'c' THEN ARRAY(SELECT a.atttypid FROM pg_catalog.pg_attribute a WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum) END,
               CASE WHEN t.typtype = 'c' THEN ARRAY(SELECT pg_catalog.format_type(a.atttypid, a.atttypmod) FROM pg_catalog.pg_attribute a WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum) END,
               COALESCE((SELECT r.rngsubtype FROM pg_catalog.pg_range r WHERE r.rngtypid = t.oid),
                        (SELECT r.rngtypid FROM pg_catalog.pg_range r WHERE r.rngmultitypid = t.oid))
        FROM closure cl
        JOIN pg_catalog.pg_type t ON t.oid = cl.oid
        JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
        LEFT JOIN pg_catalog.pg_description d ON d.objoid = t.oid AND d.classoid = 'pg_catalog.pg_type'::pg_catalog.regclass AND d.objsubid = 0
        """

    /// Every catalog query, in the order they run.
    static let all = [schemas, relations, columns, constraints, indexes, types]
}
