#!/usr/bin/env bash
# Installs the shared libraries Qt needs on Debian/Ubuntu when they are missing; with "dev", also
# the validators the tests run on the desktop entry and its AppStream metainfo, an X server and
# xclip for the test that pastes after the pad quits, and a window manager (openbox) and xdotool for
# the test that types a pick into another program's window.
# Does nothing elsewhere (macOS, Windows, non-root users with the libraries present).
set -euo pipefail
need=(libegl1 libgl1 libxkbcommon0 libfontconfig1 libfreetype6 libx11-6 libglib2.0-0 libdbus-1-3
      libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
      libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libx11-xcb1)
[ "${1:-}" = dev ] && need+=(desktop-file-utils appstream xvfb xclip openbox xdotool)
command -v dpkg-query >/dev/null || exit 0
missing=()
for p in "${need[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "Qt needs these system packages: ${missing[*]}" >&2
  echo "Install them with: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
