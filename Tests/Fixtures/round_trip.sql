-- Every type codegen maps, for the round-trip tests (Tests/EntityKitPostgresTests/RoundTrip*).
-- Rows 1-4 are written here in SQL; the tests read each row into the generated Swift type,
-- insert it again as row id + 1000 through EntityKitPostgres, and compare every column's text
-- server-side. Generated models: Tests/EntityKitPostgresTests/RoundTripModels (regenerate with
-- scripts/regenerate-reference).
CREATE EXTENSION IF NOT EXISTS citext;
CREATE EXTENSION IF NOT EXISTS hstore;
CREATE EXTENSION IF NOT EXISTS ltree;
CREATE EXTENSION IF NOT EXISTS cube;
CREATE EXTENSION IF NOT EXISTS isn;

CREATE TYPE mood AS ENUM ('happy', 'in-progress', '1st', 'default', 'Ünïcödé', 'with space', 'quote"d');
CREATE DOMAIN positive_int AS integer CHECK (VALUE > 0);
CREATE DOMAIN small_positive AS positive_int CHECK (VALUE < 1000);
CREATE DOMAIN tag_list AS text[];
CREATE TYPE gps AS (latitude double precision, longitude double precision);
CREATE TYPE place AS (name text, location gps, tags text[], at point);
CREATE TYPE floatrange AS RANGE (subtype = float8);

CREATE TABLE every_type (
    id integer PRIMARY KEY,
    small smallint, regular integer, big bigint, real_value real, double_value double precision,
    exact numeric, exact_scaled numeric(10,4), cash money,
    plain_text text, short_text varchar(10), padded char(5), single "char", identifier name, insensitive citext,
    bytes bytea, flag boolean, bits bit(8), varying_bits varbit, id_value uuid,
    day date, clock time, clock_zoned timetz, moment timestamp, instant timestamptz, span interval,
    document json, binary_document jsonb, json_path jsonpath, markup xml,
    address inet, network cidr, mac macaddr, mac8 macaddr8,
    search tsvector, query tsquery,
    spot point, infinite_line line, segment lseg, area box, route path, shape polygon, ring circle,
    int_range int4range, big_range int8range, numeric_range numrange, date_range daterange,
    local_range tsrange, instant_range tstzrange, float_range floatrange,
    int_ranges int4multirange, big_ranges int8multirange, numeric_ranges nummultirange,
    date_ranges datemultirange, local_ranges tsmultirange, instant_ranges tstzmultirange,
    object_id oid, class_name regclass, type_name regtype, procedure regproc, procedure_signature regprocedure,
    operator_name regoper, operator_signature regoperator, text_config regconfig, dictionary regdictionary,
    namespace regnamespace, role regrole, collation_name regcollation,
    log_position pg_lsn, tuple_id tid, snapshot txid_snapshot, snapshot8 pg_snapshot,
    transaction_id xid, transaction_id8 xid8, command_id cid,
    pairs hstore, label_path ltree, box_cube cube, book isbn13,
    feeling mood, count positive_int, bounded small_positive, tags tag_list, located place,
    integers integer[], matrix integer[][], words text[], feelings mood[], places place[], counts positive_int[],
    moments timestamptz[], amounts numeric[], spots point[]
);

