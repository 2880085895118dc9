"""The compose line kept across restarts (a small text file in the data folder, written atomically)."""

from __future__ import annotations

from pathlib import Path

from kanjipad.paths import atomic_write_text, data_dir

FILE_NAME = "compose.txt"


def compose_path() -> Path:
    return data_dir() / FILE_NAME


def load(path: Path | None = None) -> tuple[str, str | None]:
    """(text, problem): the saved line, or "" and why it could not be read (a missing file is no problem)."""
    path = path or compose_path()
    try:
        return path.read_text(encoding="utf-8"), None
    except FileNotFoundError:
        return "", None
    except (OSError, UnicodeDecodeError) as exc:
        return "", f"The compose line saved in {path} could not be read ({exc}); it is left as it is."


def save(text: str, path: Path | None = None) -> None:
    """Replace the saved line (OSError when it cannot)."""
    atomic_write_text(path or compose_path(), text)
