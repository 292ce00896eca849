"""Bad inputs end to end, table-driven: every case builds its input files at test time (hand-built
zips and XML, so the bytes are exactly the ones meant), runs one huzhu command and checks, from
the data contract (../shared/docs/data-contract.md):

- the exact exit code ("Exit codes": 0 ok; 1 completed but input rows invalid; 2 usage error;
  3 an input could not be used, nothing written; 4 output could not be written, nothing
  half-written left behind);
- that the message names what it should (the file, and where relevant the sheet, row, column
  letter or header, and the expected value);
- for fatal cases (2/3/4): no output appears (the --out folder does not exist afterwards, or is
  byte-for-byte unchanged when it existed before), no staging folder is left next to it, no C++
  exception text reaches the clerk and the process did not die by a signal;
- for row-level problems (1): the outputs exist, the problem is in the workbook's 问题 sheet with
  its file/sheet/row/column, and every claim row of the input still appears exactly once in
  payouts.csv ("Row conservation").

Run one case with HUZHU_ACCEPT_CASE=<part of its id>.
"""
import csv
import io
import os
import resource
import shutil
import signal
import struct
import subprocess
import time
import zlib
from pathlib import Path

import harness

WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def resident_id(first17):
    """GB 11643-1999 check character, computed independently of the product."""
    s = sum(int(d) * w for d, w in zip(first17, WEIGHTS))
    return first17 + "10X98765432"[s % 11]


ID_A = resident_id("15010219800305001")  # 男, 1980-03-05
ID_B = resident_id("15020319901111002")  # 女, 1990-11-11
ID_BAD_CHECK = ID_B[:17] + ("1" if ID_B[17] != "1" else "2")
RULES = "inner-mongolia/2026/hospital"
# What a C++ runtime prints when an exception escapes or the process aborts ("terminate called
# after throwing an instance of 'std::…'", "what():", "Aborted (core dumped)").
FATAL_TEXT = ("std::", "terminate called", "Aborted", "what():", "Segmentation fault", "core dumped")

MEMBERS = [["身份证号", "姓名", "单位编码", "所属地区", "连续参互年数"],
           [ID_A, "张三", "U1", "呼和浩特", "2"],
           [ID_B, "李芳", "U1", "呼和浩特", "1"]]
CLAIMS_HEADER = ["申领编号", "身份证号", "类型", "入院日期", "出院日期", "个人自付"]
CLAIMS = [CLAIMS_HEADER,
          ["C1", ID_A, "住院", "2026-03-01", "2026-03-06", "8000.00"],
          ["C2", ID_B, "住院", "2026-06-01", "2026-06-03", "300.00"]]


# ----------------------------------------------------------------------------- files by hand

def write_csv(path, rows, encoding="utf-8-sig"):
    with open(path, "w", newline="", encoding=encoding) as f:
        csv.writer(f).writerows(rows)
    return path


def zip_bytes(entries):
    """A zip archive built byte by byte. Each entry: (name, data) stored deflated with true sizes,
    or a dict with name, raw (already deflated), crc, size (true), declared (the size written in
    the headers) for archives that lie."""
    out, central = bytearray(), bytearray()
    for e in entries:
        if not isinstance(e, dict):
            name, data = e
            c = zlib.compressobj(6, zlib.DEFLATED, -15)
            e = {"name": name, "raw": c.compress(data) + c.flush(), "crc": zlib.crc32(data),
                 "size": len(data)}
        name = e["name"].encode("utf-8")
        declared = e.get("declared", e["size"])
        offset = len(out)
        fields = (20, 0x800, 8, 0, 0x21, e["crc"], len(e["raw"]), declared, len(name))
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, *fields, 0) + name + e["raw"]
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, *fields, 0, 0, 0, 0, 0,
                               offset) + name
    eocd = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(central),
                       len(out), 0)
    return bytes(out + central + eocd)


def col_letter(n):  # 1 → A
    s = ""
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


def esc(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class Raw:
    """A cell given as its XML, e.g. Raw('<c r="F2" t="e"><f>1/0</f><v>#DIV/0!</v></c>')."""

    def __init__(self, xml):
        self.xml = xml


class Num:
    """A number cell with its value text exactly as stored, e.g. Num('1.50102198003050E+17')."""

    def __init__(self, text):
        self.text = text


def sheet_xml(rows, merges=(), doctype="", strings=None):
    """rows: a list of lists (row n is rows[n-1]) or of (row_number, cells); a cell is None
    (absent), str (a shared string, or inline when strings is None), int/float/Num (a number
    cell) or Raw."""
    parts = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n', doctype,
             '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>']
    for i, row in enumerate(rows, 1):
        number, cells = row if isinstance(row, tuple) else (i, row)
        parts.append(f'<row r="{number}">')
        for j, v in enumerate(cells, 1):
            ref = f"{col_letter(j)}{number}"
            if v is None:
                continue
            if isinstance(v, Raw):
                parts.append(v.xml)
            elif isinstance(v, Num):
                parts.append(f'<c r="{ref}"><v>{v.text}</v></c>')
            elif isinstance(v, (int, float)):
                parts.append(f'<c r="{ref}"><v>{v!r}</v></c>')
            elif strings is None:
                parts.append(f'<c r="{ref}" t="inlineStr"><is><t>{esc(v)}</t></is></c>')
            else:
                if v not in strings:
                    strings.append(v)
                parts.append(f'<c r="{ref}" t="s"><v>{strings.index(v)}</v></c>')
        parts.append("</row>")
    parts.append("</sheetData>")
    if merges:
        parts.append(f'<mergeCells count="{len(merges)}">' +
                     "".join(f'<mergeCell ref="{m}"/>' for m in merges) + "</mergeCells>")
    parts.append("</worksheet>")
    return "".join(parts).encode("utf-8")


