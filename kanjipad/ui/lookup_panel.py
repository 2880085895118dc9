"""The look-up panel: what the user looks at (a candidate, a pick, a row's string, the compose line), explained.

A view on :mod:`kanjipad.lookup` (no look-up logic here). :class:`LookupService` opens the database and runs
every query on one background thread, newest request first (a request waiting when a newer one comes is
dropped, an answer to an older one is ignored), so nothing waits for SQLite on the UI thread.
:class:`LookupPanel` shows the answers: a character's readings, meanings, figures, stroke order and words;
the words from a cursor with the inflection undone named; search results. :class:`LookupDock` holds it in
the main window.
"""

from __future__ import annotations

import threading
import unicodedata
from collections.abc import Callable, Sequence
from html import escape
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, unquote

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from kanjipad.dictionary import readable_list
from kanjipad.errors import KanjiPadError
from kanjipad.ui.char_names import code_point
from kanjipad.ui.core_texts import core_text
from kanjipad.ui.fonts import japanese_font, text_font
from kanjipad.ui.i18n import QT_TRANSLATE_NOOP, translate
from kanjipad.ui.stroke_order import StrokeOrderView, accent_colour

if TYPE_CHECKING:  # kanjipad.lookup (and sqlite3) load on the look-up thread, after the window shows
    from kanjipad.lookup import CharEntry, Lookup, Segment, WordEntry, WordMatch
    from kanjipad.lookup.entries import Reading

#: What the panel shows: ("char", c), ("text", t), ("search", q), or ("at" or "before", t, cursor).
Subject = tuple[str, str] | tuple[str, str, int]
#: Words containing a character shown under it.
CHAR_WORDS = 10
#: Entries shown for one place of a text (longest first).
MATCHES_PER_WORD = 4
#: Search results shown.
SEARCH_RESULTS = 20
#: Typing in the search box waits this long for the next key.
SEARCH_DELAY_MS = 150
#: Senses shown per word entry.
SENSES = 5

#: What a character is (CharEntry.kind), in words; kanji go without saying.
KIND_NAMES = {
    "hiragana": QT_TRANSLATE_NOOP("LookupPanel", "hiragana"),
    "katakana": QT_TRANSLATE_NOOP("LookupPanel", "katakana"),
    "digit": QT_TRANSLATE_NOOP("LookupPanel", "digit"),
    "latin": QT_TRANSLATE_NOOP("LookupPanel", "latin"),
    "symbol": QT_TRANSLATE_NOOP("LookupPanel", "symbol"),
}

