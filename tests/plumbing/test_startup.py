"""config/wsgi.py settles the serving process: every view loaded, start-up's objects out of the collector's way."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import gc, json, sys
import config.wsgi
print(json.dumps({"frozen": gc.get_freeze_count(), "renderer": "policies.documents.render" in sys.modules,
                  "callable": callable(config.wsgi.application)}))
"""


def test_the_wsgi_entry_point_loads_every_view_and_freezes_what_start_up_built():
    done = subprocess.run(  # noqa: S603 - this interpreter, with a fixed probe
        [sys.executable, "-c", PROBE],
        cwd=ROOT,
        env={**os.environ, "DEBUG": "true"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    probe = json.loads(done.stdout.strip().splitlines()[-1])
    assert probe["callable"]
    assert probe["renderer"], "the PDF renderer is imported with the views, before the heap is frozen"
    assert probe["frozen"] > 100_000, "the application's objects are in the permanent generation"