def xlsx_entries(sheet, sheet_name="Sheet1", strings=None, sheet_entry=None):
    """The parts of a minimal workbook whose one sheet is `sheet` (bytes); `sheet_entry` replaces
    the sheet's zip entry (for a lying or bomb entry)."""
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    pkg = "http://schemas.openxmlformats.org/package/2006/relationships"
    ct = "application/vnd.openxmlformats-officedocument.spreadsheetml."
    head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    types = (head + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
             '<Default Extension="xml" ContentType="application/xml"/>'
             f'<Override PartName="/xl/workbook.xml" ContentType="{ct}sheet.main+xml"/>'
             f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{ct}worksheet+xml"/>')
    wb_rels = (head + f'<Relationships xmlns="{pkg}">'
               f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>')
    entries = []
    if strings is not None:
        types += f'<Override PartName="/xl/sharedStrings.xml" ContentType="{ct}sharedStrings+xml"/>'
        wb_rels += f'<Relationship Id="rId2" Type="{rel}/sharedStrings" Target="sharedStrings.xml"/>'
        sst = (head + f'<sst xmlns="{main}" count="{len(strings)}" uniqueCount="{len(strings)}">' +
               "".join(f"<si><t>{esc(s)}</t></si>" for s in strings) + "</sst>")
        entries.append(("xl/sharedStrings.xml", sst.encode("utf-8")))
    entries = [
        ("[Content_Types].xml", (types + "</Types>").encode("utf-8")),
        ("_rels/.rels", (head + f'<Relationships xmlns="{pkg}"><Relationship Id="rId1" '
                         f'Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
                         ).encode("utf-8")),
        ("xl/workbook.xml", (head + f'<workbook xmlns="{main}" xmlns:r="{rel}"><sheets>'
                             f'<sheet name="{esc(sheet_name)}" sheetId="1" r:id="rId1"/></sheets></workbook>'
                             ).encode("utf-8")),
        ("xl/_rels/workbook.xml.rels", (wb_rels + "</Relationships>").encode("utf-8")),
        sheet_entry or ("xl/worksheets/sheet1.xml", sheet),
    ] + entries
    return entries


def write_xlsx(path, rows, sheet_name="Sheet1", merges=(), doctype="", shared=True, extra_strings=()):
    strings = list(extra_strings) if shared else None
    sheet = sheet_xml(rows, merges, doctype, strings)
    path.write_bytes(zip_bytes(xlsx_entries(sheet, sheet_name, strings)))
    return path


def bomb_entry(declared=None):
    """xl/worksheets/sheet1.xml: a real worksheet start, then 2 GiB of blanks (legal whitespace
    between elements), then the end: about 2 MB deflated. Each 16 MiB block ends with a full
    flush, so one compressed block is repeated (fast to build). `declared` lies about the size."""
    start = ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
             'spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>申领编号'
             '</t></is></c></row>').encode("utf-8")
    end = b"</sheetData></worksheet>"
    block = b" " * (16 << 20)
    count = 128  # 2 GiB
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    head = c.compress(start) + c.flush(zlib.Z_FULL_FLUSH)
    first = c.compress(block) + c.flush(zlib.Z_FULL_FLUSH)
    second = c.compress(block) + c.flush(zlib.Z_FULL_FLUSH)
    assert first == second
    raw = head + first * count + c.compress(end) + c.flush()
    crc = zlib.crc32(start)
    for _ in range(count):
        crc = zlib.crc32(block, crc)
    crc = zlib.crc32(end, crc)
    size = len(start) + len(block) * count + len(end)
    e = {"name": "xl/worksheets/sheet1.xml", "raw": raw, "crc": crc, "size": size}
    if declared is not None:
        e["declared"] = declared
    return e


LOCK = ".huzhu-lock"  # the zero-byte lock file huzhu keeps in an output folder (src/io/output_dir.h)


def snapshot(folder):
    """{relative path: bytes} of everything under folder (None when it does not exist). The lock
    file is left out: a refused run may leave a zero-byte .huzhu-lock in a folder that existed
    before; it is not an output, nor half of one."""
    folder = Path(folder)
    if not folder.exists():
        return None
    if folder.is_file():
        return {".": folder.read_bytes()}
    return {str(p.relative_to(folder)): (p.read_bytes() if p.is_file() else "dir")
            for p in sorted(folder.rglob("*")) if p.name != LOCK}


def read_payouts(out):
    return list(csv.DictReader(io.StringIO((out / "payouts.csv").read_text(encoding="utf-8-sig"))))


def problems_sheet(xlsx_path):
    import openpyxl
    wb = openpyxl.load_workbook(xlsx_path, read_only=True)
    rows = list(wb["问题"].iter_rows(values_only=True))
    return rows[0], rows[1:]


# ----------------------------------------------------------------------------- the case context

class Ctx:
    """A case's folder and its inputs: members/claims default to a valid pair (CSV)."""

    def __init__(self, tmp):
        self.tmp = tmp
        self.out = tmp / "out"
        self.members = write_csv(tmp / "members.csv", MEMBERS)
        self.claims = write_csv(tmp / "claims.csv", CLAIMS)
        self.claim_ids = [r[0] for r in CLAIMS[1:]]  # as the claims input lists them
        self.before = None

    def payout(self, rules=RULES, members=None, claims=None, out=None, extra=()):
        return ["payout", "--rules", rules, "--members", members or self.members,
                "--claims", claims or self.claims, "--out", out or self.out, *extra]

    def claims_csv(self, rows, name="claims.csv", encoding="utf-8-sig"):
        self.claims = write_csv(self.tmp / name, rows, encoding)
        self.claim_ids = [r[0] for r in rows[1:] if r and r[0]]
        return self.claims

    def claims_xlsx(self, rows, name="claims.xlsx", sheet_name="结算明细", **kw):
        self.claims = write_xlsx(self.tmp / name, rows, sheet_name, **kw)
        return self.claims

    def rule_copy(self, old, new, name="my-rules.toml"):
        text = harness.source("rules", "inner-mongolia", "2026-hospital.toml").read_text(encoding="utf-8")
        assert old in text, old
        p = self.tmp / name
        p.write_text(text.replace(old, new, 1), encoding="utf-8")
        return p


# ----------------------------------------------------------------------------- the cases
# Each case: id, build(ctx) → argv, rc, says (texts the message stream must contain), stream
# ("stderr" by default for fatal cases, "stdout" for inspect), problems (for rc 1/0: rows of the
# 问题 sheet, each a dict of column → expected value or substring), skip(ctx) → reason or None,
# pre_out (the --out folder holds a previous good run first), check(test, ctx, result) extra.

CASES = []


def case(id, rc, says=(), **kw):
    def wrap(build):
        CASES.append(dict(id=id, rc=rc, says=list(says), build=build, **kw))
        return build
    return wrap


# --- containers: zip/xlsx that is not what it claims ------------------------------------------

@case("zip_truncated", 3, ["claims.xlsx"], pre_out=True)
def _(c):
    c.claims_xlsx(CLAIMS)
    data = c.claims.read_bytes()
    c.claims.write_bytes(data[:len(data) // 2])
    return c.payout()


@case("zip_corrupt_garbage", 3, ["claims.xlsx"])
def _(c):
    c.claims = c.tmp / "claims.xlsx"
    c.claims.write_bytes(b"\x89garbage, not a zip at all\x00" * 40)
    return c.payout()


@case("xls_corrupt_garbage", 3, ["members.xls"])
def _(c):
    c.members = c.tmp / "members.xls"
    c.members.write_bytes(b"\xd0\xcf\x11\xe0" + os.urandom(600))  # an OLE signature, then noise
    return c.payout()


@case("xls_crashes_libfreexl", 3, ["members.xls"], pre_out=True, check="damaged_xls")
def _(c):
    # A fuzzer-made file on which libfreexl 1.0.6 walks garbage while freeing the sheet (a second
    # DIMENSION record) and usually dies with SIGSEGV: freexl runs in a child process, so huzhu
    # reports a damaged file (or, when the walk happens not to fault, finds no worksheet).
    c.members = c.tmp / "members.xls"
    shutil.copy(Path(__file__).resolve().parents[1] / "fuzz" / "regressions" / "fuzz_xls" /
                "crash-068b98837d865b27c1cc3aac0a5ad33c8b4bf3b3", c.members)
    return c.payout()


@case("zip_bomb_honest_sizes", 3, ["claims.xlsx", "sheet1.xml"], pre_out=True, bomb=True)
def _(c):
    c.claims = c.tmp / "claims.xlsx"
    c.claims.write_bytes(zip_bytes(xlsx_entries(None, "结算明细", sheet_entry=bomb_entry())))
    return c.payout()


@case("zip_bomb_lying_sizes", 3, ["claims.xlsx", "sheet1.xml"], bomb=True)
def _(c):
    c.claims = c.tmp / "claims.xlsx"
    c.claims.write_bytes(zip_bytes(xlsx_entries(None, "结算明细", sheet_entry=bomb_entry(declared=4096))))
    return c.payout()


@case("xml_billion_laughs", 3, ["claims.xlsx", "DOCTYPE"], bomb=True)
def _(c):
    ents = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
    rows = [CLAIMS_HEADER, ["C1", ID_A, "住院", "2026-03-01", "2026-03-06", Raw('<c r="F2" t="inlineStr"><is><t>&lol9;</t></is></c>')]]
    c.claims_xlsx(rows, doctype=f"<!DOCTYPE worksheet [{ents}]>", shared=False)
    return c.payout()


@case("xml_external_entity", 3, ["claims.xlsx", "DOCTYPE"])
def _(c):
    rows = [CLAIMS_HEADER, ["C1", ID_A, "住院", "2026-03-01", "2026-03-06", "8000.00"],
            ["C2", ID_B, "住院", "2026-06-01", "2026-06-03", Raw('<c r="F3" t="inlineStr"><is><t>&xxe;</t></is></c>')]]
    c.claims_xlsx(rows, shared=False,
                  doctype='<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>')
    return c.payout()


@case("xml_external_dtd", 3, ["members.xlsx", "DOCTYPE"])
def _(c):
    c.members = write_xlsx(c.tmp / "members.xlsx", MEMBERS, "会员名单",
                           doctype='<!DOCTYPE worksheet SYSTEM "file:///etc/passwd">')
    return c.payout()


@case("xlsx_shared_string_out_of_range", 3, ["claims.xlsx", "结算明细", "第 2 行，B 列", "999"])
def _(c):
    rows = [CLAIMS_HEADER, ["C1", Raw('<c r="B2" t="s"><v>999</v></c>'), "住院", "2026-03-01",
                            "2026-03-06", "8000.00"]]
    c.claims_xlsx(rows)
    return c.payout()


@case("xlsx_cell_beyond_xfd", 3, ["claims.xlsx", "结算明细", "XFE2"])
def _(c):
    rows = [CLAIMS_HEADER, ["C1", ID_A, "住院", "2026-03-01", "2026-03-06", "8000.00",
                            Raw('<c r="XFE2" t="inlineStr"><is><t>x</t></is></c>')]]
    c.claims_xlsx(rows)
    return c.payout()


@case("xlsx_16385_columns_no_refs", 3, ["claims.xlsx", "结算明细", "16384"])
def _(c):
    # Excel may omit r="…" on cells: the 16,385th cell of the row is beyond XFD.
    many = "".join("<c><v>1</v></c>" for _ in range(16385 - 6))
    rows = [CLAIMS_HEADER, ["C1", ID_A, "住院", "2026-03-01", "2026-03-06", "8000.00", Raw(many)]]
    c.claims_xlsx(rows)
    return c.payout()


@case("xlsx_legit_xfd_cell", 0)
def _(c):
    # A note in the very last column (XFD) of the header and a row: legal, ignored as unknown.
    rows = [CLAIMS_HEADER + [Raw('<c r="XFD1" t="inlineStr"><is><t>备注</t></is></c>')],
            CLAIMS[1] + [Raw('<c r="XFD2" t="inlineStr"><is><t>最后一列</t></is></c>')],
            CLAIMS[2]]
    c.claims_xlsx(rows)
    c.claim_ids = ["C1", "C2"]
    return c.payout()


@case("xlsx_row_beyond_1048576", 3, ["claims.xlsx", "结算明细", "1048576"])
def _(c):
    rows = [CLAIMS_HEADER, CLAIMS[1], (1048577, CLAIMS[2])]
    c.claims_xlsx(rows)
    return c.payout()


@case("xlsx_sheet_part_missing", 3, ["claims.xlsx"])
def _(c):
    entries = [e for e in xlsx_entries(sheet_xml(CLAIMS), "结算明细") if e[0] != "xl/worksheets/sheet1.xml"]
    c.claims = c.tmp / "claims.xlsx"
    c.claims.write_bytes(zip_bytes(entries))
    return c.payout()


@case("xml_nesting_too_deep", 3, ["claims.xlsx"])
def _(c):
    deep = "<x>" * 200000 + "</x>" * 200000
    rows = [CLAIMS_HEADER, CLAIMS[1] + [Raw(f'<c r="G2"><extLst>{deep}</extLst></c>')]]
    c.claims_xlsx(rows)
    return c.payout()


# --- cell values in workbooks ------------------------------------------------------------------

@case("xlsx_formula_cached_errors_in_money", 1, problems=[
    dict(文件="claims.xlsx", 工作表="结算明细", 行=2, 列="F", 列名="个人自付", 说明="#DIV/0!"),
    dict(文件="claims.xlsx", 工作表="结算明细", 行=3, 列="F", 列名="个人自付", 说明="#N/A")],
    rejected={"C1": "invalid_input", "C2": "invalid_input"})
def _(c):
    rows = [CLAIMS_HEADER,
            ["C1", ID_A, "住院", "2026-03-01", "2026-03-06", Raw('<c r="F2" t="e"><f>G2/0</f><v>#DIV/0!</v></c>')],
            ["C2", ID_B, "住院", "2026-06-01", "2026-06-03", Raw('<c r="F3" t="e"><f>VLOOKUP(A3,X:Y,2,0)</f><v>#N/A</v></c>')]]
    c.claims_xlsx(rows)
    return c.payout()


@case("xlsx_merged_header_cell", 0, paid={"C1": "4100.00"})
def _(c):
    # 个人自付 merged over F1:G1 (text in F1 only); the amounts are in F, G is empty.
    rows = [CLAIMS_HEADER, CLAIMS[1], CLAIMS[2]]
    c.claims_xlsx(rows, merges=["F1:G1"])
    return c.payout()


@case("xlsx_two_level_merged_header", 1, problems=[
    dict(文件="claims.xlsx", 工作表="结算明细", 行=2, 列="A", 列名="申领编号")],
    rejected={"C1": "invalid_input", "C2": "invalid_input"})
def _(c):
    # The layout of the federation's ledgers: single headers merged down over two rows, a group
    # header 住院日期 over 入院日期/出院日期; text only in each merge's first cell. The contract
    # wants one header row: row 1 is it (住院日期 unknown, ignored), row 2 is a data row without a
    # claim id, and the stays have no dates: nothing is paid on a misread, every row is flagged.
    rows = [["申领编号", "身份证号", "类型", "住院日期", None, "个人自付"],
            [None, None, None, "入院日期", "出院日期", None],
            CLAIMS[1], CLAIMS[2]]
    c.claims_xlsx(rows, merges=["A1:A2", "B1:B2", "C1:C2", "D1:E1", "F1:F2"])
    c.claim_ids = ["", "C1", "C2"]
    return c.payout()


@case("xlsx_title_row_above_header", 0, paid={"C1": "4100.00"})
def _(c):
    rows = [["2026年3月 住院医疗互助结算明细表"], CLAIMS_HEADER, CLAIMS[1], CLAIMS[2]]
    c.claims_xlsx(rows, merges=["A1:F1"])
    return c.payout()


@case("inspect_title_row_reports_header_row", 0, ["claims.xlsx", "表头在第 2 行"], stream="stdout")
def _(c):
    rows = [["2026年3月 住院医疗互助结算明细表"], CLAIMS_HEADER, CLAIMS[1], CLAIMS[2]]
    c.claims_xlsx(rows, merges=["A1:F1"])
    return ["inspect", c.claims]


@case("xlsx_no_header_at_all", 3, ["claims.xlsx", "结算明细", "申领编号", "身份证号"])
def _(c):
    c.claims_xlsx([r for r in CLAIMS[1:]] + [["C3", ID_A, "住院", "2026-07-01", "2026-07-02", "10"]])
    return c.payout()


@case("csv_no_header_at_all", 3, ["claims.csv", "申领编号", "身份证号"], pre_out=True)
def _(c):
    c.claims_csv(CLAIMS[1:])
    return c.payout()


@case("xlsx_blank_rows_keep_row_numbers", 1, problems=[
    dict(文件="claims.xlsx", 工作表="结算明细", 行=6, 列="F", 列名="个人自付", 说明="-5.00")],
    rejected={"C3": "invalid_input"}, paid={"C1": "4100.00"})
def _(c):
    # Title row 1, header row 2, C1 in row 3, rows 4–5 blank (one absent, one with empty cells),
    # the bad row in sheet row 6.
    rows = [(1, ["结算明细表"]), (2, CLAIMS_HEADER), (3, CLAIMS[1]), (4, [None, Raw('<c r="B4"/>')]),
            (6, ["C3", ID_B, "住院", "2026-06-01", "2026-06-03", "-5.00"]), (7, CLAIMS[2])]
    c.claims_xlsx(rows)
    c.claim_ids = ["C1", "C3", "C2"]
    return c.payout()


@case("csv_blank_rows_keep_row_numbers", 1, problems=[
    dict(文件="claims.csv", 行=5, 列="D", 列名="入院日期", 说明="2026-02-30")],
    rejected={"C3": "invalid_input"})
def _(c):
    c.claims_csv([CLAIMS_HEADER, CLAIMS[1], [], [",,,,,"][0].split(","),
                  ["C3", ID_B, "住院", "2026-02-30", "2026-03-03", "10"], CLAIMS[2]])
    c.claim_ids = ["C1", "C3", "C2"]
    return c.payout()


@case("money_trailing_spaces_and_fullwidth_digits", 0, paid={"C1": "4100.00", "C2": "200.00"})
def _(c):
    c.claims_csv([CLAIMS_HEADER,
                  ["C1", ID_A, "住院", "2026-03-01", "2026-03-06", " ¥８，０００．００  "],
                  ["C2", ID_B, "住院", "2026-06-01", "2026-06-03", "３００ "]])
    return c.payout()


@case("money_negative", 1, problems=[
    dict(文件="claims.csv", 行=3, 列="F", 列名="个人自付", 说明="-300.00")],
    rejected={"C2": "invalid_input"}, paid={"C1": "4100.00"})
def _(c):
    c.claims_csv([CLAIMS_HEADER, CLAIMS[1], ["C2", ID_B, "住院", "2026-06-01", "2026-06-03", "-300.00"]])
    return c.payout()


@case("money_three_decimals", 1, problems=[
    dict(文件="claims.xlsx", 工作表="结算明细", 行=2, 列="F", 列名="个人自付", 说明="8000.125")],
    rejected={"C1": "invalid_input"})
def _(c):
    c.claims_xlsx([CLAIMS_HEADER, CLAIMS[1][:5] + ["8000.125"], CLAIMS[2]])
    return c.payout()


@case("money_three_decimals_number_cell", 1, problems=[
    dict(文件="claims.xlsx", 工作表="结算明细", 行=3, 列="F", 列名="个人自付", 说明="300.125")],
    rejected={"C2": "invalid_input"})
def _(c):
    c.claims_xlsx([CLAIMS_HEADER, CLAIMS[1], CLAIMS[2][:5] + [Num("300.125")]])
    return c.payout()


@case("member_id_stored_as_number", 1, problems=[
    dict(文件="members.xlsx", 工作表="会员名单", 行=3, 列="A", 列名="身份证号", 说明="文本")])
def _(c):
    rows = [MEMBERS[0], MEMBERS[1], [Num("1.50203199011110E+17")] + MEMBERS[2][1:]]
    c.members = write_xlsx(c.tmp / "members.xlsx", rows, "会员名单")
    return c.payout()


@case("claim_id_number_stored_as_number", 1, problems=[
    dict(文件="claims.xlsx", 工作表="结算明细", 行=2, 列="B", 列名="身份证号", 说明="文本")],
    rejected={"C1": "invalid_input"})
def _(c):
    c.claims_xlsx([CLAIMS_HEADER, ["C1", Num("1.50102198003050E+17")] + CLAIMS[1][2:], CLAIMS[2]])
    return c.payout()


@case("id_bad_check_digit", 1, problems=[
    dict(文件="claims.csv", 行=3, 列="B", 列名="身份证号", 说明="校验")],
    rejected={"C2": "invalid_input"})
def _(c):
    c.claims_csv([CLAIMS_HEADER, CLAIMS[1], ["C2", ID_BAD_CHECK] + CLAIMS[2][2:]])
    return c.payout()


@case("member_bad_check_digit", 1, problems=[
    dict(文件="members.csv", 行=3, 列="A", 列名="身份证号", 说明="校验")])
def _(c):
    c.members = write_csv(c.tmp / "members.csv", [MEMBERS[0], MEMBERS[1], [ID_BAD_CHECK] + MEMBERS[2][1:]])
    return c.payout()


@case("date_impossible", 1, problems=[
    dict(文件="claims.csv", 行=2, 列="E", 列名="出院日期", 说明="2026-02-30")],
    rejected={"C1": "invalid_input"})
def _(c):
    c.claims_csv([CLAIMS_HEADER, ["C1", ID_A, "住院", "2026-02-25", "2026-02-30", "8000.00"], CLAIMS[2]])
    return c.payout()


@case("date_discharge_before_admission", 1, problems=[
    dict(文件="claims.csv", 行=3, 列="E", 列名="出院日期", 说明="早于")],
    rejected={"C2": "invalid_input"})
def _(c):
    c.claims_csv([CLAIMS_HEADER, CLAIMS[1], ["C2", ID_B, "住院", "2026-06-03", "2026-06-01", "300.00"]])
    return c.payout()


@case("duplicate_claim_id", 0, rejected={"C1#2": "duplicate_claim"}, paid={"C1": "4100.00"})
def _(c):
    # Contract: a repeat is `duplicate_claim`, an ordinary rejected result (exit 0).
    c.claims_csv([CLAIMS_HEADER, CLAIMS[1], ["C1", ID_B, "住院", "2026-06-01", "2026-06-03", "300.00"]])
    return c.payout()


# --- text files ---------------------------------------------------------------------------------

@case("csv_mixed_utf8_and_gbk", 3, ["claims.csv", "第 3 行"])
def _(c):
    # The header and row 2 in UTF-8, row 3 appended by a GBK tool: no single encoding reads it.
    body = ("\ufeff" + ",".join(CLAIMS_HEADER + ["姓名"]) + "\r\n" +
            ",".join(CLAIMS[1] + ["张三"]) + "\r\n").encode("utf-8")
    body += (",".join(CLAIMS[2] + ["李芳"]) + "\r\n").encode("gbk")
    c.claims = c.tmp / "claims.csv"
    c.claims.write_bytes(body)
    return c.payout()


@case("csv_utf16", 3, ["claims.csv", "UTF-16"])
def _(c):
    c.claims_csv(CLAIMS, encoding="utf-16")
    return c.payout()


@case("csv_empty_file", 3, ["claims.csv"], pre_out=True)
def _(c):
    c.claims = c.tmp / "claims.csv"
    c.claims.write_bytes(b"")
    return c.payout()


@case("csv_header_only_bom", 0)
def _(c):
    # Only a header: a run over no claims is complete (rows in = 0).
    c.claims_csv([CLAIMS_HEADER])
    return c.payout()


@case("file_unreadable", 3, ["claims.csv"], pre_out=True,
      skip=lambda c: "running as a user who can read a mode-000 file (root)" if os.access(c.claims, os.R_OK) else None)
def _(c):
    os.chmod(c.claims, 0)
    return c.payout()


@case("file_does_not_exist", 3, ["no-such-claims.xlsx"])
def _(c):
    c.claims = c.tmp / "no-such-claims.xlsx"
    return c.payout()


@case("directory_as_file", 3, ["claims-folder"])
def _(c):
    c.claims = c.tmp / "claims-folder"
    c.claims.mkdir()
    return c.payout()


@case("directory_named_like_xlsx", 3, ["members.xlsx"])
def _(c):
    c.members = c.tmp / "members.xlsx"
    c.members.mkdir()
    return c.payout()


# --- outputs ------------------------------------------------------------------------------------

def _readonly_parent(c):
    ro = c.tmp / "ro"
    ro.mkdir(exist_ok=True)
    os.chmod(ro, 0o555)
    if os.access(ro, os.W_OK):
        return "running as a user who can write a mode-555 folder (root)"
    return None


@case("out_parent_read_only", 4, ["ro"], skip=_readonly_parent)
def _(c):
    c.out = c.tmp / "ro" / "out"
    return c.payout()


@case("out_is_existing_file", 4, ["not-a-folder"], pre_out_file=True)
def _(c):
    c.out = c.tmp / "not-a-folder"
    c.out.write_text("do not touch\n", encoding="utf-8")
    return c.payout()


@case("out_in_proc", 4, ["/proc/huzhu-bad-inputs-test"])
def _(c):
    c.out = Path("/proc/huzhu-bad-inputs-test")
    return c.payout()


@case("out_under_dev_full", 4, ["/dev/full"],
      skip=lambda c: None if os.path.exists("/dev/full") else "no /dev/full")
def _(c):
    c.out = Path("/dev/full/out")
    return c.payout()


@case("out_would_overwrite_input", 4, ["payouts.csv"], pre_out=True)
def _(c):
    # The members list saved as D/payouts.csv, and --out D: the output would replace an input.
    c.members = write_csv(c.out / "payouts.csv", MEMBERS) if c.out.exists() else None
    return c.payout()


@case("reconcile_transfers_in_out_folder_is_fine", 1, check="reconcile_ok")
def _(c):
    d = c.tmp / "d"
    d.mkdir()
    shutil.copy(harness.source("samples/reconcile-2026/transfers.csv"), d / "transfers.csv")
    c.out = d
    return ["reconcile", "--transfers", d / "transfers.csv", "--bank",
            harness.source("samples/reconcile-2026/bank-result.xlsx"), "--out", d]


# --- rule files ---------------------------------------------------------------------------------

@case("rules_key_typo", 3, ["my-rules.toml", "top_up.minimun", "top_up.minimum"])
def _(c):
    return c.payout(rules=c.rule_copy("[top_up]\nminimum", "[top_up]\nminimun"))


@case("rules_money_as_float", 3, ["my-rules.toml:81:", "top_up.minimum", '"3000.00"'])
def _(c):
    return c.payout(rules=c.rule_copy('minimum = { value = "200.00"', "minimum = { value = 200.0"))


@case("rules_unknown_id", 3, ["inner-mongolia/2099/hospital", "rules list"], pre_out=True)
def _(c):
    return c.payout(rules="inner-mongolia/2099/hospital")


# --- required columns ---------------------------------------------------------------------------

@case("members_missing_unit_code", 3, ["members.csv", "单位编码", "unit_code"])
def _(c):
    c.members = write_csv(c.tmp / "members.csv", [[r[0], r[1], r[3], r[4]] for r in MEMBERS])
    return c.payout()


@case("claims_missing_id_number_xlsx", 3, ["claims.xlsx", "结算明细", "身份证号", "id_number"], pre_out=True)
def _(c):
    c.claims_xlsx([[r[0]] + r[2:] for r in CLAIMS])
    return c.payout()


@case("units_missing_employees", 3, ["units.csv", "在职职工人数", "employees"])
def _(c):
    units = write_csv(c.tmp / "units.csv", [["单位编码", "单位名称", "所属地区"], ["U1", "市总工会", "呼和浩特"]])
    return ["ratio", "--rules", RULES, "--members", c.members, "--units", units, "--out", c.out]


@case("targets_missing_target", 3, ["targets.xlsx", "目标", "目标人数", "target"])
def _(c):
    targets = write_xlsx(c.tmp / "targets.xlsx", [["地区", "项目"], ["呼和浩特", "住院医疗"]], "目标")
    return ["score", "--rules", RULES, "--members", c.members, "--targets", targets, "--out", c.out]


@case("bank_missing_amount", 3, ["bank.csv", "金额", "amount"])
def _(c):
    bank = write_csv(c.tmp / "bank.csv", [["账号", "户名", "状态"], ["6222028300152234676", "崔文博", "成功"]])
    return ["reconcile", "--transfers", harness.source("samples/reconcile-2026/transfers.csv"),
            "--bank", bank, "--out", c.out]


# --- usage ----------------------------------------------------------------------------------------

@case("usage_missing_claims_option", 2, ["--claims"])
def _(c):
    return ["payout", "--rules", RULES, "--members", c.members, "--out", c.out]


# --- more containers ---------------------------------------------------------------------------

def _sheet_entry_patched(c, crc_xor=0, method=None, flags=None):
    """claims.xlsx whose sheet entry has a wrong CRC, another compression method or other flags."""
    strings = []
    entries = xlsx_entries(sheet_xml(CLAIMS, strings=strings), "结算明细", strings)
    fixed = []
    for name, data in entries:
        if name == "xl/worksheets/sheet1.xml":
            co = zlib.compressobj(6, zlib.DEFLATED, -15)
            fixed.append({"name": name, "raw": co.compress(data) + co.flush(),
                          "crc": zlib.crc32(data) ^ crc_xor, "size": len(data)})
        else:
            fixed.append((name, data))
    data = bytearray(zip_bytes(fixed))
    target = b"xl/worksheets/sheet1.xml"
    for sig, hl, nlen_at, flags_at in ((b"PK\x03\x04", 30, 26, 6), (b"PK\x01\x02", 46, 28, 8)):
        i = data.find(sig)
        while i >= 0:
            nlen = struct.unpack_from("<H", data, i + nlen_at)[0]
            if bytes(data[i + hl:i + hl + nlen]) == target:
                if flags is not None:
                    struct.pack_into("<H", data, i + flags_at, flags)
                if method is not None:
                    struct.pack_into("<H", data, i + flags_at + 2, method)
            i = data.find(sig, i + 4)
    c.claims = c.tmp / "claims.xlsx"
    c.claims.write_bytes(bytes(data))
    return c.payout()


@case("zip_crc_mismatch", 3, ["claims.xlsx", "sheet1.xml", "CRC"], pre_out=True)
def _(c):
    return _sheet_entry_patched(c, crc_xor=0xDEADBEEF)


@case("zip_unsupported_method_bzip2", 3, ["claims.xlsx", "sheet1.xml"])
def _(c):
    return _sheet_entry_patched(c, method=12)


@case("zip_encrypted_entry", 3, ["claims.xlsx", "sheet1.xml", "加密"])
def _(c):
    return _sheet_entry_patched(c, flags=0x801)


@case("xlsx_rows_out_of_order", 3, ["claims.xlsx", "结算明细", "第 2 行"])
def _(c):
    c.claims_xlsx([CLAIMS_HEADER, (3, CLAIMS[2]), (2, CLAIMS[1])])
    return c.payout()


@case("xlsx_same_cell_twice", 3, ["claims.xlsx", "结算明细", "F2"])
def _(c):
    c.claims_xlsx([CLAIMS_HEADER, CLAIMS[1] + [Raw('<c r="F2" t="inlineStr"><is><t>1.00</t></is></c>')], CLAIMS[2]])
    return c.payout()


STYLES = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.'
          b'openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font/></fonts><fills count="1">'
          b'<fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs>'
          b'<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>')


@case("xlsx_date_cell_1900_02_29", 1, problems=[
    dict(文件="claims.xlsx", 工作表="结算明细", 行=2, 列="D", 列名="入院日期", 说明="1900-02-29")],
    rejected={"C1": "invalid_input"}, paid={"C2": "200.00"})
def _(c):
    # Date cells (style 1 = numFmt 14): serial 60 is Excel's fictitious 1900-02-29.
    rows = [CLAIMS_HEADER,
            CLAIMS[1][:3] + [Raw('<c r="D2" s="1"><v>60</v></c>'), Raw('<c r="E2" s="1"><v>61</v></c>'), "8000"],
            CLAIMS[2][:3] + [Raw('<c r="D3" s="1"><v>46174</v></c>'), Raw('<c r="E3" s="1"><v>46176</v></c>'), "300"]]
    strings = []
    entries = []
    for name, data in xlsx_entries(sheet_xml(rows, strings=strings), "结算明细", strings):
        if name == "[Content_Types].xml":
            data = data.replace(b"</Types>", b'<Override PartName="/xl/styles.xml" ContentType="application/'
                                b'vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>')
        if name == "xl/_rels/workbook.xml.rels":
            data = data.replace(b"</Relationships>", b'<Relationship Id="rId9" Type="http://schemas.openxml'
                                b'formats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
                                b'</Relationships>')
        entries.append((name, data))
    c.claims = c.tmp / "claims.xlsx"
    c.claims.write_bytes(zip_bytes(entries + [("xl/styles.xml", STYLES)]))
    return c.payout()


# --- more values ---------------------------------------------------------------------------------

@case("member_bank_card_stored_as_number", 1, problems=[
    dict(文件="members.xlsx", 工作表="会员名单", 行=2, 列="F", 列名="银行卡号", 说明="文本")])
def _(c):
    rows = [MEMBERS[0] + ["银行卡号"], MEMBERS[1] + [Num("6.2220283001522303E+18")],
            MEMBERS[2] + ["6222028300152234676"]]
    c.members = write_xlsx(c.tmp / "members.xlsx", rows, "会员名单")
    return c.payout()


@case("csv_id_in_scientific_notation", 1, problems=[
    dict(文件="claims.csv", 行=2, 列="B", 列名="身份证号", 说明="文本")], rejected={"C1": "invalid_input"})
def _(c):
    # A CSV saved by Excel after the ID column had become a number: the digits are gone.
    c.claims_csv([CLAIMS_HEADER, ["C1", "1.50102E+17"] + CLAIMS[1][2:], CLAIMS[2]])
    return c.payout()


@case("yes_no_value_unknown", 1, problems=[
    dict(文件="claims.csv", 行=2, 列="G", 列名="医保结算", 说明="是/否")], rejected={"C1": "invalid_input"})
def _(c):
    c.claims_csv([CLAIMS_HEADER + ["医保结算"], CLAIMS[1] + ["也许"], CLAIMS[2] + ["是"]])
    return c.payout()


@case("claim_kind_unknown", 1, problems=[
    dict(文件="claims.csv", 行=3, 列="C", 列名="类型", 说明="门诊特殊疾病")], rejected={"C2": "invalid_input"})
def _(c):
    c.claims_csv([CLAIMS_HEADER, CLAIMS[1], CLAIMS[2][:2] + ["门诊"] + CLAIMS[2][3:]])
    return c.payout()


@case("member_sex_disagrees_with_id", 1, problems=[
    dict(文件="members.csv", 行=2, 列="F", 列名="性别", 说明="男")])
def _(c):
    c.members = write_csv(c.tmp / "members.csv", [MEMBERS[0] + ["性别"], MEMBERS[1] + ["女"], MEMBERS[2] + ["女"]])
    return c.payout()


@case("headers_fullwidth_and_padded", 0, paid={"C1": "4100.00", "C2": "200.00"})
def _(c):
    c.claims_csv([["\u3000申领编号 ", "ＩＤ＿ｎｕｍｂｅｒ", "类型", "入院日期", "出院日期", "  Self_Pay  "],
                  CLAIMS[1], CLAIMS[2]])
    return c.payout()


@case("second_claims_file_keeps_its_name", 1, problems=[
    dict(文件="b.xlsx", 工作表="第二批", 行=4, 列="F", 列名="个人自付", 说明="1.234")],
    rejected={"C1#2": "duplicate_claim", "C4": "invalid_input"})
def _(c):
    a = write_csv(c.tmp / "a.csv", [CLAIMS_HEADER, CLAIMS[1]])
    b = write_xlsx(c.tmp / "b.xlsx", [CLAIMS_HEADER, CLAIMS[2],
                                      ["C1", ID_B, "住院", "2026-08-01", "2026-08-03", "100"],
                                      ["C4", ID_B, "住院", "2026-09-01", "2026-09-03", "1.234"]], "第二批")
    c.claim_ids = ["C1", "C2", "C1", "C4"]
    return ["payout", "--rules", RULES, "--members", c.members, "--claims", a, "--claims", b, "--out", c.out]


@case("second_members_file_missing_column", 3, ["members-2.csv", "单位编码", "unit_code"])
def _(c):
    m2 = write_csv(c.tmp / "members-2.csv", [["身份证号", "姓名"], [ID_B, "李芳"]])
    return ["payout", "--rules", RULES, "--members", c.members, "--members", m2, "--claims", c.claims,
            "--out", c.out]


@case("duplicate_header_column", 3, ["claims.csv", "G 列", "个人自付"])
def _(c):
    c.claims_csv([CLAIMS_HEADER + ["个人自付"], CLAIMS[1] + ["1"], CLAIMS[2] + ["2"]])
    return c.payout()


@case("csv_gbk_then_utf8_rows", 3, ["members.csv", "第 3 行"])
def _(c):
    # The mirror of csv_mixed_utf8_and_gbk: a GBK ledger (as Chinese Excel saves it) with a row
    # appended by a UTF-8 tool. UTF-8 Chinese bytes are also valid GB18030, so reading the whole
    # file as GBK turns 李芳/呼和浩特 into 鏉庤姵/鍛煎拰娴╃壒 (payee name in transfers.csv).
    body = ("\r\n".join(",".join(r) for r in MEMBERS[:2]) + "\r\n").encode("gbk")
    body += (",".join(MEMBERS[2]) + "\r\n").encode("utf-8")
    c.members = c.tmp / "members.csv"
    c.members.write_bytes(body)
    return c.payout()


@case("csv_unterminated_quote", 3, ["claims.csv", "第 3 行", "B 列"])
def _(c):
    text = ("\ufeff" + ",".join(CLAIMS_HEADER) + "\r\n" + ",".join(CLAIMS[1]) + '\r\nC2,"' + ID_B +
            ",住院,2026-06-01,2026-06-03,300\r\nC3," + ID_A + ",住院,2026-07-01,2026-07-03,300\r\n")
    c.claims = c.tmp / "claims.csv"
    c.claims.write_bytes(text.encode("utf-8"))
    return c.payout()


@case("csv_binary_with_nul_bytes", 3, ["claims.csv", "NUL"])
def _(c):
    c.claims = c.tmp / "claims.csv"
    c.claims.write_bytes(b"\x00\x01\x02\xff" * 300)
    return c.payout()


@case("sheet_option_with_csv_and_xlsx_inputs", 0, paid={"C1": "4100.00"})
def _(c):
    # Contract: "--sheet NAME picks a sheet by name in every workbook input": members.csv is not a
    # workbook, so the option concerns claims.xlsx only.
    c.claims_xlsx(CLAIMS, sheet_name="结算明细")
    return c.payout(extra=["--sheet", "结算明细"])


@case("sheet_option_no_such_sheet", 3, ["members.xlsx", "名单", "会员名单"])
def _(c):
    c.members = write_xlsx(c.tmp / "members.xlsx", MEMBERS, "会员名单")
    c.claims_xlsx(CLAIMS)
    return c.payout(extra=["--sheet", "名单"])


# --- values in the other commands' inputs ------------------------------------------------------------

@case("units_bad_counts", 1, workbook="ratio.xlsx", outputs=["ratio.xlsx", "ratio.csv"], problems=[
    dict(文件="units.csv", 行=2, 列="D", 列名="在职职工人数", 说明="12.5"),
    dict(文件="units.csv", 行=3, 列="D", 列名="在职职工人数", 说明="负")])
def _(c):
    units = write_csv(c.tmp / "units.csv", [["单位编码", "单位名称", "所属地区", "在职职工人数"],
                                            ["U1", "市总工会", "呼和浩特", "12.5"], ["U2", "x", "呼和浩特", "-3"]])
    return ["ratio", "--rules", RULES, "--members", c.members, "--units", units, "--out", c.out]


@case("targets_bad_number", 1, workbook="score.xlsx", outputs=["score.xlsx", "score.csv"], problems=[
    dict(文件="targets.csv", 行=2, 列="C", 列名="目标人数", 说明="abc")])
def _(c):
    t = write_csv(c.tmp / "targets.csv", [["地区", "项目", "目标人数"], ["呼和浩特", "住院医疗", "abc"],
                                          ["包头", "住院医疗", "10"]])
    return ["score", "--rules", RULES, "--members", c.members, "--targets", t, "--out", c.out]


@case("manual_scores_out_of_range", 1, workbook="score.xlsx", outputs=["score.xlsx", "score.csv"], problems=[
    dict(文件="manual.csv", 行=2, 列="B", 列名="组织领导"), dict(文件="manual.csv", 行=2, 列="C", 列名="申领审核"),
    dict(文件="manual.csv", 行=2, 列="E", 列名="新闻宣传")])
def _(c):
    t = write_csv(c.tmp / "targets.csv", [["地区", "项目", "目标人数"], ["呼和浩特", "住院医疗", "2"]])
    m = write_csv(c.tmp / "manual.csv", [["地区", "组织领导", "申领审核", "日常管理", "新闻宣传"],
                                         ["呼和浩特", "1.5", "0.85", "1", "-1"]])
    return ["score", "--rules", RULES, "--members", c.members, "--targets", t, "--manual", m, "--out", c.out]


@case("bank_bad_amounts", 1, workbook="reconcile.xlsx", outputs=["reconcile.xlsx", "reconcile.csv", "resend.csv"],
      problems=[dict(文件="bank.csv", 行=2, 列="C", 列名="金额", 说明="1,5600.00"),
                dict(文件="bank.csv", 行=3, 列="C", 列名="金额", 说明="1320.011")],
      check="bank_not_resent")
def _(c):
    # Rows the bank marked 成功 whose amount cannot be read must not be re-sent (paid twice).
    bank = write_csv(c.tmp / "bank.csv", [["账号", "户名", "金额", "状态", "附言"],
                                          ["6222028300152234676", "崔文博", "1,5600.00", "成功", "IM2026H-000001"],
                                          ["6221478161548170280", "徐建华", "1320.011", "成功", "IM2026H-000002"]])
    return ["reconcile", "--transfers", harness.source("samples/reconcile-2026/transfers.csv"),
            "--bank", bank, "--out", c.out]


# --- more outputs ------------------------------------------------------------------------------------

@case("out_full_disk_simulated_fsize", 4, ["payouts.xlsx"], pre_out=True, fsize=3000)
def _(c):
    # No ENOSPC without mounting a small filesystem; instead RLIMIT_FSIZE (SIGXFSZ ignored) makes
    # every write past 3,000 bytes fail with EFBIG while the staging files are written.
    return c.payout()


@case("out_empty_string", 2, ["--out"], cwd_tmp=True)
def _(c):
    return ["payout", "--rules", RULES, "--members", c.members, "--claims", c.claims, "--out", ""]


@case("out_would_overwrite_input_fresh_folder", 4, ["payouts.csv"])
def _(c):
    # D holds only the members list, saved as payouts.csv; payout --members D/payouts.csv --out D.
    d = c.tmp / "d"
    d.mkdir()
    c.out = d
    c.members = write_csv(d / "payouts.csv", MEMBERS)
    return c.payout()


@case("reconcile_resend_would_overwrite_input", 4, ["resend.csv"])
def _(c):
    # Second round: --transfers D/resend.csv --out D would replace the batch being reconciled.
    d = c.tmp / "d"
    d.mkdir()
    shutil.copy(harness.source("samples/reconcile-2026/resend.csv"), d / "resend.csv")
    c.out = d
    return ["reconcile", "--transfers", d / "resend.csv", "--bank",
            harness.source("samples/reconcile-2026/bank-result-resend.csv"), "--out", d]


# ----------------------------------------------------------------------------- the runner

class BadInputs(harness.TempDirTest):
    maxDiff = None

    def test_cases(self):
        self.assertGreaterEqual(len(CASES), 40)
        self.assertEqual(len({c["id"] for c in CASES}), len(CASES))
        harness.run_cases(self, CASES, self.run_case)

    def run_case(self, spec):
        tmp = self.tmp / spec["id"]
        tmp.mkdir()
        c = Ctx(tmp)
        try:
            reason = spec.get("skip", lambda c: None)(c)
            if reason:
                self.skipTest(reason)
            if spec.get("pre_out"):  # a previous good run's outputs in --out
                r = harness.run_huzhu(*c.payout())
                self.assertEqual(r.returncode, 0, r.stderr)
            argv = spec["build"](c)
            self.assertIsNotNone(argv)
            out_before = snapshot(c.out)
            tmp_before = sorted(p.name for p in tmp.iterdir())
            started = time.monotonic()
            r = self.run_in(argv, tmp if spec.get("cwd_tmp") else None, spec.get("fsize"))
            took = time.monotonic() - started
            if os.environ.get("HUZHU_BAD_INPUTS_SHOW"):
                print(f"\n=== {spec['id']}: exit {r.returncode}\n{r.stdout}{r.stderr}")
            self.check(spec, c, r, out_before, tmp_before, took)
        finally:
            for p in [tmp, *tmp.rglob("*")]:  # undo chmods so the folder can be removed
                try:
                    if p.is_dir() and not p.is_symlink():
                        os.chmod(p, 0o755)
                    elif p.is_file():
                        os.chmod(p, 0o644)
                except OSError:
                    pass

    @staticmethod
    def run_in(argv, cwd=None, fsize=None):
        """harness.run_huzhu, optionally in another working directory or with a file-size limit."""
        if cwd is None and fsize is None:
            return harness.run_huzhu(*argv)

        def limit():
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))
        return subprocess.run([os.path.abspath(harness.ARGS.huzhu), *map(str, argv)], capture_output=True,
                              text=True, cwd=cwd, preexec_fn=limit if fsize else None, timeout=300)

    def check(self, spec, c, r, out_before, tmp_before, took):
        rc = spec["rc"]
        shown = f"\n--- exit {r.returncode}\n--- stdout\n{r.stdout}\n--- stderr\n{r.stderr}"
        self.assertGreaterEqual(r.returncode, 0, "killed by a signal" + shown)
        self.assertEqual(r.returncode, rc, shown)
        for bad in FATAL_TEXT:
            self.assertNotIn(bad, r.stderr, shown)
        self.assertNotIn("root:x:0:0", r.stdout + r.stderr, "a file's contents leaked" + shown)
        stream = getattr(r, spec.get("stream", "stderr"))
        for text in spec["says"]:
            self.assertIn(str(text), stream, shown)
        if spec.get("bomb"):
            self.assertLess(took, 120, "took too long")
            peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
            self.assertLess(peak, 1 << 30, f"a child process peaked at {peak >> 20} MiB")
        if spec.get("check") == "damaged_xls":
            self.assertTrue("已损坏" in stream or "没有工作表" in stream, shown)
        if rc >= 2:
            self.assertEqual(snapshot(c.out), out_before, "the output folder changed" + shown)
            leftovers = [p.name for p in c.tmp.iterdir() if "huzhu-staging" in p.name]
            self.assertEqual(leftovers, [], "staging folder left behind")
            if out_before is None and str(c.out).startswith(str(c.tmp)):
                self.assertEqual(sorted(p.name for p in c.tmp.iterdir()), tmp_before)
            return
        if spec.get("check") == "reconcile_ok":
            self.assertTrue((c.out / "reconcile.csv").exists())
            self.assertEqual((c.out / "transfers.csv").read_bytes(),
                             harness.source("samples/reconcile-2026/transfers.csv").read_bytes())
            return
        if argv_is_inspect(r):
            return
        # Completed runs: the outputs exist and the problems are listed with their place.
        outputs = spec.get("outputs", ["payouts.xlsx", "payouts.csv", "transfers.csv"])
        for name in outputs:
            self.assertTrue((c.out / name).is_file(), name + shown)
        header, problems = problems_sheet(c.out / spec.get("workbook", "payouts.xlsx"))
        for want in spec.get("problems", []):
            found = [p for p in problems if all(
                (str(v) in str(p[header.index(k)]) if isinstance(v, str) else p[header.index(k)] == v)
                for k, v in want.items())]
            self.assertTrue(found, f"问题 has no row like {want}; it has:\n" +
                            "\n".join(map(str, problems)) + shown)
        if spec.get("check") == "bank_not_resent":
            resend = (c.out / "resend.csv").read_text(encoding="utf-8-sig")
            self.assertNotIn("IM2026H-000001", resend)
            self.assertNotIn("IM2026H-000002", resend)
        if "payouts.csv" not in outputs:
            return
        # Row conservation: every claim row of the input appears exactly once, in input order.
        rows = read_payouts(c.out)
        self.assertEqual([x["claim_id"] for x in rows], c.claim_ids, "row conservation" + shown)
        if rc == 0:
            errors = [p for p in problems if p[0] == "错误"]
            self.assertEqual(errors, [], shown)
        by_id = {}
        for x in rows:
            key = x["claim_id"] if x["claim_id"] not in by_id else x["claim_id"] + "#2"
            by_id[key] = x
        for cid, reason in spec.get("rejected", {}).items():
            self.assertEqual((by_id[cid]["status"], by_id[cid]["reason"]), ("rejected", reason), shown)
            self.assertEqual(by_id[cid]["total"], "0.00")
        for cid, total in spec.get("paid", {}).items():
            self.assertEqual((by_id[cid]["status"], by_id[cid]["total"]), ("paid", total), shown)


def argv_is_inspect(r):
    return isinstance(r.args, list) and len(r.args) > 1 and r.args[1] == "inspect"


if __name__ == "__main__":
    harness.main()
