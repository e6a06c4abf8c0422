import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def test_quickstart_example_runs():
    r = subprocess.run([sys.executable, os.path.join(HERE, "..", "examples", "quickstart.py")],
                       capture_output=True, text=True, timeout=120,
                       env=dict(os.environ, PYTHONPATH=os.path.join(HERE, "..")))
    assert r.returncode == 0, r.stderr
    assert "exec: exit 0" in r.stdout and "removed" in r.stdout
