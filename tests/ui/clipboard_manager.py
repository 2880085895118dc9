"""A small X11 clipboard manager for the tests (python-xlib), run as a script: ``python clipboard_manager.py``.

It does what the freedesktop ClipboardManager specification asks of one (and what GNOME's and Xfce's
settings daemons do): it owns the CLIPBOARD_MANAGER selection; when a program that owns CLIPBOARD is about
to exit it converts CLIPBOARD_MANAGER to SAVE_TARGETS; the manager then copies the clipboard's text from
it, answers the SaveTargets request, and from then on owns CLIPBOARD itself, serving the saved text to
``xclip -o``. It prints ``ready`` once it owns CLIPBOARD_MANAGER and ``saved <text>`` for each save.
Only text (UTF8_STRING) is saved: enough for a pad that copies characters.
"""

from __future__ import annotations

import sys

from Xlib import X, Xatom
from Xlib.display import Display
from Xlib.protocol import event


def main() -> int:
    display = Display()
    screen = display.screen()
    window = screen.root.create_window(0, 0, 1, 1, 0, screen.root_depth, event_mask=X.PropertyChangeMask)
    atom = display.intern_atom
    clipboard, manager, save_targets = atom("CLIPBOARD"), atom("CLIPBOARD_MANAGER"), atom("SAVE_TARGETS")
    targets, utf8, keep = atom("TARGETS"), atom("UTF8_STRING"), atom("KANJIPAD_TEST_SAVED")
    window.set_selection_owner(manager, X.CurrentTime)
    if display.get_selection_owner(manager) != window:
        print("another clipboard manager runs", file=sys.stderr)
        return 1
    print("ready", flush=True)
    saved: bytes | None = None
    waiting: event.SelectionRequest | None = None  # the SaveTargets request being served

    def reply(request: event.SelectionRequest, prop: int) -> None:
        request.requestor.send_event(
            event.SelectionNotify(
                time=request.time,
                requestor=request.requestor,
                selection=request.selection,
                target=request.target,
                property=prop,
            )
        )
        display.flush()

    while True:
        e = display.next_event()
        if e.type == X.SelectionRequest:
            prop = e.property or e.target
            if e.selection == manager and e.target == save_targets:
                waiting, saved = e, None
                window.convert_selection(clipboard, utf8, keep, e.time)
                display.flush()
            elif e.selection == manager and e.target == targets:
                e.requestor.change_property(prop, Xatom.ATOM, 32, [targets, save_targets])
                reply(e, prop)
            elif e.selection == clipboard and saved is not None and e.target == targets:
                e.requestor.change_property(prop, Xatom.ATOM, 32, [targets, utf8, Xatom.STRING])
                reply(e, prop)
            elif e.selection == clipboard and saved is not None and e.target in (utf8, Xatom.STRING):
                e.requestor.change_property(prop, e.target, 8, saved)
                reply(e, prop)
            else:
                reply(e, X.NONE)
        elif e.type == X.SelectionNotify and e.selection == clipboard and waiting is not None:
            if e.property != X.NONE:
                value = window.get_full_property(keep, X.AnyPropertyType)
                window.delete_property(keep)
                if value is not None:
                    saved = bytes(value.value)
            reply(waiting, waiting.property if saved is not None else X.NONE)
            waiting = None
            if saved is not None:  # the program may exit now: its clipboard lives on here
                window.set_selection_owner(clipboard, X.CurrentTime)
                display.flush()
                print("saved", saved.decode("utf-8", "replace"), flush=True)
        elif e.type == X.SelectionClear and e.atom == clipboard:
            saved = None  # another program copied
        elif e.type == X.SelectionClear and e.atom == manager:
            return 0


if __name__ == "__main__":
    sys.exit(main())
