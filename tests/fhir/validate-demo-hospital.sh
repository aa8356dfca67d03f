#!/usr/bin/env bash
# CTest fhir_validator (issue 9): every record body the hub stores is valid FHIR R4 by an independent validator.
# Seeds a fresh demo hospital (SQLite), exports every patient with `wardhub export patient` (FHIR Bundle,
# audited), dumps every record type the terminal writes (fhir_samples), and runs validate-fhir.js over all of it.
# Also checks the export's refusals and its hub audit entry. Usage: validate-demo-hospital.sh WARDHUB FHIR_SAMPLES
set -euo pipefail
wardhub=$1
samples=$2
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

summary=$(node "$here/validate-fhir.js" "$work"/P*.json "$work/terminal.ndjson")
echo "$summary"
# Every record type must have been checked, the alert flags (issue 11) included.
for type in Observation AllergyIntolerance MedicationRequest Composition Flag Patient; do
  grep -q "\"$type\":" <<<"$summary" || { echo "no $type resource was validated" >&2; exit 1; }
done
