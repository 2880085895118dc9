"""Typing into the focused window of an X11 display through the XTest extension (python-xlib).

A kanji has no key on the user's keyboard, so, as ``xdotool type`` does, each character is put for a moment
on a *spare* key code (one the keyboard mapping leaves empty) as its keysym (:func:`kanjipad.keystrokes.
x11_keysym`), and that key is pressed and released. The other program reads the new mapping when it handles
the MappingNotify that comes before the key in its event queue; so a key code is not changed again, nor
put back, right after its key was sent (the program may not have read the mapping yet: ``xdotool type``
loses characters that way). :class:`X11Typist` keeps each character on its key code between picks (least
recently used goes first) and :meth:`X11Typist.restore` empties them once typing has been idle a while.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from Xlib import XK, X
from Xlib.display import Display
from Xlib.error import DisplayError, XError
from Xlib.ext import xtest
from Xlib.xobject.drawable import Window

from kanjipad.keystrokes import NoFocusError, TypingError, typeable, x11_keysym

#: How long a key code keeps its keysym after its key was sent, at least: the other program must have read the
#: mapping by then. Picks are seconds apart; only a text with more different characters than there are spare
#: key codes, or a quit right after a pick, waits for it.
REUSE_PAUSE_S = 0.2


class X11Typist:
    """Types text into the window that has the keyboard focus on ``display_name`` (None: ``$DISPLAY``).

    The connection is opened at the first :meth:`type_text` and kept. Not thread-safe: use it from one thread.
    """

    def __init__(
        self,
        display_name: str | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.display_name = display_name
        self._sleep, self._clock = sleep, clock
        #: When each key code's key was last sent (``clock`` seconds).
        self._sent: dict[int, float] = {}
        self._display: Display | None = None
        self._errors: list[XError] = []
        #: Key codes this typist put a keysym on, and that keysym; least recently used first.
        self.mapped: dict[int, int] = {}

    def _connect(self) -> Display:
        if self._display is None:
            try:
                display = Display(self.display_name)
            except (DisplayError, OSError) as exc:
                raise TypingError(f"could not reach the X display ({exc})") from None
            xtest_info = display.query_extension("XTEST")
            if xtest_info is None or not xtest_info.present:
                display.close()
                raise TypingError("the X server has no XTest extension, which typing into other windows needs")
            display.set_error_handler(lambda err, _request: self._errors.append(err))
            self._display = display
        return self._display

    def focus_window(self) -> int | None:
        """The X window id that has the keyboard focus; None when no program's window has it: no focus, focus
        following the pointer, or (under a window manager) the manager's own window, where it parks the focus
        when the active window closes and the next cannot take it (openbox, after a dialog of the pad)."""
        display = self._connect()
        focus = display.get_input_focus().focus
        if isinstance(focus, int) or focus.id in (X.NONE, X.PointerRoot):
            return None
        manager = display.get_selection_owner(display.intern_atom(f"WM_S{display.get_default_screen()}"))
        if manager != X.NONE and not self._in_client(display, focus):
            return None
        return int(focus.id)

    @staticmethod
    def _in_client(display: Display, window: Window) -> bool:
        """``window`` is a program's window the manager manages (it or an ancestor has WM_STATE)."""
        wm_state = display.intern_atom("WM_STATE")
        root = display.screen().root.id
        try:
            while window.id != root:
                if window.get_full_property(wm_state, X.AnyPropertyType) is not None:
                    return True
                window = window.query_tree().parent
        except XError:  # the window went meanwhile
            return False
        return False

    def type_text(self, text: str) -> None:
        """Press and release a key for each character of ``text`` (control characters skipped), in order.

        NoFocusError: no program's window has the focus. TypingError: no X display or no XTest, no spare key
        code, the server refused.
        """
        chars = typeable(text)
        if not chars:
            return
        display = self._connect()
        if self.focus_window() is None:
            raise NoFocusError("no window has the keyboard focus")
        try:
            while chars:
                chars = self._type_some(display, chars, self._empty_keycodes(display))
            display.sync()
        except (OSError, XError) as exc:
            self._drop_connection()
            raise TypingError(f"the X server broke off typing ({exc})") from None
        if self._errors:
            problem, self._errors = self._errors[0], []
            raise TypingError(f"the X server refused a key ({problem})")

    def _empty_keycodes(self, display: Display) -> list[int]:
        """The key codes without a keysym, read anew each time (the user may have changed the keyboard layout
        since); forgets those of this typist's key codes that another program has changed."""
        first = display.display.info.min_keycode
        count = display.display.info.max_keycode - first + 1
        keymap = display.get_keyboard_mapping(first, count)
        self.mapped = {kc: ks for kc, ks in self.mapped.items() if keymap[kc - first][0] == ks}
        empty = [first + i for i, syms in enumerate(keymap) if not any(syms)]
        if not empty and not self.mapped:
            raise TypingError("the keyboard mapping has no spare key code to type with")
        return empty

    def _type_some(self, display: Display, chars: str, empty: list[int]) -> str:
        """Type the longest start of ``chars`` whose characters fit on the key codes at hand; return the rest."""
        keysym_of = {c: x11_keysym(c) for c in dict.fromkeys(chars)}
        wanted = set(keysym_of.values())
        have = {ks: kc for kc, ks in self.mapped.items()}
        # Empty key codes first, then ours: those holding a keysym this text does not need, least recently used first.
        spare = [kc for kc in empty if kc not in self.mapped]
        spare += sorted(self.mapped, key=lambda kc: self.mapped[kc] in wanted)
        keycode: dict[int, int] = {}  # keysym -> key code, for this round
        done = 0
        for c in chars:
            ks = keysym_of[c]
            if ks not in keycode:
                kc = have.get(ks)
                if kc is None or kc in keycode.values():
                    taken = set(keycode.values())
                    kc = next((k for k in spare if k not in taken), None)
                    if kc is None:
                        break  # the rest waits for a key code to be free again
                    spare.remove(kc)
                    self._wait_until_read(kc)
                    display.change_keyboard_mapping(kc, [(ks, ks)])
                keycode[ks] = kc
            done += 1
        for c in chars[:done]:
            kc = keycode[keysym_of[c]]
            xtest.fake_input(display, X.KeyPress, kc)
            xtest.fake_input(display, X.KeyRelease, kc)
        display.flush()
        now = self._clock()
        for ks, kc in keycode.items():  # most recently used last
            self.mapped.pop(kc, None)
            self.mapped[kc] = ks
            self._sent[kc] = now
        return chars[done:]

    def _wait_until_read(self, keycode: int) -> None:
        """Before ``keycode`` changes: wait until its last key is :data:`REUSE_PAUSE_S` old."""
        sent = self._sent.get(keycode)
        if sent is not None and (wait := sent + REUSE_PAUSE_S - self._clock()) > 0:
            self._sleep(wait)

    def restore(self) -> None:
        """Empty the key codes this typist used again (those still holding its keysym)."""
        if self._display is None or not self.mapped:
            return
        display = self._display
        try:
            first = display.display.info.min_keycode
            keymap = display.get_keyboard_mapping(first, display.display.info.max_keycode - first + 1)
            for kc, ks in self.mapped.items():
                if keymap[kc - first][0] == ks:
                    self._wait_until_read(kc)
                    display.change_keyboard_mapping(kc, [(XK.NoSymbol, XK.NoSymbol)])
            display.sync()
        except (OSError, XError):
            self._drop_connection()
        self.mapped.clear()
        self._sent.clear()
        self._errors.clear()

    def close(self) -> None:
        """Restore the key codes and close the connection."""
        self.restore()
        self._drop_connection()

    def _drop_connection(self) -> None:
        if self._display is not None:
            try:
                self._display.close()
            except (OSError, XError):
                pass
            self._display = None
