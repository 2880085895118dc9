import json

import pytest

from kanjipad import settings as s


def test_defaults_when_no_file():
    assert s.load() == s.Settings()


def test_round_trip(tmp_path):
    path = tmp_path / "settings.json"
    original = s.Settings(theme="high-contrast", device="cpu", clear_after_pick=False, model_path="/m.onnx")
    s.save(original, path)
    assert s.load(path) == original
    assert not list(tmp_path.glob("*.tmp"))  # atomic write leaves no temporary behind


def test_bad_values_fall_back_to_defaults_and_unknown_keys_are_ignored(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"theme": "purple", "show_grid": "yes", "device": "cuda", "new": 1}))
    loaded = s.load(path)
    assert loaded.theme == "system" and loaded.show_grid is True and loaded.device == "cuda"
    assert loaded.problem is None


def test_corrupt_files_are_set_aside_one_after_another(tmp_path):
    path = tmp_path / "settings.json"
    for n in (1, 2):
        path.write_bytes(b"\xff\xfe not json")
        loaded = s.load(path)
        assert loaded == s.Settings()
        assert loaded.problem is not None and loaded.problem.kind == s.CORRUPT
        assert loaded.problem.aside == f"settings.json.corrupt-{n}"  # the facts, for the UI to word
        assert f"kept as settings.json.corrupt-{n}" in str(loaded.problem)  # the English sentence, for logs
        assert not path.exists()
    path.write_text("[1, 2]")
    assert s.load(path).problem.why == "not a JSON object"


@pytest.mark.parametrize("content", [b"", b"\n", b"  \n\t"], ids=["0 bytes", "a newline", "blanks"])
def test_an_empty_file_is_no_settings_not_a_corrupt_one(tmp_path, content):
    """An interrupted first save or a ``touch`` leaves an empty settings.json: defaults, no box, nothing moved."""
    path = tmp_path / "settings.json"
    path.write_bytes(content)
    loaded = s.load(path)
    assert loaded.problem is None and loaded.writable
    assert loaded.theme == s.load(tmp_path / "none.json").theme
    assert sorted(p.name for p in tmp_path.iterdir()) == ["settings.json"]
    loaded.theme = "dark"
    s.save(loaded, path)
    assert s.load(path).theme == "dark"


def test_two_instances_keep_each_others_changes(tmp_path):
    path = tmp_path / "settings.json"
    s.save(s.Settings(), path)
    first, second = s.load(path), s.load(path)
    first.theme = "dark"
    s.save(first, path)
    second.learning = "off"  # this window never touched the theme
    s.save(second, path)
    stored = s.load(path)
    assert stored.theme == "dark" and stored.learning == "off"
    assert second.theme == "dark"  # and the second window now knows the first one's choice


def test_learning_turned_off_stays_off_when_another_window_closes(tmp_path):
    path = tmp_path / "settings.json"
    other = s.load(path)  # opened before the change, closes after it
    mine = s.load(path)
    mine.learning = "off"
    s.save(mine, path)
    other.geometry = "abcd"  # what closing a window saves
    s.save(other, path)
    assert s.load(path).learning == "off"


def test_an_unreadable_file_is_not_treated_as_corrupt_nor_overwritten(tmp_path, monkeypatch):
    path = tmp_path / "settings.json"
    s.save(s.Settings(theme="dark"), path)
    before = path.read_bytes()
    real = type(path).open

    def denied(self, *args, **kwargs):
        if self == path:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self, *args, **kwargs)

    monkeypatch.setattr(type(path), "open", denied)  # tests may run as root
    loaded = s.load(path)
    assert loaded == s.Settings() and loaded.problem.kind == s.UNREADABLE
    assert loaded.problem.why == "Permission denied" and loaded.problem.path == path
    assert "untouched" in str(loaded.problem)
    assert not list(tmp_path.glob("*.corrupt-*"))
    loaded.theme = "light"
    try:
        s.save(loaded, path)
        raise AssertionError("an unreadable settings file was overwritten")
    except PermissionError:
        pass
    monkeypatch.undo()
    assert path.read_bytes() == before


def test_a_corrupt_file_in_a_read_only_folder_still_starts_with_defaults(tmp_path, monkeypatch):
    path = tmp_path / "settings.json"
    path.write_text("{ not json")

    def read_only(self, target):
        raise PermissionError(13, "Read-only file system", str(self))

    monkeypatch.setattr(type(path), "replace", read_only)
    loaded = s.load(path)
    assert loaded == s.Settings()
    assert loaded.problem.aside is None and loaded.problem.aside_error == "Read-only file system"
    assert "left as it is" in str(loaded.problem)
    assert path.read_text() == "{ not json"


@pytest.mark.parametrize(
    "content",
    [b"[" * 2000 + b"]" * 2000, b'{"theme": "dark", "pad": "' + b"x" * (s.MAX_BYTES + 10) + b'"}'],
    ids=["nested", "huge"],
)
def test_a_settings_file_too_deep_or_too_large_is_set_aside_and_defaults_used(tmp_path, content):
    path = tmp_path / "settings.json"
    path.write_bytes(content)
    loaded = s.load(path)
    assert loaded.theme == "system" and loaded.problem and loaded.problem.kind == s.CORRUPT
    assert (tmp_path / "settings.json.corrupt-1").read_bytes() == content


@pytest.mark.parametrize(
    "stored, loaded", [("ja", "ja"), ("en", "en"), ("system", "system"), ("klingon", "system"), (3, "system")]
)
def test_the_language_is_kept_and_a_bad_one_falls_back_to_the_system_s(tmp_path, stored, loaded):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"language": stored}))
    assert s.load(path).language == loaded
    assert s.Settings().language == "system"


def test_a_fifo_in_place_of_the_settings_file_does_not_hang_the_start(tmp_path):
    """A pipe (or a device) where settings.json should be: read as unreadable at once, never waited on."""
    import os

    from kanjipad import settings as settings_mod

    path = tmp_path / "settings.json"
    os.mkfifo(path)
    s = settings_mod.load(path)
    assert s.problem is not None and "regular file" in str(s.problem)
