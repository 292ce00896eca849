"""Acceptance cases for `huzhu reconcile`: our bank batch-transfer file against the bank's result file(s).

The cases in tests/acceptance/reconcile/cases.json (written by tests/acceptance/reconcile/make_cases.py)
were worked out by hand from ../shared/docs/data-contract.md ("bank results (银行回单)", "reconcile") and
the reconcile decisions (matching order, duplicates, input errors, resend.csv, exit codes), not from the
engine. For each case this module writes transfers.csv (UTF-8, BOM unless the case says otherwise) and
each bank file (CSV in UTF-8 with BOM or GB18030, optionally under a title row, or a minimal hand-made
.xlsx), runs `huzhu reconcile --transfers T --bank B [--bank B2 ...] --out OUT`, and checks:
  - the exit code;
  - exit 3: no OUT folder at all;
  - otherwise reconcile.csv (UTF-8 BOM, the ten contract columns in order) has exactly the expected
    lines in order, each asserted field equal (detail: the asserted substrings / non-empty), and its
    expected/paid columns add up to the case's hand totals;
  - resend.csv has the transfers header and exactly the expected references in order, each row copied
    unchanged from transfers.csv;
  - reconcile.xlsx exists and ../shared/tools/contract-check passes.

Set HUZHU_ACCEPT_CASE=substring to run only the cases whose id contains it.
Standard library only.
"""
import csv
import io
import json
import re
import zipfile
from decimal import Decimal
from xml.sax.saxutils import escape

import harness

TRANSFER_COLUMNS = ["reference", "payee", "account", "bank", "amount", "claim_ids"]
RECONCILE_COLUMNS = ["reference", "account", "payee", "expected", "paid", "status", "detail", "bank_file",
                     "bank_row", "transfer_row"]
STATUSES = {"matched", "failed", "amount_mismatch", "missing_in_bank", "unexpected_in_bank",
            "duplicate_in_bank"}
LINE_KEYS = set(RECONCILE_COLUMNS) | {"detail_contains", "detail_nonempty"}
MONEY = re.compile(r"^-?\d+\.\d\d$")


def load_cases():
    with open(harness.source("tests", "acceptance", "reconcile", "cases.json"), encoding="utf-8") as f:
        return json.load(f)


def columns_of(rows):
    cols = []
    for r in rows:
        cols += [k for k in r if k not in cols]
    return cols


def write_transfers(path, rows, bom=True):
    with open(path, "w", newline="", encoding="utf-8-sig" if bom else "utf-8") as f:
        w = csv.writer(f)
        w.writerow(TRANSFER_COLUMNS)
        for r in rows:
            w.writerow([r[c] for c in TRANSFER_COLUMNS])


def write_bank_csv(path, spec):
    rows = spec["bank"]
    cols = columns_of(rows)
    enc = spec.get("bank_encoding", "utf-8-sig")
    with open(path, "w", newline="", encoding=enc) as f:
        w = csv.writer(f)
        if spec.get("bank_title"):
            w.writerow([spec["bank_title"]] + [""] * (len(cols) - 1))
        w.writerow(cols)
        for r in rows:
            w.writerow([r.get(c, "") for c in cols])


def col_name(i):
    s = ""
    i += 1
    while i:
        i, rem = divmod(i - 1, 26)
        s = chr(65 + rem) + s
    return s


