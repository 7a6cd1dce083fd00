"""Turns bench/run's results (one JSON line per measurement) into the markdown table of docs/benchmarks.md."""
import argparse
import json
import platform
import subprocess
from datetime import datetime, timezone

parser = argparse.ArgumentParser()
parser.add_argument("results")
parser.add_argument("--ready-ms", type=int, required=True)
parser.add_argument("--cold-ms", type=int, required=True)
parser.add_argument("--warm-starts", default="")
parser.add_argument("--peak-rss-mb", type=int, required=True)
parser.add_argument("--seconds", type=int, required=True)
parser.add_argument("--rounds", type=int, default=1)
parser.add_argument("--connections", type=int, required=True)
parser.add_argument("--users", type=int, required=True)
parser.add_argument("--damon", default="not read")
args = parser.parse_args()

rows = [json.loads(line) for line in open(args.results) if line.strip()]
# An operation's REST and floor windows alternate, and so do its gRPC and LoadGen REST windows (bench/run's
# BENCH_ROUNDS): several rows per (op, subject).
by = {}
for r in rows:
    by.setdefault((r["op"], r["subject"]), []).append(r)
ops = list(dict.fromkeys(r["op"] for r in rows))
reads = {"stretches", "template"}
writes = {"assessment", "session"}
names = {
    "stretches": "stretch list, `condition=herniated-disc`",
    "template": "routine template",
    "assessment": "submit assessment",
    "routine": "create routine",
    "session": "PUT session",
    "progress": "read progress",
}


def median(values):
    values = sorted(v for v in values if v is not None)
    if not values:
        return None
    middle = len(values) // 2
    return values[middle] if len(values) % 2 else (values[middle - 1] + values[middle]) / 2


def get(op, subject, key):
    """The median over the subject's windows (one for the half-peak and pgbench subjects)."""
    return median(r.get(key) for r in by.get((op, subject), []))


def round_ratios(op, over="rest", under="floor"):
    """Each round's throughput of one subject over another's in the same round: REST's over the floor's right
    after it, or gRPC's over REST's from the same generator (bench/LoadGen)."""
    unders = {r.get("round"): r["rps"] for r in by.get((op, under), [])}
    return [r["rps"] / unders[r.get("round")] for r in by.get((op, over), []) if unders.get(r.get("round"))]


def rest_ratio(op):
    return median(round_ratios(op))


def required_ratios(op, other):
    """Each round's ratio between the floor with the required work and other in the same round: over the floor's
    throughput when other is "floor", under REST's when it is "rest"."""
    required = {r.get("round"): r["rps"] for r in by.get((op, "required"), [])}
    return [required[r.get("round")] / r["rps"] if other == "floor" else r["rps"] / required[r.get("round")]
            for r in by.get((op, other), []) if required.get(r.get("round")) and r["rps"]]


def num(value, digits=0):
    if value is None:
        return "–"
    return f"{value:,.{digits}f}"


def ratio(a, b):
    return None if not a or not b else a / b


def per_request(op, subject):
    """The service's (or floor's) CPU per request, ms: the median over its windows."""
    return median(r["cpu_pct"] / 100 * 1000 / r["rps"] for r in by.get((op, subject), []) if r.get("cpu_pct") is not None and r.get("rps"))


def generator_per_request(op, subject):
    """The load generator's CPU per request, ms: the median over the windows."""
    return median(r["client_cpu_ms"] / r["requests"] for r in by.get((op, subject), []) if r.get("client_cpu_ms") is not None and r.get("requests"))


cpu = subprocess.run(["sh", "-c", "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"], capture_output=True, text=True).stdout.strip()
print(f"Run {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC on {platform.node()}: {cpu}, {subprocess.run(['nproc'], capture_output=True, text=True).stdout.strip()} cores; "
      f"{args.seconds} s per measurement, {args.connections} connections, {args.users} seeded users. Load generator, service and PostgreSQL share the machine. "
      f"The kernel's DAMON memory monitor: {args.damon}.")
print()
print(f"The service's REST windows and the floor's alternate, {args.rounds} of each per operation: their columns give the median window, "
      "REST ÷ floor the median of each round's ratio (REST's window over the floor's right after it), and the rounds' ratios beside it. "
      f"Then gRPC's windows alternate with REST's driven by the same generator (bench/LoadGen, a .NET client: wrk, in C, costs less CPU per request on the cores "
      f"the service shares), {args.rounds} of each, which goes first alternating: gRPC ÷ REST is the median of each round's ratio. "
      "pgbench is one window, compared with the floor's median.")
