import json

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
        assert f"settings.json.corrupt-{n}" in loaded.problem
        assert not path.exists()
    path.write_text("[1, 2]")
    assert "not a JSON object" in s.load(path).problem
