"""The enrolment target tables (目标任务) shipped beside the rule files, checked against the seed
notices they transcribe (../shared/seeds) and against the official totals of rules reference §8.

For every targets CSV: the file is UTF-8 with BOM and CRLF; the header is exact; 序号 runs 1..n in the
source's order; row count and total equal §8; every row's 序号, 地区 and 目标人数 appear together, in
that order, in the matching attachment of the seed (full-width digits and spaces folded, a unit name
may be broken across lines); 包头's text target is checked as text; 包含地区 and 来源 are as stated.
"""
import csv
import io
import re
import unittest

import harness

HEADER = ["序号", "地区", "项目", "目标人数", "包含地区", "上年参互人数", "来源"]
HOSPITAL, WOMEN = "住院医疗", "女性馨康"

SEEDS = {"000": "000_f9f95a257d32379b.txt", "001": "001_22022e8fc20b2c6b.txt",
         "002": "002_11d39c03c0f17b01.txt", "004": "004_fa398b52dad64541.txt"}

# Official row counts and totals: docs/rules-reference.md §8 ("Official totals: 2021 hospital
# 1,157,123 (20 rows); 2024 hospital 1,365,950 and women's 325,562 (21 rows each); 2026 hospital
# 1,367,600 and women's 397,116 (19 rows each); Ordos 2024 districts 210,379 and 59,000; Wujin 2024
# units 55,910 (37 rows)"). The Ordos row count (10) is the source's (000 attachments 1-2).
# path -> (project, seed, attachment number, attachment title, rows, total)
TABLES = {
    ("inner-mongolia", "2021-hospital.csv"): (HOSPITAL, "001", 2, "内蒙古职工互助保障活动工作任务分配表", 20, 1157123),
    ("inner-mongolia", "2024-hospital.csv"): (HOSPITAL, "000", 5, "职工住院医疗互助保障项目参互目标指导计划", 21, 1365950),
    ("inner-mongolia", "2024-women.csv"): (WOMEN, "000", 6, "女性馨康互助保障项目参互目标指导计划", 21, 325562),
    ("inner-mongolia", "2026-hospital.csv"): (HOSPITAL, "002", 3, "职工住院医疗互助保障项目参互目标指导计划", 19, 1367600),
    ("inner-mongolia", "2026-women.csv"): (WOMEN, "002", 4, "女性馨康互助保障项目参互目标指导计划", 19, 397116),
    ("inner-mongolia", "ordos-2024-hospital.csv"): (HOSPITAL, "000", 1, "职工住院医疗互助保障项目参互目标指导计划", 10, 210379),
    ("inner-mongolia", "ordos-2024-women.csv"): (WOMEN, "000", 2, "女性馨康互助保障项目参互目标指导计划", 10, 59000),
    ("wujin", "2024-hospital.csv"): (HOSPITAL, "004", 1, "2024年互助保障目标任务清单", 37, 55910),
}

# §8: 包头's target is the text "按中互会要求完成任务，参加自治区互助保障项目 50000 人" (10000 for women's);
# 2021 has no 包头 row.
BAOTOU = "包头市总工会"
BAOTOU_TARGET = {HOSPITAL: 50000, WOMEN: 10000}

# §8: only 2026 folds 满洲里 into 呼伦贝尔 and 二连浩特 into 锡林郭勒 (the remark column of 002 says
# "含满洲里市目标计划" / "含二连浩特市目标计划"); the sub-regions are named as in the 2024 table.
INCLUDES_2026 = {"呼伦贝尔市总工会": ("满洲里市总工会", "含满洲里市目标计划"),
                 "锡林郭勒盟工会": ("二连浩特市总工会", "含二连浩特市目标计划")}
FOLDED = {"满洲里市总工会", "二连浩特市总工会"}

FULL_WIDTH = {0xFF10 + i: 0x30 + i for i in range(10)}
FULL_WIDTH[0x3000] = 0x20


def normalise(text):
    """Full-width digits and spaces to ASCII; keeps line breaks (rows are matched across them)."""
    return text.translate(FULL_WIDTH)


def squeeze(s):
    return re.sub(r"\s+", "", s)


def seed_table(seed, number, title):
    """The text of attachment `number` of `seed` whose title is `title`: from its heading line to the
    next attachment heading (or the end of the file)."""
    path = f"{harness.ARGS.shared}/seeds/{SEEDS[seed]}"
    with open(path, encoding="utf-8") as f:
        text = normalise(f.read())
    headings = list(re.finditer(r"(?m)^[ \t]*附件[ \t]*(\d+)[ \t]*$", text))
    found = []
    for i, h in enumerate(headings):
        end = headings[i + 1].start() if i + 1 < len(headings) else len(text)
        body = text[h.end():end]
        if int(h.group(1)) == number and squeeze(body).startswith(squeeze(title)):
            found.append(body)
    if len(found) != 1:
        raise AssertionError(f"{seed} 附件{number} 《{title}》: found {len(found)} times")
    return found[0]


