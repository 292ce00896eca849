"""Shared helpers for the end-to-end tests: locating the binaries, running them, temp folders.

Each *_test.py is a unittest module registered with CTest by CMakeLists.txt and run with
    python3 tests/e2e/X_test.py --huzhu BUILD/huzhu --write-fixture BUILD/huzhu_write_fixture \
        --source REPO --shared REPO/../shared
"""
import argparse
import csv
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


def write_table(path, columns, rows, required=()):
    """A CSV input as Excel saves it (UTF-8 with BOM): the required columns and those any row uses,
    in the canonical order of `columns`, then unknown keys (each once) last."""
    used = [c for c in columns if c in required or any(c in r for r in rows)]
    for r in rows:
        used += [k for k in r if k not in used]
    with open(path, "w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f)
        w.writerow(used)
        for r in rows:
            w.writerow([r.get(c, "") for c in used])


def contract_check(out, claims=None):
    """Runs ../shared/tools/contract-check on an output folder."""
    cmd = [sys.executable, os.path.join(ARGS.shared, "tools", "contract-check"), str(out)]
    if claims is not None:
        cmd += ["--claims", str(claims)]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120)


def run_cases(test, cases, run_case):
    """Runs run_case(case) for each case whose id contains $HUZHU_ACCEPT_CASE (all when unset), each
    as a subTest of `test`; fails when the filter matches nothing."""
    only = os.environ.get("HUZHU_ACCEPT_CASE", "")
    chosen = [c for c in cases if only in c["id"]]
    test.assertTrue(chosen, f"no case matches {only!r}")
    for case in chosen:
        with test.subTest(case=case["id"]):
            run_case(case)


def main():
    argv = parse_args()
    unittest.main(argv=argv, verbosity=2)
