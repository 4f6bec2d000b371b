/// The SQL that empties a schema for `fresh`: extensions installed in it, then relations,
/// sequences, routines and types, each dropped with CASCADE. The schema itself, its owner and
/// its privileges stay as they are.
enum SchemaCleaner {
    static func dropEverything(in schema: String) -> String {
        let name = "'" + schema.replacingOccurrences(of: "'", with: "''") + "'"
        return """
            DO $codegen$
            DECLARE
                target regnamespace := \(name)::regnamespace;
                item record;
            BEGIN
                FOR item IN SELECT extname FROM pg_extension WHERE extnamespace = target LOOP
                    EXECUTE format('DROP EXTENSION IF EXISTS %I CASCADE', item.extname);
                END LOOP;
                FOR item IN SELECT relname, relkind FROM pg_class
                            WHERE relnamespace = target AND relkind IN ('r', 'p', 'v', 'm', 'f', 'S') AND NOT relispartition LOOP
                    EXECUTE format('DROP %s IF EXISTS %I.%I CASCADE',
                        CASE item.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
                            WHEN 'f' THEN 'FOREIGN TABLE' WHEN 'S' THEN 'SEQUENCE' ELSE 'TABLE' END,
                        \(name), item.relname);
                END LOOP;
                FOR item IN SELECT p.oid::regprocedure AS routine FROM pg_proc p
                            WHERE p.pronamespace = target AND NOT EXISTS (
                                SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e') LOOP
                    EXECUTE format('DROP ROUTINE IF EXISTS %s CASCADE', item.routine);
                END LOOP;
                FOR item IN SELECT t.typname, t.typtype FROM pg_type t
                            WHERE t.typnamespace = target AND t.typtype IN ('e', 'c', 'd', 'r', 'b') AND t.typelem = 0
                              AND (t.typrelid = 0 OR (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c') LOOP
                    EXECUTE format('DROP %s IF EXISTS %I.%I CASCADE',
                        CASE item.typtype WHEN 'd' THEN 'DOMAIN' ELSE 'TYPE' END, \(name), item.typname);
                END LOOP;
            END
            $codegen$
            """
    }
}
