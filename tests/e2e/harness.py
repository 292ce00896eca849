"""Shared helpers for the end-to-end tests: locating the binaries, running them, temp folders.

Each *_test.py is a unittest module registered with CTest by CMakeLists.txt and run with
    python3 tests/e2e/X_test.py --huzhu BUILD/huzhu --write-fixture BUILD/huzhu_write_fixture \
        --source REPO --shared REPO/../shared
"""
import argparse
import os
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

ARGS = None


def parse_args():
    global ARGS
    p = argparse.ArgumentParser()
    p.add_argument("--huzhu", required=True)
    p.add_argument("--write-fixture", required=True)
    p.add_argument("--source", required=True)
    p.add_argument("--shared", required=True)
    ARGS, rest = p.parse_known_args()
    return [sys.argv[0]] + rest


def source(*parts):
    return Path(ARGS.source, *parts)


def run_huzhu(*args, cwd=None, env=None):
    """Runs huzhu; returns CompletedProcess with text stdout/stderr."""
    e = dict(os.environ)
    e.update(env or {})
    return subprocess.run([ARGS.huzhu, *map(str, args)], capture_output=True, text=True,
                          cwd=cwd, env=e, timeout=300)


class TempDirTest(unittest.TestCase):
    def setUp(self):
        self._tmp = tempfile.TemporaryDirectory(prefix="huzhu-e2e-")
        self.tmp = Path(self._tmp.name)

    def tearDown(self):
        self._tmp.cleanup()


def main():
    argv = parse_args()
    unittest.main(argv=argv, verbosity=2)
