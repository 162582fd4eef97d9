#!/usr/bin/env bash
# Checks that `kg eval` gives exactly the figures of the reference scorer on
# the dev set: runs `kg extract` on ../shared/eval/dev, scores the output with
# score.py --json, runs `kg eval --json` on the same folder (and `kg eval
# --system` on the same output), and compares the JSON objects (kg's
# "kg_extra" aside). Prints OK or the differences. A developer's check, not
# part of the test command; it needs python3 and ../shared/eval.
#
# Usage: scripts/eval-parity.sh [DEV_DIR]   (default: ../shared/eval/dev)
# Environment: KG_SCORE_PY [DEV_DIR/../score.py]
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEV="${1:-$ROOT/../shared/eval/dev}"
if [ ! -d "$DEV" ]; then
	echo "eval-parity.sh: no $DEV; nothing to compare" >&2
	exit 0
fi
DEV="$(cd "$DEV" && pwd)"
SCORE_PY="${KG_SCORE_PY:-$DEV/../score.py}"
command -v python3 >/dev/null || { echo "eval-parity.sh: python3 is not installed" >&2; exit 1; }
[ -f "$SCORE_PY" ] || { echo "eval-parity.sh: no score.py at $SCORE_PY (set KG_SCORE_PY)" >&2; exit 1; }

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
cd "$ROOT"
go build -o "$TMP/kg" ./cmd/kg

# the reports only: kg extract would read the gold .json files as input too
shopt -s nullglob
reports=()
for f in "$DEV"/*; do
	case "$f" in *.json|*/README*|*/.*) ;; *) [ -f "$f" ] && reports+=("$f") ;; esac
done
"$TMP/kg" extract --id-from-file-name "${reports[@]}" >"$TMP/system.jsonl"
python3 "$SCORE_PY" "$DEV" "$TMP/system.jsonl" --json >"$TMP/score_py.json"
"$TMP/kg" eval --json "$DEV" >"$TMP/kg_eval.json"
"$TMP/kg" eval --json --system "$TMP/system.jsonl" --gold "$DEV" >"$TMP/kg_eval_system.json"

python3 - "$TMP/score_py.json" "$TMP/kg_eval.json" "$TMP/kg_eval_system.json" <<'PY'
import json, sys
py = json.load(open(sys.argv[1]))
bad = False
for name, path in (("kg eval DIR", sys.argv[2]), ("kg eval --system", sys.argv[3])):
    kg = json.load(open(path))
    extra = kg.pop("kg_extra", None)
    diffs = []
    for k in sorted(set(py) | set(kg)):
        a, b = py.get(k), kg.get(k)
        if a == b:
            continue
        if a is None or b is None:
            diffs.append(f"  {k}: score.py {a}, kg {b}")
            continue
        for f in sorted(set(a) | set(b)):
            if a.get(f) != b.get(f):
                diffs.append(f"  {k}.{f}: score.py {a.get(f)}, kg {b.get(f)}")
    if list(py) != list(kg) and not diffs:
        diffs.append(f"  key order: score.py {list(py)}, kg {list(kg)}")
    if diffs:
        bad = True
        print(f"{name}: DIFFERENT from score.py")
        print("\n".join(diffs))
    else:
        print(f"{name}: OK ({len(py)} keys equal; kg_extra {json.dumps(extra, ensure_ascii=False)})")
print(json.dumps(py, ensure_ascii=False))
sys.exit(1 if bad else 0)
PY
