#!/usr/bin/env bash
# Builds one libFuzzer target with AddressSanitizer and runs it for SECONDS, then prints how many
# inputs it ran:
#
#   scripts/fuzz.sh TARGET SECONDS [libFuzzer options…]
#
# Targets (Fuzz/Targets/TARGET.swift): rules, facts, cases, cli, generated. See docs/robustness.md.
#
# How it builds: the library modules (ProvisoCore, ProvisoRules, Proviso, ProvisoCLI) are compiled with swiftc
# directly, instrumented with -sanitize=fuzzer,address, into .build-fuzz-lib (shared by every
# target, rebuilt only when a source changes); the target's driver is linked against them into
# .build-fuzz-TARGET. Nothing here is a product of Package.swift, so `swift build` and `swift test`
# never compile it. (SwiftPM's own --sanitize=fuzzer cannot be used: it applies to the EmbedRules
# build tool too, which then cannot link.)
#
# The run: seeds from Rules/ and Cases/ (and Fuzz/cli-seeds.txt) in .build-fuzz-TARGET/seeds, the
# growing corpus in .build-fuzz-TARGET/corpus, anything that fails in .build-fuzz-TARGET/crashes.
# Exits non-zero on a crash, a leak, an input that runs longer than FUZZ_TIMEOUT seconds (default
# 10) or more memory than FUZZ_RSS_MB (default 3072).
#
# Leaks are libFuzzer's own check, after every input whose allocations outlive it; the check at
# exit is off. The default rulebook is built once, before the first input (LLVMFuzzerInitialize
# in Fuzz/Support.swift), and lives until the end; at exit LeakSanitizer would report parts of it,
# because Swift keeps enum cases in the spare bits of pointers (the conditions' `indirect enum`),
# which the scanner does not recognise as pointers.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

usage() { echo "usage: scripts/fuzz.sh rules|facts|cases|cli|generated SECONDS [libFuzzer options…]" >&2; exit 2; }
[ $# -ge 2 ] || usage
target=$1
seconds=$2
shift 2
case "$target" in rules|facts|cases|cli|generated) ;; *) usage ;; esac
case "$seconds" in ''|*[!0-9]*) usage ;; esac

lib=$root/.build-fuzz-lib
out=$root/.build-fuzz-$target
mkdir -p "$lib" "$out"

flags=(-sanitize=fuzzer,address -parse-as-library -O -swift-version 6 -package-name proviso -module-cache-path "$lib/module-cache")

# --- the instrumented library, rebuilt when any of its sources (or this script) changed
sources_of() { find "$@" -name '*.swift' | LC_ALL=C sort; }
stamp=$lib/stamp
if [ ! -f "$stamp" ] || [ -n "$(find Sources/ProvisoCore Sources/Proviso Sources/ProvisoCLI Sources/proviso-embed Rules scripts/fuzz.sh -newer "$stamp" -type f | head -1)" ]; then
  echo "== building the instrumented library in $lib (a few minutes)"
  rm -f "$stamp"
  exec 3>&1 >"$lib/build.log" 2>&1
  trap 'exec 1>&3; tail -30 "$lib/build.log"; echo "fuzz: the library does not build; see $lib/build.log" >&2' ERR
  # The build tool that embeds Rules/ (checked, with its snapshot), as SwiftPM's plugin runs it:
  # not instrumented, so it is built against a plain ProvisoCore of its own.
  mkdir -p "$lib/embed"
  # shellcheck disable=SC2046
  swiftc -parse-as-library -swift-version 6 -package-name proviso -module-cache-path "$lib/module-cache" -wmo \
    -module-name ProvisoCore -emit-module -emit-module-path "$lib/embed/ProvisoCore.swiftmodule" \
    -c $(sources_of Sources/ProvisoCore) -o "$lib/embed/ProvisoCore.o"
  swiftc -swift-version 6 -module-cache-path "$lib/module-cache" -I "$lib/embed" Sources/proviso-embed/main.swift \
    "$lib/embed/ProvisoCore.o" -o "$lib/proviso-embed"
  "$lib/proviso-embed" "$lib/EmbeddedRules.swift" Rules
  # shellcheck disable=SC2046
  swiftc "${flags[@]}" -wmo -module-name ProvisoCore -emit-module -emit-module-path "$lib/ProvisoCore.swiftmodule" \
    -c $(sources_of Sources/ProvisoCore) -o "$lib/ProvisoCore.o"
  swiftc "${flags[@]}" -wmo -module-name ProvisoRules -I "$lib" -emit-module -emit-module-path "$lib/ProvisoRules.swiftmodule" \
    -c Rules/DefaultRulebook.swift "$lib/EmbeddedRules.swift" -o "$lib/ProvisoRules.o"
  # shellcheck disable=SC2046
  swiftc "${flags[@]}" -wmo -module-name Proviso -I "$lib" -emit-module -emit-module-path "$lib/Proviso.swiftmodule" \
    -c $(sources_of Sources/Proviso) -o "$lib/Proviso.o"
  swiftc "${flags[@]}" -wmo -module-name ProvisoCLI -I "$lib" -emit-module -emit-module-path "$lib/ProvisoCLI.swiftmodule" \
    -c $(sources_of Sources/ProvisoCLI) -o "$lib/ProvisoCLI.o"
  touch "$stamp"
  trap - ERR
  exec 1>&3 3>&-
