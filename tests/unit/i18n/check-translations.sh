#!/usr/bin/env bash
# usage: check-translations.sh LUPDATE SOURCE_DIR
set -euo pipefail
lupdate=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for lang in ja en; do
  cp "$src/translations/wardstation_$lang.ts" "$tmp/"
done
(cd "$src" && "$lupdate" -locations none -no-obsolete -I "$src/core" -I "$src" core ui app -ts "$tmp/wardstation_ja.ts" "$tmp/wardstation_en.ts" >/dev/null)
status=0
for lang in ja en; do
  total=$(grep -c '<message>' "$tmp/wardstation_$lang.ts" || true)
  unfinished=$(grep -c 'type="unfinished"' "$tmp/wardstation_$lang.ts" || true)
  echo "$lang: $total messages, $unfinished without a translation"
  if [ "$unfinished" -gt 0 ]; then
    status=1
    grep -B3 'type="unfinished"' "$tmp/wardstation_$lang.ts" | grep '<source>' | head -20 | sed 's/^/  missing: /'
  fi
  if ! cmp -s "$tmp/wardstation_$lang.ts" "$src/translations/wardstation_$lang.ts"; then
    echo "$lang: translations/wardstation_$lang.ts is out of date with the sources (run: cmake --build build/dev -t ward_lupdate)"
    status=1
  fi
done
exit $status
