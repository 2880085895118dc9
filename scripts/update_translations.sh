#!/usr/bin/env bash
# The UI's translations: extract every translatable string of kanjipad/ui (and the app) into
# resources/i18n/kanjipad_<lang>.ts with pyside6-lupdate, then compile each .ts to the .qm the app loads
# (pyside6-lrelease). Run it after changing a UI string, translate what lupdate marked "unfinished"
# (pyside6-linguist, or any editor), and run it again; commit the .ts and the .qm together.
# tests/ui/test_translations.py fails while the .qm is out of date or a string is untranslated.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${VIRTUAL_ENV:-.venv}/bin"
LUPDATE="${LUPDATE:-$BIN/pyside6-lupdate}"
LRELEASE="${LRELEASE:-$BIN/pyside6-lrelease}"
SOURCES=(kanjipad/app.py kanjipad/ui/*.py)
for ts in resources/i18n/kanjipad_*.ts; do
    # -no-obsolete: strings gone from the code leave the catalogue; -locations none: no line numbers,
    # so a change elsewhere in a file does not touch the .ts.
    lang="${ts%.ts}"; lang="${lang##*_}"
    "$LUPDATE" -no-obsolete -locations none -source-language en -target-language "$lang" "${SOURCES[@]}" -ts "$ts"
    "$LRELEASE" -nounfinished "$ts" -qm "${ts%.ts}.qm"
done
