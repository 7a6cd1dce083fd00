# Shared by scripts/cluster and bench/failover: a replicated PostgreSQL under pg_auto_failover, two service replicas,
# HAProxy and Prometheus, all on loopback, all under one directory ($cluster_dir) that is removed on stop.
# Everything PostgreSQL runs as the 'postgres' user when we are root (initdb and pg_autoctl refuse root).

cluster_monitor_port=55431
cluster_node_ports=(55432 55433)
cluster_rest_ports=(18080 18081)
cluster_grpc_ports=(18090 18091)
cluster_haproxy_rest=8080
cluster_haproxy_grpc=8081
cluster_haproxy_stats=8404
cluster_prometheus_port=9090
cluster_pids=() # processes we started, stopped in reverse order

cluster_log() { printf '[cluster %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# Installs Debian's pg_auto_failover, HAProxy and Prometheus when they are missing (root only).
cluster_ensure_packages() {
  local missing=()
  command -v pg_autoctl >/dev/null 2>&1 || missing+=("postgresql-$(basename "$(dirname "$(pg_bin_dir)")")-auto-failover")
  command -v haproxy >/dev/null 2>&1 || missing+=(haproxy)
  command -v prometheus >/dev/null 2>&1 || missing+=(prometheus)
  command -v curl >/dev/null 2>&1 || missing+=(curl)
  ((${#missing[@]} == 0)) && return 0
  if [[ $(id -u) -ne 0 ]]; then
    cluster_log "missing: ${missing[*]}; install them (apt-get install ${missing[*]}) or run as root"
    return 1
  fi
  cluster_log "installing ${missing[*]} with apt-get..."
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2
}

cluster_port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

cluster_check_ports() {
  local port taken=()
  for port in "$cluster_monitor_port" "${cluster_node_ports[@]}" "${cluster_rest_ports[@]}" "${cluster_grpc_ports[@]}" \
    "$cluster_haproxy_rest" "$cluster_haproxy_grpc" "$cluster_haproxy_stats" "$cluster_prometheus_port"; do
    cluster_port_free "$port" || taken+=("$port")
  done
  if ((${#taken[@]} > 0)); then
    # A Debian host may have started its own haproxy or prometheus service on install: stop those first.
    cluster_log "ports already in use: ${taken[*]} (a system haproxy or prometheus service? scripts/run?)"
    return 1
  fi
}

# pg_autoctl as the cluster's owner, with its own config and state under $cluster_dir.
cluster_autoctl() {
  as_pg_owner env PATH="$cluster_pg_bin:$PATH" XDG_CONFIG_HOME="$cluster_dir/pg/config" XDG_DATA_HOME="$cluster_dir/pg/share" \
    XDG_RUNTIME_DIR="$cluster_dir/pg/run" pg_autoctl "$@"
}

cluster_psql() { # port, sql
  "$cluster_pg_bin/psql" -h 127.0.0.1 -p "$1" -U postgres -d "${3:-sciatica}" -XAtqc "$2"
}

cluster_monitor_uri() { echo "postgres://autoctl_node@127.0.0.1:$cluster_monitor_port/pg_auto_failover?sslmode=disable"; }

# Waits until the monitor reports every node in its goal state: $1 = "primary secondary" etc. (any order).
cluster_wait_states() {
  local want=$1 timeout=${2:-180} started=$SECONDS states
  while ((SECONDS - started < timeout)); do
    states=$(cluster_psql "$cluster_monitor_port" \
      "SELECT string_agg(reportedstate::text, ' ' ORDER BY reportedstate::text) FROM pgautofailover.node WHERE reportedstate = goalstate" pg_auto_failover 2>/dev/null || true)
    [[ "$states" == "$want" ]] && return 0
    sleep 1
  done
  cluster_log "PostgreSQL nodes did not reach '$want' in ${timeout}s (now: '$states'); logs in $cluster_dir/pg"
  return 1
}

# The port of the node that is primary now, if any.
cluster_primary_port() {
  local port
  for port in "${cluster_node_ports[@]}"; do
    [[ "$(cluster_psql "$port" "SELECT NOT pg_is_in_recovery()" postgres 2>/dev/null)" == t ]] && { echo "$port"; return 0; }
  done
  return 1
}

# The data directory of the node on port $1.
cluster_node_dir() {
  local i
  for i in "${!cluster_node_ports[@]}"; do
    [[ "${cluster_node_ports[$i]}" == "$1" ]] && echo "$cluster_dir/pg/node$((i + 1))"
  done
}

# Runs pg_autoctl (which supervises its PostgreSQL) in a process group of its own, named $1: stopping the group
# stops the node whole, keeper and database, as losing its machine would (bench/failover kills one that way).
cluster_pg_group() {
  local name=$1
  shift
  local cmd=(env PATH="$cluster_pg_bin:$PATH" XDG_CONFIG_HOME="$cluster_dir/pg/config" XDG_DATA_HOME="$cluster_dir/pg/share"
    XDG_RUNTIME_DIR="$cluster_dir/pg/run" pg_autoctl "$@")
  [[ $(id -u) -eq 0 ]] && cmd=(runuser -u postgres -- "${cmd[@]}")
  setsid bash -c 'echo $$ >"$0"; exec "$@"' "$cluster_dir/pg/$name.pgid" "${cmd[@]}" >"$cluster_dir/pg/$name.log" 2>&1 &
  cluster_pids+=($!)
}

cluster_start_postgres() {
  local replication=$1 i port dir
  cluster_pg_bin=$(pg_bin_dir)
  mkdir -p "$cluster_dir/pg/config" "$cluster_dir/pg/share" "$cluster_dir/pg/run"
  [[ $(id -u) -eq 0 ]] && chown -R postgres: "$cluster_dir/pg"
  cluster_log "pg_auto_failover monitor on $cluster_monitor_port..."
  cluster_autoctl create monitor --pgdata "$cluster_dir/pg/monitor" --pgport "$cluster_monitor_port" --hostname 127.0.0.1 \
    --listen 127.0.0.1 --auth trust --no-ssl >"$cluster_dir/pg/monitor-create.log" 2>&1
  cluster_pg_group monitor run --pgdata "$cluster_dir/pg/monitor"
  until cluster_psql "$cluster_monitor_port" "SELECT 1" pg_auto_failover >/dev/null 2>&1; do sleep 0.5; done
  # Failover timing: the monitor's defaults declare a primary dead after 20 s without an answer; a loopback
  # cluster can decide in a few seconds (docs/operations.md has the measured gaps).
  local setting
  for setting in health_check_period=1000 health_check_timeout=1000 health_check_max_retries=1 health_check_retry_delay=500 \
    node_considered_unhealthy_timeout=4000; do
    cluster_psql "$cluster_monitor_port" "ALTER SYSTEM SET pgautofailover.${setting%=*} = ${setting#*=}" pg_auto_failover >/dev/null
  done
  # Once a primary is declared dead the monitor waits this long for it to demote itself before promoting the standby
  # (default 30 s). A killed node never answers, so it is all waiting; 10 s stays above the keepers' 5 s network
  # partition timeout (set below), after which a primary cut off from the monitor and the standby stops taking writes.
  cluster_psql "$cluster_monitor_port" "ALTER SYSTEM SET pgautofailover.primary_demote_timeout = '10s'" pg_auto_failover >/dev/null
  cluster_psql "$cluster_monitor_port" "SELECT pg_reload_conf()" pg_auto_failover >/dev/null
  for i in 0 1; do
    port=${cluster_node_ports[$i]}
    dir="$cluster_dir/pg/node$((i + 1))"
    cluster_log "PostgreSQL node $((i + 1)) on $port..."
    cluster_pg_group "node$((i + 1))" create postgres --pgdata "$dir" --pgport "$port" --hostname 127.0.0.1 --listen 127.0.0.1 \
      --auth trust --no-ssl --dbname sciatica --monitor "$(cluster_monitor_uri)" --run
    if ((i == 0)); then
      cluster_wait_states single 120
    else
      # pg_basebackup waits for a spread checkpoint (minutes by default); ask for it now.
      until cluster_psql "$cluster_monitor_port" "SELECT 1 FROM pgautofailover.node WHERE nodeport = $port AND reportedstate IN ('catchingup', 'secondary')" pg_auto_failover 2>/dev/null | grep -q 1; do
        cluster_psql "${cluster_node_ports[0]}" "CHECKPOINT" postgres >/dev/null 2>&1 || true
        sleep 1
      done
      cluster_wait_states "primary secondary" 180
    fi
  done
  # Shorter than the keeper's 20 s: the standby gives up on a silent primary sooner and asks for a failover.
  for dir in "$cluster_dir"/pg/node1 "$cluster_dir"/pg/node2; do
    cluster_autoctl config set --pgdata "$dir" timeout.network_partition_timeout 5 >/dev/null
  done
  if [[ "$replication" == async ]]; then
    # For comparison only (bench/failover): the standby leaves the write quorum, so commits stop waiting for it.
    cluster_autoctl set node replication-quorum false --pgdata "$cluster_dir/pg/node2" >/dev/null 2>&1
    until [[ -z "$(cluster_psql "${cluster_node_ports[0]}" "SHOW synchronous_standby_names" postgres)" ]]; do sleep 0.5; done
  fi
  cluster_log "PostgreSQL: primary on ${cluster_node_ports[0]}, standby on ${cluster_node_ports[1]}; synchronous_standby_names='$(cluster_psql "${cluster_node_ports[0]}" "SHOW synchronous_standby_names" postgres)'"
}

# The connection string both replicas use: whichever node is primary, rechecked every second.
cluster_connection_string() {
  local hosts
  hosts=$(printf '127.0.0.1:%s,' "${cluster_node_ports[@]}")
  echo "Host=${hosts%,};Database=sciatica;Username=postgres;Target Session Attributes=primary;Host Recheck Seconds=1;Timeout=2"
}

cluster_start_replicas() {
  local service=$1 i
  for i in 0 1; do
    cluster_log "service replica $((i + 1)): REST ${cluster_rest_ports[$i]}, gRPC ${cluster_grpc_ports[$i]}..."
    (cd "$service" && exec env "${service_env[@]}" \
      ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}" \
      ConnectionStrings__Sciatica="$(cluster_connection_string)" \
      Kestrel__Endpoints__Rest__Url="http://127.0.0.1:${cluster_rest_ports[$i]}" \
      Kestrel__Endpoints__Grpc__Url="http://127.0.0.1:${cluster_grpc_ports[$i]}" \
      Telemetry__Prometheus=true \
      Telemetry__ServiceName=sciatica-service \
      Proxy__KnownProxies__0=127.0.0.1 \
      Limits__Replicas=2 \
      Feed__MaxStreamsPerPartner="${SCIATICA_FEED_STREAMS_PER_REPLICA:-2}" \
      Database__StartupTimeout=00:03:00 \
      dotnet SciaticaService.Api.dll) >"$cluster_dir/replica$((i + 1)).log" 2>&1 &
    cluster_pids+=($!)
    echo $! >"$cluster_dir/replica$((i + 1)).pid"
  done
}

cluster_write_haproxy_config() {
  cat >"$cluster_dir/haproxy.cfg" <<CFG
global
  log stderr format short local0 warning
  maxconn 4096

defaults
  mode http
  log global
  option httplog
  timeout connect 2s
  timeout client 60s
  timeout server 60s
  # A replica that died mid-request: try the other one (every write is idempotent by its client id).
  retries 2
  option redispatch 1
  retry-on conn-failure empty-response response-timeout

frontend rest
  bind 127.0.0.1:$cluster_haproxy_rest
  # /metrics is for the scraper on the replicas' own ports, never for the public side of the proxy.
  http-request deny deny_status 404 if { path_beg /metrics }
  option forwardfor
  default_backend rest

backend rest
  balance roundrobin
  option httpchk GET /health/ready
  http-check expect status 200
  default-server check inter 1s fall 2 rise 1
  server replica1 127.0.0.1:${cluster_rest_ports[0]}
  server replica2 127.0.0.1:${cluster_rest_ports[1]}

frontend grpc
  bind 127.0.0.1:$cluster_haproxy_grpc proto h2
  option forwardfor
  timeout client 35m
  default_backend grpc

backend grpc
  balance roundrobin
  # Feed streams last up to their 30-minute lifetime.
  timeout server 35m
  # Readiness is asked on each replica's REST port, over HTTP/1.1.
  option httpchk
  http-check send meth GET uri /health/ready ver HTTP/1.1 hdr host localhost
  http-check expect status 200
  default-server inter 1s fall 2 rise 1
  # check-proto on the server line itself: as a default it did not override the server's h2 (checks failed).
  server replica1 127.0.0.1:${cluster_grpc_ports[0]} proto h2 check port ${cluster_rest_ports[0]} check-proto h1
  server replica2 127.0.0.1:${cluster_grpc_ports[1]} proto h2 check port ${cluster_rest_ports[1]} check-proto h1

frontend stats
  bind 127.0.0.1:$cluster_haproxy_stats
  http-request use-service prometheus-exporter if { path /metrics }
  stats enable
  stats uri /
CFG
}

cluster_start_haproxy() {
  cluster_write_haproxy_config
  haproxy -c -q -f "$cluster_dir/haproxy.cfg"
  cluster_log "HAProxy: REST on $cluster_haproxy_rest, gRPC (h2c) on $cluster_haproxy_grpc, stats on $cluster_haproxy_stats..."
  haproxy -db -f "$cluster_dir/haproxy.cfg" >"$cluster_dir/haproxy.log" 2>&1 &
  cluster_pids+=($!)
}

cluster_start_prometheus() {
  cat >"$cluster_dir/prometheus.yml" <<CFG
global:
  scrape_interval: 5s
  evaluation_interval: 5s
scrape_configs:
  - job_name: sciatica-service
    static_configs:
      - targets: ['127.0.0.1:${cluster_rest_ports[0]}', '127.0.0.1:${cluster_rest_ports[1]}']
  - job_name: haproxy
    static_configs:
      - targets: ['127.0.0.1:$cluster_haproxy_stats']
CFG
  cluster_log "Prometheus on $cluster_prometheus_port..."
  prometheus --config.file="$cluster_dir/prometheus.yml" --storage.tsdb.path="$cluster_dir/prometheus" \
    --web.listen-address="127.0.0.1:$cluster_prometheus_port" >"$cluster_dir/prometheus.log" 2>&1 &
  cluster_pids+=($!)
}

cluster_wait_ready() {
  local timeout=${1:-180} started=$SECONDS port
  for port in "${cluster_rest_ports[@]}"; do
    until curl -fsS -o /dev/null "http://127.0.0.1:$port/health/ready" 2>/dev/null; do
      ((SECONDS - started < timeout)) || { cluster_log "replica on $port not ready after ${timeout}s; see $cluster_dir/replica*.log"; return 1; }
      sleep 1
    done
  done
  until curl -fsS -o /dev/null "http://127.0.0.1:$cluster_haproxy_rest/health/ready" 2>/dev/null; do
    ((SECONDS - started < timeout)) || { cluster_log "HAProxy does not answer on $cluster_haproxy_rest"; return 1; }
    sleep 0.5
  done
}

# Stops everything started, newest first: replicas finish in-flight requests on TERM, pg_autoctl stops its
# PostgreSQL on TERM. Anything still running after that (a process whose parent was killed) is found by its
# directory, which is ours alone, and killed; then the directory goes.
cluster_stop() {
  local i pid left name group
  cluster_log "stopping..."
  cluster_pg_bin=${cluster_pg_bin:-$(pg_bin_dir)}
  for ((i = ${#cluster_pids[@]} - 1; i >= 0; i--)); do
    [[ "$(cluster_group_name "${cluster_pids[$i]}")" != none ]] && continue
    kill -TERM "${cluster_pids[$i]}" 2>/dev/null || true
  done
  # pg_autoctl stops its node (and PostgreSQL) cleanly when asked to; standby first, monitor last.
  for name in node2 node1 monitor; do
    # (It only signals the node's running pg_autoctl, found by its pid file.)
    [[ -d "$cluster_dir/pg/$name" ]] && cluster_autoctl stop --pgdata "$cluster_dir/pg/$name" >/dev/null 2>&1 || true
  done
  for _ in $(seq 1 40); do
    left=0
    for pid in "${cluster_pids[@]}"; do kill -0 "$pid" 2>/dev/null && left=1; done
    ((left == 0)) && break
    sleep 0.5
  done
  # Whatever is left of a node (a keeper killed by bench/failover leaves its group behind) goes with its group.
  for group in "$cluster_dir"/pg/*.pgid; do
    [[ -f "$group" ]] && kill -KILL -- "-$(cat "$group")" 2>/dev/null || true
  done
  for pid in $(cluster_own_processes); do kill -KILL "$pid" 2>/dev/null || true; done
  for pid in "${cluster_pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  sleep 0.5
  if [[ -n "$(cluster_own_processes)" ]]; then
    cluster_log "still running: $(cluster_own_processes | tr '\n' ' ')"
  fi
  if [[ -z "${SCIATICA_CLUSTER_KEEP:-}" ]]; then
    rm -rf "$cluster_dir"
  else
    cluster_log "kept $cluster_dir"
  fi
}

# The name of the pg_autoctl group whose leader is $1, if it is one.
cluster_group_name() {
  local group
  for group in "$cluster_dir"/pg/*.pgid; do
    [[ -f "$group" && "$(cat "$group")" == "$1" ]] && { basename "$group" .pgid; return 0; }
  done
  echo none
}

# Processes whose command line names our directory (pg_autoctl, postgres, haproxy, prometheus).
cluster_own_processes() {
  local pid
  for pid in $(ps -eo pid= 2>/dev/null); do
    [[ "$pid" == "$$" || "$pid" == "$BASHPID" ]] && continue
    tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline" | grep -qF -- "$cluster_dir/" && echo "$pid"
  done
  return 0
}
