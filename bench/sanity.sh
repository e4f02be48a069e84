#!/usr/bin/env bash
# Does the map of the shared corpora read as an analyst would expect? A sanity table for the
# statement stage (issue 11), on text no rule was written on:
#   - Russia's net stance on sanctions on Russia (expected: against, in both corpora);
#   - the United States' net stance on arms for Ukraine, per year (expected: for in 2022-2024;
#     in 2014-2020 the record is mixed: Obama declined lethal aid, Trump sent Javelins, then
#     withheld the aid Congress had voted, which is what the impeachment coverage reports);
#   - the camps of 2022 in the White House corpus (expected: Russia in no camp with the United
#     States or Ukraine; China and Iran in no camp with the United States: in 2022 China
#     declared itself no party to the sanctions on Russia and Iran sent Russia the drones it
#     used on Ukraine's cities, so neither shares Washington's profile on arms and sanctions;
#     when they did, it was weapons for Russia read as arms for Ukraine).
# It extracts the statements of each corpus once (faultline statements --format jsonl), then
# asks `faultline map --statements ... --format json`. Prints a Markdown table; exits 1 when an
# expectation above fails, so it can be run after a change of rules or model.
#   bash bench/sanity.sh
#   FAULTLINE=other/faultline bash bench/sanity.sh
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BIN="${FAULTLINE:-$ROOT/build/faultline}"
SHARED="${FAULTLINE_SHARED:-$ROOT/../shared}"
TMP="$(mktemp -d "${TMPDIR:-/tmp}/faultline-sanity.XXXXXX")"
trap 'rm -rf "$TMP"' EXIT
[[ -x "$BIN" ]] || { echo "build faultline first ($BIN missing)" >&2; exit 2; }
[[ -d "$SHARED/corpora" ]] || { echo "no $SHARED/corpora: nothing to check" >&2; exit 0; }

declare -A CORPUS=([allsides]="$SHARED/corpora/allsides-intl/articles.jsonl.gz"
                   [whitehouse]="$SHARED/corpora/whitehouse/documents.jsonl.gz")
for name in allsides whitehouse; do
  "$BIN" statements "${CORPUS[$name]}" --format jsonl -o "$TMP/$name.jsonl" 2> "$TMP/$name.err"
  "$BIN" map --statements "$TMP/$name.jsonl" --format json -o "$TMP/$name.map.json" 2>> "$TMP/$name.err"
  "$BIN" map --statements "$TMP/$name.jsonl" --window year --format json -o "$TMP/$name.year.json" \
    2>> "$TMP/$name.err"
done
"$BIN" map --statements "$TMP/whitehouse.jsonl" --from 2022-01 --to 2022-12 --format json \
  -o "$TMP/whitehouse.2022.json" 2>> "$TMP/whitehouse.err"

/usr/bin/python3 - "$TMP" <<'PY'
import json, sys
tmp = sys.argv[1]
load = lambda name: json.load(open(f"{tmp}/{name}.json"))
failures = []

def cell(m, actor, issue):
    for c in m["cells"]:
        if c["actor"] == actor and c["issue"] == issue:
            return c
    return None

def net(c):
    return c["stance"] if c else 0.0  # the map's net stance (docs/map.md)

def course(m, actor, issue):
    c = cell(m, actor, issue)
    return " ".join(f"{w['window']} {w['stance']:+.2f}" for w in c["timeline"]) if c else ""

print("| check | corpus | statements (docs for / against) | net | expected | |")
print("|---|---|---|---|---|---|")
for corpus in ("allsides", "whitehouse"):
    m = load(f"{corpus}.map")
    c = cell(m, "RUS", "sanctions")
    ok = c is not None and net(c) < 0
    if not ok:
        failures.append(f"RUS sanctions in {corpus}")
    shown = f"{c['count']} ({c['docs_for']} / {c['docs_against']})" if c else "none"
    print(f"| Russia on sanctions on Russia | {corpus} | {shown} | {net(c):+.2f} | < 0 | {'ok' if ok else 'FAIL'} |")
for corpus in ("allsides", "whitehouse"):
    m = load(f"{corpus}.year")
    c = cell(m, "USA", "arms")
    shown = f"{c['count']} ({c['docs_for']} / {c['docs_against']})" if c else "none"
    expect = "> 0" if corpus == "whitehouse" else "mixed, by year"
    ok = c is not None and (net(c) > 0 if corpus == "whitehouse" else True)
    if not ok:
        failures.append(f"USA arms in {corpus}")
    print(f"| United States on arms for Ukraine | {corpus} | {shown} | {net(c):+.2f} | {expect} | {'ok' if ok else 'FAIL'} |")
    print(f"| ... by year | {corpus} | {course(m, 'USA', 'arms')} | | | |")

m = load("whitehouse.2022")
print()
print("Camps of 2022 (White House corpus, `map --from 2022-01 --to 2022-12`):")
print()
together = []
with_usa = []
for i, camp in enumerate(m["camps"], 1):
    actors = camp["actors"]
    print(f"{i}. {' '.join(actors)}")
    if "RUS" in actors:
        together = [a for a in actors if a in ("USA", "UKR")]
    if "USA" in actors:
        with_usa = [a for a in actors if a in ("CHN", "IRN")]
if together:
    failures.append("RUS in one camp with " + " ".join(together))
if with_usa:
    failures.append(" ".join(with_usa) + " in one camp with USA")
print()
print("Russia shares a camp with the United States or Ukraine:", "yes (FAIL)" if together else "no (ok)")
print("China or Iran shares a camp with the United States:", "yes (FAIL)" if with_usa else "no (ok)")
for f in failures:
    print("FAIL:", f, file=sys.stderr)
sys.exit(1 if failures else 0)
PY
