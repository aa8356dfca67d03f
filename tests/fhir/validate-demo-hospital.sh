#!/usr/bin/env bash
# CTest fhir_validator (issue 9): every record body the hub stores is valid FHIR R4 by an independent validator.
# Seeds a fresh demo hospital (SQLite), exports every patient with `wardhub export patient` (FHIR Bundle,
# audited), dumps every record type the terminal writes (fhir_samples), and runs validate-fhir.js over all of it.
# Also checks the export's refusals and its hub audit entry. Issue 14: the hub's whole audit (its own chain and a
# terminal's shipped chain: logins, chart views, break-the-glass, the exports) exported with `wardhub audit export`
# is valid FHIR R4 too. Usage: validate-demo-hospital.sh WARDHUB FHIR_SAMPLES AUDIT_TRAIL_SAMPLES
set -euo pipefail
wardhub=$1
samples=$2
trail=$3
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$wardhub" init --dir "$work/hub" >/dev/null
"$wardhub" demo-seed --dir "$work/hub" --days 21 >/dev/null
"$samples" "$work/terminal.ndjson" >/dev/null

# The registrar proves who runs the export with their own password (issue 12), never on the command line.
python3 -c 'import json,sys; print(next(s["password"] for s in json.load(open(sys.argv[1]))["staff"] if s["id"] == "RC00000001"))' \
  "$work/hub/demo/staff.json" >"$work/rc.pw"
chmod 600 "$work/rc.pw"
by=(--by RC00000001 --password-file "$work/rc.pw")

# Bad input: unknown patient, unknown operator, wrong password, no operator — refused, nothing written.
if "$wardhub" export patient --dir "$work/hub" --id P999999 --out "$work/x.json" "${by[@]}" 2>/dev/null; then
  echo "export of an unknown patient succeeded" >&2; exit 1; fi
if "$wardhub" export patient --dir "$work/hub" --id P000001 --out "$work/x.json" --by NOBODY0001 --password-file "$work/rc.pw" 2>/dev/null; then
  echo "export by an unknown operator succeeded" >&2; exit 1; fi
if echo "Not-the-password-1" | "$wardhub" export patient --dir "$work/hub" --id P000001 --out "$work/x.json" --by RC00000001 \
     --password-file - 2>/dev/null; then
  echo "export with a wrong password succeeded" >&2; exit 1; fi
sleep 1.2 # AUTH-5: the wrong password's non-response delay (1 s) passes before the registrar tries again
if "$wardhub" export patient --dir "$work/hub" --id P000001 --out "$work/x.json" 2>/dev/null; then
  echo "export without --by succeeded" >&2; exit 1; fi
[ ! -e "$work/x.json" ] || { echo "a refused export wrote a file" >&2; exit 1; }

for i in $(seq 1 60); do
  id=$(printf 'P%06d' "$i")
  "$wardhub" export patient --dir "$work/hub" --id "$id" --out "$work/$id.json" "${by[@]}" >/dev/null
done

# Audited in the hub's chain with who ran it (60 exports by the registrar, proved by password at the console).
exports=$(sqlcipher "$work/hub/hub.db" "SELECT COUNT(*) FROM hub_audit WHERE action = 'patient.export' AND actor = 'RC00000001'
  AND detail LIKE '%\"proof\":\"password\"%' AND detail LIKE '%\"console\":\"operator@%'")
[ "$exports" = 60 ] || { echo "expected 60 audited exports, found $exports" >&2; exit 1; }
"$wardhub" check --dir "$work/hub" | grep -q ': OK$' || { echo "wardhub check failed after the exports" >&2; exit 1; }

# Issue 14: a terminal's day reaches the hub, then the hub's whole audit goes out as FHIR AuditEvents; a second export
# covers the first one's own audit entry (audit.export by the hub console).
"$trail" "$work/hub" >/dev/null
since=$(date -u -d '-1 day' +%F)
until=$(date -u -d '+1 day' +%F)
"$wardhub" audit export --dir "$work/hub" --from "$since" --to "$until" --out "$work/audit-first.json" >/dev/null
"$wardhub" audit export --dir "$work/hub" --from "$since" --to "$until" --out "$work/audit.json" >/dev/null
consoleExports=$(sqlcipher "$work/hub/hub.db" "SELECT COUNT(*) FROM hub_audit WHERE action = 'audit.export' AND actor LIKE 'operator@%'
  AND detail LIKE '%\"via\":\"hub console\"%' AND detail LIKE '%audit-first.json%'")
[ "$consoleExports" = 1 ] || { echo "the audit export is not in the hub chain ($consoleExports)" >&2; exit 1; }
python3 - "$work/audit.json" <<'PY'
import json, sys
events = [e["resource"] for e in json.load(open(sys.argv[1]))["entry"]]
def has(pred, what):
    if not any(pred(e) for e in events):
        sys.exit(f"the audit export has no {what}")
def codes(e, key):
    return {c["code"] for c in e.get(key, [])}
has(lambda e: e["type"]["code"] == "110114" and "110122" in codes(e, "subtype") and e["outcome"] == "0", "successful login")
has(lambda e: e["type"]["code"] == "110114" and "110122" in codes(e, "subtype") and e["outcome"] == "4", "refused login")
has(lambda e: e["type"]["code"] == "110114" and "110123" in codes(e, "subtype"), "logout")
has(lambda e: e["type"]["code"] == "110110" and any(c["code"] == "BTG" for p in e.get("purposeOfEvent", []) for c in p["coding"]),
    "break-the-glass")
has(lambda e: e["type"]["code"] == "110106" and "patient.export" in codes(e, "subtype"), "patient export")
has(lambda e: e["type"]["code"] == "110106" and "audit.export" in codes(e, "subtype"), "audit export")
has(lambda e: e["type"]["code"] == "110113", "security alert")
PY

summary=$(node "$here/validate-fhir.js" "$work"/P*.json "$work/terminal.ndjson" "$work/audit.json")
echo "$summary"
# Every record type must have been checked, the alert flags (issue 11) included.
for type in Observation AllergyIntolerance MedicationRequest Composition Flag Patient AuditEvent; do
  grep -q "\"$type\":" <<<"$summary" || { echo "no $type resource was validated" >&2; exit 1; }
done
