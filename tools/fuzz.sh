#!/usr/bin/env bash
# fuzz: builds the libFuzzer targets of fuzz/ with Debian's clang (coverage + address and
# undefined-behaviour sanitizers) into build/fuzz, makes seed corpora from the real assets and
# links, and runs every target for a few seconds. Prints per target the executions per
# second, total runs and corpus size; exits non-zero on any crash, leak, timeout, sanitizer
# report or broken promise. tools/test.sh runs it before the native tests.
# Usage: tools/fuzz.sh [SECONDS_PER_TARGET]   (default 3)
#        FUZZ_ONLY=prescription tools/fuzz.sh 60   (one target, longer)
#
# Adding a target (fuzz_clinic.cpp with seeds_clinic below is a recent example):
#   1. Write fuzz/fuzz_<name>.cpp with one
#        extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
#      that hands the bytes to the parser, checks what the parser promises with
#      sb_fuzz::expect (fuzz/fuzz_support.h) and returns 0. fuzz/fuzz_strings.cpp is the
#      smallest example. The build and the run loop below pick the file up by its name.
#   2. Give it seeds: a function seeds_<name> in this script that writes files into the folder
#      "$1" (taken from assets/, tests or a tool at run time; see seeds_json), and/or small text
#      files committed in fuzz/seeds/<name>/. A target without seeds starts from nothing.
# What the fuzzer finds stays in build/fuzz/corpus/<name> (reused by the next run, never
# committed); a crashing input is saved as build/fuzz/crashes/<name>-crash-*: replay it with
# build/fuzz/fuzz_<name> FILE.
set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
SECONDS_PER_TARGET=${1:-3}
OUT=build/fuzz

say() { printf '[fuzz] %s\n' "$*"; }

# ---- seeds: one function per target, writing into "$1" --------------------------------------

# Every preset programme as a link (with and without clinic, note and review date), and the
# golden links of tests/core/test_prescription.cpp; each as text (first byte 0) and as a bare
# body for the wrapped mode (first byte 1), see fuzz/fuzz_prescription.cpp.
seeds_prescription() {
  local dir=$1 cli=build/native/prescription_link links id n=0
  links=$(mktemp)
  if [ -x "$cli" ]; then
    for id in $(python3 -c 'import json,sys; print(" ".join(p["id"] for p in json.load(open(sys.argv[1]))["programmes"]))' assets/programmes.json); do
      "$cli" encode "$id" 2>/dev/null >> "$links"
      "$cli" encode "$id" --clinic "Clínica Río — Physio" --note $'Gently.\nStop if it hurts more.' \
        --review 2026-03-01 --pain 3 2>/dev/null >> "$links"
    done
  else
    say "note: $cli is not built, so prescription seeds are only the golden links"
  fi
  python3 - "$dir" "$links" <<'PY'
import base64, re, sys
out, links_file = sys.argv[1], sys.argv[2]
links = [l.strip() for l in open(links_file) if l.strip()]
test = open("tests/core/test_prescription.cpp", encoding="utf-8").read()
for call in re.findall(r'decode\(\s*((?:"[^"\n]*"\s*)+)\)', test):
    text = "".join(re.findall(r'"([^"\n]*)"', call))
    if "1." in text:
        links.append(text)
for i, link in enumerate(links):
    with open(f"{out}/link{i:03d}", "wb") as f:
        f.write(b"\x00" + link.encode())
    data = link.split("rx=")[-1].split(".", 1)[-1]  # the base64url after "rx=1."
    raw = base64.urlsafe_b64decode(data + "=" * (-len(data) % 4))
    start = 2 if raw[0] & 0x80 else 1  # after the length prefix
    with open(f"{out}/body{i:03d}", "wb") as f:
        f.write(b"\x01" + raw[start:-4])  # without the checksum
PY
  rm -f "$links"
}

# Small inputs, so the fuzzer runs fast: each exercise alone; guidance, programmes and the seed
# index each with a skeleton exercises file (ids and codes only) so their links resolve.
seeds_content() {
  python3 - "$1" <<'PY'
import json, sys
out = sys.argv[1]
ex = json.load(open("assets/exercises.json"))
skeleton = json.dumps({"schema": 1, "exercises": [{"id": e["id"], "code": e["code"]} for e in ex["exercises"]]})
empty_guidance = '{"schema": 1, "pain_groups": [], "avoid": [], "red_flags": [], "advice": []}'
read = lambda name: open("assets/" + name, encoding="utf-8").read()
def write(name, parts):
    with open(f"{out}/{name}", "w", encoding="utf-8") as f:
        f.write("\0".join(parts))
for i, e in enumerate(ex["exercises"]):
    write(f"exercise{i:02d}", [json.dumps({"schema": 1, "exercises": [e]}, indent=1)])
write("guidance", [skeleton, read("guidance.json")])
write("programmes", [skeleton, empty_guidance, read("programmes.json")])
write("seed_index", [skeleton, empty_guidance, '{"schema": 1, "programmes": []}', read("seed_index.json")])
PY
}

# Each clip alone, with the shared poses.
seeds_clips() {
  python3 - "$1" <<'PY'
import json, sys
out = sys.argv[1]
clips = json.load(open("assets/clips.json"))
for i, clip in enumerate(clips["clips"]):
    with open(f"{out}/clip{i:02d}", "w", encoding="utf-8") as f:
        json.dump({"schema": clips["schema"], "poses": clips["poses"], "clips": [clip]}, f, indent=1)
PY
}

seeds_strings() { cp assets/strings.json "$1/"; }

