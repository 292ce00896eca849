"""Acceptance cases for `huzhu ratio`: unit participation ratios, eligibility and premiums.

The cases in tests/acceptance/ratio/cases.json (written by tests/acceptance/ratio/make_cases.py) were
worked out by hand from ../shared/docs/rules-reference.md §1–§7 and ../shared/docs/data-contract.md,
not from the engine. For each case this module writes its members and units as UTF-8 CSV with a BOM,
runs `huzhu ratio --rules ID --members members.csv --units units.csv --out OUT`, checks the exit code,
requires OUT/ratio.csv to hold exactly one row per expected unit (and no other unit), compares every
expected field exactly, and requires ../shared/tools/contract-check to pass.

Set HUZHU_ACCEPT_CASE=substring to run only the cases whose id contains it.
Standard library only.
"""
import csv
import io
import json
import re
from collections import Counter

import harness

MEMBER_COLUMNS = ["身份证号", "姓名", "单位编码", "单位名称", "所属地区", "人员类别", "参互类型", "参互日期",
                  "顺延起始日期", "连续参互年数", "医保类型", "性别", "工会卡号", "配偶身份证号"]
UNIT_COLUMNS = ["单位编码", "单位名称", "所属地区", "在职职工人数", "在职女职工人数", "符合条件人数"]
RATIO_COLUMNS = ["unit_code", "unit_name", "region", "project", "base", "participants_active",
                 "participants_retired", "participants_spouse", "ratio_percent", "threshold_percent", "pass",
                 "shortfall", "premium_total", "personal_total", "subsidy_total", "ineligible", "members_new",
                 "members_renewed", "note"]
MONEY = re.compile(r"^\d+\.\d\d$")
COUNT = re.compile(r"^\d+$")
PERCENT = re.compile(r"^\d+\.\d\d$")
RULE_IDS = {"inner-mongolia/2021/hospital", "inner-mongolia/2024/hospital", "inner-mongolia/2026/hospital",
            "inner-mongolia/2024/women", "inner-mongolia/2026/women", "hengyang/2021/hospital",
            "wujin/2024/hospital"}


def load_cases():
    with open(harness.source("tests", "acceptance", "ratio", "cases.json"), encoding="utf-8") as f:
        return json.load(f)


class RatioAcceptanceFile(harness.TempDirTest):
    def test_cases_are_well_formed(self):
        cases = load_cases()
        self.assertGreaterEqual(len(cases), 30)
        ids = [c["id"] for c in cases]
        self.assertEqual(len(ids), len(set(ids)), "case ids must be unique")
        for c in cases:
            with self.subTest(case=c["id"]):
                for key in ("id", "rules", "article", "explanation", "members", "units", "expected"):
                    self.assertIn(key, c)
                self.assertIn(c["rules"], RULE_IDS)
                self.assertTrue(c["expected"], "a case asserts at least one unit")
                self.assertTrue(set(c.get("exit_codes", [0])) <= {0, 1})
                for m in c["members"]:
                    self.assertTrue({"身份证号", "姓名", "单位编码"} <= set(m), m)
                    self.assertTrue(set(m) <= set(MEMBER_COLUMNS), set(m) - set(MEMBER_COLUMNS))
                for u in c["units"]:
                    self.assertIn("单位编码", u)
                    self.assertTrue(set(u) <= set(UNIT_COLUMNS), set(u) - set(UNIT_COLUMNS))
                known = {u["单位编码"] for u in c["units"]} | {m["单位编码"] for m in c["members"]}
                # Every unit the output will have is asserted (one row per unit, no others).
                self.assertEqual(set(c["expected"]), known)
                for code, e in c["expected"].items():
                    self.assertTrue(set(e) <= set(RATIO_COLUMNS) - {"unit_code", "note"}, set(e))
                    for col, v in e.items():
                        self.assertIsInstance(v, str, f"{code} {col}")
                    if "pass" in e:
                        self.assertIn(e["pass"], ("true", "false"))
                    if "project" in e:
                        self.assertIn(e["project"], ("hospital", "women"))
                    for col in ("premium_total", "personal_total", "subsidy_total"):
                        if col in e:
                            self.assertRegex(e[col], MONEY, f"{code} {col}")
                    for col in ("participants_active", "participants_retired", "participants_spouse",
                                "ineligible", "members_new", "members_renewed"):
                        if col in e:
                            self.assertRegex(e[col], COUNT, f"{code} {col}")
                    for col in ("ratio_percent", "threshold_percent"):
                        if e.get(col):
                            self.assertRegex(e[col], PERCENT, f"{code} {col}")
                    if all(k in e for k in ("premium_total", "personal_total", "subsidy_total")):
                        fen = lambda v: int(v.replace(".", ""))
                        self.assertEqual(fen(e["premium_total"]),
                                         fen(e["personal_total"]) + fen(e["subsidy_total"]), code)


class RatioAcceptance(harness.TempDirTest):
    def test_cases(self):
        harness.run_cases(self, load_cases(), self.run_case)

    def run_case(self, case):
        d = self.tmp / case["id"]
        d.mkdir()
        members, units, out = d / "members.csv", d / "units.csv", d / "out"
        harness.write_table(members, MEMBER_COLUMNS, case["members"], ("身份证号", "姓名", "单位编码"))
        harness.write_table(units, UNIT_COLUMNS, case["units"], ("单位编码", "在职职工人数"))
        r = harness.run_huzhu("ratio", "--rules", case["rules"], "--members", members, "--units", units,
                              "--out", out)
        # Data contract, exit codes: 0, or 1 when input rows were invalid.
        allowed = case.get("exit_codes", [0])
        problems = []
        if r.returncode not in allowed:
            problems.append(f"exit code {r.returncode}, expected one of {allowed}: "
                            + (r.stderr.strip() or r.stdout.strip())[:400])
        path = out / "ratio.csv"
        if not path.exists():
            self.fail(f"{case['id']}: no ratio.csv; " + "; ".join(problems) + f"\n{r.stdout}{r.stderr}")
        raw = path.read_bytes()
        if not raw.startswith(b"\xef\xbb\xbf"):
            problems.append("ratio.csv does not start with a UTF-8 BOM")
        if re.search(rb"(?<!\r)\n", raw):
            problems.append("ratio.csv has line endings other than CRLF")
        reader = csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""))
        table = list(reader)
        header, body = table[0], [x for x in table[1:] if x]
        if header != RATIO_COLUMNS:
            problems.append(f"ratio.csv columns: expected {','.join(RATIO_COLUMNS)}; got {','.join(header)}")
        rows = [dict(zip(header, x)) for x in body]
        counts = Counter(x.get("unit_code") for x in rows)
        for code, n in sorted(counts.items()):
            if code not in case["expected"]:
                problems.append(f"unexpected unit {code!r} in ratio.csv ({n} row(s))")
            elif n != 1:
                problems.append(f"unit {code!r} has {n} rows, expected exactly 1")
        by_unit = {x.get("unit_code"): x for x in rows}
        for code, exp in case["expected"].items():
            row = by_unit.get(code)
            if row is None:
                problems.append(f"unit {code!r} missing from ratio.csv")
                continue
            for col, want in exp.items():
                got = row.get(col)
                if got != want:
                    problems.append(f"{code} {col}: expected {want!r}, got {got!r}")
        cc = harness.contract_check(out)
        if cc.returncode != 0:
            problems.append("contract-check: " + cc.stdout.strip())
        if problems:
            self.fail(f"{case['id']} ({case['article']})\n  hand arithmetic: {case['explanation']}\n  "
                      + "\n  ".join(problems))


if __name__ == "__main__":
    harness.main()
