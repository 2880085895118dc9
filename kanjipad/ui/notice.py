"""The licence notice (resources/NOTICE) as flowing text for the About box.

The file is written for a terminal: hard line breaks at about 90 columns. Shown as it is in
a window that also wraps, every line broke twice (a long line, then a short ragged one).
Here each entry's lines are joined into one paragraph, and the window wraps them once.
"""

from __future__ import annotations

from html import escape

#: A line that starts one of these is an item of a list: it keeps its own line.
BULLETS = ("- ", "* ", "• ")


def paragraphs(text: str) -> list[list[str]]:
    """The notice's entries (blank-line separated), each a list of lines to show: the heading, the
    flowing text joined from its wrapped lines, and each list item; ``====`` underlines are dropped."""
    entries: list[list[str]] = []
    for block in text.replace("\r\n", "\n").split("\n\n"):
        lines = [line.strip() for line in block.split("\n") if line.strip() and set(line.strip()) != {"="}]
        if not lines:
            continue
        shown = [lines[0]]
        flowing = False  # whether the last shown line takes the next one on
        for line in lines[1:]:
            if line.startswith(BULLETS):
                shown.append(line)
                flowing = True
            elif flowing:
                shown[-1] += " " + line
            else:
                shown.append(line)
                flowing = True
        entries.append(shown)
    return entries


def notice_html(text: str) -> str:
    """HTML for :func:`paragraphs`: a paragraph an entry, its heading in bold, one line break per item."""
    out = []
    for heading, *rest in paragraphs(text):
        body = "".join(f"<br>{escape(line)}" for line in rest)
        out.append(f"<p><b>{escape(heading)}</b>{body}</p>")
    return "".join(out)