def loose(s):
    """A regex matching s with optional white space between any two characters (broken lines)."""
    return r"\s*".join(re.escape(c) for c in squeeze(s))


def row_pattern(no, region, target):
    if region == BAOTOU:
        value = (loose("按中互会要求完成任务，参加自治区互助保障项目") + r"\s*" + str(target) +
                 r"\s*人")
    else:
        value = str(target)
    return re.compile(r"(?<!\d)" + str(no) + r"\s+" + loose(region) + r"\s+" + value + r"(?!\d)")


def read_csv(path):
    raw = path.read_bytes()
    return raw, list(csv.reader(io.StringIO(raw[3:].decode("utf-8"), newline="")))


class Targets(unittest.TestCase):
    def each(self, check):
        """Runs check(name, path, spec) for every targets file, each file as a subTest."""
        for (scheme, name), spec in TABLES.items():
            with self.subTest(file=f"{scheme}/targets/{name}"):
                check(name, harness.source("rules", scheme, "targets", name), spec)

    def test_every_targets_csv_is_listed(self):
        on_disk = {(p.parent.parent.name, p.name)
                   for p in harness.source("rules").glob("*/targets/*.csv")}
        self.assertEqual(on_disk, set(TABLES))

    def test_encoding_and_header(self):
        def check(name, path, spec):
            raw, rows = read_csv(path)
            self.assertTrue(raw.startswith(b"\xef\xbb\xbf"), "UTF-8 BOM")
            self.assertTrue(raw.endswith(b"\r\n"), "ends with CRLF")
            self.assertNotIn(b"\n", raw.replace(b"\r\n", b""), "CRLF line ends only")
            self.assertEqual(rows[0], HEADER)
            for r in rows[1:]:
                self.assertEqual(len(r), len(HEADER), r)
        self.each(check)

    def test_rows_counts_totals_and_columns(self):
        def check(name, path, spec):
            project, seed, att, title, n, total = spec
            rows = read_csv(path)[1][1:]
            self.assertEqual(len(rows), n, "row count (§8)")
            self.assertEqual([r[0] for r in rows], [str(i) for i in range(1, n + 1)], "序号 1..n")
            for r in rows:
                self.assertRegex(r[3], r"^[1-9][0-9]*$", r)
                self.assertEqual(r[2], project, r)
                self.assertEqual(r[5], "", "上年参互人数 is not given by the sources")
                self.assertEqual(r[6], f"{seed} 附件{att} 第{r[0]}行", "来源")
                self.assertNotRegex(r[1], r"\s", "unit names are joined from broken lines")
            self.assertEqual(sum(int(r[3]) for r in rows), total, "total (§8)")
            self.assertEqual(len({r[1] for r in rows}), n, "regions are unique")
        self.each(check)

    def test_every_row_is_in_the_seed_table(self):
        def check(name, path, spec):
            project, seed, att, title, n, total = spec
            table = seed_table(seed, att, title)
            for r in read_csv(path)[1][1:]:
                self.assertIsNotNone(row_pattern(r[0], r[1], int(r[3])).search(table),
                                     f"{seed} 附件{att}: row {r[0]} {r[1]} {r[3]} is not in the seed")
            # Where the source prints a total (合计), it matches too.
            m = re.search(r"合计\s+(\d+)", table)
            if m:
                self.assertEqual(int(m.group(1)), total, "the source's 合计")
        self.each(check)

    def test_baotou_and_folded_regions(self):
        def check(name, path, spec):
            project, seed, att, title, n, total = spec
            rows = {r[1]: r for r in read_csv(path)[1][1:]}
            if name.startswith("ordos") or seed == "004":
                self.assertTrue(all(r[4] == "" for r in rows.values()))
                return
            if name.startswith("2021"):
                self.assertNotIn(BAOTOU, rows, "2021 has no 包头 row (§8)")
            else:
                self.assertEqual(rows[BAOTOU][3], str(BAOTOU_TARGET[project]), "包头 (§8)")
            if not name.startswith("2026"):
                self.assertTrue(FOLDED <= set(rows), "满洲里 and 二连浩特 are separate rows (§8)")
                self.assertTrue(all(r[4] == "" for r in rows.values()))
                return
            self.assertFalse(FOLDED & set(rows), "2026 folds 满洲里 and 二连浩特 (§8)")
            table = squeeze(seed_table(seed, att, title))
            twin = harness.source("rules", "inner-mongolia", "targets", name.replace("2026", "2024"))
            named_2024 = [x[1] for x in read_csv(twin)[1][1:]]
            for region, r in rows.items():
                sub, remark = INCLUDES_2026.get(region, ("", ""))
                self.assertEqual(r[4], sub, region)
                if sub:
                    self.assertIn(squeeze(region) + r[3] + remark, table, "the source's remark")
                    self.assertIn(sub, named_2024, "named as in the 2024 table")
        self.each(check)


if __name__ == "__main__":
    harness.main()