#: EDICT part-of-speech tags, in words (a tag not listed is shown as it is).
POS_NAMES = {
    "n": QT_TRANSLATE_NOOP("PartOfSpeech", "noun"),
    "v1": QT_TRANSLATE_NOOP("PartOfSpeech", "ichidan verb"),
    "v5": QT_TRANSLATE_NOOP("PartOfSpeech", "godan verb"),
    "vs": QT_TRANSLATE_NOOP("PartOfSpeech", "suru verb"),
    "vk": QT_TRANSLATE_NOOP("PartOfSpeech", "kuru verb"),
    "vt": QT_TRANSLATE_NOOP("PartOfSpeech", "transitive"),
    "vi": QT_TRANSLATE_NOOP("PartOfSpeech", "intransitive"),
    "v1-s": QT_TRANSLATE_NOOP("PartOfSpeech", "ichidan verb"),
    "vs-s": QT_TRANSLATE_NOOP("PartOfSpeech", "suru verb"),
    "vs-i": QT_TRANSLATE_NOOP("PartOfSpeech", "suru verb"),
    "vz": QT_TRANSLATE_NOOP("PartOfSpeech", "zuru verb"),
    "adj-i": QT_TRANSLATE_NOOP("PartOfSpeech", "i-adjective"),
    "adj-ix": QT_TRANSLATE_NOOP("PartOfSpeech", "i-adjective (いい)"),
    "adj-t": QT_TRANSLATE_NOOP("PartOfSpeech", "taru adjective"),
    "adj-f": QT_TRANSLATE_NOOP("PartOfSpeech", "pre-noun"),
    "n-pr": QT_TRANSLATE_NOOP("PartOfSpeech", "proper noun"),
    "aux": QT_TRANSLATE_NOOP("PartOfSpeech", "auxiliary"),
    "aux-adj": QT_TRANSLATE_NOOP("PartOfSpeech", "auxiliary adjective"),
    "cop": QT_TRANSLATE_NOOP("PartOfSpeech", "copula"),
    "adj-na": QT_TRANSLATE_NOOP("PartOfSpeech", "na-adjective"),
    "adj-no": QT_TRANSLATE_NOOP("PartOfSpeech", "no-adjective"),
    "adj-pn": QT_TRANSLATE_NOOP("PartOfSpeech", "pre-noun adjectival"),
    "adv": QT_TRANSLATE_NOOP("PartOfSpeech", "adverb"),
    "adv-to": QT_TRANSLATE_NOOP("PartOfSpeech", "adverb taking と"),
    "exp": QT_TRANSLATE_NOOP("PartOfSpeech", "expression"),
    "int": QT_TRANSLATE_NOOP("PartOfSpeech", "interjection"),
    "pn": QT_TRANSLATE_NOOP("PartOfSpeech", "pronoun"),
    "prt": QT_TRANSLATE_NOOP("PartOfSpeech", "particle"),
    "conj": QT_TRANSLATE_NOOP("PartOfSpeech", "conjunction"),
    "aux-v": QT_TRANSLATE_NOOP("PartOfSpeech", "auxiliary verb"),
    "pref": QT_TRANSLATE_NOOP("PartOfSpeech", "prefix"),
    "suf": QT_TRANSLATE_NOOP("PartOfSpeech", "suffix"),
    "ctr": QT_TRANSLATE_NOOP("PartOfSpeech", "counter"),
    "num": QT_TRANSLATE_NOOP("PartOfSpeech", "numeric"),
    "n-suf": QT_TRANSLATE_NOOP("PartOfSpeech", "noun suffix"),
    "n-pref": QT_TRANSLATE_NOOP("PartOfSpeech", "noun prefix"),
    "n-adv": QT_TRANSLATE_NOOP("PartOfSpeech", "adverbial noun"),
    "n-t": QT_TRANSLATE_NOOP("PartOfSpeech", "temporal noun"),
}


def pos_name(tag: str) -> str:
    if tag in POS_NAMES:
        return translate("PartOfSpeech", POS_NAMES[tag])
    if tag.startswith("v5"):
        return translate("PartOfSpeech", "godan verb")
    return tag


def grade_text(grade: int | None) -> str:
    if grade is None:
        return ""
    if grade == 8:
        return translate("LookupPanel", "Jōyō (secondary school)")
    if grade in (9, 10):
        return translate("LookupPanel", "jinmeiyō (names)")
    return translate("LookupPanel", "grade {grade}").format(grade=grade)


