"""The launcher entry for pip and pipx installs: ``kanjipad --install-desktop-entry``.

Installs into the user's XDG data folder (``$XDG_DATA_HOME``, else ``~/.local/share``), as a
desktop expects: ``applications/<APP_ID>.desktop`` (its ``Exec`` the launcher that was run, by
absolute path, since a pipx bin folder may not be on a desktop session's PATH), the icon in
``icons/hicolor/<N>x<N>/apps/`` and ``scalable/apps/``, and the AppStream metainfo in
``metainfo/``. ``--uninstall-desktop-entry`` removes exactly those files. No Qt.
"""

from __future__ import annotations

import os
import shlex
import shutil
import sys
from pathlib import Path

from kanjipad.paths import atomic_write_text
from kanjipad.resources import resource_path

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)
#: The application's id (reverse DNS, as AppStream asks): the desktop entry's and metainfo's names.
APP_ID = "io.github.kanjipad.KanjiPad"
DESKTOP = f"{APP_ID}.desktop"
METAINFO = f"{APP_ID}.metainfo.xml"


def xdg_data_home() -> Path:
    value = os.environ.get("XDG_DATA_HOME", "")
    return Path(value) if os.path.isabs(value) else Path.home() / ".local" / "share"


def launcher() -> str:
    """The command that starts this KanjiPad, for a desktop entry's Exec (absolute, quoted)."""
    if getattr(sys, "frozen", False):
        return shlex.quote(sys.executable)
    found = shutil.which("kanjipad")
    if found:
        return shlex.quote(str(Path(found).resolve()))
    return f"{shlex.quote(sys.executable)} -m kanjipad"


def targets(root: Path) -> dict[Path, Path | None]:
    """Where each file goes under ``root`` → its source (None: the desktop entry, written from text)."""
    out: dict[Path, Path | None] = {root / "applications" / DESKTOP: None}
    for n in ICON_SIZES:
        out[root / "icons" / "hicolor" / f"{n}x{n}" / "apps" / "kanjipad.png"] = resource_path(
            f"icons/kanjipad-{n}.png"
        )
    out[root / "icons" / "hicolor" / "scalable" / "apps" / "kanjipad.svg"] = resource_path("icons/kanjipad.svg")
    out[root / "metainfo" / METAINFO] = resource_path(METAINFO)
    return out


def desktop_text() -> str:
    """The shipped desktop entry with Exec set to this installation's launcher."""
    lines = resource_path(DESKTOP).read_text(encoding="utf-8").splitlines()
    return "\n".join(f"Exec={launcher()}" if line.startswith("Exec=") else line for line in lines) + "\n"


def install(root: Path | None = None) -> list[Path]:
    """Write the entry, icons and metainfo under ``root`` (default: the XDG data folder); OSError when it cannot."""
    root = root or xdg_data_home()
    written = []
    for target, source in targets(root).items():
        target.parent.mkdir(parents=True, exist_ok=True)
        if source is None:
            atomic_write_text(target, desktop_text())
        else:
            shutil.copyfile(source, target)
        written.append(target)
    return written


def uninstall(root: Path | None = None) -> list[Path]:
    """Remove what :func:`install` wrote; the files that were there."""
    removed = []
    for target in targets(root or xdg_data_home()):
        if target.exists():
            target.unlink()
            removed.append(target)
    return removed
