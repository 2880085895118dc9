"""Type where you write (a setting, off by default): the pad's window never takes the keyboard focus, and each
pick is typed into the window that has it (the editor the user writes in), besides being copied as always.

X11 types through XTest (:mod:`kanjipad.ui.typing_x11`), Windows through ``SendInput``
(:mod:`kanjipad.ui.typing_windows`). On Wayland and macOS a program may not type into another: there the
setting is shown disabled, with :func:`unavailable_text` saying why, and the clipboard stays the path.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from kanjipad.keystrokes import MACOS, WAYLAND, NoFocusError, TypingError, blocked_reason, typeable
from kanjipad.ui.i18n import translate

if TYPE_CHECKING:  # python-xlib loads at the first pick typed, not at start
    from kanjipad.ui.typing_x11 import X11Typist

#: The spare key codes (X11) are emptied again once typing has been idle this long.
RESTORE_AFTER_MS = 3000

#: A status message and how long it shows (ms).
Say = Callable[[str, int], None]


def blocked() -> str | None:
    """Why picks cannot be typed into other windows here (a reason of :func:`kanjipad.keystrokes.blocked_reason`),
    or None when they can."""
    return blocked_reason(QGuiApplication.platformName(), os.environ)


def pad_has_focus() -> bool:
    """A window of the pad (a dialog of it) has the keyboard focus, not another program's."""
    return QGuiApplication.focusWindow() is not None


def unavailable_text(reason: str) -> str:
    """The sentence the settings show for a ``reason`` of :func:`blocked`."""
    if reason == WAYLAND:
        return translate(
            "TypeInto",
            "On Wayland a program may not type into another program's window: "
            "copy the pick and paste it where you write (Ctrl+V).",
        )
    if reason == MACOS:
        return translate(
            "TypeInto",
            "On macOS KanjiPad may not type into another program's window: "
            "copy the pick and paste it where you write (⌘V).",
        )
    return translate("TypeInto", "This window system takes no typing from KanjiPad: picks are copied only.")


def set_takes_focus(window: QWidget, takes: bool) -> None:
    """Whether clicking or writing on ``window`` gives it the keyboard focus (a window manager asks the window)."""
    if bool(window.windowFlags() & Qt.WindowType.WindowDoesNotAcceptFocus) != (not takes):
        visible = window.isVisible()
        window.setWindowFlag(Qt.WindowType.WindowDoesNotAcceptFocus, not takes)
        if visible:
            window.show()  # changing window flags hides the window


class TypeInto(QObject):
    """Types picks into the focused window of another program while ``enabled()`` says so.

    ``enabled`` reads the setting; ``say`` shows a status message. A child of ``window`` (the pad's).
    """

    def __init__(self, window: QWidget, enabled: Callable[[], bool], say: Say):
        super().__init__(window)
        self.window, self.enabled, self.say = window, enabled, say
        self.reason = blocked()
        self._x11: X11Typist | None = None  # made at the first pick typed
        #: Types text into the focused window of another program; TypingError when it cannot (tests swap it).
        self.send: Callable[[str], None] = self._send
        self._restore = QTimer(self)
        self._restore.setSingleShot(True)
        self._restore.setInterval(RESTORE_AFTER_MS)
        self._restore.timeout.connect(self._restore_keys)
        self.follow_setting()

    @property
    def on(self) -> bool:
        """The setting is on and this platform can type."""
        return self.reason is None and self.enabled()

    def follow_setting(self) -> None:
        """The window takes the focus unless picks are typed (call after the setting changed)."""
        set_takes_focus(self.window, not self.on)

    def type_pick(self, text: str) -> bool:
        """Type ``text`` (a pick, already copied) into the focused window, when the setting is on; say what
        happened. True when it was typed there."""
        if not self.on or not typeable(text):
            return False
        click_first = translate("TypeInto", "Copied {text}. To type it, click first in the window you write in.")
        if pad_has_focus():  # typing would land in the pad itself (a digit picks again)
            self.say(click_first.format(text=text), 6000)
            return False
        try:
            self.send(text)
        except NoFocusError:  # no program's window has the keys (the keys would be lost)
            self.say(click_first.format(text=text), 6000)
            return False
        except TypingError as exc:
            said = translate("TypeInto", "Copied {text}, but it could not be typed: {problem}")
            self.say(said.format(text=text, problem=str(exc)), 10000)
            return False
        self.say(translate("TypeInto", "Typed {text} (and copied it)").format(text=text), 3000)
        return True

    def _send(self, text: str) -> None:
        if QGuiApplication.platformName() == "windows":
            from kanjipad.ui.typing_windows import send

            send(text)
            return
        if self._x11 is None:
            try:
                from kanjipad.ui.typing_x11 import X11Typist
            except ImportError as exc:  # a system Python without python-xlib
                raise TypingError(f"python-xlib is missing ({exc})") from None
            self._x11 = X11Typist()
        self._x11.type_text(text)
        self._restore.start()

    def _restore_keys(self) -> None:
        if self._x11 is not None:
            self._x11.restore()

    def close(self) -> None:
        """At quit: empty the spare key codes again and close the X connection."""
        self._restore.stop()
        if self._x11 is not None:
            self._x11.close()
            self._x11 = None
