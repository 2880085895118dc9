"""User settings: defaults, validation, atomic saves, and recovery from a corrupt file.

A settings file that cannot be read is moved aside (``settings.json.corrupt-N``)
and defaults are used; :attr:`Settings.problem` says so, for the UI to show.
Unknown keys are ignored; a bad value falls back to its default.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from kanjipad.paths import atomic_write_text, config_dir
from kanjipad.recognizer import DEVICES

THEMES = ("system", "light", "dark", "high-contrast")


@dataclass
class Settings:
    theme: str = "system"
    device: str = "auto"
    clear_after_pick: bool = True
    show_grid: bool = True
    keep_samples: bool = True
    model_path: str = ""  # empty: the bundled model
    geometry: str = ""  # hex of QWidget.saveGeometry()
    problem: str | None = field(default=None, compare=False, repr=False)

    def validated(self) -> Settings:
        d = Settings()
        if self.theme not in THEMES:
            self.theme = d.theme
        if self.device not in DEVICES:
            self.device = d.device
        return self


def settings_path() -> Path:
    return config_dir() / "settings.json"


def _from_dict(raw: dict[str, Any]) -> Settings:
    s = Settings()
    for f in fields(Settings):
        if f.name == "problem" or f.name not in raw:
            continue
        value = raw[f.name]
        if isinstance(value, type(getattr(s, f.name))):
            setattr(s, f.name, value)
    return s.validated()


def load(path: Path | None = None) -> Settings:
    path = path or settings_path()
    if not path.exists():
        return Settings()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(raw, dict):
            raise ValueError("not a JSON object")
        return _from_dict(raw)
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        aside = _set_aside(path)
        s = Settings()
        s.problem = (
            f"Your settings file could not be read ({exc}). Defaults are in use; the old file was kept as {aside.name}."
        )
        return s


def _set_aside(path: Path) -> Path:
    n = 1
    while (aside := path.with_name(f"{path.name}.corrupt-{n}")).exists():
        n += 1
    path.replace(aside)
    return aside


def save(settings: Settings, path: Path | None = None) -> None:
    data = {k: v for k, v in asdict(settings).items() if k != "problem"}
    atomic_write_text(path or settings_path(), json.dumps(data, indent=1) + "\n")
