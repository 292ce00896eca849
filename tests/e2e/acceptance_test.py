"""Acceptance cases for the Inner Mongolia hospital payout (2026, 2024, 2021).

The cases in tests/acceptance/im_hospital.json were worked out by hand from
../shared/docs/rules-reference.md and ../shared/docs/data-contract.md, not from the engine. For
each case this module writes its members and claims as UTF-8 CSV with a BOM, runs
`huzhu payout --rules ID --members members.csv --claims claims.csv --out OUT`, compares every
expected field of OUT/payouts.csv exactly, and requires ../shared/tools/contract-check to pass.
It also runs the sample claim files under samples/inner-mongolia-*/ against their ledgers and checks
the status and reason stated in each sample row's 预期结果 column.

Set HUZHU_ACCEPT_CASE=substring to run only the cases whose id contains it.
Standard library only.
"""
import csv
import io
import json
from collections import defaultdict

import harness

MEMBER_COLUMNS = ["身份证号", "姓名", "单位编码", "单位名称", "所属地区", "人员类别", "参互类型", "参互日期",
                  "顺延起始日期", "连续参互年数", "上期享受住院补贴", "下期续互", "医保类型", "性别", "银行卡号",
                  "开户行"]
CLAIM_COLUMNS = ["申领编号", "身份证号", "姓名", "类型", "续转申领编号", "未备案转诊增加自付", "入院日期",
                 "出院日期", "住院天数", "进入统筹费用", "统筹基金等已支付费用", "个人自付", "医保结算", "病因",
                 "转诊备案", "医保欠费", "出院情况", "结算日期", "申领日期"]
COMPARED = ["status", "reason", "self_pay", "covered_days", "stay_days", "medical_subsidy", "allowance",
            "top_up", "death_benefit", "lump_sum", "second_subsidy", "total"]


