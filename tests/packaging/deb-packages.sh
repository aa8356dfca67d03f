#!/usr/bin/env bash
# Issue 16: the two Debian packages of a build tree. cpack makes them (into a scratch directory); lintian finds no
# error in either; each carries its run-time dependencies; unpacked into a scratch root (no dpkg database, no
# maintainer scripts run), the installed programs answer --version and `wardhub init` makes a hub there.
# Usage: deb-packages.sh BUILD_DIR
set -euo pipefail
build=${1:?BUILD_DIR}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "deb-packages: $*" >&2; exit 1; }

cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work/out" >"$work/cpack.log" 2>&1 || { cat "$work/cpack.log" >&2; fail "cpack failed"; }
client=$(ls "$work"/out/wardstation_*_amd64.deb) || fail "no wardstation package"
hub=$(ls "$work"/out/wardhub_*_amd64.deb) || fail "no wardhub package"

# lintian: errors fail the test; warnings are listed.
lintian --tag-display-limit 0 "$client" "$hub" 2>/dev/null | tee "$work/lintian.txt" || true
if grep -q '^E:' "$work/lintian.txt"; then fail "lintian reports errors"; fi

field() { dpkg-deb -f "$1" "$2"; }
for dep in pcscd qt6-qpa-plugins libqt6widgets6 libsqlcipher0 libpcsclite1; do
  field "$client" Depends | grep -q "\b$dep\b" || fail "wardstation does not depend on $dep"
done
for dep in adduser libqt6sql6-sqlite libqt6sql6-psql libpq5 libqt6core6; do
  field "$hub" Depends | grep -q "\b$dep\b" || fail "wardhub does not depend on $dep"
done
# What belongs to which package.
dpkg-deb -c "$client" | awk '{print $6}' >"$work/client.files"
dpkg-deb -c "$hub" | awk '{print $6}' >"$work/hub.files"
grep -qx './usr/bin/wardstation' "$work/client.files" || fail "wardstation lacks its program"
grep -qx './usr/share/xsessions/wardstation-kiosk.desktop' "$work/client.files" || fail "wardstation lacks the kiosk session"
grep -qx './usr/bin/wardstation-kiosk' "$work/client.files" || fail "wardstation lacks the kiosk session's script"
grep -q 'wardhub' "$work/client.files" && fail "wardstation carries hub files"
grep -qx './usr/bin/wardhub' "$work/hub.files" || fail "wardhub lacks its program"
grep -qx './usr/lib/systemd/system/wardhub.service' "$work/hub.files" || fail "wardhub lacks its unit"
for unit in wardhub-backup.service wardhub-backup.timer wardhub-backup-full.service wardhub-backup-full.timer \
            wardhub-restore-drill.service wardhub-restore-drill.timer; do
  grep -qx "./usr/lib/systemd/system/$unit" "$work/hub.files" || fail "wardhub lacks $unit (BCP-3)"
done
grep -q '/wardstation' "$work/hub.files" && fail "wardhub carries client files"
grep -qx './etc/wardhub/wardhub.conf' "$work/hub.files" || fail "wardhub lacks its default configuration"
dpkg-deb --ctrl-tarfile "$hub" | tar -xO ./conffiles | grep -qx '/etc/wardhub/wardhub.conf' \
  || fail "wardhub's configuration is not a conffile (an upgrade would overwrite an edit)"
# The maintainer script that makes the service's user.
dpkg-deb --ctrl-tarfile "$hub" | tar -xO ./postinst >"$work/postinst" || fail "wardhub has no postinst"
grep -q 'adduser --system --group' "$work/postinst" || fail "wardhub's postinst does not create its user"
grep -q 'install -d -o wardhub -g wardhub -m 0700 /var/backups/wardhub' "$work/postinst" \
  || fail "wardhub's postinst does not create the backup directory"
sh -n "$work/postinst" || fail "wardhub's postinst is not valid sh"

root="$work/root"
dpkg-deb -x "$client" "$root"
dpkg-deb -x "$hub" "$root"
version=$("$root/usr/bin/wardhub" --version) || fail "installed wardhub --version failed"
[[ $version == "wardhub "* ]] || fail "wardhub --version said: $version"
version=$(env -u DISPLAY -u WAYLAND_DISPLAY "$root/usr/bin/wardstation" --version) || fail "installed wardstation --version failed"
[[ $version == "wardstation "* ]] || fail "wardstation --version said: $version"
"$root/usr/bin/wardhub" init --dir "$work/hub" --hostname hub.test >"$work/init.log" 2>&1 || { cat "$work/init.log" >&2; fail "installed wardhub init failed"; }
[ -s "$work/hub/wardhub.ini" ] || fail "wardhub init made no wardhub.ini"
"$root/usr/bin/wardhub" check --dir "$work/hub" >"$work/check.log" 2>&1 || { cat "$work/check.log" >&2; fail "installed wardhub check failed"; }
echo "deb-packages: $(basename "$client") and $(basename "$hub"): lintian without errors, dependencies, contents, --version, init and check from the unpacked root"
