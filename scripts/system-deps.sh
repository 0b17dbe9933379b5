#!/usr/bin/env bash
# Installs the Debian packages the test suite uses, when we may (root with apt-get).
# Without them the browser, LibreOffice, gettext and Redis tests skip, saying why; CI sets
# SYMPOSIUM_REQUIRE_SYSTEM_DEPS=1 so that a missing package fails instead.
set -euo pipefail
# Fonts with the metrics of the Office faces, so LibreOffice lays papers out as Word does:
# fonts-liberation2 (Times New Roman, Arial, Courier New; version 2 has the Vietnamese
# letters), fonts-crosextra-carlito (Calibri), fonts-crosextra-caladea (Cambria).
fonts=(fonts-liberation2 fonts-crosextra-carlito fonts-crosextra-caladea)
packages=(chromium libreoffice-writer-nogui "${fonts[@]}" gettext redis-server)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q >/dev/null
    apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
else
    echo "Not installed (tests that need them will skip): ${missing[*]}"
    echo "Install them with: sudo apt-get install ${missing[*]}"
fi
