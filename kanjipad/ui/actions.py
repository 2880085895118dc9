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
from kanjipad.ui.i18n import QT_TRANSLATE_NOOP, translate


class ActionSpec(NamedTuple):
    id: str  #: the window's attribute is ``<id>_action``
    text: str  #: in the menu
    keys: tuple[str, ...]  #: shortcuts, the first shown in the tooltip
    handler: str  #: the window's method (a dotted path reaches a part of the window)
    what: str  #: the status tip, F1's description and the tooltip (capitalised, with the key)
    checkable: bool = False  #: a checkable action's handler gets the new state
    name: str = ""  #: the object name, when not made from the text


ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("undo", QT_TRANSLATE_NOOP("Actions", "Undo"), ("Ctrl+Z",), "undo",
               QT_TRANSLATE_NOOP("Actions", "undo the last stroke, clear, pick or edit")),
    ActionSpec("redo", QT_TRANSLATE_NOOP("Actions", "Redo"), ("Ctrl+Shift+Z", "Ctrl+Y"), "redo",
               QT_TRANSLATE_NOOP("Actions", "redo what was undone")),
    ActionSpec("clear", QT_TRANSLATE_NOOP("Actions", "Clear"), ("Esc",), "clear_canvas",
               QT_TRANSLATE_NOOP("Actions", "clear the canvas (undoable)")),
    ActionSpec("delete", QT_TRANSLATE_NOOP("Actions", "Delete"), ("Backspace",), "delete_back",
               QT_TRANSLATE_NOOP("Actions", "delete the last stroke, or the last composed character")),
    ActionSpec("accept", QT_TRANSLATE_NOOP("Actions", "Accept first"), ("Return", "Enter", "Space"), "accept_first",
               QT_TRANSLATE_NOOP("Actions", "pick the first candidate")),
    ActionSpec("next", QT_TRANSLATE_NOOP("Actions", "More candidates"), ("PgDown",), "candidates.next_page",
               QT_TRANSLATE_NOOP("Actions", "show the next ten candidates")),
    ActionSpec("previous", QT_TRANSLATE_NOOP("Actions", "Previous candidates"), ("PgUp",), "candidates.previous_page",
               QT_TRANSLATE_NOOP("Actions", "show the previous ten candidates")),
    # A row"s alternatives without the mouse: choose a character of the first string, then change it.
    ActionSpec("next_char", QT_TRANSLATE_NOOP("Actions", "Next character"), ("Right",), "next_char",
               QT_TRANSLATE_NOOP("Actions", "choose the next character of the first string")),
    ActionSpec("previous_char", QT_TRANSLATE_NOOP("Actions", "Previous character"), ("Left",), "previous_char",
               QT_TRANSLATE_NOOP("Actions", "choose the previous character of the first string")),
    ActionSpec("change_char", QT_TRANSLATE_NOOP("Actions", "Change character"), ("Down",), "change_char",
               QT_TRANSLATE_NOOP("Actions", "change the chosen character to its next alternative")),
    ActionSpec("change_back", QT_TRANSLATE_NOOP("Actions", "Change character back"), ("Up",), "change_char_back",
               QT_TRANSLATE_NOOP("Actions", "change the chosen character to its previous alternative")),
    ActionSpec("copy", QT_TRANSLATE_NOOP("Actions", "Copy line"), ("Ctrl+Shift+C",), "copy_compose",
               QT_TRANSLATE_NOOP("Actions", "copy the compose line")),
    ActionSpec("clear_line", QT_TRANSLATE_NOOP("Actions", "Clear line"), ("Ctrl+Shift+Backspace",), "clear_compose",
               QT_TRANSLATE_NOOP("Actions", "clear the compose line (undoable)")),
    ActionSpec("compact", QT_TRANSLATE_NOOP("Actions", "Compact"), ("Ctrl+M",), "toggle_compact",
               QT_TRANSLATE_NOOP("Actions", "compact window to sit beside an editor"), checkable=True),
    ActionSpec("on_top", QT_TRANSLATE_NOOP("Actions", "Always on top"), ("Ctrl+Shift+T",), "toggle_on_top",
               QT_TRANSLATE_NOOP("Actions", "keep the pad above other windows"), checkable=True),
    ActionSpec("settings", QT_TRANSLATE_NOOP("Actions", "Settings…"), ("Ctrl+,",), "open_settings",
               QT_TRANSLATE_NOOP("Actions", "settings")),
    ActionSpec("look_up", QT_TRANSLATE_NOOP("Actions", "Look up"), ("Ctrl+L",), "look_up",
               QT_TRANSLATE_NOOP("Actions", "look up the selected character or word in the look-up panel")),
    ActionSpec("panel", QT_TRANSLATE_NOOP("Actions", "Look-up panel"), (), "show_panel",
               QT_TRANSLATE_NOOP("Actions", "show or hide the look-up panel"), checkable=True, name="lookup_panel"),
    ActionSpec("teach", QT_TRANSLATE_NOOP("Actions", "Teach a character…"), ("Ctrl+T",), "open_teach",
               QT_TRANSLATE_NOOP("Actions", "teach the pad a character (write it three times)"), name="teach"),
    ActionSpec("help", QT_TRANSLATE_NOOP("Actions", "Shortcuts"), ("F1",), "show_shortcuts",
               QT_TRANSLATE_NOOP("Actions", "this list of shortcuts")),
    ActionSpec("about", QT_TRANSLATE_NOOP("Actions", "About"), (), "show_about",
               QT_TRANSLATE_NOOP("Actions", "about KanjiPad, its data and licences")),
    ActionSpec("quit", QT_TRANSLATE_NOOP("Actions", "Quit"), ("Ctrl+Q",), "close",
               QT_TRANSLATE_NOOP("Actions", "quit")),
)  # fmt: skip

