import pytest

pytest.importorskip("torch")

# A handful of visually distinct classes keeps the end-to-end tests well under a minute.
TINY_CLASSES = "日月山川木口人大"
