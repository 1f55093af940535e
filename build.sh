#!/usr/bin/env bash
# Builds and tests the portal.
#
#   ./build.sh test [extra dotnet test arguments, e.g. --filter Name~Schema]
#       Builds the solution, runs every test project (unit, integration and browser tests) one after the other,
#       writes TRX files to TestResults/ and ends with the line "N passed, N failed, N skipped" counted from them.
#       Exits non-zero when a test fails, a test run breaks or no test ran.
#   ./build.sh build
#
# Browser tests need Debian's chromium (/usr/bin/chromium, or PORTAL_CHROMIUM) and fonts-noto-cjk; the PostgreSQL
# tests need PORTAL_TEST_POSTGRES (skipped without it, except under CI=true). .ci/run installs and sets all of that.
# PORTAL_ARTIFACTS_PATH puts build output elsewhere (dotnet --artifacts-path); PORTAL_TEST_RESULTS moves the TRX files.
set -uo pipefail
cd "$(dirname "$0")"
root=$(pwd)

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

artifacts=()
if [ -n "${PORTAL_ARTIFACTS_PATH:-}" ]; then artifacts=(--artifacts-path "$PORTAL_ARTIFACTS_PATH"); fi

build() {
  dotnet build Portal.sln -c Debug "${artifacts[@]}"
}

run_tests() {
  local results=${PORTAL_TEST_RESULTS:-$root/TestResults}
  rm -rf "$results"
  mkdir -p "$results"

  if ! build; then
    echo "build failed"
    echo "0 passed, 1 failed"
    return 1
  fi

  local status=0 project name
  local projects=()
  for project in tests/*/*.csproj; do
    case "$project" in */Portal.Testing.csproj) continue ;; esac
    projects+=("$project")
  done

  for project in "${projects[@]}"; do
    name=$(basename "$project" .csproj)
    echo "==> $name"
    if ! dotnet test "$project" -c Debug --no-build "${artifacts[@]}" \
        --logger "trx;LogFileName=$name.trx" --results-directory "$results" \
        --blame-hang-timeout 10m --blame-hang-dump-type none "$@"; then
      echo "!! $name: dotnet test exited non-zero"
      status=1
    fi
  done

  # Count outcomes from the TRX files: Passed; Failed, Error, Timeout, Aborted (failures); NotExecuted (skipped).
  local passed=0 failed=0 skipped=0 other=0 file p f s o
  for file in "$results"/*.trx; do
    [ -e "$file" ] || continue
    p=0 f=0 s=0 o=0
    while read -r outcome; do
      case "$outcome" in
        Passed) p=$((p + 1)) ;;
        Failed|Error|Timeout|Aborted) f=$((f + 1)) ;;
        NotExecuted|NotRunnable|Inconclusive) s=$((s + 1)) ;;
        *) o=$((o + 1)) ;;
      esac
    done < <(grep -o '<UnitTestResult [^>]*>' "$file" | grep -o ' outcome="[A-Za-z]*"' | sed 's/.*="\(.*\)"/\1/')
    echo "    $(basename "$file" .trx): $p passed, $f failed, $s skipped"
    passed=$((passed + p)); failed=$((failed + f + o)); skipped=$((skipped + s))
  done

  if [ "$failed" -gt 0 ]; then status=1; fi
  if [ $((passed + failed)) -eq 0 ]; then
    echo "!! no test ran"
    status=1
  fi
  if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
    # A test host that crashed or hung leaves no failed result behind; count the broken run as a failure.
    failed=1
  fi
  echo "TRX results: $results"
  echo "$passed passed, $failed failed, $skipped skipped"
  return $status
}

case "${1:-}" in
  build) build ;;
  test) shift; run_tests "$@" ;;
  *) echo "usage: ./build.sh test [dotnet test arguments] | ./build.sh build" >&2; exit 2 ;;
esac