def write_bank_xlsx(path, spec):
    """A minimal but complete SpreadsheetML workbook: one sheet '回单', shared strings for text cells,
    number cells written with their literal value (so binary noise survives)."""
    rows = spec["bank"]
    cols = columns_of(rows)
    table = []
    if spec.get("bank_title"):
        table.append([spec["bank_title"]])
    table.append(cols)
    for r in rows:
        table.append([r.get(c, "") for c in cols])
    strings, index = [], {}
    xml_rows = []
    for ri, row in enumerate(table, 1):
        cells = []
        for ci, v in enumerate(row):
            ref = f"{col_name(ci)}{ri}"
            if isinstance(v, dict):
                cells.append(f'<c r="{ref}"><v>{v["n"]}</v></c>')
            elif v == "":
                continue
            else:
                if v not in index:
                    index[v] = len(strings)
                    strings.append(v)
                cells.append(f'<c r="{ref}" t="s"><v>{index[v]}</v></c>')
        xml_rows.append(f'<row r="{ri}">{"".join(cells)}</row>')
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    pkg = "http://schemas.openxmlformats.org/package/2006/relationships"
    ct = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    parts = {
        "[Content_Types].xml": head + (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{ct}.sheet.main+xml"/>'
            f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{ct}.worksheet+xml"/>'
            f'<Override PartName="/xl/sharedStrings.xml" ContentType="{ct}.sharedStrings+xml"/>'
            f'<Override PartName="/xl/styles.xml" ContentType="{ct}.styles+xml"/>'
            '</Types>'),
        "_rels/.rels": head + (
            f'<Relationships xmlns="{pkg}">'
            f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/>'
            '</Relationships>'),
        "xl/workbook.xml": head + (
            f'<workbook xmlns="{main}" xmlns:r="{rel}"><sheets>'
            '<sheet name="回单" sheetId="1" r:id="rId1"/></sheets></workbook>'),
        "xl/_rels/workbook.xml.rels": head + (
            f'<Relationships xmlns="{pkg}">'
            f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{rel}/sharedStrings" Target="sharedStrings.xml"/>'
            f'<Relationship Id="rId3" Type="{rel}/styles" Target="styles.xml"/>'
            '</Relationships>'),
        "xl/styles.xml": head + (
            f'<styleSheet xmlns="{main}">'
            '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
            '<fills count="2"><fill><patternFill patternType="none"/></fill>'
            '<fill><patternFill patternType="gray125"/></fill></fills>'
            '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
            '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
            '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>'
            '</styleSheet>'),
        "xl/sharedStrings.xml": head + (
            f'<sst xmlns="{main}" count="{len(strings)}" uniqueCount="{len(strings)}">'
            + "".join(f'<si><t xml:space="preserve">{escape(s)}</t></si>' for s in strings) + '</sst>'),
        "xl/worksheets/sheet1.xml": head + (
            f'<worksheet xmlns="{main}"><sheetData>{"".join(xml_rows)}</sheetData></worksheet>'),
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            z.writestr(name, text.encode("utf-8"))


def bank_specs(case):
    return [case] + list(case.get("extra_banks", []))


def fen(v):
    return int(Decimal(v) * 100)


class ReconcileAcceptanceFile(harness.TempDirTest):
    def test_cases_are_well_formed(self):
        cases = load_cases()
        self.assertGreaterEqual(len(cases), 20)
        ids = [c["id"] for c in cases]
        self.assertEqual(len(ids), len(set(ids)), "case ids must be unique")
        for c in cases:
            with self.subTest(case=c["id"]):
                for key in ("id", "explanation", "transfers", "bank", "lines", "resend", "exit_code"):
                    self.assertIn(key, c)
                self.assertIn(c["exit_code"], (0, 1, 3))
                for t in c["transfers"]:
                    self.assertEqual(list(t), TRANSFER_COLUMNS)
                    self.assertRegex(t["amount"], MONEY)
                refs = [t["reference"] for t in c["transfers"]]
                self.assertEqual(c["resend"], [r for r in refs if r in c["resend"]])
                for spec in bank_specs(c):
                    self.assertIn(spec.get("bank_format", "csv"), ("csv", "xlsx"))
                    self.assertIn(spec.get("bank_encoding", "utf-8-sig"), ("utf-8-sig", "gb18030"))
                    self.assertTrue(spec["bank"])
                if c["exit_code"] == 3:
                    self.assertEqual(c["lines"], [])
                    continue
                self.assertTrue(c["lines"])
                for ln in c["lines"]:
                    self.assertTrue(set(ln) <= LINE_KEYS, set(ln) - LINE_KEYS)
                    for k in ("reference", "status", "expected", "paid"):
                        self.assertIn(k, ln)
                    self.assertIn(ln["status"], STATUSES)
                    self.assertRegex(ln["expected"], MONEY)
                    self.assertRegex(ln["paid"], MONEY)
                t = c["totals"]
                se = sum(fen(x["expected"]) for x in c["lines"])
                sp = sum(fen(x["paid"]) for x in c["lines"])
                self.assertEqual((se, sp, sp - se), (fen(t["expected"]), fen(t["paid"]), fen(t["diff"])))


class ReconcileAcceptance(harness.TempDirTest):
    def test_cases(self):
        harness.run_cases(self, load_cases(), self.run_case)

    def run_case(self, case):
        d = self.tmp / case["id"]
        d.mkdir()
        transfers, out = d / "transfers.csv", d / "out"
        write_transfers(transfers, case["transfers"], case.get("transfers_bom", True))
        args = ["reconcile", "--transfers", transfers]
        for i, spec in enumerate(bank_specs(case), 1):
            fmt = spec.get("bank_format", "csv")
            path = d / f"bank{i}.{fmt}"
            (write_bank_xlsx if fmt == "xlsx" else write_bank_csv)(path, spec)
            args += ["--bank", path]
        args += ["--out", out]
        r = harness.run_huzhu(*args)
        said = (r.stderr.strip() + "\n" + r.stdout.strip()).strip()
        problems = []
        if r.returncode != case["exit_code"]:
            problems.append(f"exit code {r.returncode}, expected {case['exit_code']}: {said[:400]}")
        if case["exit_code"] == 3:
            if out.exists():
                problems.append(f"OUT folder exists after a fatal input error: {sorted(p.name for p in out.iterdir())}")
            for s in case.get("stderr_contains", []):
                if s not in r.stderr + r.stdout:
                    problems.append(f"the message does not name {s!r}: {said[:400]}")
            self.report(case, problems)
            return
        path = out / "reconcile.csv"
        if not path.exists():
            self.fail(f"{case['id']}: no reconcile.csv; " + "; ".join(problems) + f"\n{said[:800]}")
        raw = path.read_bytes()
        if not raw.startswith(b"\xef\xbb\xbf"):
            problems.append("reconcile.csv does not start with a UTF-8 BOM")
        table = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
        header, body = table[0], [x for x in table[1:] if x]
        if header[:len(RECONCILE_COLUMNS)] != RECONCILE_COLUMNS:
            problems.append(f"reconcile.csv columns: expected {','.join(RECONCILE_COLUMNS)}; got {','.join(header)}")
        got = [dict(zip(header, x)) for x in body]
        want = case["lines"]
        if len(got) != len(want):
            problems.append(f"{len(got)} line(s) in reconcile.csv, expected {len(want)}: "
                            + " | ".join(f"{g.get('reference')}:{g.get('status')}" for g in got))
        for n, (g, w) in enumerate(zip(got, want), 1):
            for col, v in w.items():
                if col == "detail_contains":
                    for s in v:
                        if s not in g.get("detail", ""):
                            problems.append(f"line {n} ({w['reference']}): detail {g.get('detail')!r} lacks {s!r}")
                elif col == "detail_nonempty":
                    if v and not g.get("detail", "").strip():
                        problems.append(f"line {n} ({w['reference']}): detail is empty, expected an explanation")
                elif g.get(col) != v:
                    problems.append(f"line {n} ({w['reference']}) {col}: expected {v!r}, got {g.get(col)!r}")
        try:
            se = sum(fen(g["expected"]) for g in got)
            sp = sum(fen(g["paid"]) for g in got)
            t = case["totals"]
            if (se, sp) != (fen(t["expected"]), fen(t["paid"])):
                problems.append(f"totals: expected Σexpected {t['expected']} Σpaid {t['paid']}; got "
                                f"{se / 100:.2f} and {sp / 100:.2f}")
        except Exception as e:  # unreadable money is reported by contract-check too
            problems.append(f"totals: cannot add up reconcile.csv money: {e}")
        self.check_resend(case, out, problems)
        if not (out / "reconcile.xlsx").exists():
            problems.append("reconcile.xlsx is missing")
        cc = harness.contract_check(out)
        if cc.returncode != 0:
            problems.append("contract-check: " + cc.stdout.strip())
        self.report(case, problems)

    def check_resend(self, case, out, problems):
        path = out / "resend.csv"
        if not path.exists():
            problems.append("resend.csv is missing")
            return
        table = list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")))
        if not table:
            problems.append("resend.csv is empty (no header)")
            return
        header, body = table[0], [x for x in table[1:] if x]
        if header != TRANSFER_COLUMNS:
            problems.append(f"resend.csv header: expected {','.join(TRANSFER_COLUMNS)}; got {','.join(header)}")
        rows = [dict(zip(header, x)) for x in body]
        refs = [x.get("reference") for x in rows]
        if refs != case["resend"]:
            problems.append(f"resend.csv references: expected {case['resend']}, got {refs}")
        ours = {t["reference"]: t for t in case["transfers"]}
        for x in rows:
            t = ours.get(x.get("reference"))
            if t is not None and x != t:
                problems.append(f"resend.csv row {x.get('reference')} not copied unchanged: {x} vs {t}")

    def report(self, case, problems):
        if problems:
            self.fail(f"{case['id']}\n  hand arithmetic: {case['explanation']}\n  " + "\n  ".join(problems))


if __name__ == "__main__":
    harness.main()