INSERT INTO every_type VALUES (
    1,
    42, -7, 9007199254740993, 3.14159, 0.1,
    '123.4500', 12.3456, '12.34',
    'héllo "wörld" \ tab	end', 'ten chars!', 'ab', 'x', 'pg_class', 'MiXeD',
    '\x00ff10', true, B'10100101', B'101', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11',
    '2024-02-29', '13:45:59.123456', '13:45:59.123456+05:30', '2024-01-15 10:30:00.123456', '2024-01-15 10:30:00.123456+00', '1 year 2 mons -3 days 04:05:06.000007',
    '  {"b" : 1, "a": [1, 2.50, "x"], "b": 2}  ', '{"b": 1, "a": [1, 2.50, "x"]}', '$.a[*] ? (@ > 1)', '<a b="1">text &amp; more</a>',
    '192.168.0.1/24', '10.0.0.0/8', '08:00:2b:01:02:03', '08:00:2b:01:02:03:04:05',
    $$'a':1A 'cat':3,5C 'it''s':2 'ütf'$$, 'fat & (rat | !cat)',
    '(1.5,-2)', '{1,-1,0}', '[(0,0),(1,1)]', '(2,2),(0,0)', '[(0,0),(1,1),(2,0)]', '((0,0),(1,1),(1,0))', '<(0,0),1.5>',
    '[1,5)', '[-9007199254740993,0)', '[1.5,2.25]', '[2024-01-01,2024-02-01)',
    '["2024-01-01 00:00:00","2024-01-01 12:00:00")', '["2024-01-01 00:00:00+00",)', '[0.5,1.5)',
    '{[1,3),[5,7)}', '{[1,2)}', '{[1.5,2.5]}', '{[2024-01-01,2024-01-05)}', '{["2024-01-01 00:00:00","2024-01-02 00:00:00")}', '{}',
    1259, 'pg_class', 'integer', 'now', 'now()',
    (SELECT oid::regoper FROM pg_operator WHERE oprname = '+' AND oprleft = 'int4'::regtype AND oprright = 'int4'::regtype), '+(integer,integer)', 'english', 'simple',
    'pg_catalog', 'postgres', '"C"',
    '16/B374D848', '(0,1)', '10:20:10,14,15', '10:20:10,14,15',
    '12345', '9007199254740993', '7',
    '"a"=>"1", "b c"=>NULL, "quote\"d"=>"back\\slash"', 'top.science.astronomy', '(1, 2), (3, 4)', '978-0-393-04002-9',
    'in-progress', 7, 999, '{"a","b c"}', ROW('home', ROW(52.52, 13.405), '{"x",NULL}', '(1,2)'),
    '{1,2,NULL,4}', '{{1,2},{3,4}}', '{"a","b,c","d\"e","NULL",NULL,"","f\\g"}', '{happy,Ünïcödé,"quote\"d"}',
    ARRAY[ROW('a', ROW(1, 2), '{}', '(0,0)')::place, NULL], '{1,2}',
    '{"2024-01-15 10:30:00.123456+00",infinity}', '{1.5,NaN,-0.001}', '{"(1,2)","(3,4)"}'
);

-- Extremes.
INSERT INTO every_type (id, small, regular, big, real_value, double_value, exact, cash, plain_text, single, bytes, flag,
    varying_bits, day, clock, clock_zoned, moment, instant, span, document, binary_document,
    address, network, spot, int_range, numeric_range, date_range, instant_range, int_ranges,
    object_id, log_position, snapshot, transaction_id8, feeling, integers, words, amounts)
VALUES (2, 32767, 2147483647, 9223372036854775807, 'Infinity', 'NaN',
    '123456789012345678901234567890.123456789012345678901234567890', '92233720368547758.07', '', 'A', '\x', false,
    B'', 'infinity', '24:00:00', '00:00:00-15:59', 'infinity', 'infinity', '178956970 years 7 mons 2147483647 days 2562047788:00:54.775807',
    '[]', '"scalar"',
    '::ffff:1.2.3.4', '2001:db8::/32', '(1e-300,-1e+300)', 'empty', '(,)', '[2024-01-01,)', '(,"2024-01-01 00:00:00+00"]', '{}',
    4294967295, 'FFFFFFFF/FFFFFFFF', '100:100:', '18446744073709551615', 'Ünïcödé', '{}', '{}', '{NaN,Infinity,-Infinity}');

INSERT INTO every_type (id, small, regular, big, real_value, double_value, exact, cash, day, moment, instant, span,
    address, spot, numeric_range, date_range, feeling, matrix)
VALUES (3, -32768, -2147483648, -9223372036854775808, '-Infinity', '-0',
    '-Infinity', '-92233720368547758.08', '4713-01-01 BC', '4713-01-01 00:00:00 BC', '-infinity', '-2147483648 mons -2147483648 days -9223372036854775808 microseconds',
    '::', '(-0.5,1e-310)', '[-1.5,)', 'empty', 'with space', '{{-1,-2,-3}}');

INSERT INTO every_type (id) VALUES (4);
