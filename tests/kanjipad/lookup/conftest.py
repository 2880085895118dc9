"""One read-only look-up over the shipped database (resources/lookup.sqlite) for the whole session."""

from __future__ import annotations

import pytest

from kanjipad.lookup import Lookup


@pytest.fixture(scope="session")
def lookup() -> Lookup:
    lk = Lookup()
    yield lk
    lk.close()
