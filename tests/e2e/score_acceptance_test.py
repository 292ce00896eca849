"""Acceptance cases for `huzhu score`: regional target-vs-actual scoring (000 attachment 4).

The cases in tests/acceptance/score/cases.json (written by tests/acceptance/score/make_cases.py) were
worked out by hand from ../shared/docs/rules-reference.md §8 (and §1–§4 for who is an eligible member of
each project) and ../shared/docs/data-contract.md, not from the engine. For each case this module writes
its members (members.csv, plus members2.csv when the case has "members_extra"), targets.csv and, when
the case has "manual", manual.csv, all as UTF-8 CSV with a BOM, runs
    huzhu score --rules ID --members members.csv [--members members2.csv] --targets targets.csv
                [--manual manual.csv] --out OUT
checks the exit code, requires OUT/score.csv (BOM, CRLF, the contract's columns) to hold exactly the
expected (region, project) rows in the expected order, compares every expected field exactly, and
requires ../shared/tools/contract-check to pass.

Bulk members: a case's optional "bulk" list holds compact specs for large regions (e.g. 9,999 members),
expanded here deterministically and appended to members.csv after the explicit rows:
    {"count": N, "area": "150203", "born": "1980-01-01", "male": true, "name": "批量150203-", "row": {...}}
row i (0-based): birth date born + i // 450 days; ID = area + birth (YYYYMMDD) + three digits
100 + 2 × (i % 450) + (1 if male else 0) + the GB 11643 check character; 姓名 name + (i + 1);
性别 男/女 from male; then the columns in "row" (单位编码, 所属地区, 项目, 人员类别, 参互类型, 参互日期, ...).

Set HUZHU_ACCEPT_CASE=substring to run only the cases whose id contains it.
Standard library only.
"""
import csv
import io
import json
import re
from collections import Counter
from datetime import date, timedelta

import harness

MEMBER_COLUMNS = ["身份证号", "姓名", "单位编码", "单位名称", "所属地区", "项目", "人员类别", "参互类型", "参互日期",
                  "顺延起始日期", "连续参互年数", "医保类型", "性别", "配偶身份证号"]
TARGET_COLUMNS = ["地区", "项目", "目标人数", "包含地区", "上年参互人数"]
MANUAL_COLUMNS = ["地区", "组织领导", "申领审核", "日常管理", "新闻宣传"]
SCORE_COLUMNS = ["region", "project", "target", "actual", "completion_percent", "steps", "adjustment",
                 "completion_points", "manual_points", "total_points", "renewal_percent", "renewal_pass"]
RULE_IDS = {"inner-mongolia/2021/hospital", "inner-mongolia/2024/hospital", "inner-mongolia/2024/women",
            "inner-mongolia/2026/hospital", "inner-mongolia/2026/women"}
FORMATS = {
    "target": re.compile(r"^\d+$"),
    "actual": re.compile(r"^\d+$"),
    "completion_percent": re.compile(r"^\d+\.\d\d$"),
    "steps": re.compile(r"^\d+$"),
    "adjustment": re.compile(r"^-?\d+\.\d$"),
    "completion_points": re.compile(r"^\d\.\d$"),
    "manual_points": re.compile(r"^(\d\.\d)?$"),
    "total_points": re.compile(r"^\d+\.\d$"),
    "renewal_percent": re.compile(r"^(\d+\.\d\d)?$"),
    "renewal_pass": re.compile(r"^(true|false)?$"),
}

WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CHECK = "10X98765432"


