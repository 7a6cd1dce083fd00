# Shared by scripts/run and bench/run: publishes the service into $1, precompiled (ReadyToRun) for this machine's
# runtime so that it is ready in under 3 s; falls back to a portable publish on an architecture not listed here.
publish_service() {
  local out=$1 rid=""
  case "$(uname -m)" in
    x86_64) rid=linux-x64 ;;
    aarch64 | arm64) rid=linux-arm64 ;;
  esac
  dotnet publish src/Api -c Release ${rid:+-r "$rid" --self-contained false} -o "$out" -nologo -v quiet
}

# The runtime environment the service runs with wherever these scripts start it; the Dockerfile sets the same.
# DOTNET_GCgen0size: the garbage collector sizes its youngest generation from the L3 cache the CPU reports, and
# some virtual machines report hundreds of MB (the Intel VM of 2026-12-02: 260 MB), which let ~70-100 MB of garbage
# pile up between collections: 272 MB resident under assessment load, 208 MB with a 16 MB budget, for no
# measurable CPU per request; 8 MB took another 6-10 MB off the peak by hand and 3 MB in a full bench run (254
# against 257), its CPU per request within the noise (docs/benchmarks.md). The GC still grows the budget when more
# survives. The runtime reads it from the environment only (runtimeconfig.json has no such setting); a value
# already set wins.
service_env=("DOTNET_GCgen0size=${DOTNET_GCgen0size:-0x800000}")
