# Shared by scripts/run and .ci/run: find or install PostgreSQL's server binaries and manage a local cluster.
# PostgreSQL refuses to run as root, so when we are root the cluster belongs to the 'postgres' user.

# Prints the directory that holds initdb and pg_ctl, installing Debian's postgresql package when missing.
pg_bin_dir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [[ -z "$dir" ]] && command -v pg_ctl >/dev/null 2>&1; then
    dir=$(dirname "$(readlink -f "$(command -v pg_ctl)")")
  fi
  if [[ -z "$dir" ]]; then
    if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
      echo "PostgreSQL is not installed; installing it with apt-get..." >&2
      DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
      dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    fi
  fi
  if [[ -z "$dir" || ! -x "$dir/pg_ctl" ]]; then
    echo "PostgreSQL server binaries not found; install them (apt-get install postgresql) or set ConnectionStrings__Sciatica." >&2
    return 1
  fi
  echo "$dir"
}

# Runs a command as the cluster's owner: 'postgres' when we are root, else ourselves.
as_pg_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# Creates the cluster in $1 unless one is there already.
pg_ensure_cluster() {
  local bin=$1 data=$2
  if [[ -f "$data/PG_VERSION" ]]; then
    return 0
  fi
  mkdir -p "$data"
  [[ $(id -u) -eq 0 ]] && chown postgres: "$data" && chmod 700 "$data"
  as_pg_owner "$bin/initdb" -D "$data" -U postgres -A trust --no-sync -E UTF8 --locale=C >/dev/null
}

pg_is_running() {
  local bin=$1 data=$2
  as_pg_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1
}

# The port of the running cluster in $1, from its postmaster.pid (line 4).
pg_running_port() {
  sed -n 4p "$1/postmaster.pid"
}

pg_start() {
  local bin=$1 data port=$3
  data=$(cd "$2" && pwd) # the socket directory must be absolute
  as_pg_owner "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 start \
    -o "-p $port -k $data -c listen_addresses=127.0.0.1" >/dev/null
}

pg_stop() {
  local bin=$1 data=$2
  as_pg_owner "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null
}

# Creates database $3 on the cluster in $1 listening on port $2 unless it exists.
pg_ensure_database() {
  local bin=$1 port=$2 name=$3
  if ! as_pg_owner "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$name'" | grep -q 1; then
    as_pg_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres "$name"
  fi
}