# Every small asset file, and a few shapes the assets do not have.
seeds_json() {
  cp assets/strings.json assets/guidance.json assets/programmes.json "$1/"
  printf '%s' '{"a": [1, -2.5e3, true, false, null, "\u00e9\ud83d\ude00"], "b": {"c": {}}}' > "$1/shapes.json"
  printf '%s' '[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]' > "$1/deep.json"
}

# A backup made by the app's own model (tests/core/test_progress.cpp writes the same shapes)
# and stored records of both formats.
seeds_progress() {
  printf '%s' '{"app":"steady-back","kind":"backup","version":1,"exported":1763726400000,"sessions":[{"v":2,"id":"s-1","start":1763726400000,"tz":-60,"active_s":312.5,"programme":"gentle-start","programme_name":"Gentle start","items":[{"exercise":"knee-to-chest","outcome":"done","sets":3,"reps":9,"hold_s":45},{"exercise":"pelvic-tilt","outcome":"stopped","sets":1,"reps":4,"hold_s":0,"pain":6}],"pain_before":3,"pain_after":2,"difficulty":"right","note":"stiff","finished":true}],"checks":[{"v":2,"day":"2025-11-21","worse":true,"at":1763726400000}],"adjustments":[{"v":2,"exercise":"bridge","kind":"easier","to":"bridge-small","at":1763726400000}],"unreadable":[]}' > "$1/backup.json"
  printf '%s' '{"v":1,"id":"s-old","start":1700000000000,"programme":"gentle-start","done":["knee-to-chest"],"skipped":["bridge"],"pain":4}' > "$1/v1.json"
  printf '%s' '{"v":1,"sound":false,"volume":0.5,"speech":true,"vibration":false,"programme":"taster","pain_threshold":3}' > "$1/settings.json"
  # Stored session lines (web/storage.js keeps a week of them in one value, after "#week").
  printf '%s' '[3,"s-1",1763726400000,-60,312.5,"gentle-start","Gentle start",[["knee-to-chest",2,3,9,45,-1],["pelvic-tilt",4,1,4,0,6]],3,2,2,1,"stiff"]' > "$1/line.txt"
  printf '%s\n' '#2025-W47' '[3,"s-2",1763726400000,0,60,"taster","Quick taster",[],-1,-1,0,0]' \
    '{"v":2,"id":"s-3","start":1763726400000,"tz":0,"active_s":1,"programme":"p","programme_name":"P","items":[],"finished":true}' \
    '#2025-W48' '{"v":2,"id":"s-broken","start":' > "$1/week.txt"
}

# clinic.json: the committed seeds in fuzz/seeds/clinic, and the example of docs/CLINIC.md.
seeds_clinic() {
  python3 - "$1" <<'PY'
import re, sys
doc = open("docs/CLINIC.md", encoding="utf-8").read()
for i, block in enumerate(re.findall(r"```json\n(.*?)```", doc, re.S)):
    with open(f"{sys.argv[1]}/doc{i:02d}.json", "w", encoding="utf-8") as f:
        f.write(block)
PY
}

# ---- build -------------------------------------------------------------------------------------

if ! command -v clang++ >/dev/null; then
  say "error: clang++ is missing: run tools/setup.sh (Debian packages clang, libclang-rt-14-dev)"
  exit 1
fi
if [ ! -f "$OUT/build.ninja" ]; then
  cmake -S fuzz -B "$OUT" -G Ninja -DCMAKE_CXX_COMPILER=clang++ >/dev/null || {
    say "error: configuring the fuzz build failed"; exit 1; }
fi
if ! cmake --build "$OUT" > "$OUT/build.log" 2>&1; then
  cat "$OUT/build.log" >&2
  say "error: the fuzz build failed (if -fsanitize=fuzzer is unknown: install libclang-rt-14-dev)"
  exit 1
fi

# ---- run ---------------------------------------------------------------------------------------

status=0
mkdir -p "$OUT/crashes"
for src in fuzz/fuzz_*.cpp; do
  target=$(basename "$src" .cpp)
  name=${target#fuzz_}
  if [ -n "${FUZZ_ONLY:-}" ] && [ "$FUZZ_ONLY" != "$name" ]; then continue; fi
  corpus="$OUT/corpus/$name"
  seeds="$OUT/seeds/$name"
  log="$OUT/$name.log"
  rm -rf "$seeds"
  mkdir -p "$corpus" "$seeds"
  if declare -F "seeds_$name" >/dev/null; then "seeds_$name" "$seeds"; fi
  if [ -d "fuzz/seeds/$name" ]; then cp fuzz/seeds/"$name"/* "$seeds/" 2>/dev/null; fi
  "$OUT/$target" -max_total_time="$SECONDS_PER_TARGET" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$OUT/crashes/$name-" "$corpus" "$seeds" > "$log" 2>&1
  rc=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  corp=$(grep -o 'corp: [0-9]*/[0-9]*[a-zA-Z]*' "$log" | tail -1 | cut -d' ' -f2 | sed 's|/| inputs, |')
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
  seed_count=$(find "$seeds" -type f | wc -l)
  if [ "$rc" = 0 ]; then
    printf '[fuzz] %-13s ok %8s runs %6s exec/s  corpus %s  coverage %s  (%s seeds, %ss)\n' \
      "$name" "${runs:-?}" "${speed:-?}" "${corp:-?}" "${cov:-?}" "$seed_count" "$SECONDS_PER_TARGET"
  else
    status=1
    printf '[fuzz] %-13s FAILED (exit %s) after %s runs; the end of %s:\n' "$name" "$rc" "${runs:-?}" "$log"
    grep -v '^#' "$log" | tail -40
    ls "$OUT/crashes/$name-"* 2>/dev/null | sed 's/^/[fuzz]   input saved: /'
  fi
done
[ "$status" = 0 ] && say "no crash" || say "error: a fuzz target failed"
exit $status