print()
print("| operation | REST req/s (wrk) | raw floor req/s | REST ÷ floor | REST ÷ floor, each round | gRPC req/s | REST req/s (LoadGen) | gRPC ÷ REST, same generator | each round | pgbench tx/s | floor ÷ pgbench |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
# gRPC's throughput over REST's from the same generator, each round: in the table and in the target's verdict.
transport_rounds = {op: round_ratios(op, "grpc", "rest-loadgen") for op in ops}
for op in ops:
    rest, grpc, rest_loadgen, floor, db = (get(op, s, "rps") for s in ("rest", "grpc", "rest-loadgen", "floor", "pgbench"))
    each = " ".join(num(r, 2) for r in round_ratios(op)) or "–"
    transports = transport_rounds[op]
    print(f"| {names.get(op, op)} | {num(rest)} | {num(floor)} | {num(rest_ratio(op), 2)} | {each} | {num(grpc)} | {num(rest_loadgen)} | "
          f"{num(median(transports), 2)} | {' '.join(num(r, 2) for r in transports) or '–'} | {num(db)} | {num(ratio(floor, db), 2)} |")

required_ops = [op for op in ops if (op, "required") in by]
if required_ops:
    print()
    print("The writes with a ratio target against the floor with the work every implementation must do (`Floor__Work=required`, "
          "bench/RawFloor/RequiredWork.cs: the token's signature checked, the body read into the service's types, the service's domain code, "
          "its stored and returned JSON), its window right after the floor's in each round; the medians, and each round's:")
    print()
    print("| operation | raw floor req/s | floor + required work req/s | REST req/s | (floor + required) ÷ floor | each round | REST ÷ (floor + required) | each round | CPU ms per request floor / floor + required / REST | errors (floor + required) |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for op in required_ops:
        up, down = required_ratios(op, "floor"), required_ratios(op, "rest")
        cpu_ms = " / ".join(num(per_request(op, s), 3) for s in ("floor", "required", "rest"))
        print(f"| {names.get(op, op)} | {num(get(op, 'floor', 'rps'))} | {num(get(op, 'required', 'rps'))} | {num(get(op, 'rest', 'rps'))} | "
              f"{num(median(up), 2)} | {' '.join(num(v, 2) for v in up)} | {num(median(down), 2)} | {' '.join(num(v, 2) for v in down)} | {cpu_ms} | "
              f"{sum(r.get('errors') or 0 for r in by[(op, 'required')])} |")

print()
print("Latency at peak (closed loop) and at half of peak (open loop, from when each request was due, and from when the generator actually sent it: the difference is the generator's own lateness, plus the wait for one of its 64 slots when the service falls behind; the raw floor paced the same way at the service's REST rate, right after it, except where that rate is over three quarters of the floor's own peak, as for the content reads), ms; errors; CPU of the process under test (% of one core, and per request: the fairer comparison on a machine whose two cores the load generator shares; REST's per request from wrk's windows and from bench/LoadGen's, its % from wrk's); the load generator's own CPU per request (wrk for REST and the floor; bench/LoadGen for REST and gRPC):")
print()
print("| operation | REST p50 / p95 / p99 | gRPC p50 / p95 / p99 | floor p50 / p95 / p99 | REST p99 at ½ peak, from due / from sent | raw floor p99 at REST's ½-peak rate, from due / from sent | gRPC p99 at ½ peak, from due / from sent | pgbench p99 at REST's ½-peak rate, from due / from start | errors (REST, gRPC, floor: every window, paced ones too) | CPU % REST (wrk) / gRPC / floor | CPU ms per request REST (wrk) / REST (LoadGen) / gRPC / floor | generator CPU ms per request wrk / LoadGen REST / LoadGen gRPC |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for op in ops:
    def lat(subject):
        return " / ".join(num(get(op, subject, k), 1) for k in ("p50_ms", "p95_ms", "p99_ms"))
    errors = ", ".join(str(sum(r.get("errors") or 0 for s in subjects for r in by.get((op, s), []))) if any((op, s) in by for s in subjects) else "–"
                       for subjects in (("rest", "rest-loadgen", "rest-half"), ("grpc", "grpc-half"),
                                        ("floor", "floor-half")))
    def half(subject):
        return f"{num(get(op, subject, 'p99_ms'), 1)} / {num(get(op, subject, 'p99_from_send_ms'), 1)}"
    cpus = " / ".join(num(get(op, s, "cpu_pct")) for s in ("rest", "grpc", "floor"))
    service_ms = " / ".join(num(per_request(op, s), 3) for s in ("rest", "rest-loadgen", "grpc", "floor"))
    generator_ms = " / ".join(num(generator_per_request(op, s), 3) for s in ("rest", "rest-loadgen", "grpc"))
    print(f"| {names.get(op, op)} | {lat('rest')} | {lat('grpc')} | {lat('floor')} | {half('rest-half')} | {half('floor-half')} | {half('grpc-half')} | {half('pgbench-half')} | {errors} | {cpus} | {service_ms} | {generator_ms} |")

print()
print("The whole machine during each measurement (over each command, bench/LoadGen's warm-up included), % of both cores: busy (stolen time counted as busy), and stolen by the hypervisor (time the VM's cores were ready to run and were not given the CPU, which every process on them waits out). Half of peak throughput is not half of the machine: at a paced rate each request costs the service and the generator more than in a closed loop:")
print()
print("| operation | REST busy / steal | REST ½ busy / steal | gRPC busy / steal | gRPC ½ busy / steal | floor busy / steal | floor ½ busy / steal |")
print("|---|---:|---:|---:|---:|---:|---:|")
for op in ops:
    def machine(subject):
        return f"{num(get(op, subject, 'machine_busy_pct'))} / {num(get(op, subject, 'steal_pct'), 1)}"
    print(f"| {names.get(op, op)} | {machine('rest')} | {machine('rest-half')} | {machine('grpc')} | {machine('grpc-half')} | {machine('floor')} | {machine('floor-half')} |")

print()
print("Targets:")
print()


def verdict(ok):
    return "met" if ok else "**missed**"


for op in ops:
    r = rest_ratio(op)
    if op in reads:
        print(f"- content read {op}: REST at {num(r, 2)}x the raw floor (target 1.0x, median of {len(round_ratios(op))} rounds): {verdict(r is not None and r >= 1.0)}")
    if op in writes:
        required = median(required_ratios(op, "floor"))
        beside = f" (the floor with only the required work: {num(required, 2)}x)" if required is not None else ""
        print(f"- write {op}: REST at {num(r, 2)}x the raw floor (target 0.7x, median of {len(round_ratios(op))} rounds){beside}: {verdict(r is not None and r >= 0.7)}")
transport_medians = {op: median(rounds) for op, rounds in transport_rounds.items()}
slower = [op for op, r in transport_medians.items() if r is None or r < 1.0]
print(f"- gRPC at least as fast as REST (throughput, the same generator, median of each operation's rounds): {verdict(not slower)} ("
      + ", ".join(f"{op} {num(r, 2)}x of {len(transport_rounds[op])}" for op, r in transport_medians.items()) + ")")
# An operation without both measurements fails the target too: it was not shown to be met.
costs = {op: (per_request(op, "grpc"), per_request(op, "rest-loadgen")) for op in ops}
costlier = [op for op, (grpc, rest) in costs.items() if grpc is None or rest is None or grpc > rest]
print(f"- gRPC costs the service no more CPU per request than REST (the same generator): {verdict(not costlier)}"
      + (" (" + ", ".join(f"{op} {num(costs[op][0], 3)} against {num(costs[op][1], 3)} ms" for op in costlier) + ")" if costlier else ""))
halves = [v for op in ops for v in (get(op, "rest-half", "p99_ms"), get(op, "grpc-half", "p99_ms")) if v is not None]
worst = max(halves, default=None)
sent = [v for op in ops for v in (get(op, "rest-half", "p99_from_send_ms"), get(op, "grpc-half", "p99_from_send_ms")) if v is not None]
database = [v for op in ops if (v := get(op, "pgbench-half", "p99_ms")) is not None]
floor_half = [v for op in ops if (v := get(op, "floor-half", "p99_ms")) is not None]
print(f"- p99 at half of peak under 25 ms: worst {num(worst, 1)} ms from when due ({num(max(sent, default=None), 1)} ms from when sent; "
      f"the raw floor at REST's rates: worst {num(max(floor_half, default=None), 1)} ms; "
      f"PostgreSQL alone at the same rates: worst {num(max(database, default=None), 1)} ms"
      + f"): {verdict(worst is not None and worst < 25)}")
print(f"- peak RSS under load under 250 MB: {args.peak_rss_mb} MB: {verdict(args.peak_rss_mb < 250)}")
print(f"- ready within 3 s on a warm database: median {args.ready_ms} ms of three starts ({args.warm_starts} ms; the cold start, migrating and seeding, took {args.cold_ms} ms): {verdict(args.ready_ms < 3000)}")
