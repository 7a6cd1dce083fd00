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
