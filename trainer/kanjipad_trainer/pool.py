"""Worker processes that leave Ctrl+C to their parent.

A terminal's Ctrl+C reaches every process in the foreground group. Workers ignore it, so the
parent alone turns it into one line ('interrupted', exit 130) and ends the pool; otherwise each
worker prints its own KeyboardInterrupt traceback.
"""

from __future__ import annotations

import signal
from collections.abc import Callable
from typing import Any


def quiet_worker(init: Callable[..., object] | None = None, *args: Any) -> None:
    """Pool initializer: ignore SIGINT, then run ``init(*args)`` if given."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if init is not None:
        init(*args)
