"""User settings: defaults, validation, atomic saves, and recovery from a corrupt file.

- A *corrupt* file (not JSON, not an object) is moved aside (``settings.json.corrupt-N``)
  and defaults are used; :attr:`Settings.problem` (a :class:`SettingsProblem`) says so, for the UI
  to show in its own language. Where it
  cannot be moved aside (a read-only folder) it is left alone and defaults are used.
- An *unreadable* file (permission denied, I/O error) is not corrupt: it is left as it
  is, defaults are used, and this session never overwrites it.
- Saving writes only what this instance changed on top of the file as it is now, so
  two windows open at once do not undo each other's changes.
Unknown keys are ignored; a bad value falls back to its default.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from kanjipad.devices import DEVICES
from kanjipad.paths import atomic_write_text, config_dir, read_head, set_aside
from kanjipad.width import WIDTHS

THEMES = ("system", "light", "dark", "high-contrast")
#: Learning from picks: "ask" until the user answered once, then "on" or "off".
LEARNING = ("ask", "on", "off")
#: How several characters are written: read from the ink, rows (left to right), columns (tategaki).
LAYOUTS = ("auto", "h", "v")
#: The UI's language: the system's (Japanese where the locale is, else English), or one chosen.
LANGUAGES = ("system", "en", "ja")


#: :attr:`SettingsProblem.kind`: the file could not be read (permission, I/O) and is left untouched.
UNREADABLE = "unreadable"
#: :attr:`SettingsProblem.kind`: the file is not settings; defaults are used and it is moved aside.
CORRUPT = "corrupt"


@dataclass(frozen=True)
class SettingsProblem:
    """Why the settings on file are not in use, as facts: the UI words the sentence in its language
    (this module has no Qt); ``str()`` is the English sentence, for logs.

    ``why`` is the system's or the parser's own detail (English, as they give it). For ``CORRUPT``,
    ``aside`` is the backup's file name, or None when the file could not be moved aside (then
    ``aside_error`` says why and the file is left as it is).
    """

    kind: str  # UNREADABLE or CORRUPT
    path: Path
    why: str
    aside: str | None = None
    aside_error: str | None = None

    def __str__(self) -> str:
        if self.kind == UNREADABLE:
            return (
                f"Your settings file {self.path} could not be read ({self.why}). Defaults are in use "
                "for now; the file is left untouched and will not be overwritten."
            )
        if self.aside is not None:
            kept = f"the old file was kept as {self.aside}"
        else:
            kept = f"the old file could not be moved aside ({self.aside_error}) and is left as it is"
        return f"Your settings file could not be read ({self.why}). Defaults are in use; {kept}."


@dataclass
class Settings:
    theme: str = "system"
    device: str = "auto"
    clear_after_pick: bool = True
    show_grid: bool = True
    learning: str = "ask"
    #: Digits, Latin letters and ASCII punctuation offered half- or full-width.
    width: str = "half"
    #: Small window beside an editor: smaller canvas, one row of bare candidates, no toolbar.
    compact: bool = False
    always_on_top: bool = False
    #: Type where you write: the window never takes the focus, and picks are typed into the one that has it.
    type_into: bool = False
    #: The look-up panel at the side of the window (compact mode keeps it closed).
    lookup_panel: bool = False
    #: Several characters: "auto" reads rows and columns from the ink; "h" or "v" forces one.
    layout: str = "auto"
    #: Applies at the next start (the UI's strings are translated as the window is built).
    language: str = "system"
    model_path: str = ""  # empty: the bundled model
    geometry: str = ""  # hex of QWidget.saveGeometry()
    problem: SettingsProblem | None = field(default=None, compare=False, repr=False)
    #: The values as loaded (or last saved): what this instance has changed is the difference.
    baseline: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)
    #: False when the file exists but could not be read: never overwrite what we could not read.
    writable: bool = field(default=True, compare=False, repr=False)

    def validated(self) -> Settings:
        d = Settings()
        if self.theme not in THEMES:
            self.theme = d.theme
        if self.device not in DEVICES:
            self.device = d.device
        if self.learning not in LEARNING:
            self.learning = d.learning
        if self.width not in WIDTHS:
            self.width = d.width
        if self.layout not in LAYOUTS:
            self.layout = d.layout
        if self.language not in LANGUAGES:
            self.language = d.language
        return self


def settings_path() -> Path:
    return config_dir() / "settings.json"


_STORED = tuple(f.name for f in fields(Settings) if f.name not in ("problem", "baseline", "writable"))


def _values(s: Settings) -> dict[str, Any]:
    return {k: v for k, v in asdict(s).items() if k in _STORED}


def _from_dict(raw: dict[str, Any]) -> Settings:
    s = Settings()
    for name in _STORED:
        if name not in raw:
            continue
        value = raw[name]
        if isinstance(value, type(getattr(s, name))):
            setattr(s, name, value)
    s = s.validated()
    s.baseline = _values(s)
    return s


class _Corrupt(ValueError):
    pass


#: A settings file is a few hundred bytes; one far larger is not ours (and is not read whole).
MAX_BYTES = 64 * 1024


def _read(path: Path) -> dict[str, Any] | None:
    """The stored dict; None if there is no file. OSError: unreadable; _Corrupt: not settings."""
    try:
        text = read_head(path, MAX_BYTES + 1)
    except FileNotFoundError:
        return None
    if not text.strip():  # what an interrupted first save or a `touch` leaves: no settings yet, not damage
        return None
    if len(text) > MAX_BYTES:
        raise _Corrupt(f"it is larger than a settings file can be ({MAX_BYTES // 1024} KB)")
    try:
        raw = json.loads(text.decode("utf-8"))
    except (ValueError, UnicodeDecodeError, RecursionError) as exc:  # RecursionError: [[[[… nested deep
        raise _Corrupt(str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__) from None
    if not isinstance(raw, dict):
        raise _Corrupt("not a JSON object")
    return raw


def load(path: Path | None = None) -> Settings:
    path = path or settings_path()
    try:
        raw = _read(path)
    except OSError as exc:
        s = _from_dict({})
        s.writable = False
        s.problem = SettingsProblem(UNREADABLE, path, str(exc.strerror or exc))
        return s
    except _Corrupt as exc:
        s = _from_dict({})
        try:
            s.problem = SettingsProblem(CORRUPT, path, str(exc), aside=set_aside(path).name)
        except OSError as move_exc:
            s.problem = SettingsProblem(CORRUPT, path, str(exc), aside_error=str(move_exc.strerror or move_exc))
        return s
    return _from_dict(raw or {})


def changed(settings: Settings) -> list[str]:
    """The names of the stored values this instance changed since it loaded or last saved them."""
    return [k for k, v in _values(settings).items() if settings.baseline.get(k, _MISSING) != v]


def save(settings: Settings, path: Path | None = None) -> None:
    """Write this instance's changes onto the file as it is now (atomic). OSError when it cannot."""
    path = path or settings_path()
    if not settings.writable:
        raise PermissionError(f"{path} could not be read at start, so it is not overwritten")
    mine = {k: getattr(settings, k) for k in changed(settings)}
    try:
        current = _read(path) or {}
    except (OSError, _Corrupt):
        current = {}
    merged = {**_values(_from_dict(current)), **mine} if current else _values(settings)
    atomic_write_text(path, json.dumps(merged, indent=1) + "\n")
    settings.baseline = dict(merged)
    for k, v in merged.items():  # pick up what another instance saved meanwhile
        setattr(settings, k, v)


_MISSING = object()