fi

# --- the target's driver
binary=$out/fuzz-$target
extra=()
[ "$target" = generated ] && extra=(Tests/ProvisoTests/Support/RulebookGenerator.swift)
if [ ! -x "$binary" ] || [ -n "$(find Fuzz "${extra[@]}" "$stamp" -newer "$binary" -type f | head -1)" ]; then
  echo "== linking $binary"
  # ld.gold warns about every AddressSanitizer helper it cannot export; the log keeps them.
  if ! swiftc "${flags[@]}" -I "$lib" Fuzz/Support.swift "Fuzz/Targets/$target.swift" "${extra[@]}" \
    "$lib/ProvisoCore.o" "$lib/ProvisoRules.o" "$lib/Proviso.o" "$lib/ProvisoCLI.o" -o "$binary" > "$out/link.log" 2>&1; then
    grep -v "Cannot export local symbol" "$out/link.log" | tail -30
    echo "fuzz: $target does not link; see $out/link.log" >&2
    exit 1
  fi
fi

# --- seeds, rebuilt each run from the repository's own files
seeds=$out/seeds
rm -rf "$seeds"
mkdir -p "$seeds" "$out/corpus" "$out/crashes"
n=0
seed() { n=$((n + 1)); cp "$1" "$seeds/seed-$n"; }
max_len=4096
timeout=${FUZZ_TIMEOUT:-10}
case "$target" in
  rules)
    for f in $(find Rules -name '*.proviso' | LC_ALL=C sort); do seed "$f"; done
    max_len=65536 ;;
  facts)
    for f in $(find Rules/facts -name '*.proviso' | LC_ALL=C sort); do seed "$f"; done
    max_len=16384 ;;
  cases)
    for f in $(find Cases -name '*.case' | LC_ALL=C sort); do seed "$f"; done
    max_len=16384 ;;
  cli)
    # One command a line, its arguments separated by tabs; the target reads one argument a line.
    while IFS= read -r line; do
      case "$line" in ''|'#'*) continue ;; esac
      n=$((n + 1)); printf '%s' "$line" | tr '\t' '\n' > "$seeds/seed-$n"
    done < Fuzz/cli-seeds.txt
    # The commands run in a sandbox: a copy of the rulebook and two case files (see cli.swift).
    rm -rf "$out/sandbox"
    mkdir -p "$out/sandbox/Cases"
    cp -R Rules "$out/sandbox/Rules"
    rm -f "$out/sandbox/Rules/DefaultRulebook.swift"
    cp Cases/mali.case Cases/egypt.case "$out/sandbox/Cases/"
    timeout=${FUZZ_TIMEOUT:-20}
    max_len=1024 ;;
  generated)
    for i in 1 2 3 4 5 6 7 8; do n=$((n + 1)); head -c $((i * 64)) /dev/zero | tr '\0' "\\$(printf '%03o' $((i * 29 % 256)))" > "$seeds/seed-$n"; done
    max_len=4096 ;;
esac

echo "== fuzzing $target for ${seconds}s ($n seeds)"
log=$out/last-run.log
set +e
(cd "$out" && FUZZ_SANDBOX="$out/sandbox" ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}" LSAN_OPTIONS="leak_check_at_exit=0" "$binary" \
  -max_total_time="$seconds" -timeout="$timeout" -rss_limit_mb="${FUZZ_RSS_MB:-3072}" -max_len="$max_len" \
  -print_final_stats=1 -artifact_prefix="$out/crashes/" "$@" "$out/corpus" "$seeds") > "$log" 2>&1
code=$?
set -e
runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
if [ "$code" -ne 0 ]; then
  tail -40 "$log"
  echo "fuzz $target: FAILED (exit $code) after ${runs:-?} executions; inputs in $out/crashes" >&2
  exit 1
fi
echo "fuzz $target: $runs executions in ${seconds}s without a failure"