class LookupService(QObject):
    """The database and its one thread. :meth:`ask` queues ``query(lookup)``; ``answered`` brings
    ``(seq, result)`` back to the UI thread (``result`` is the query's return value, or a
    ``KanjiPadError`` it raised). ``failed`` says, in one line, why there is no look-up at all."""

    opened = Signal()
    failed = Signal(str)
    answered = Signal(int, object)

    def __init__(self, parent: QObject | None = None, opener: Callable[[], Lookup] | None = None):
        super().__init__(parent)
        #: Opens the database (on the look-up thread); None: the shipped file.
        self._opener = opener
        self.lookup: Lookup | None = None
        self.problem = ""
        self._cond = threading.Condition()
        self._pending: tuple[int, Callable[[Lookup], Any]] | None = None
        self._latest = 0
        self._stop = False
        self._thread: threading.Thread | None = None

    @property
    def started(self) -> bool:
        return self._thread is not None

    def start(self) -> None:
        """Open the database on the look-up thread (once)."""
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="lookup", daemon=True)
            self._thread.start()

    def ask(self, query: Callable[[Lookup], Any]) -> int:
        """Queue ``query``; the one waiting before it (if any) is dropped. Returns its number."""
        self.start()
        with self._cond:
            self._latest += 1
            self._pending = (self._latest, query)
            self._cond.notify()
            return self._latest

    def is_current(self, seq: int) -> bool:
        return seq == self._latest

    def stop(self) -> None:
        with self._cond:
            self._stop = True
            self._cond.notify()
        if self._thread is not None:
            self._thread.join(timeout=2)

    def _emit(self, signal: Any, *args: Any) -> None:
        try:
            signal.emit(*args)
        except RuntimeError:  # the window closed while a query ran
            pass

    def _run(self) -> None:
        try:
            from kanjipad.lookup import Lookup, LookupDataError

            self.lookup = (self._opener or Lookup)()
        except Exception as exc:  # LookupDataError; anything else is a bug, but must not take the pad down
            self.problem = core_text(exc) if isinstance(exc, KanjiPadError) else f"{type(exc).__name__}: {exc}"
            self.problem = " ".join(self.problem.split())  # one line
            self._emit(self.failed, self.problem)
            return
        self._emit(self.opened)
        while True:
            with self._cond:
                while self._pending is None and not self._stop:
                    self._cond.wait()
                if self._stop:
                    break
                assert self._pending is not None
                seq, query = self._pending
                self._pending = None
            try:
                result = query(self.lookup)
            except LookupDataError as exc:  # the file went bad under us: no look-up from now on
                self.problem = " ".join(core_text(exc).split())
                self._emit(self.failed, self.problem)
                break
            except KanjiPadError as exc:  # text that cannot be looked up: said, not raised
                result = exc
            except Exception as exc:  # a bug: said in the panel rather than lost in a thread
                why = f"{type(exc).__name__}: {exc}"
                result = KanjiPadError(translate("LookupPanel", "the look-up failed ({error})").format(error=why))
            self._emit(self.answered, seq, result)
        if self.lookup is not None:
            self.lookup.close()


# --- what a query returns to the panel ------------------------------------------------------------------
class CharAnswer:
    def __init__(self, entry: CharEntry):
        self.entry = entry


class WordsAnswer:
    """Segments of a text (or the matches at one cursor, as one segment)."""

    def __init__(self, text: str, segments: list[Segment], focus: int | None = None):
        self.text = text
        self.segments = segments
        self.focus = focus


class SearchAnswer:
    def __init__(self, query: str, entries: list[WordEntry]):
        self.query = query
        self.entries = entries


def _char_query(char: str) -> Callable[[Lookup], CharAnswer]:
    return lambda lk: CharAnswer(lk.character(char, words=CHAR_WORDS))


def _text_query(text: str) -> Callable[[Lookup], WordsAnswer]:
    return lambda lk: WordsAnswer(text, lk.segment(text, limit=MATCHES_PER_WORD))


def _at_query(text: str, cursor: int) -> Callable[[Lookup], WordsAnswer]:
    def run(lk: Lookup) -> WordsAnswer:
        from kanjipad.lookup import Segment

        matches = lk.at(text, cursor, limit=MATCHES_PER_WORD * 3)
        if not matches:
            return WordsAnswer(text, [Segment(cursor, text[cursor : cursor + 1], ())], cursor)
        size = len(matches[0].text)
        best = tuple(m for m in matches if len(m.text) == size)[:MATCHES_PER_WORD]
        # Shorter words from the same place follow (食べ物 → 食べる, 食): a pop-up dictionary shows them too.
        shorter = tuple(m for m in matches if len(m.text) < size)[: MATCHES_PER_WORD - 1]
        return WordsAnswer(text, [Segment(cursor, text[cursor : cursor + size], best + shorter)], cursor)

    return run


def _before_query(text: str, cursor: int) -> Callable[[Lookup], WordsAnswer]:
    """The word that ends at ``cursor`` (the compose line's cursor after a pick sits at the end)."""

    def run(lk: Lookup) -> WordsAnswer:
        from kanjipad.lookup import Segment
        from kanjipad.lookup.query import WINDOW

        start = max(0, cursor - WINDOW)
        last = lk.segment(text[start:cursor], limit=MATCHES_PER_WORD)[-1]
        seg = Segment(start + last.start, last.text, last.matches)
        return WordsAnswer(text, [seg], seg.start)

    return run


