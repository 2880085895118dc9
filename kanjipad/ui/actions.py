"""Every action of the window, as one table: what it is called, its keys, what it does, who handles it.

The menus, the toolbar, the tooltips and F1's list of shortcuts (``dialogs.shortcut_rows``, in this
table's order) all come from here, so a new action is one row here plus its handler on the window
(after MusicBrainz Picard's ``create_actions`` and frescobaldi's action collections).
"""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter
from typing import NamedTuple

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QToolBar

from kanjipad.ui.dialogs import key_text


class ActionSpec(NamedTuple):
    id: str  #: the window's attribute is ``<id>_action``
    text: str  #: in the menu
    keys: tuple[str, ...]  #: shortcuts, the first shown in the tooltip
    handler: str  #: the window's method (a dotted path reaches a part of the window)
    what: str  #: the status tip, F1's description and the tooltip (capitalised, with the key)
    checkable: bool = False  #: a checkable action's handler gets the new state
    name: str = ""  #: the object name, when not made from the text


ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("undo", "Undo", ("Ctrl+Z",), "undo",
               "undo the last stroke, clear, pick or edit"),
    ActionSpec("redo", "Redo", ("Ctrl+Shift+Z", "Ctrl+Y"), "redo",
               "redo what was undone"),
    ActionSpec("clear", "Clear", ("Esc",), "clear_canvas",
               "clear the canvas (undoable)"),
    ActionSpec("delete", "Delete", ("Backspace",), "delete_back",
               "delete the last stroke, or the last composed character"),
    ActionSpec("accept", "Accept first", ("Return", "Enter", "Space"), "accept_first",
               "pick the first candidate"),
    ActionSpec("next", "More candidates", ("PgDown",), "candidates.next_page",
               "show the next ten candidates"),
    ActionSpec("previous", "Previous candidates", ("PgUp",), "candidates.previous_page",
               "show the previous ten candidates"),
    # A row"s alternatives without the mouse: choose a character of the first string, then change it.
    ActionSpec("next_char", "Next character", ("Right",), "next_char",
               "choose the next character of the first string"),
    ActionSpec("previous_char", "Previous character", ("Left",), "previous_char",
               "choose the previous character of the first string"),
    ActionSpec("change_char", "Change character", ("Down",), "change_char",
               "change the chosen character to its next alternative"),
    ActionSpec("change_back", "Change character back", ("Up",), "change_char_back",
               "change the chosen character to its previous alternative"),
    ActionSpec("copy", "Copy line", ("Ctrl+Shift+C",), "copy_compose",
               "copy the compose line"),
    ActionSpec("clear_line", "Clear line", ("Ctrl+Shift+Backspace",), "clear_compose",
               "clear the compose line (undoable)"),
    ActionSpec("compact", "Compact", ("Ctrl+M",), "toggle_compact",
               "compact window to sit beside an editor", checkable=True),
    ActionSpec("on_top", "Always on top", ("Ctrl+Shift+T",), "toggle_on_top",
               "keep the pad above other windows", checkable=True),
    ActionSpec("settings", "Settings…", ("Ctrl+,",), "open_settings",
               "settings"),
    ActionSpec("look_up", "Look up", ("Ctrl+L",), "look_up",
               "look up the selected character or word in the look-up panel"),
    ActionSpec("panel", "Look-up panel", (), "show_panel",
               "show or hide the look-up panel", checkable=True, name="lookup_panel"),
    ActionSpec("teach", "Teach a character…", ("Ctrl+T",), "open_teach",
               "teach the pad a character (write it three times)", name="teach"),
    ActionSpec("help", "Shortcuts", ("F1",), "show_shortcuts",
               "this list of shortcuts"),
    ActionSpec("about", "About", (), "show_about",
               "about KanjiPad, its data and licences"),
    ActionSpec("quit", "Quit", ("Ctrl+Q",), "close",
               "quit"),
)  # fmt: skip

#: Every action is in a menu, its shortcut shown there (None: a separator).
MENUS: tuple[tuple[str, tuple[str | None, ...]], ...] = (
    ("&KanjiPad", ("teach", "settings", "help", "about", "quit")),
    ("&Edit", (
        "undo", "redo", "delete", "clear", None, "accept", "next", "previous", None,
        "next_char", "previous_char", "change_char", "change_back", None, "copy", "clear_line",
    )),
    ("&View", ("compact", "on_top", None, "look_up", "panel")),
)  # fmt: skip
TOOLBAR: tuple[str | None, ...] = ("undo", "redo", "clear", None, "look_up", "settings", "help", "about")


def create_actions(window: QMainWindow) -> dict[str, QAction]:
    """The table's actions, by id, added to ``window`` in the table's order and connected to its handlers;
    each is also the window's attribute ``<id>_action``."""
    actions: dict[str, QAction] = {}
    for spec in ACTIONS:
        a = QAction(spec.text, window)
        keys = [QKeySequence(k) for k in spec.keys]
        if keys:
            a.setShortcuts(keys)
            a.setToolTip(f"{spec.what[0].upper()}{spec.what[1:]} ({key_text(keys[0])})")
        a.setStatusTip(spec.what)
        a.setCheckable(spec.checkable)
        handler: Callable[..., object] = attrgetter(spec.handler)(window)
        (a.toggled if spec.checkable else a.triggered).connect(handler)
        a.setObjectName(spec.name or spec.text.lower().replace(" ", "_").rstrip("…"))
        window.addAction(a)
        setattr(window, f"{spec.id}_action", a)
        actions[spec.id] = a
    return actions


def build_menus(window: QMainWindow, actions: dict[str, QAction]) -> QToolBar:
    """The menu bar and the Edit toolbar (returned: compact mode hides it)."""
    for title, ids in MENUS:
        menu = window.menuBar().addMenu(title)
        for i in ids:
            if i is None:
                menu.addSeparator()
            else:
                menu.addAction(actions[i])
    bar = QToolBar("Edit")
    bar.setObjectName("edit_toolbar")
    bar.setMovable(False)
    for i in TOOLBAR:
        if i is None:
            bar.addSeparator()
        else:
            bar.addAction(actions[i])
    window.addToolBar(bar)
    return bar