#: Every action is in a menu, its shortcut shown there (None: a separator).
MENUS: tuple[tuple[str, tuple[str | None, ...]], ...] = (
    (QT_TRANSLATE_NOOP("Menus", "&KanjiPad"), ("teach", "settings", "help", "about", "quit")),
    (QT_TRANSLATE_NOOP("Menus", "&Edit"), (
        "undo", "redo", "delete", "clear", None, "accept", "next", "previous", None,
        "next_char", "previous_char", "change_char", "change_back", None, "copy", "clear_line",
    )),
    (QT_TRANSLATE_NOOP("Menus", "&View"), ("compact", "on_top", None, "look_up", "panel")),
)  # fmt: skip
TOOLBAR: tuple[str | None, ...] = ("undo", "redo", "clear", None, "look_up", "settings", "help", "about")


def create_actions(window: QMainWindow) -> dict[str, QAction]:
    """The table's actions, by id, added to ``window`` in the table's order and connected to its handlers;
    each is also the window's attribute ``<id>_action``."""
    actions: dict[str, QAction] = {}
    for spec in ACTIONS:
        a = QAction(translate("Actions", spec.text), window)
        keys = [QKeySequence(k) for k in spec.keys]
        what = translate("Actions", spec.what)
        if keys:
            a.setShortcuts(keys)
            a.setToolTip(
                translate("Actions", "{what} ({key})").format(what=what[0].upper() + what[1:], key=key_text(keys[0]))
            )
        a.setStatusTip(what)
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
        menu = window.menuBar().addMenu(translate("Menus", title))
        for i in ids:
            if i is None:
                menu.addSeparator()
            else:
                menu.addAction(actions[i])
    bar = QToolBar(translate("Menus", "Edit"))
    bar.setObjectName("edit_toolbar")
    bar.setMovable(False)
    for i in TOOLBAR:
        if i is None:
            bar.addSeparator()
        else:
            bar.addAction(actions[i])
    window.addToolBar(bar)
    return bar
