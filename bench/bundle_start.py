"""Cold start of the bundled app: process launch → window shown with the model loaded.

Runs ``dist/kanjipad/kanjipad --quit-when-ready`` repeatedly. The app prints the
moment its window is up and the recognizer is ready for the first stroke, then
quits; the clock starts just before the process is launched. The first run
follows a page-cache drop where the OS allows it (root on Linux), so it is a
true cold start from disk; the rest are warm-cache starts.

    python bench/bundle_start.py [--app dist/kanjipad/kanjipad] [--runs 10]

Qt runs offscreen unless QT_QPA_PLATFORM says otherwise (``xvfb-run`` works too).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def drop_page_cache() -> bool:
    try:
        subprocess.run(["sync"], check=True)
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
        return True
    except OSError:
        return False


def start_once(app: Path, env: dict[str, str]) -> float:
    t0 = time.time()
    out = subprocess.run([str(app), "--quit-when-ready"], capture_output=True, text=True, env=env, timeout=60)
    lines = [ln for ln in out.stdout.splitlines() if ln.startswith("{")]
    if out.returncode != 0 or not lines:
        raise SystemExit(f"{app} failed (exit {out.returncode}):\n{out.stdout}\n{out.stderr}")
    report = json.loads(lines[-1])
    if not report["model_loaded"]:
        raise SystemExit(f"{app} started without a model:\n{out.stderr}")
    return (report["ready"] - t0) * 1000


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--app", default=str(REPO / "dist" / "kanjipad" / "kanjipad"))
    ap.add_argument("--runs", type=int, default=10)
    args = ap.parse_args()
    app = Path(args.app)
    if not app.exists():
        raise SystemExit(f"{app} not found; build it first: scripts/build_bundle.sh")
    with tempfile.TemporaryDirectory() as home:
        # A clean environment, as on a machine without Python: no PYTHONPATH, fresh settings.
        env = {
            "PATH": "/usr/bin:/bin",
            "HOME": home,
            "KANJIPAD_CONFIG_DIR": os.path.join(home, "config"),
            "KANJIPAD_DATA_DIR": os.path.join(home, "data"),
            "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        }
        for var in ("DISPLAY", "XAUTHORITY", "WAYLAND_DISPLAY", "XDG_RUNTIME_DIR", "LANG"):
            if var in os.environ:
                env[var] = os.environ[var]
        dropped = drop_page_cache()
        first = start_once(app, env)
        warm = [start_once(app, env) for _ in range(max(0, args.runs - 1))]
    # Links (PyInstaller makes a few) are counted once, as the files they point to.
    size_mb = sum(f.lstat().st_size for f in app.parent.rglob("*") if f.is_file() and not f.is_symlink()) / 2**20
    print(f"bundle {app.parent}: {size_mb:.0f} MB; platform {env['QT_QPA_PLATFORM']}")
    kind = "after dropping the page cache" if dropped else "page cache not dropped (needs root)"
    print(f"first start ({kind}): launch -> ready {first:.0f} ms")
    if warm:
        q = statistics.quantiles(warm, n=20, method="inclusive") if len(warm) > 1 else [warm[0]] * 19
        print(
            f"warm starts: n={len(warm)} p50={statistics.median(warm):.0f} ms p95={q[18]:.0f} ms max={max(warm):.0f} ms"
        )
    sys.exit(0)


if __name__ == "__main__":
    main()
