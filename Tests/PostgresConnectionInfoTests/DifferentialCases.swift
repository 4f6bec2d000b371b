/// `keyword=value` strings for the differential test: documented forms, quoting and escaping
/// corner cases, whitespace rules, and mistakes.
enum KeywordValueCases {
    static let all: [String] = [
        "", "   ", "host=localhost", "host = localhost", "host= localhost port =5432",
        "host=localhost\tport=5432\ndbname=x", "host=localhost port=5432 dbname=mydb connect_timeout=10",
        "host='local host'", #"host='a\'b'"#, #"host=a\'b"#, #"host=a\ b"#, #"host=a\\b"#, #"host='a\\b'"#,
        "password='x''y'", "password='unterminated", #"password='ends with backslash\'"#, #"host=a\"#, "host='", #"host='\"#,
        "host=", "host=''", "host='' port=''", "=x", "=", "host", "host localhost", "host=a port", "hots=x", "HOST=x",
        "host=a=b", "host=a==b", "requiressl=1", "requiressl=0", "requiressl=true", "requiressl=", "requiressl=1 sslmode=disable",
        "sslmode=require requiressl=0", "dbname=postgres://x", "options='-c search_path=a,b'",
        "application_name='my app' options='-c a=b'", "dbname=données", "host='a'port=1", "host='a' port=1", "port=1 port=2",
        "ssl=true", "service=foo", "sslmode=bogus", "host=\u{0B}x", "host=x\u{0C}port=1", "host=x\rport=1",
        "password=p@ss:w/rd", "'host'=x", "host=a'b", "host =", "host\t=\tx", "keepalives=1 keepalives_idle=30",
        "target_session_attrs=read-write", "hostaddr=127.0.0.1", "host=a,b,c port=1,2,3", "gssencmode=disable krbsrvname=x gsslib=gssapi",
        "replication=database", "channel_binding=require",
        "sslcert=/c sslkey=/k sslpassword=p sslrootcert=/r sslcrl=/l sslcrldir=/d sslsni=0 sslcompression=1",
        "requirepeer=postgres", "ssl_min_protocol_version=TLSv1.3 ssl_max_protocol_version=TLSv1.3", "tcp_user_timeout=10",
        "client_encoding=UTF8", "fallback_application_name=x", "passfile=/p", "connect_timeout=abc", "require_auth=password",
        "load_balance_hosts=random", "sslnegotiation=direct", "keepalives_interval=1 keepalives_count=3",
        "host=a host", "port='5432' host='h' dbname='d b'", "dbname='' user=''", "user=\\'", "user='\\''", "options='-c a=\\'b c\\''",
        "host=h\u{00A0}x", "host=h\u{3000}x", " host=h ", "\thost=h\n", "host=a\u{0}port=1",
    ]
}

/// URIs for the differential test: the documented examples, multi-host lists, IPv6,
/// percent-encoding, empty parts, query parameters, and malformed ones.
enum URICases {
    static let all: [String] = [
        "postgres://", "postgresql://", "postgres://localhost", "postgresql://localhost:5433", "postgresql://localhost/mydb",
        "postgresql://user@localhost", "postgresql://user:secret@localhost",
        "postgresql://other@localhost/otherdb?connect_timeout=10&application_name=myapp",
        "postgresql://host1:123,host2:456/somedb?target_session_attrs=any&application_name=myapp",
        "postgresql:///mydb?host=localhost&port=5433", "postgresql://[2001:db8::1234]/database", "postgresql://[::1]:5432/db",
        "postgresql://[::1", "postgresql://[]/db", "postgresql://[::1]x", "postgresql://[::1],[::2]:6/db", "postgresql://[::1]?sslmode=disable",
        "postgresql:///dbname?host=/var/lib/postgresql", "postgresql://%2Fvar%2Flib%2Fpostgresql/dbname",
        "postgres://@/", "postgres://:@/", "postgres://:@:/", "postgres://user:@host", "postgres://:pw@host", "postgres://u:p@ss@host/db",
        "postgres://u%40x:p%3A%2F@h/d", "postgres://h/db%20name", "postgres://h/%", "postgres://h/%4", "postgres://h/%zz", "postgres://h/%00",
        "postgres://h/%2f%2F", "postgres://u:100%@h/db", "postgres://%/db", "postgres://h:%35432/db",
        "postgres://h?", "postgres://h?&", "postgres://h?a", "postgres://h?=x", "postgres://h?sslmode=", "postgres://h?sslmode=require&",
        "postgres://h?sslmode=require&&", "postgres://h?options=-c%20a%3Db", "postgres://h?options=-c a=b", "postgres://h?ssl=true",
        "postgres://h?ssl=false", "postgres://h?ssl=TRUE", "postgres://h?requiressl=1", "postgres://h?Host=x", "postgres://h?host=a&host=b",
        "postgres://h:1?port=2", "postgres://h,", "postgres://,", "postgres://h,,h2", "postgres://h:1,h2", "postgres://h1,h2:2",
        "postgres://h:/db", "postgres://h:abc/db", "postgres://h/db?application_name=a+b", "postgres://h/db/extra", "postgres://h/db#frag",
        "postgres://user@h?x@y", "postgres://h?application_name=%E2%9C%93", "postgresql://h/db?sslmode=verify-full&sslrootcert=%2Froot.crt",
        "postgres://host/db?fallback_application_name=x&connect_timeout=5", "postgres:/h", "postgres:h", "POSTGRES://h", "postgresql:",
        "postgres://h/db?dbname=other", "postgres://us er@h", "postgres://h%2Cx/db", "postgres://[::1%25eth0]/db", "postgresql://a:1:2/db",
        "postgres://h/db?%73slmode=require", "postgres://h/db?sslmode%3Drequire", "postgres://h/db?unknown=1", "postgres://h/db?user=u&password=p",
        "postgres://h/db?passfile=%2Ftmp%2Fpgpass", "postgres://h?service=svc", "postgres://u@h/db?user=other", "postgres://h/?",
        "postgres://h/?dbname=", "postgres:///?host=%2Ftmp&port=5433", "postgresql://[fe80::1%25lo]:5432", "postgres://h]x/db",
        "postgres://h[x/db", "postgres://[::1]:/db", "postgres://a@b@c/db", "postgres://a:b:c@h/db", "postgres://h?options=%", "postgres://h?%zz=1",
        "postgres://h?a=1=2", "postgresql://user:pass@host:5432/db?sslmode=require&application_name=my%20app&options=-c%20statement_timeout%3D5000",
        "postgres://localhost:5432,localhost:5433,localhost:5434/db?target_session_attrs=read-write",
        "postgres://h/db?keepalives=1&keepalives_idle=10", "postgres://h/db?ssl_min_protocol_version=TLSv1.3", "postgres:// h/db",
    ]
}