def expand_bulk(spec):
    """The documented bulk expansion (see the module docstring)."""
    born = date.fromisoformat(spec["born"])
    rows = []
    for i in range(spec["count"]):
        birth = born + timedelta(days=i // 450)
        body = f"{spec['area']}{birth.strftime('%Y%m%d')}{100 + 2 * (i % 450) + (1 if spec['male'] else 0):03d}"
        idn = body + CHECK[sum(int(d) * w for d, w in zip(body, WEIGHTS)) % 11]
        row = {"身份证号": idn, "姓名": f"{spec['name']}{i + 1}", "性别": "男" if spec["male"] else "女"}
        row.update(spec["row"])
        rows.append(row)
    return rows


def load_cases():
    with open(harness.source("tests", "acceptance", "score", "cases.json"), encoding="utf-8") as f:
        return json.load(f)


class ScoreAcceptanceFile(harness.TempDirTest):
    def test_cases_are_well_formed(self):
        cases = load_cases()
        self.assertGreaterEqual(len(cases), 25)
        ids = [c["id"] for c in cases]
        self.assertEqual(len(ids), len(set(ids)), "case ids must be unique")
        for c in cases:
            with self.subTest(case=c["id"]):
                for key in ("id", "rules", "article", "explanation", "members", "targets", "expected"):
                    self.assertIn(key, c)
                self.assertIn(c["rules"], RULE_IDS)
                self.assertTrue(c["expected"], "a case asserts at least one row")
                self.assertTrue(set(c.get("exit_codes", [0])) <= {0, 1})
                members = c["members"] + c.get("members_extra", [])
                for b in c.get("bulk", []):
                    self.assertTrue({"count", "area", "born", "male", "name", "row"} <= set(b), b)
                    members = members + expand_bulk(b)
                for m in members:
                    self.assertTrue({"身份证号", "姓名", "单位编码", "所属地区"} <= set(m), m)
                    self.assertTrue(set(m) <= set(MEMBER_COLUMNS), set(m) - set(MEMBER_COLUMNS))
                    self.assertIn(m.get("项目", ""), ("", "住院医疗", "女性馨康"))
                for t in c["targets"]:
                    self.assertTrue({"地区", "项目", "目标人数"} <= set(t) <= set(TARGET_COLUMNS), t)
                    self.assertIn(t["项目"], ("住院医疗", "女性馨康"))
                    if c["rules"] == "inner-mongolia/2021/hospital":
                        self.assertEqual(t["项目"], "住院医疗", "2021 has only a hospital rule file")
                for r in c.get("manual", []):
                    self.assertTrue("地区" in r and set(r) <= set(MANUAL_COLUMNS), r)
                # one expected row per target row, keyed by the targets' region text and project
                self.assertEqual(Counter((e["region"], e["project"]) for e in c["expected"]),
                                 Counter((t["地区"], {"住院医疗": "hospital", "女性馨康": "women"}[t["项目"]])
                                         for t in c["targets"]))
                for e in c["expected"]:
                    self.assertTrue(set(e) <= set(SCORE_COLUMNS), set(e) - set(SCORE_COLUMNS))
                    self.assertIn(e["project"], ("hospital", "women"))
                    for col, v in e.items():
                        self.assertIsInstance(v, str, f"{e['region']} {col}")
                        if col in FORMATS:
                            self.assertRegex(v, FORMATS[col], f"{e['region']} {e['project']} {col}")


class ScoreAcceptance(harness.TempDirTest):
    def test_cases(self):
        harness.run_cases(self, load_cases(), self.run_case)

    def run_case(self, case):
        d = self.tmp / case["id"]
        d.mkdir()
        members, targets, out = d / "members.csv", d / "targets.csv", d / "out"
        rows = list(case["members"])
        for b in case.get("bulk", []):
            rows += expand_bulk(b)
        harness.write_table(members, MEMBER_COLUMNS, rows, ("身份证号", "姓名", "单位编码", "所属地区"))
        args = ["score", "--rules", case["rules"], "--members", members]
        if case.get("members_extra"):
            members2 = d / "members2.csv"
            harness.write_table(members2, MEMBER_COLUMNS, case["members_extra"],
                                ("身份证号", "姓名", "单位编码", "所属地区"))
            args += ["--members", members2]
        harness.write_table(targets, TARGET_COLUMNS, case["targets"], ("地区", "项目", "目标人数"))
        args += ["--targets", targets]
        if "manual" in case:
            manual = d / "manual.csv"
            harness.write_table(manual, MANUAL_COLUMNS, case["manual"], MANUAL_COLUMNS)
            args += ["--manual", manual]
        r = harness.run_huzhu(*args, "--out", out)
        # Data contract, exit codes: 0, or 1 when input rows were invalid.
        allowed = case.get("exit_codes", [0])
        problems = []
        if r.returncode not in allowed:
            problems.append(f"exit code {r.returncode}, expected one of {allowed}: "
                            + (r.stderr.strip() or r.stdout.strip())[:400])
        path = out / "score.csv"
        if not path.exists():
            self.fail(f"{case['id']}: no score.csv; " + "; ".join(problems) + f"\n{r.stdout}{r.stderr}")
        raw = path.read_bytes()
        if not raw.startswith(b"\xef\xbb\xbf"):
            problems.append("score.csv does not start with a UTF-8 BOM")
        if re.search(rb"(?<!\r)\n", raw):
            problems.append("score.csv has line endings other than CRLF")
        table = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
        header, body = table[0], [x for x in table[1:] if x]
        if header != SCORE_COLUMNS:
            problems.append(f"score.csv columns: expected {','.join(SCORE_COLUMNS)}; got {','.join(header)}")
        got = [dict(zip(header, x)) for x in body]
        got_keys = [(x.get("region"), x.get("project")) for x in got]
        want_keys = [(e["region"], e["project"]) for e in case["expected"]]
        if got_keys != want_keys:
            problems.append(f"rows (region, project): expected {want_keys}; got {got_keys}")
        by_key = {}
        for x in got:
            by_key.setdefault((x.get("region"), x.get("project")), x)
        for exp in case["expected"]:
            key = (exp["region"], exp["project"])
            row = by_key.get(key)
            if row is None:
                problems.append(f"{key[0]} {key[1]}: row missing from score.csv")
                continue
            for col, want in exp.items():
                if col in ("region", "project"):
                    continue
                have = row.get(col)
                if have != want:
                    problems.append(f"{key[0]} {key[1]} {col}: expected {want!r}, got {have!r}")
        cc = harness.contract_check(out)
        if cc.returncode != 0:
            problems.append("contract-check: " + cc.stdout.strip()[:800])
        if problems:
            self.fail(f"{case['id']} ({case['article']})\n  hand arithmetic: {case['explanation']}\n  "
                      + "\n  ".join(problems))


if __name__ == "__main__":
    harness.main()
