"""The user's memory survives kills and damage, stays bounded, and forgets what it is told to."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kanjipad import memory as memory_mod
from kanjipad.ink import Ink, InkError
from kanjipad.memory import Memory


def ink(seed: int = 0) -> Ink:
    return Ink.from_strokes([[[seed, 0], [10, 10 + seed]], [[10, 0], [0, 10]]])


def test_samples_come_back_after_a_restart_in_order(tmp_path):
    m = Memory(tmp_path)
    a, b = m.add(ink(1), "日"), m.add(ink(2), "髙", "teach")
    again = Memory(tmp_path)
    assert [(s.id, s.char, s.source) for s in again.samples()] == [(a.id, "日", "pick"), (b.id, "髙", "teach")]
    assert again.samples()[0].ink.strokes[0].tolist() == ink(1).strokes[0].tolist()
    assert again.chars() == {"日": 1, "髙": 1} and again.sources("髙") == {"teach"}


def test_a_kill_at_any_byte_of_a_write_loses_only_that_sample(tmp_path):
    m = Memory(tmp_path)
    kept = [m.add(ink(i), c).id for i, c in enumerate("日月山")]
    whole = m.path.read_bytes()
    last_start = whole.rstrip(b"\n").rfind(b"\n") + 1
    for cut in range(last_start, len(whole)):  # the process died after `cut` bytes reached the disk
        folder = tmp_path / f"cut{cut}"
        folder.mkdir()
        (folder / "memory.jsonl").write_bytes(whole[:cut])
        after = Memory(folder)
        # Only the complete record (all but its newline) counts as written.
        survivors = kept if cut == len(whole) - 1 else kept[:2]
        assert [s.id for s in after.samples()] == survivors, cut
        new = after.add(ink(9), "川")  # the next pick is not swallowed by the torn line
        assert [s.id for s in Memory(folder).samples()] == [*survivors, new.id], cut


def test_a_damaged_line_is_skipped_with_a_message_and_nothing_else_is_lost(tmp_path):
    m = Memory(tmp_path)
    ids = [m.add(ink(i), c).id for i, c in enumerate("日月山川")]
    lines = m.path.read_text("utf-8").splitlines()
    lines[1] = lines[1][:40] + "\x00garbage"
    lines.insert(3, json.dumps({"char": "木", "strokes": []}))  # readable, but not a sample
    m.path.write_text("\n".join(lines) + "\n", "utf-8")
    messages: list[str] = []
    after = Memory(tmp_path, on_problem=lambda problem: messages.append(str(problem)))  # English, as logged
    assert [s.id for s in after.samples()] == [ids[0], ids[2], ids[3]]
    assert messages and all(str(m.path) in text for text in messages[:2])


def test_compaction_keeps_a_copy_of_damaged_lines(tmp_path):
    m = Memory(tmp_path)
    ids = [m.add(ink(i), "日").id for i in range(4)]
    with open(m.path, "a", encoding="utf-8") as fh:
        fh.write("{not json\n")
    m.forget(ids[:3])  # three of five lines dead: the next start compacts
    after = Memory(tmp_path)
    assert [s.id for s in after.samples()] == [ids[3]]
    assert len(after.path.read_text("utf-8").splitlines()) == 1
    (copy,) = tmp_path.glob("memory.damaged-*.jsonl")
    assert "{not json" in copy.read_text("utf-8")
    assert not after.forgotten_path.exists()


def test_at_most_per_char_samples_of_a_character_oldest_dropped(tmp_path, monkeypatch):
    monkeypatch.setattr(memory_mod, "PER_CHAR", 3)
    m = Memory(tmp_path)
    ids = [m.add(ink(i), "日").id for i in range(5)]
    other = m.add(ink(7), "月").id
    assert [s.id for s in m.samples()] == [*ids[2:], other]
    assert [s.id for s in Memory(tmp_path).samples()] == [*ids[2:], other]


def test_at_most_max_samples_in_all_oldest_dropped(tmp_path, monkeypatch):
    monkeypatch.setattr(memory_mod, "MAX_SAMPLES", 4)
    m = Memory(tmp_path)
    ids = [m.add(ink(i), c).id for i, c in enumerate("日月山川木口")]
    assert [s.id for s in m.samples()] == ids[2:]
    assert m.chars() == {c: 1 for c in "山川木口"}
    assert [s.id for s in Memory(tmp_path).samples()] == ids[2:]


def test_forgetting_lasts_and_forget_all_deletes_the_files(tmp_path):
    m = Memory(tmp_path)
    a, b = m.add(ink(1), "日"), m.add(ink(2), "月")
    assert m.forget([a.id, "no such id"]) == 1
    assert [s.id for s in Memory(tmp_path).samples()] == [b.id]
    m.forget_all()
    assert len(m) == 0 and not m.path.exists() and not m.forgotten_path.exists()
    assert len(Memory(tmp_path)) == 0


def test_a_store_that_cannot_be_read_is_never_rewritten(tmp_path, monkeypatch):
    m = Memory(tmp_path)
    ids = [m.add(ink(i), "日").id for i in range(4)]
    m.forget(ids[:3])
    before = m.path.read_bytes()

    def unreadable(*_a, **_k):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(memory_mod, "read_stroke_set", unreadable)
    messages: list[str] = []
    after = Memory(tmp_path, on_problem=lambda problem: messages.append(str(problem)))  # English, as logged
    assert len(after) == 0 and "could not be read" in messages[0]
    assert not after.compact(force=True) and m.path.read_bytes() == before


def test_export_and_import_round_trip(tmp_path):
    m = Memory(tmp_path / "a")
    m.add(ink(1), "髙", "teach")
    m.add(ink(2), "日")
    out = tmp_path / "taught.jsonl"
    assert m.export(out, chars=["髙"]) == 1
    read = Memory(tmp_path / "b").read_importable(out)
    assert [char for _, char in read.samples] == ["髙"] and read.skipped == 0 and read.problems == []


def test_a_sample_must_be_one_character_with_ink(tmp_path):
    m = Memory(tmp_path)
    with pytest.raises(ValueError):
        m.add(ink(), "日本")
    with pytest.raises(ValueError):
        m.add(Ink.from_strokes([]), "日")


ops = st.lists(
    st.one_of(
        st.tuples(st.just("add"), st.sampled_from("日月山")),
        st.tuples(st.just("forget"), st.integers(0, 30)),
        st.tuples(st.just("reopen"), st.none()),
    ),
    max_size=30,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops)
def test_what_is_kept_is_what_a_restart_reads(tmp_path_factory, steps):
    folder = tmp_path_factory.mktemp("mem")
    m = Memory(folder)
    added: list[str] = []
    for op, arg in steps:
        if op == "add":
            added.append(m.add(ink(len(added)), arg).id)
        elif op == "forget" and added:
            m.forget([added[arg % len(added)]])
        elif op == "reopen":
            m = Memory(folder)
        assert [s.id for s in Memory(folder).samples()] == [s.id for s in m.samples()]


def test_a_compaction_keeps_what_another_pad_stored_after_this_one_read(tmp_path):
    first, second = Memory(tmp_path), Memory(tmp_path)  # two pads started on the same store
    theirs = second.add(ink(1), "月")
    for i in range(memory_mod.PER_CHAR + 10):  # dead lines: the first pad compacts
        first.add(ink(i), "日")
    assert first.compact()
    after = Memory(tmp_path)
    assert theirs.id in after.ids()
    assert after.chars() == {"月": 1, "日": memory_mod.PER_CHAR}
    assert first.chars() == after.chars()  # the compacting pad now knows the other's sample too


def test_a_compaction_keeps_what_another_pad_forgot_forgotten(tmp_path):
    second = Memory(tmp_path)
    sample = second.add(ink(1), "月")
    first_sees = Memory(tmp_path)
    second.forget([sample.id])
    assert first_sees.compact(force=True)
    assert sample.id not in Memory(tmp_path).ids()


def test_a_symlinked_store_stays_a_link_after_a_compaction(tmp_path):
    real = tmp_path / "elsewhere.jsonl"
    folder = tmp_path / "memory"
    folder.mkdir()
    m = Memory(folder)
    m.add(ink(1), "月")
    m.path.rename(real)
    m.path.symlink_to(real)
    again = Memory(folder)
    again.add(ink(2), "日")
    assert again.compact(force=True)
    assert m.path.is_symlink() and len(Memory(folder)) == 2


@pytest.mark.parametrize(
    "line",
    [
        '{"char":"月","id":"b1","source":"pick","time":1,"strokes":[[[NaN,1],[2,3]]]}',
        '{"char":"月","id":"b2","source":"pick","time":1,"strokes":[[[1e999,1],[2,3]]]}',
        '{"char":"月","id":"b5","source":"pick","time":1,"strokes":[[[1e308,1],[2,3]]]}',
        '{"char":"\\ud800","id":"b3","source":"pick","time":1,"strokes":[[[1,1],[2,3]]]}',
        '{"char":"\\u202e","id":"b6","source":"pick","time":1,"strokes":[[[1,1],[2,3]]]}',
    ],
    ids=["nan", "inf", "huge", "lone-surrogate", "format-char"],
)
def test_one_odd_line_costs_only_itself_and_compaction_keeps_it_aside(tmp_path, line):
    m = Memory(tmp_path)
    for i in range(memory_mod.PER_CHAR + 10):  # dead lines: the next start compacts
        m.add(ink(i), "日")
    with open(m.path, "a", encoding="utf-8") as fh:
        fh.write(line + "\n")
    again = Memory(tmp_path)
    assert again.chars() == {"日": memory_mod.PER_CHAR}
    assert any("skipped" in p for p in again.problems)
    assert list(tmp_path.glob("memory.damaged-*.jsonl"))  # the odd line is kept for recovery by hand


def test_an_odd_time_is_read_as_no_time(tmp_path):
    (tmp_path / "memory.jsonl").write_text(
        '{"char":"月","id":"a","source":"pick","time":"yesterday","strokes":[[[1,1],[2,3]]]}\n', "utf-8"
    )
    assert Memory(tmp_path).samples()[0].time == 0.0


def test_an_unreadable_forget_list_leaves_learning_on_and_the_list_alone(tmp_path):
    Memory(tmp_path).add(ink(1), "日")
    (tmp_path / "forgotten.txt").mkdir()
    m = Memory(tmp_path)
    assert len(m) == 1 and any("forgotten.txt" in p for p in m.problems)
    assert m.add(ink(2), "月") and not m.compact(force=True)  # never rewritten while unknown


@pytest.mark.parametrize("char", ["\x00", "\n", " ", "\u202e", "ab", ""])
def test_what_is_not_one_written_character_is_not_kept(tmp_path, char):
    with pytest.raises(InkError):
        Memory(tmp_path).add(ink(1), char)


def test_coordinates_that_cannot_be_drawn_are_not_kept(tmp_path):
    with pytest.raises(InkError):
        Memory(tmp_path).add(Ink.from_strokes([[[0, 0], [1e308, 1]]]), "日")


def test_a_forget_the_list_cannot_take_rewrites_the_store_without_it(tmp_path):
    m = Memory(tmp_path)
    keep, drop = m.add(ink(1), "日"), m.add(ink(2), "月")
    (tmp_path / "forgotten.txt").mkdir()  # appends to it fail, as on a full disk
    m.forget([drop.id])
    (tmp_path / "forgotten.txt").rmdir()
    assert Memory(tmp_path).ids() == {keep.id}


def test_an_import_is_one_append_and_writes_no_sample_the_bound_would_drop(tmp_path, monkeypatch):
    calls = []
    real = memory_mod.append_lines
    monkeypatch.setattr(memory_mod, "append_lines", lambda path, texts: (calls.append(len(texts)), real(path, texts)))
    m = Memory(tmp_path)
    items = [(ink(i), "日") for i in range(memory_mod.PER_CHAR + 15)] + [(ink(1), "月")]
    added = m.add_many(items, "teach").samples
    assert calls == [memory_mod.PER_CHAR + 1]  # one write; the 15 oldest 日 never reach the disk
    assert len(m.path.read_text(encoding="utf-8").splitlines()) == memory_mod.PER_CHAR + 1
    assert [s.ink.strokes[0].tolist() for s in added if s.char == "日"][-1] == ink(memory_mod.PER_CHAR + 14).strokes[
        0
    ].tolist()


def test_an_import_with_one_bad_sample_stores_none(tmp_path):
    m = Memory(tmp_path)
    with pytest.raises(InkError):
        m.add_many([(ink(1), "日"), (ink(2), "\x00")], "teach")
    assert len(Memory(tmp_path)) == 0


# --- imports never push out what the user wrote; only a regular text file of bounded size is read ---


def test_an_import_over_the_store_s_room_keeps_every_own_sample_and_counts_the_rest(tmp_path, monkeypatch):
    monkeypatch.setattr(memory_mod, "MAX_SAMPLES", 30)
    m = Memory(tmp_path)
    own = {m.add(ink(i), c).id for i, c in enumerate("日月火水木金土山")}  # the user's 8 picks
    items = [(ink(i), chr(0xE000 + i)) for i in range(100)]  # 100 valid samples, one per character
    stored = m.add_many(items, "teach")
    assert len(stored.samples) == 22 and stored.store_full == 78 and stored.char_full == 0
    assert [s.char for s in stored.samples] == [chr(0xE000 + i) for i in range(78, 100)]  # the last in the file
    again = Memory(tmp_path)
    assert own <= again.ids() and len(again) == 30


def test_an_import_fills_only_a_character_s_free_places(tmp_path):
    m = Memory(tmp_path)
    own = {m.add(ink(i), "日", "teach").id for i in range(memory_mod.PER_CHAR - 2)}
    stored = m.add_many([(ink(i), "日") for i in range(5)] + [(ink(9), "月")], "teach")
    assert [s.char for s in stored.samples] == ["日", "日", "月"] and stored.char_full == 3
    assert own <= Memory(tmp_path).ids() and Memory(tmp_path).chars() == {"日": memory_mod.PER_CHAR, "月": 1}


def test_what_the_user_writes_still_makes_room_when_the_store_is_full(tmp_path, monkeypatch):
    monkeypatch.setattr(memory_mod, "MAX_SAMPLES", 3)
    m = Memory(tmp_path)
    first = m.add(ink(0), "日")
    m.add_many([(ink(i), chr(0xE000 + i)) for i in range(5)], "teach")
    pick = m.add(ink(1), "月")
    assert pick.id in m.ids() and first.id not in m.ids() and len(m) == 3


@pytest.mark.parametrize(
    ("make", "said"),
    [
        (lambda p: None, "was not found"),
        (lambda p: p.mkdir(), "is a folder"),
        (lambda p: p.write_bytes(b""), "is empty"),
        (lambda p: p.write_bytes(b"\n  \n"), "is empty"),
        (lambda p: p.write_bytes(bytes(range(256)) * 3), "is not a text file"),
        (lambda p: p.write_bytes(b'{"a": 1}\n[1, 2]\nhello\n'), "none of its 3 lines is one"),
        (lambda p: p.write_bytes(b"x" * 1001), "the largest file KanjiPad imports is"),
    ],
)
def test_a_file_that_cannot_be_imported_is_refused_in_one_sentence(tmp_path, monkeypatch, make, said):
    from kanjipad import import_file

    monkeypatch.setattr(import_file, "MAX_IMPORT_BYTES", 1000)
    path = tmp_path / "in.jsonl"
    make(path)
    with pytest.raises(import_file.ImportRefused) as refused:
        Memory(tmp_path / "m").read_importable(path)
    assert said in str(refused.value) and refused.value.message is not None and "Errno" not in str(refused.value)


def test_a_fifo_or_a_device_is_refused_without_reading(tmp_path):
    import os
    import threading

    from kanjipad.import_file import ImportRefused

    fifo = tmp_path / "pipe.jsonl"
    os.mkfifo(fifo)
    said: list[str] = []

    def read(path):
        try:
            Memory(tmp_path / "m").read_importable(path)
        except ImportRefused as exc:
            said.append(str(exc))

    for path in (fifo, "/dev/zero"):
        reader = threading.Thread(target=read, args=(path,), daemon=True)
        reader.start()
        reader.join(30)  # only a guard: before the fix this never returned
        if reader.is_alive():
            os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))  # let the blocked open go
            pytest.fail(f"reading {path} did not return")
    assert len(said) == 2 and all("is not a regular file" in s for s in said)


@given(st.binary(max_size=300))
@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_bytes_are_imported_or_refused_with_a_sentence(tmp_path, data):
    from kanjipad.import_file import ImportRefused

    path = tmp_path / "any.jsonl"
    path.write_bytes(data)
    try:
        read = Memory(tmp_path / "m").read_importable(path)
    except ImportRefused as exc:
        assert exc.message is not None
    else:
        assert read.samples and len(read.problems) <= min(read.skipped, memory_mod.LISTED_PROBLEMS)
