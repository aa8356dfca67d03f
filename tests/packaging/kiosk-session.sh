#!/usr/bin/env bash
# Issue 16: the kiosk session script (packaging/wardstation-kiosk) starts the client with --kiosk and the terminal's
# data directory, starts it again when it crashes, waits longer each time it keeps failing at once, and on the display
# manager's SIGTERM tells the client and starts nothing more. The client is a stand-in that records each start and
# dies at once (SIGSEGV), until told to stay up.
set -euo pipefail
kiosk=${1:?path of wardstation-kiosk}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "kiosk-session: $*" >&2; exit 1; }

cat >"$work/client" <<'CLIENT'
#!/bin/sh
echo "$(date +%s.%N) $*" >>"$STARTS"
if [ -e "$STAY" ]; then echo $$ >"$STAY"; exec sleep 60; fi
kill -SEGV $$
CLIENT
chmod 755 "$work/client"
export STARTS="$work/starts" STAY="$work/stay"

env -u DISPLAY WARDSTATION_CLIENT="$work/client" WARDSTATION_DATA_DIR="$work/data" "$kiosk" 2>"$work/session.log" &
session=$!
sleep 7.5
# Crashing at once: started at 0, then after 2, 4 and 8 s (the wait doubles), so 3 starts within 7.5 s.
starts=$(wc -l <"$work/starts")
[ "$starts" -eq 3 ] || fail "expected 3 starts of a client that crashes at once in 7.5 s, saw $starts"
grep -qv -- "--kiosk --data-dir $work/data\$" "$work/starts" && fail "the client was started without --kiosk and its data directory"
gap1=$(awk 'NR==2{a=$1} NR==3{print int($1-a+0.5)}' "$work/starts")
[ "$gap1" -eq 4 ] || fail "the second restart came after ${gap1} s, not 4"

# Now the client stays up; the session ends: the client is told, nothing starts again.
touch "$STAY"
sleep 8.5
starts=$(wc -l <"$work/starts")
[ "$starts" -eq 4 ] || fail "expected the client to have started a 4th time, saw $starts"
client=$(cat "$STAY")
kill -0 "$client" 2>/dev/null || fail "the client that stays up is not running"
kill -TERM "$session"
for _ in $(seq 50); do kill -0 "$session" 2>/dev/null || break; sleep 0.1; done
kill -0 "$session" 2>/dev/null && fail "the session script did not end on SIGTERM"
sleep 0.5
kill -0 "$client" 2>/dev/null && fail "the client outlived the session"
[ "$(wc -l <"$work/starts")" -eq 4 ] || fail "a client was started after SIGTERM"
echo "kiosk-session: restarts with a growing wait, --kiosk, stops with the session"