def sample_runs():
    """(rules, members, claims) of every payout run in samples/runs.tsv."""
    runs = []
    for line in harness.source("samples", "runs.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        _, command, rules, inputs = line.split("\t")
        words = inputs.split()
        if command != "payout":
            continue
        members = words[words.index("--members") + 1]
        claims = words[words.index("--claims") + 1]
        runs.append((rules, members, claims))
    return runs


def load_cases():
    """Every tests/acceptance/*.json file: one list of cases per scheme family."""
    cases = []
    for path in sorted(harness.source("tests", "acceptance").glob("*.json")):
        with open(path, encoding="utf-8") as f:
            cases += json.load(f)
    return cases


def read_payouts(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def expectations(case):
    """(claim_id, occurrence, expected) in input order; a repeated id lists one dict per occurrence."""
    seen = defaultdict(int)
    out = []
    for c in case["claims"]:
        cid = c["申领编号"]
        exp = case["expected"][cid]
        if isinstance(exp, list):
            e = exp[seen[cid]]
        else:
            e = exp
        out.append((cid, seen[cid], e))
        seen[cid] += 1
    return out


class AcceptanceFile(harness.TempDirTest):
    def test_cases_are_well_formed(self):
        cases = load_cases()
        ids = [c["id"] for c in cases]
        self.assertEqual(len(ids), len(set(ids)), "case ids must be unique")
        for c in cases:
            with self.subTest(case=c["id"]):
                for key in ("rules", "article", "explanation", "members", "claims", "expected"):
                    self.assertIn(key, c)
                claim_ids = {x["申领编号"] for x in c["claims"]}
                self.assertEqual(claim_ids, set(c["expected"]))
                for cid, _, e in expectations(c):
                    self.assertIn(e["status"], ("paid", "review", "rejected"))
                    if e["status"] == "rejected":
                        for col in ("medical_subsidy", "allowance", "top_up", "death_benefit", "total"):
                            self.assertEqual(e[col], "0.00", f"{cid} {col}")


class ImHospitalAcceptance(harness.TempDirTest):
    def test_cases(self):
        harness.run_cases(self, load_cases(), self.run_case)

    def run_case(self, case):
        d = self.tmp / case["id"]
        d.mkdir()
        members, claims, out = d / "members.csv", d / "claims.csv", d / "out"
        harness.write_table(members, MEMBER_COLUMNS, case["members"])
        harness.write_table(claims, CLAIM_COLUMNS, case["claims"])
        r = harness.run_huzhu("payout", "--rules", case["rules"], "--members", members, "--claims", claims,
                              "--out", out)
        # Data contract, exit codes: 0, or 1 when input rows were invalid (invalid_input claims).
        allowed = case.get("exit_codes", [0])
        problems = []
        if r.returncode not in allowed:
            problems.append(f"exit code {r.returncode}, expected one of {allowed}")
        if not (out / "payouts.csv").exists():
            self.fail(f"{case['id']}: no payouts.csv; " + "; ".join(problems) + f"\n{r.stdout}{r.stderr}")
        rows = read_payouts(out / "payouts.csv")
        self.assertEqual([x["claim_id"] for x in rows], [c["申领编号"] for c in case["claims"]],
                         f"{case['id']}: payouts.csv must list every claim once, in input order")
        for (cid, occ, exp), row in zip(expectations(case), rows):
            where = f"{cid}" + (f"#{occ + 1}" if occ else "")
            for col in COMPARED:
                if col in exp and row.get(col) != exp[col]:
                    problems.append(f"{where} {col}: expected {exp[col]!r}, got {row.get(col)!r}")
            if "note_contains" in exp and exp["note_contains"] not in row.get("note", ""):
                problems.append(f"{where} note: expected it to mention {exp['note_contains']!r}, "
                                f"got {row.get('note')!r}")
        cc = harness.contract_check(out, claims)
        if cc.returncode != 0:
            problems.append("contract-check: " + cc.stdout.strip())
        if problems:
            self.fail(f"{case['id']} ({case['article']})\n  hand arithmetic: {case['explanation']}\n  "
                      + "\n  ".join(problems))


def xlsx_rows(path):
    """Rows of the first sheet of an .xlsx as lists of strings (zipfile + ElementTree: no third-party
    reader, and none of the product's code)."""
    import re
    import zipfile
    import xml.etree.ElementTree as ET
    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    rel = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
    with zipfile.ZipFile(path) as z:
        shared = []
        if "xl/sharedStrings.xml" in z.namelist():
            for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", ns):
                shared.append("".join(t.text or "" for t in si.iter("{%s}t" % ns["m"])))
        wb = ET.fromstring(z.read("xl/workbook.xml"))
        first = wb.find("m:sheets/m:sheet", ns).get(rel)
        rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
        target = next(r.get("Target") for r in rels if r.get("Id") == first)
        sheet = ET.fromstring(z.read("xl/" + target.lstrip("/").replace("xl/", "", 1)))
    rows = []
    for row in sheet.iter("{%s}row" % ns["m"]):
        cells = {}
        for c in row.findall("m:c", ns):
            col = re.match(r"[A-Z]+", c.get("r")).group(0)
            idx = 0
            for ch in col:
                idx = idx * 26 + ord(ch) - 64
            t = c.get("t")
            if t == "s":
                val = shared[int(c.find("m:v", ns).text)]
            elif t == "inlineStr":
                val = "".join(x.text or "" for x in c.iter("{%s}t" % ns["m"]))
            else:
                v = c.find("m:v", ns)
                val = v.text if v is not None else ""
            cells[idx - 1] = val
        rows.append([cells.get(i, "") for i in range(max(cells) + 1)] if cells else [])
    return rows


def sample_expectations(path):
    """(申领编号, 预期结果) of each sample claim row; 预期结果 is 'paid', 'review:REASON' or
    'rejected:REASON', written by scripts/make-claims-samples from its own hand-made list."""
    if path.suffix == ".xlsx":
        rows = xlsx_rows(path)
    else:
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("gb18030")
        rows = list(csv.reader(io.StringIO(text)))
    head = rows[0]
    i, j = head.index("申领编号"), head.index("预期结果")
    return [(r[i], r[j]) for r in rows[1:] if any(x.strip() for x in r)]


class SampleClaims(harness.TempDirTest):
    def test_samples(self):
        for rules, members, claims in sample_runs():
            with self.subTest(sample=claims):
                mpath, cpath = harness.source(members), harness.source(claims)
                self.assertTrue(cpath.exists(), f"{claims} is missing: run scripts/make-claims-samples")
                out = self.tmp / rules.replace("/", "-")
                r = harness.run_huzhu("payout", "--rules", rules, "--members", mpath, "--claims", cpath,
                                      "--out", out)
                # The samples hold invalid rows on purpose (invalid_input cases): exit 1.
                self.assertEqual(r.returncode, 1, r.stdout + r.stderr)
                rows = read_payouts(out / "payouts.csv")
                expected = sample_expectations(cpath)
                self.assertEqual([x["claim_id"] for x in rows], [e[0] for e in expected])
                problems = []
                for row, (cid, want) in zip(rows, expected):
                    status, _, reason = want.partition(":")
                    if (row["status"], row["reason"]) != (status, reason):
                        problems.append(f"{cid}: expected {want}, got {row['status']}:{row['reason']}")
                cc = harness.contract_check(out, None if cpath.suffix == ".xlsx" else cpath)
                if cc.returncode != 0:
                    problems.append("contract-check: " + cc.stdout.strip())
                if problems:
                    self.fail(f"{claims}\n  " + "\n  ".join(problems))


if __name__ == "__main__":
    harness.main()
