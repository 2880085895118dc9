"""The row bar: look-alike strings marked and named; the alternatives chosen with the keys."""

from __future__ import annotations

from PySide6.QtCore import Qt

from .conftest import write_row

# --- 7 and 8. look-alike strings marked and named; the alternatives from the keyboard -----------------


def _lines(*texts):
    from kanjipad.recognizer import Candidate
    from kanjipad.row import RowCandidate, Segment

    first = texts[0]
    segments = tuple(
        Segment(i, i + 1, tuple(Candidate(c, 0.1) for c in dict.fromkeys([first[i], *(t[i] for t in texts[1:])])))
        for i in range(len(first))
    )
    return [RowCandidate(t, 0.5, segments) for t in texts]


def _highlighted_columns(label) -> set[int]:
    img = label.grab().toImage()
    colour = label.palette().color(label.palette().ColorRole.Highlight)
    return {x for x in range(img.width()) for y in range(img.height()) if img.pixelColor(x, y) == colour}


def test_a_look_alike_string_marks_the_character_that_differs_and_names_it(qtbot, window):
    window.resize(1000, 700)
    window._show_row(_lines("漢字", "漠字", "漢宇"))  # as the row reader gives them
    bar = window.strings
    qtbot.waitUntil(lambda: bar.isVisible())
    first, second, third = (b.string_label for b in bar.buttons[:3])
    assert not _highlighted_columns(first)
    marked = _highlighted_columns(second)
    fm = second.fontMetrics()
    middle = second.width() / 2
    assert marked and max(marked) < middle + 2  # under 漠, the first character
    assert min(_highlighted_columns(third)) > middle - 2  # under 宇, the second
    assert "漠 “vague” where string 1 has 漢 “Sino-”" in bar.buttons[1].toolTip()
    assert fm.horizontalAdvance("漠") - 2 <= len(marked) <= fm.horizontalAdvance("漠") + 2


def test_the_row_alternatives_can_be_chosen_with_the_keys(qtbot, window, clipboard, real_ink):
    write_row(qtbot, window, real_ink, "日本", size=200)
    bar = window.strings
    canvas = window.canvas
    canvas.setFocus()
    options = bar.choices[1]
    assert len(options) > 1
    qtbot.keyClick(canvas, Qt.Key.Key_Right)  # the first character, then the second
    qtbot.keyClick(canvas, Qt.Key.Key_Right)
    assert bar.selected == 1 and _highlighted_columns(bar.buttons[0].string_label)  # shown where the keys work
    qtbot.keyClick(canvas, Qt.Key.Key_Down)
    assert bar.strings()[0] == "日" + options[1]
    qtbot.keyClick(canvas, Qt.Key.Key_Up)
    assert bar.strings()[0] == "日本"
    qtbot.keyClick(canvas, Qt.Key.Key_Down)
    qtbot.keyClick(canvas, Qt.Key.Key_Return)
    assert clipboard.text() == window.compose.text() == "日" + options[1]
    assert not window.next_char_action.isEnabled()  # no row: the arrow keys are free again