def _search_query(query: str) -> Callable[[Lookup], SearchAnswer]:
    return lambda lk: SearchAnswer(query, lk.search(query, limit=SEARCH_RESULTS))


def _readings(readings: Sequence[Reading]) -> str:
    """Readings as the candidate cards write them (:func:`kanjipad.dictionary.readable_list`): okurigana in
    brackets, no KANJIDIC affix hyphens (はや- and はや read the same to a user), repeats dropped; as HTML."""
    return "、".join(escape(r) for r in readable_list([_kanjidic(r) for r in readings]))


def _kanjidic(r: Reading) -> str:
    """The reading's kana in KANJIDIC's notation, okurigana after a dot (た.べる); the affix hyphens are
    left off, as :func:`readable_list` drops them anyway."""
    stem = r.kana[: len(r.kana) - len(r.okurigana)]
    return f"{stem}.{r.okurigana}" if r.okurigana else stem


def _link(text: str) -> str:
    return "look:" + quote(text, safe="")


def is_lookable(text: str) -> bool:
    return bool(text.strip()) and not any(unicodedata.category(c) in ("Cc", "Cs") for c in text)


class LookupPanel(QWidget):
    """The panel's contents: a search box, a title, the stroke order (characters) and the entries."""

    #: What the panel shows changed (a subject such as ``("char", "食")``); tests and the window listen.
    shown = Signal(object)

    def __init__(self, service: LookupService, parent: QWidget | None = None):
        super().__init__(parent)
        self.service = service
        self.setAccessibleName(translate("LookupPanel", "Look-up panel"))
        self.search_box = _SearchBox()
        self.search_box.setPlaceholderText(translate("LookupPanel", "Search: kana, romaji or English"))
        self.search_box.setAccessibleName(translate("LookupPanel", "Look-up search"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setFont(text_font(self.search_box.font()))
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setFont(japanese_font(self.font(), 2.2))
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.title.setWordWrap(True)
        self.subtitle = QLabel()  # one line: a message, or what the title is
        self.subtitle.setTextFormat(Qt.TextFormat.PlainText)
        self.subtitle.setWordWrap(True)
        self.subtitle.setFont(text_font(self.subtitle.font()))
        self.strokes = StrokeOrderView()
        self.animate_button = QPushButton(translate("LookupPanel", "Draw the strokes one by one"))
        self.animate_button.setAccessibleName(translate("LookupPanel", "Draw the strokes one by one"))
        self.animate_button.setToolTip(translate("LookupPanel", "Draw the character's strokes in order, one by one"))
        self.animate_button.clicked.connect(self.strokes.animate)
        self.details = QTextBrowser()
        self.details.setAccessibleName(translate("LookupPanel", "Look-up entries"))
        self.details.setOpenLinks(False)
        self.details.setFont(text_font(self.details.font()))
        self.details.anchorClicked.connect(self._link_clicked)

        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        stroke_col = QVBoxLayout()
        stroke_col.addWidget(self.strokes)
        stroke_col.addWidget(self.animate_button)
        self.stroke_box = QWidget()
        self.stroke_box.setLayout(stroke_col)
        stroke_col.setContentsMargins(0, 0, 0, 0)
        lay = QVBoxLayout(self)
        lay.addWidget(self.search_box)
        lay.addLayout(head)
        lay.addWidget(self.subtitle)
        lay.addWidget(self.stroke_box, 0, Qt.AlignmentFlag.AlignHCenter)
        lay.addWidget(self.details, 1)
        self.stroke_box.hide()

        #: What is on screen (or asked for): ("char", c), ("text", t), ("at", t, i) or ("search", q).
        self.subject: Subject | None = None
        #: What to show once the panel is active (it asks nothing while hidden).
        self.wanted: Subject | None = None
        self.active = False
        self.off = False
        self._seq = -1
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._search_now)
        self.search_box.textEdited.connect(lambda _t: self._search_timer.start())
        self.search_box.returnPressed.connect(self._search_now)
        service.answered.connect(self._answered)
        service.failed.connect(self.turn_off)
        self._set_message(translate("LookupPanel", "Write a character, hover a candidate or search"))

    def sizeHint(self) -> QSize:
        return QSize(340, 560)

    def minimumSizeHint(self) -> QSize:
        return QSize(240, 300)

    # --- what to show ---------------------------------------------------------------------------------
    def set_active(self, active: bool) -> None:
        """Active while the panel is on screen: only then are queries run."""
        self.active = active
        if active and self.wanted is not None and self.wanted != self.subject:
            self._ask(self.wanted)

    def show_char(self, char: str) -> None:
        if len(char) == 1:
            self._want(("char", char))

    def show_text(self, text: str) -> None:
        """A string (a row's reading, a pick, a selection): a single character as a character, else word by word."""
        text = text.strip()
        if len(text) == 1:
            self.show_char(text)
        elif text:
            self._want(("text", text))

    def show_at(self, text: str, cursor: int) -> None:
        """The words from ``text[cursor]``, longest first (a pop-up dictionary's look-up); with the cursor
        at the end, the word that ends there."""
        if 0 <= cursor < len(text):
            self._want(("at", text, cursor))
        elif cursor == len(text) and text.strip():
            self._want(("before", text, cursor))

    def search(self, query: str) -> None:
        self.search_box.setText(query)
        self._search_now()

    def _search_now(self) -> None:
        self._search_timer.stop()
        query = self.search_box.text().strip()
        if query:
            self._want(("search", query))

    def _want(self, subject: Subject) -> None:
        if self.off or not all(is_lookable(str(s)) for s in subject[1:2]):
            return
        self.wanted = subject
        if self.active and subject != self.subject:
            self._ask(subject)

    def _ask(self, subject: Subject) -> None:
        kind, text = subject[0], subject[1]
        query: Callable[[Lookup], Any]
        if len(subject) == 3:  # ("at" or "before", text, cursor)
            query = (_at_query if kind == "at" else _before_query)(text, subject[2])
        elif kind == "char":
            query = _char_query(text)
        elif kind == "text":
            query = _text_query(text)
        else:
            query = _search_query(text)
        self.subject = subject
        self._seq = self.service.ask(query)

    def _link_clicked(self, url: QUrl) -> None:
        raw = url.toString(QUrl.ComponentFormattingOption.FullyEncoded)
        if raw.startswith("look:"):
            self.show_text(unquote(raw[5:]))

    # --- showing answers -------------------------------------------------------------------------------
    def turn_off(self, message: str) -> None:
        """No database: say why in one line; the rest of the pad works on."""
        self.off = True
        self.search_box.setEnabled(False)
        self.stroke_box.hide()
        self.details.clear()
        self.title.clear()
        self._set_message(translate("LookupPanel", "Look-up is off: {why}").format(why=message))
        self.shown.emit(("off", message))

    def _set_message(self, text: str) -> None:
        self.subtitle.setText(text)
        self.subtitle.setVisible(bool(text))

    def _answered(self, seq: int, result: object) -> None:
        if seq != self._seq or not self.service.is_current(seq):
            return  # a newer question is on its way
        self.strokes.stop()
        if isinstance(result, KanjiPadError):
            self.title.clear()
            self.stroke_box.hide()
            self.details.clear()
            self._set_message(" ".join(str(result).split()))
        elif isinstance(result, CharAnswer):
            self._show_char(result.entry)
        elif isinstance(result, WordsAnswer):
            self._show_words(result)
        elif isinstance(result, SearchAnswer):
            self._show_search(result)
        self.shown.emit(self.subject)

    def _colours(self) -> tuple[str, str]:
        """(secondary text, accent) in the theme's colours, each readable on the entries' background;
        links take the accent too (the default link blue is unreadable on high contrast's black)."""
        pal = self.details.palette()
        R = QPalette.ColorRole
        dim = accent_colour(pal, R.PlaceholderText).name()
        accent = accent_colour(pal, R.Link, R.Highlight).name()
        self.details.document().setDefaultStyleSheet(f"a {{ color: {accent}; }}")
        return dim, accent

    def _show_char(self, e: CharEntry) -> None:
        dim, _ = self._colours()
        self.title.setText(e.char)
        facts = []
        if e.strokes:
            strokes = (
                translate("LookupPanel", "1 stroke") if e.strokes == 1 else translate("LookupPanel", "{n} strokes")
            )
            facts.append(strokes.format(n=e.strokes))
        if e.radical_char:
            facts.append(
                translate("LookupPanel", "radical {char} ({number})").format(char=e.radical_char, number=e.radical)
            )
        if e.grade is not None:
            facts.append(grade_text(e.grade))
        if e.jlpt is not None:
            facts.append(translate("LookupPanel", "JLPT level {level} (old)").format(level=e.jlpt))
        if e.frequency is not None:
            facts.append(translate("LookupPanel", "frequency #{rank}").format(rank=e.frequency))
        if e.kind != "kanji":
            facts.insert(0, translate("LookupPanel", KIND_NAMES[e.kind]) if e.kind in KIND_NAMES else e.kind)
        self._set_message(" · ".join(facts))
        self.strokes.set_order(e.stroke_order)
        self.stroke_box.setVisible(e.stroke_order is not None)
        self.animate_button.setText(
            (
                translate("LookupPanel", "Draw the {n} strokes one by one").format(n=len(e.stroke_order.paths))
                if len(e.stroke_order.paths) != 1
                else translate("LookupPanel", "Draw the stroke")
            )
            if e.stroke_order
            else translate("LookupPanel", "Draw the strokes")
        )
        rows = []

        def row(label: str, html: str) -> None:
            if html:
                rows.append(f"<tr><td style='color:{dim}; padding-right:8px'>{label}</td><td>{html}</td></tr>")

        row(translate("LookupPanel", "On"), _readings(e.on))
        row(translate("LookupPanel", "Kun"), _readings(e.kun))
        row(translate("LookupPanel", "Names"), _readings(e.nanori))
        row(translate("LookupPanel", "Meaning"), escape(", ".join(e.meanings)))
        row(translate("LookupPanel", "Romaji"), escape(e.romaji))
        row(translate("LookupPanel", "Parts"), " ".join(f"<a href='{_link(c)}'>{escape(c)}</a>" for c in e.components))
        if not e.has_dictionary_data:
            row(translate("LookupPanel", "Name"), escape(e.name.lower()) if e.name else code_point(e.char))
        parts = [f"<table>{''.join(rows)}</table>"]
        if e.words:
            words_with = translate("LookupPanel", "Words with {char}").format(char=escape(e.char))
            parts.append(f"<p style='color:{dim}'>{words_with}</p>")
            parts.append("<table>" + "".join(self._word_row(w) for w in e.words) + "</table>")
        example = next((r for r in e.kun if r.okurigana and not (r.prefix or r.suffix)), None)
        if example is not None:
            written = escape(f"{e.char}{example.okurigana}")
            note = translate("LookupPanel", "Okurigana in brackets: {reading} is written {written}.")
            parts.append(f"<p style='color:{dim}'>{note.format(reading=escape(example.display), written=written)}</p>")
        self.details.setHtml("".join(parts))

    def _word_row(self, w: WordEntry) -> str:
        """One line of the words containing a character (all common: no tag)."""
        gloss = "; ".join(w.senses[0].glosses[:3]) if w.senses else ""
        reading = f"【{escape('、'.join(w.readings[:2]))}】" if w.readings else ""
        return (
            f"<tr><td><a href='{_link(w.headword)}'>{escape(w.headword)}</a></td>"
            f"<td style='padding-left:6px'>{reading}</td><td style='padding-left:6px'>{escape(gloss)}</td></tr>"
        )

    @staticmethod
    def _entry_html(w: WordEntry, match: WordMatch | None, dim: str, accent: str) -> str:
        head = f"<b style='font-size:large'>{escape(w.headword)}</b>"
        if w.readings:
            head += f" 【{escape('、'.join(w.readings))}】"
        if w.common:
            common = translate("LookupPanel", "common")
            head += f" <span style='color:{accent}'>{common}</span>"
        out = [f"<p style='margin-bottom:2px'>{head}</p>"]
        if match is not None and match.inflections:
            steps = " + ".join(match.inflections)
            out.append(
                f"<p style='margin-top:0; margin-bottom:2px'>{escape(match.text)} → {escape(match.base)}: "
                f"<i>{escape(steps)}</i></p>"
            )
        senses = []
        last_pos: tuple[str, ...] = ()
        for s in w.senses[:SENSES]:
            pos = ""
            if s.pos and s.pos != last_pos:
                pos = f"<i style='color:{dim}'>{escape(', '.join(pos_name(t) for t in s.pos))}</i> · "
                last_pos = s.pos
            senses.append(f"<li>{pos}{escape('; '.join(s.glosses))}</li>")
        if senses:
            out.append(f"<ol style='margin-top:0'>{''.join(senses)}</ol>")
        return "".join(out)

    def _show_words(self, answer: WordsAnswer) -> None:
        dim, accent = self._colours()
        self.stroke_box.hide()
        self.strokes.set_order(None)
        found = [s for s in answer.segments if s.matches]
        if answer.focus is not None:
            self.title.setText(answer.segments[0].text if answer.segments else "")
        else:
            self.title.setText(answer.text)
        if not found:
            self._set_message(translate("LookupPanel", "No word found here"))
            self.details.clear()
            return
        several = answer.focus is None and len(answer.segments) > 1
        words = " · ".join(s.text for s in answer.segments)
        self._set_message(translate("LookupPanel", "Word by word: {words}").format(words=words) if several else "")
        parts = []
        for seg in answer.segments:
            if several:
                parts.append(f"<h3 style='margin-bottom:0'><a href='{_link(seg.text)}'>{escape(seg.text)}</a></h3>")
            if not seg.matches:
                no_entry = translate("LookupPanel", "No entry.")
                parts.append(f"<p style='color:{dim}'>{no_entry}</p>")
            for m in seg.matches:
                parts.append(self._entry_html(m.entry, m, dim, accent))
        self.details.setHtml("".join(parts))

    def _show_search(self, answer: SearchAnswer) -> None:
        dim, accent = self._colours()
        self.stroke_box.hide()
        self.strokes.set_order(None)
        self.title.clear()
        n = len(answer.entries)
        if n == 0:
            said = translate("LookupPanel", "Nothing found for “{query}”")
        else:
            said = (
                translate("LookupPanel", "1 word for “{query}”")
                if n == 1
                else translate("LookupPanel", "{n} words for “{query}”")
            )
        self._set_message(said.format(n=n, query=answer.query))
        self.details.setHtml("".join(self._entry_html(w, None, dim, accent) for w in answer.entries))


class LookupDock(QDockWidget):
    """The panel at the side of the main window; ``closedByUser`` when its close button hides it."""

    closedByUser = Signal()

    def __init__(self, panel: LookupPanel, parent: QWidget | None = None):
        super().__init__(translate("LookupPanel", "Look up"), parent)
        self.setObjectName("lookup_dock")
        self.setWidget(panel)
        self.setAllowedAreas(Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea)
        self.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )

    def closeEvent(self, e: QCloseEvent) -> None:
        super().closeEvent(e)
        if e.isAccepted():
            self.closedByUser.emit()


class _SearchBox(QLineEdit):
    """The look-up search box: it keeps Ctrl+Z and Backspace only while it has something to undo or
    delete; otherwise they reach the pad (undo the last pick, take back a stroke), as a user expects
    after searching and picking."""

    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ShortcutOverride and isinstance(e, QKeyEvent):
            if e.matches(QKeySequence.StandardKey.Undo) and not self.isUndoAvailable():
                e.ignore()  # not ours: the window's Undo action takes it
                return False
            if e.key() == Qt.Key.Key_Backspace and not self.text():
                e.ignore()
                return False
        return super().event(e)
