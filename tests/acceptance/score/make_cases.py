#!/usr/bin/env python3
"""Writes tests/acceptance/score/cases.json: hand-worked acceptance cases for `huzhu score`.

Every expected value below is a literal worked out by hand from ../shared/docs/rules-reference.md §8
(000 attachment 4: 完成两项年度目标任务的得4分；每减少1%(不足1%视为1%)扣0.1分，最多扣2分；每增长2%(不足2%视为
2%)加0.1分，最多加2分), §1–§4 (who is an eligible member of each project) and the Decision lines, the
data contract (members, targets, manual-score columns; score.csv) and the scoring brief, with the
arithmetic in each case's `explanation`. Nothing here calls, imports or mirrors the product's code.

The script only builds input rows (valid GB 11643 ID numbers) and checks its own literals for typos:
  * every member row is tagged, by hand, with the target row it should count toward (or none); the
    literal `actual` must equal the number of rows so tagged (bulk entries included);
  * the literals completion_percent / steps / adjustment / completion_points / total_points /
    renewal_percent are re-derived with exact fractions from target, actual and the manual items (a
    check of the hand arithmetic, not a rule engine: eligibility is never decided here).

Bulk members. A 10,000-member region would make cases.json huge, so a case may carry a "bulk" list of
compact specs, expanded by tests/e2e/score_acceptance_test.py (and by expand_bulk() below, for the
checks) into member rows appended after the case's explicit "members":
    {"count": N, "area": "150203", "born": "1980-01-01", "male": true, "name": "包头批量",
     "row": {... the columns every generated row shares: 单位编码, 所属地区, 项目, 人员类别, 参互类型, ...}}
Row i (0-based) gets birth date born + (i // 450) days and the ID
    area + birth(YYYYMMDD) + three digits 100 + 2 × (i % 450) + (1 if male else 0) + GB 11643 check char,
姓名 = name + str(i + 1), 性别 男/女 from `male`, and the columns of `row`. Each bulk entry of a case
has its own area code (different from the explicit members' 150102), so IDs never collide.

Deterministic, Python 3 standard library only:
    python3 tests/acceptance/score/make_cases.py      # rewrites cases.json beside this file
"""
import json
from datetime import date, timedelta
from fractions import Fraction
from math import ceil
from pathlib import Path

WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CHECK = "10X98765432"
AREA = "150102"  # 呼和浩特市新城区: explicit members
BULK_AREAS = ["150203", "150204", "150205", "150206", "150207", "150221", "150222", "150223"]  # 包头 districts

H26, H24, H21 = "inner-mongolia/2026/hospital", "inner-mongolia/2024/hospital", "inner-mongolia/2021/hospital"
W26, W24 = "inner-mongolia/2026/women", "inner-mongolia/2024/women"
HOSP, WOMEN = "住院医疗", "女性馨康"
PROJ = {HOSP: "hospital", WOMEN: "women"}

# Enrolment dates inside each year's window (§1 art. 4, §2, §3), so no window warning interferes.
ENROLLED = {H26: "2025-09-01", W26: "2025-09-01", H24: "2024-04-10", W24: "2024-04-10", H21: "2021-06-01"}


def check_char(body17):
    return CHECK[sum(int(d) * w for d, w in zip(body17, WEIGHTS)) % 11]


def id_number(area, birth, male, seq):
    """seq 0..449 picks digits 15–17; the 17th digit is odd for a man, even for a woman."""
    assert 0 <= seq < 450
    body = f"{area}{birth.strftime('%Y%m%d')}{100 + 2 * seq + (1 if male else 0):03d}"
    return body + check_char(body)


def bad_check(idn):
    good = idn[-1]
    return idn[:-1] + next(c for c in "0123456789X" if c != good)


def expand_bulk(spec):
    """The bulk expansion documented above (the runner has the same few lines)."""
    born = date.fromisoformat(spec["born"])
    rows = []
    for i in range(spec["count"]):
        birth = born + timedelta(days=i // 450)
        row = {"身份证号": id_number(spec["area"], birth, spec["male"], i % 450),
               "姓名": f"{spec['name']}{i + 1}", "性别": "男" if spec["male"] else "女"}
        row.update(spec["row"])
        rows.append(row)
    return rows


class Case:
    def __init__(self, cid, rules, article, explanation, exit_codes=(0,)):
        self.cid, self.rules, self.article, self.explanation = cid, rules, article, explanation
        self.exit_codes = list(exit_codes)
        self.members, self.members2, self.bulks, self.targets, self.manual = [], [], [], [], None
        self.expected = []
        self.tags = []          # (key or None) per explicit member row, in order (members then members2)
        self.bulk_tags = []     # (key or None, count) per bulk entry
        self.seq = 0

    def target(self, region, project, n, includes=None, last_year=None):
        t = {"地区": region, "项目": project, "目标人数": str(n)}
        if includes is not None:
            t["包含地区"] = includes
        if last_year is not None:
            t["上年参互人数"] = str(last_year)
        self.targets.append(t)

    def member(self, region, birth, male=True, project=None, counts=None, category="在职", etype=None,
               enrolled="default", years=None, idn=None, unit=None, second_file=False, **extra):
        """One ledger row; returns its ID number. `counts` is the hand-tagged target key
        (target region text, project) the row should count toward, or None."""
        if idn is None:
            idn = id_number(AREA, date.fromisoformat(birth), male, self.seq)
            self.seq += 1
        row = {"身份证号": idn, "姓名": f"会员{len(self.members) + len(self.members2) + 1}",
               "单位编码": unit or f"U-{region}", "所属地区": region}
        if project is not None:
            row["项目"] = project
        row["人员类别"] = category
        if etype is not None:
            row["参互类型"] = etype
        if enrolled == "default":
            enrolled = ENROLLED[self.rules]
        if enrolled is not None:
            row["参互日期"] = enrolled
        if years is not None:
            row["连续参互年数"] = str(years)
        row["性别"] = "男" if male else "女"
        row.update(extra)
        (self.members2 if second_file else self.members).append(row)
        self.tags.append((counts, second_file))
        return idn

    def many(self, n, region, birth, male=True, project=None, counts=None, **kw):
        """n explicit members born on consecutive days from `birth`."""
        b = date.fromisoformat(birth)
        return [self.member(region, (b + timedelta(days=i)).isoformat(), male, project, counts, **kw)
                for i in range(n)]

    def bulk(self, count, region, project=None, counts=None, male=True, etype=None, years=None,
             born="1980-01-01"):
        area = BULK_AREAS[len(self.bulks)]
        row = {"单位编码": f"B-{region}", "所属地区": region}
        if project is not None:
            row["项目"] = project
        row["人员类别"] = "在职"
        if etype is not None:
            row["参互类型"] = etype
        row["参互日期"] = ENROLLED[self.rules]
        if years is not None:
            row["连续参互年数"] = str(years)
        self.bulks.append({"count": count, "area": area, "born": born, "male": male,
                           "name": f"批量{area}-", "row": row})
        self.bulk_tags.append((counts, count))

    def manual_row(self, region, *items):
        """items: up to four strings (组织领导, 申领审核, 日常管理, 新闻宣传); None leaves the cell empty."""
        if self.manual is None:
            self.manual = []
        r = {"地区": region}
        for k, v in zip(("组织领导", "申领审核", "日常管理", "新闻宣传"), items):
            if v is not None:
                r[k] = v
        self.manual.append(r)

    def expect(self, region, project, target, actual, pct, steps, adj, comp, manual="", total=None,
               renewal="", renewal_pass=""):
        self.expected.append({"region": region, "project": project, "target": target, "actual": actual,
                              "completion_percent": pct, "steps": steps, "adjustment": adj,
                              "completion_points": comp, "manual_points": manual,
                              "total_points": comp if total is None else total,
                              "renewal_percent": renewal, "renewal_pass": renewal_pass})

    def to_json(self):
        d = {"id": self.cid, "rules": self.rules, "article": self.article, "explanation": self.explanation,
             "members": self.members}
        if self.members2:
            d["members_extra"] = self.members2
        if self.bulks:
            d["bulk"] = self.bulks
        d["targets"] = self.targets
        if self.manual is not None:
            d["manual"] = self.manual
        d["expected"] = self.expected
        d["exit_codes"] = self.exit_codes
        return d


def trunc2(fr):
    """Fraction → string truncated to 2 decimals (non-negative)."""
    hundredths = (fr * 100).numerator // (fr * 100).denominator
    return f"{hundredths // 100}.{hundredths % 100:02d}"


def tenths(n):
    """An integer number of tenths → '-0.1', '0.0', '2.5'."""
    sign = "-" if n < 0 else ""
    return f"{sign}{abs(n) // 10}.{abs(n) % 10}"


def selfcheck(case):
    """Re-derives the literals from target/actual/manual/last-year with fractions: catches typos in
    the hand arithmetic. It decides nothing about eligibility or matching (those are the tags)."""
    where = case.cid
    # actual = rows hand-tagged for the target row
    for e in case.expected:
        key = (e["region"], e["project"])
        n = sum(1 for (k, _) in case.tags if k is not None and (k[0], PROJ[k[1]]) == key)
        n += sum(cnt for (k, cnt) in case.bulk_tags if k is not None and (k[0], PROJ[k[1]]) == key)
        assert str(n) == e["actual"], f"{where} {key}: {n} rows tagged, literal actual {e['actual']}"
    for k, _ in case.tags + [(k, 0) for k, _ in case.bulk_tags]:
        if k is not None:
            assert (k[0], PROJ[k[1]]) in {(e["region"], e["project"]) for e in case.expected}, (where, k)
    # per-row arithmetic
    sums = {}
    for e in case.expected:
        t, a = int(e["target"]), int(e["actual"])
        assert trunc2(Fraction(a * 100, t)) == e["completion_percent"], (where, e)
        s = ceil(Fraction((t - a) * 100, t)) if a < t else ceil(Fraction((a - t) * 50, t))
        assert str(s) == e["steps"], (where, e, s)
        adj = -s if a < t else s
        assert tenths(adj) == e["adjustment"], (where, e)
        sums[e["region"]] = sums.get(e["region"], 0) + adj
        tr = next(x for x in case.targets if x["地区"] == e["region"] and PROJ[x["项目"]] == e["project"])
        assert tr["目标人数"] == e["target"], (where, e)
        if "上年参互人数" in tr:
            assert e["renewal_percent"] != "", (where, e)
            assert case.rules == H21 or e["renewal_pass"] == "", (where, e)
        else:
            assert e["renewal_percent"] == "" and e["renewal_pass"] == "", (where, e)
        if e["renewal_pass"]:
            assert e["renewal_pass"] == ("true" if Fraction(e["renewal_percent"]) >= 95 else "false"), (where, e)
    for e in case.expected:
        comp = 40 + max(-20, min(20, sums[e["region"]]))
        assert tenths(comp) == e["completion_points"], (where, e, comp)
        if case.manual is None:
            assert e["manual_points"] == "" and e["total_points"] == e["completion_points"], (where, e)
        else:
            m = Fraction(e["manual_points"])
            assert Fraction(e["total_points"]) == Fraction(comp, 10) + m, (where, e)
    # order: targets' region order, hospital before women within a region
    order = []
    for t in case.targets:
        if t["地区"] not in order:
            order.append(t["地区"])
    want = sorted([(e["region"], e["project"]) for e in case.expected],
                  key=lambda k: (order.index(k[0]), k[1] != "hospital"))
    assert want == [(e["region"], e["project"]) for e in case.expected], where
    assert len(case.expected) == len(case.targets), where
    assert set(case.exit_codes) <= {0, 1}
    ids = [m["身份证号"] for m in case.members + case.members2]
    for b in case.bulks:
        ids += [r["身份证号"] for r in expand_bulk(b)]
    if case.cid not in ("im26-repeated-id-counted-once", "im26-same-person-in-both-projects"):
        assert len(ids) == len(set(ids)), f"{where}: unintended repeated ID number"


CASES = []


def case(*a, **kw):
    c = Case(*a, **kw)
    CASES.append(c)
    return c


ART = "§8 (000 attachment 4 art. 2)"
HH, BT, HLBE, XA, TL, CF, XL, WLCB, EEDS, BYNE, WH, ALS = (
    "呼和浩特市总工会", "包头市总工会", "呼伦贝尔市总工会", "兴安盟工会", "通辽市总工会", "赤峰市总工会",
    "锡林郭勒盟工会", "乌兰察布市总工会", "鄂尔多斯市总工会", "巴彦淖尔市总工会", "乌海市总工会", "阿拉善盟工会")

# ---------------------------------------------------------------- one project, IM 2026 hospital
c = case("im26-exactly-at-target-no-manual", H26, ART + "; brief (no --manual: manual_points empty)",
         "呼和浩特 hospital 50 eligible in-service men of target 50: 50 × 100 / 50 = 100.00; at target → steps 0, "
         "adjustment 0.0; completion 4 + 0 = 4.0; no manual file → manual_points empty, total 4.0")
c.target(HH, HOSP, 50)
c.many(50, "呼和浩特", "1980-03-01", counts=(HH, HOSP))
c.expect(HH, "hospital", "50", "50", "100.00", "0", "0.0", "4.0")

c = case("im26-0.01-percent-short-9999-of-10000", H26, ART + " (不足1%视为1%)",
         "包头 target 10000, 9999 eligible (bulk): 999900 / 10000 = 99.99; short 1 → steps ceil(1 × 100 / 10000 "
         "= 0.01) = 1 → −0.1; completion 4 − 0.1 = 3.9; total 3.9")
c.target(BT, HOSP, 10000)
c.bulk(9999, "包头", counts=(BT, HOSP))
c.expect(BT, "hospital", "10000", "9999", "99.99", "1", "-0.1", "3.9")

c = case("im26-percent-truncated", H26, ART + "; brief: completion_percent truncated to 2 decimals",
         "赤峰 300 of 301: 30000 / 301 = 99.667… → 99.66 (not 99.67); short 1 → ceil(100 / 301) = 1 → −0.1 → 3.9. "
         "通辽 2 of 3: 200 / 3 = 66.666… → 66.66; ceil(100 / 3 = 33.3…) = 34 → −3.4 unclamped; completion "
         "4 + clamp(−3.4) = 4 − 2 = 2.0")
c.target(CF, HOSP, 301)
c.target(TL, HOSP, 3)
c.bulk(300, "赤峰", counts=(CF, HOSP))
c.many(2, "通辽", "1983-05-05", counts=(TL, HOSP))
c.expect(CF, "hospital", "301", "300", "99.66", "1", "-0.1", "3.9")
c.expect(TL, "hospital", "3", "2", "66.66", "34", "-3.4", "2.0")

c = case("im26-1-and-2-percent-short", H26, ART,
         "鄂尔多斯 99 of 100: 99.00; ceil(1 × 100 / 100) = 1 → −0.1 → 3.9. 巴彦淖尔 98 of 100: 98.00; "
         "ceil(200 / 100) = 2 → −0.2 → 3.8")
c.target(EEDS, HOSP, 100)
c.target(BYNE, HOSP, 100)
c.bulk(99, "鄂尔多斯", counts=(EEDS, HOSP))
c.bulk(98, "巴彦淖尔", counts=(BYNE, HOSP))
c.expect(EEDS, "hospital", "100", "99", "99.00", "1", "-0.1", "3.9")
c.expect(BYNE, "hospital", "100", "98", "98.00", "2", "-0.2", "3.8")

c = case("im26-1.01-percent-short", H26, ART + " (不足1%视为1%)",
         "乌兰察布 9899 of 10000: 98.99; short 101 → ceil(10100 / 10000 = 1.01) = 2 → −0.2 → 3.8. "
         "巴彦淖尔 98 of 99 (1.0101…% short): 9800 / 99 = 98.989… → 98.98; ceil(100 / 99) = 2 → −0.2 → 3.8")
c.target(WLCB, HOSP, 10000)
c.target(BYNE, HOSP, 99)
c.bulk(9899, "乌兰察布", counts=(WLCB, HOSP))
c.bulk(98, "巴彦淖尔", counts=(BYNE, HOSP))
c.expect(WLCB, "hospital", "10000", "9899", "98.99", "2", "-0.2", "3.8")
c.expect(BYNE, "hospital", "99", "98", "98.98", "2", "-0.2", "3.8")

c = case("im26-20-percent-short", H26, ART + " (最多扣2分)",
         "通辽 80 of 100: 80.00; ceil(2000 / 100) = 20 → −2.0; completion 4 − 2.0 = 2.0")
c.target(TL, HOSP, 100)
c.bulk(80, "通辽", counts=(TL, HOSP))
c.expect(TL, "hospital", "100", "80", "80.00", "20", "-2.0", "2.0")

c = case("im26-25-percent-short", H26, ART + " (最多扣2分; adjustment shown unclamped)",
         "通辽 75 of 100: 75.00; ceil(2500 / 100) = 25 → −2.5 (shown unclamped); completion 4 + clamp(−2.5) = 2.0")
c.target(TL, HOSP, 100)
c.bulk(75, "通辽", counts=(TL, HOSP))
c.expect(TL, "hospital", "100", "75", "75.00", "25", "-2.5", "2.0")

c = case("im26-1.99-percent-over", H26, ART + " (不足2%视为2%)",
         "兴安 10199 of 10000: 101.99; over 199 → ceil(199 × 50 / 10000 = 0.995) = 1 → +0.1 → 4.1")
c.target(XA, HOSP, 10000)
c.bulk(10199, "兴安盟", counts=(XA, HOSP))
c.expect(XA, "hospital", "10000", "10199", "101.99", "1", "0.1", "4.1")

c = case("im26-2-percent-over", H26, ART,
         "兴安 10200 of 10000: 102.00; over 200 → 200 × 50 / 10000 = 1 exactly → 1 step → +0.1 → 4.1")
c.target(XA, HOSP, 10000)
c.bulk(10200, "兴安盟", counts=(XA, HOSP))
c.expect(XA, "hospital", "10000", "10200", "102.00", "1", "0.1", "4.1")

c = case("im26-2.01-percent-over", H26, ART + " (不足2%视为2%)",
         "兴安 10201 of 10000: 102.01; over 201 → ceil(10050 / 10000 = 1.005) = 2 → +0.2 → 4.2")
c.target(XA, HOSP, 10000)
c.bulk(10201, "兴安盟", counts=(XA, HOSP))
c.expect(XA, "hospital", "10000", "10201", "102.01", "2", "0.2", "4.2")

c = case("im26-40-percent-over", H26, ART + " (最多加2分)",
         "鄂尔多斯 140 of 100: 140.00; over 40 → 40 × 50 / 100 = 20 steps → +2.0 → 6.0")
c.target(EEDS, HOSP, 100)
c.bulk(140, "鄂尔多斯", counts=(EEDS, HOSP))
c.expect(EEDS, "hospital", "100", "140", "140.00", "20", "2.0", "6.0")

c = case("im26-50-percent-over", H26, ART + " (最多加2分; adjustment shown unclamped)",
         "鄂尔多斯 150 of 100: 150.00; over 50 → 2500 / 100 = 25 steps → +2.5 unclamped; completion "
         "4 + clamp(2.5) = 6.0")
c.target(EEDS, HOSP, 100)
c.bulk(150, "鄂尔多斯", counts=(EEDS, HOSP))
c.expect(EEDS, "hospital", "100", "150", "150.00", "25", "2.5", "6.0")

c = case("im26-small-target-7", H26, ART + " (part of 1% / 2% counts as a whole step)",
         "target 7 in four regions. 呼和浩特 6: 600 / 7 = 85.714… → 85.71; ceil(100 / 7 = 14.28…) = 15 → −1.5 → 2.5. "
         "包头 8: 800 / 7 = 114.285… → 114.28; ceil(1 × 50 / 7 = 7.14…) = 8 → +0.8 → 4.8. 赤峰 9: 128.571… → "
         "128.57; ceil(100 / 7) = 15 → +1.5 → 5.5. 通辽 5: 71.428… → 71.42; ceil(200 / 7 = 28.57…) = 29 → −2.9 "
         "→ clamp → 2.0")
for reg, txt, n in ((HH, "呼和浩特", 6), (BT, "包头", 8), (CF, "赤峰", 9), (TL, "通辽", 5)):
    c.target(reg, HOSP, 7)
    c.many(n, txt, "1979-01-10", counts=(reg, HOSP))
c.expect(HH, "hospital", "7", "6", "85.71", "15", "-1.5", "2.5")
c.expect(BT, "hospital", "7", "8", "114.28", "8", "0.8", "4.8")
c.expect(CF, "hospital", "7", "9", "128.57", "15", "1.5", "5.5")
c.expect(TL, "hospital", "7", "5", "71.42", "29", "-2.9", "2.0")

c = case("im26-region-without-members", H26, ART + "; brief: a region with a target and no members has actual 0",
         "乌海 target 30, no members: actual 0, 0.00; ceil(3000 / 30) = 100 → −10.0 unclamped; completion 4 − 2 = 2.0. "
         "锡林郭勒 women's target 4, no members (its hospital 5 of 5 → 0.0): sum −10.0 → 2.0. "
         "阿拉善 5 of 5 → 100.00, 4.0")
c.target(WH, HOSP, 30)
c.target(XL, HOSP, 5)
c.target(XL, WOMEN, 4)
c.target(ALS, HOSP, 5)
c.many(5, "锡林郭勒", "1982-02-02", counts=(XL, HOSP))
c.many(5, "阿拉善", "1981-04-04", counts=(ALS, HOSP))
c.expect(WH, "hospital", "30", "0", "0.00", "100", "-10.0", "2.0")
c.expect(XL, "hospital", "5", "5", "100.00", "0", "0.0", "2.0")
c.expect(XL, "women", "4", "0", "0.00", "100", "-10.0", "2.0")
c.expect(ALS, "hospital", "5", "5", "100.00", "0", "0.0", "4.0")

# ---------------------------------------------------------------- two projects, summed and clamped
c = case("im26-two-projects-summed", H26, ART + "; §8 Decision (sum of the projects' adjustments, then clamp)",
         "呼和浩特 hospital 22 of 20: 110.00, over 2 → ceil(100 / 20) = 5 → +0.5; women 9 of 10: 90.00, "
         "ceil(100 / 10) = 10 → −1.0; sum −0.5 (inside [−2, 2]) → completion 3.5 on both rows")
c.target(HH, HOSP, 20)
c.target(HH, WOMEN, 10)
c.many(22, "呼和浩特", "1978-06-01", project=HOSP, counts=(HH, HOSP))
c.many(9, "呼和浩特", "1985-06-01", male=False, project=WOMEN, counts=(HH, WOMEN))
c.expect(HH, "hospital", "20", "22", "110.00", "5", "0.5", "3.5")
c.expect(HH, "women", "10", "9", "90.00", "10", "-1.0", "3.5")

c = case("im26-two-projects-clamped-up", H26, ART + " (最多加2分); §8 Decision",
         "包头 hospital 26 of 20: 130.00, over 6 → 6 × 50 / 20 = 15 → +1.5; women 12 of 10: 120.00, 2 × 50 / 10 "
         "= 10 → +1.0; sum +2.5 → clamped +2 → 6.0 on both rows (each adjustment shown unclamped)")
c.target(BT, HOSP, 20)
c.target(BT, WOMEN, 10)
c.many(26, "包头", "1978-06-01", project=HOSP, counts=(BT, HOSP))
c.many(12, "包头", "1985-06-01", male=False, project=WOMEN, counts=(BT, WOMEN))
c.expect(BT, "hospital", "20", "26", "130.00", "15", "1.5", "6.0")
c.expect(BT, "women", "10", "12", "120.00", "10", "1.0", "6.0")

c = case("im26-two-projects-clamped-down", H26, ART + " (最多扣2分); §8 Decision",
         "赤峰 hospital 17 of 20: 85.00, short 3 → ceil(300 / 20) = 15 → −1.5; women 9 of 10: 90.00, 10 → −1.0; "
         "sum −2.5 → clamped −2 → 2.0 on both rows")
c.target(CF, HOSP, 20)
c.target(CF, WOMEN, 10)
c.many(17, "赤峰", "1978-06-01", project=HOSP, counts=(CF, HOSP))
c.many(9, "赤峰", "1985-06-01", male=False, project=WOMEN, counts=(CF, WOMEN))
c.expect(CF, "hospital", "20", "17", "85.00", "15", "-1.5", "2.0")
c.expect(CF, "women", "10", "9", "90.00", "10", "-1.0", "2.0")

c = case("im26-sum-before-clamp", H26, "§8 Decision (adjustments unclamped per project, only the sum clamped)",
         "通辽 hospital 15 of 20: 75.00, ceil(500 / 20) = 25 → −2.5; women 12 of 10: 120.00 → +1.0; sum −1.5 → "
         "completion 2.5 (clamping each project first would give −2 + 1 = 3.0)")
c.target(TL, HOSP, 20)
c.target(TL, WOMEN, 10)
c.many(15, "通辽", "1978-06-01", project=HOSP, counts=(TL, HOSP))
c.many(12, "通辽", "1985-06-01", male=False, project=WOMEN, counts=(TL, WOMEN))
c.expect(TL, "hospital", "20", "15", "75.00", "25", "-2.5", "2.5")
c.expect(TL, "women", "10", "12", "120.00", "10", "1.0", "2.5")

c = case("im26-over-and-short-cancel", H26, ART + "; §8 Decision",
         "鄂尔多斯 hospital 22 of 20: 110.00, ceil(2 × 50 / 20) = 5 → +0.5; women 19 of 20: 95.00, "
         "ceil(100 / 20) = 5 → −0.5; sum 0.0 → 4.0")
c.target(EEDS, HOSP, 20)
c.target(EEDS, WOMEN, 20)
c.many(22, "鄂尔多斯", "1978-06-01", project=HOSP, counts=(EEDS, HOSP))
c.many(19, "鄂尔多斯", "1985-06-01", male=False, project=WOMEN, counts=(EEDS, WOMEN))
c.expect(EEDS, "hospital", "20", "22", "110.00", "5", "0.5", "4.0")
c.expect(EEDS, "women", "20", "19", "95.00", "5", "-0.5", "4.0")

# ---------------------------------------------------------------- regions: roll-up, suffixes, unmatched
c = case("im26-sub-region-roll-up", H26, "§8 (a region's targets may include sub-regions); targets 包含地区",
         "呼伦贝尔市总工会 target 20 包含地区 满洲里市总工会: 12 in 呼伦贝尔市总工会 + 8 in 满洲里市总工会 = 20 → "
         "100.00, 4.0. 锡林郭勒盟工会 target 10 包含地区 二连浩特市总工会、锡林浩特市: 5 + 3 + 2 = 10 → 100.00, 4.0 "
         "(without the roll-up: 60.00 and 50.00)")
c.target(HLBE, HOSP, 20, includes="满洲里市总工会")
c.target(XL, HOSP, 10, includes="二连浩特市总工会、锡林浩特市")
c.many(12, "呼伦贝尔市总工会", "1980-01-01", counts=(HLBE, HOSP))
c.many(8, "满洲里市总工会", "1981-01-01", counts=(HLBE, HOSP))
c.many(5, "锡林郭勒盟工会", "1982-01-01", counts=(XL, HOSP))
c.many(3, "二连浩特市总工会", "1983-01-01", counts=(XL, HOSP))
c.many(2, "锡林浩特市", "1984-01-01", counts=(XL, HOSP))
c.expect(HLBE, "hospital", "20", "20", "100.00", "0", "0.0", "4.0")
c.expect(XL, "hospital", "10", "10", "100.00", "0", "0.0", "4.0")

c = case("im26-sub-region-with-suffixes", H26, "§8 roll-up; brief: regions match after removing a union suffix",
         "target 呼伦贝尔市 (→ 呼伦贝尔) 10 包含地区 满洲里 (→ 满洲里): 4 in 呼伦贝尔市总工会 (→ 呼伦贝尔) + 3 in 满洲里市 "
         "+ 3 in 满洲里市总工会 (both → 满洲里) = 10 → 100.00, 4.0; region shown as the targets' text 呼伦贝尔市")
c.target("呼伦贝尔市", HOSP, 10, includes="满洲里")
c.many(4, "呼伦贝尔市总工会", "1980-01-01", counts=("呼伦贝尔市", HOSP))
c.many(3, "满洲里市", "1981-01-01", counts=("呼伦贝尔市", HOSP))
c.many(3, "满洲里市总工会", "1982-01-01", counts=("呼伦贝尔市", HOSP))
c.expect("呼伦贝尔市", "hospital", "10", "10", "100.00", "0", "0.0", "4.0")

c = case("im26-union-suffix-matching", H26, "brief: 市总工会/盟总工会/盟工会/总工会/工会工委/工会, then 市/盟",
         "呼和浩特市总工会 target 6: members 呼和浩特 ×2, 呼和浩特市 ×2, 呼和浩特市总工会 ×2 → 6 → 4.0. 兴安盟工会 "
         "target 4: 兴安盟 ×2, 兴安 ×1, 兴安盟工会 ×1 → 4 → 4.0. 自治区直属机关工会工委 target 2: 自治区直属机关 ×1, "
         "自治区直属机关工会工委 ×1 → 2 → 4.0. 锡林郭勒盟 (target text, → 锡林郭勒) 3: 锡林郭勒盟总工会 ×2, 锡林郭勒 ×1 → "
         "3 → 4.0. Output regions are the targets' texts")
ZS = "自治区直属机关工会工委"
c.target(HH, HOSP, 6)
c.target(XA, HOSP, 4)
c.target(ZS, HOSP, 2)
c.target("锡林郭勒盟", HOSP, 3)
for txt, n in (("呼和浩特", 2), ("呼和浩特市", 2), ("呼和浩特市总工会", 2)):
    c.many(n, txt, "1980-02-01", counts=(HH, HOSP))
for txt, n in (("兴安盟", 2), ("兴安", 1), ("兴安盟工会", 1)):
    c.many(n, txt, "1981-02-01", counts=(XA, HOSP))
for txt in ("自治区直属机关", "自治区直属机关工会工委"):
    c.many(1, txt, "1982-02-01", counts=(ZS, HOSP))
for txt, n in (("锡林郭勒盟总工会", 2), ("锡林郭勒", 1)):
    c.many(n, txt, "1983-02-01", counts=("锡林郭勒盟", HOSP))
c.expect(HH, "hospital", "6", "6", "100.00", "0", "0.0", "4.0")
c.expect(XA, "hospital", "4", "4", "100.00", "0", "0.0", "4.0")
c.expect(ZS, "hospital", "2", "2", "100.00", "0", "0.0", "4.0")
c.expect("锡林郭勒盟", "hospital", "3", "3", "100.00", "0", "0.0", "4.0")

c = case("im26-unmatched-region-not-counted", H26, "§8 actual = members whose unit belongs to the region; brief",
         "包头 hospital target 10: 10 in 包头 → 100.00, 4.0. 5 hospital members in 乌兰察布市 (no target row) and 3 "
         "women's members in 包头 (包头 has no women's target row) count toward nothing and get no score.csv row "
         "(listed in the workbook); warnings only → exit 0")
c.target(BT, HOSP, 10)
c.many(10, "包头", "1980-02-01", counts=(BT, HOSP))
c.many(5, "乌兰察布市", "1981-02-01")
c.many(3, "包头", "1985-02-01", male=False, project=WOMEN)
c.expect(BT, "hospital", "10", "10", "100.00", "0", "0.0", "4.0")

# ---------------------------------------------------------------- eligibility per project
c = case("im26-women-eligibility-under-hospital-rules", H26,
         "§4 (women aged 60 or under, 以下 includes 60; or the wife 配偶 of a hospital member); §8 (each project's own rules)",
         "--rules names the hospital file; women's rows are checked under the 2026 women's rules. Enrolled "
         "2025-09-01. Women's ledger rows: women born 1985, 1995, 1975 (40, 30, 50) → count; woman born "
         "1965-03-01 → 60 → counts (60周岁以下 includes 60); wife (配偶, born 1980, 配偶身份证号 = a hospital man) → "
         "counts; man born 1985 → not eligible; woman born 1963-05-01 → 62 → not eligible. Women 5 of 5 → "
         "100.00, 0.0. Hospital: 5 men of 5 → 100.00. Completion 4.0")
c.target(BT, HOSP, 5)
c.target(BT, WOMEN, 5)
men = c.many(5, "包头", "1979-08-01", project=HOSP, counts=(BT, HOSP))
c.member("包头", "1985-03-03", male=False, project=WOMEN, counts=(BT, WOMEN))
c.member("包头", "1995-04-04", male=False, project=WOMEN, counts=(BT, WOMEN))
c.member("包头", "1975-05-05", male=False, project=WOMEN, counts=(BT, WOMEN))
c.member("包头", "1965-03-01", male=False, project=WOMEN, counts=(BT, WOMEN))
c.member("包头", "1980-06-06", male=False, project=WOMEN, counts=(BT, WOMEN), category="配偶",
         配偶身份证号=men[0])
c.member("包头", "1985-07-07", male=True, project=WOMEN)
c.member("包头", "1963-05-01", male=False, project=WOMEN)
c.expect(BT, "hospital", "5", "5", "100.00", "0", "0.0", "4.0")
c.expect(BT, "women", "5", "5", "100.00", "0", "0.0", "4.0")

c = case("im26-hospital-ineligible-not-counted", H26,
         "§1 art. 1 (in service 16–60, over 60 a warning only; retired ≤ 70 with ≥ 8 or ≥ 10 consecutive years; "
         "spouses are not hospital members)",
         "赤峰 hospital target 5, enrolled 2025-09-01. Count: man born 1985 (40), woman born 1995 (30), man born "
         "1963-03-01 in service (62: warning only), retired born 1960-05-10 (65) 8 years, retired born 1959-05-10 (66) "
         "10 years → 5. Not counted: born 2012-02-02 (13, under 16), 配偶 born 1982 in the hospital project, retired "
         "born 1960-06-10 (65) 5 years, retired born 1954-03-01 (71) 10 years. 5 of 5 → 100.00, 4.0")
c.target(CF, HOSP, 5)
c.member("赤峰", "1985-01-15", counts=(CF, HOSP))
c.member("赤峰", "1995-01-15", male=False, counts=(CF, HOSP))
c.member("赤峰", "1963-03-01", counts=(CF, HOSP))
c.member("赤峰", "1960-05-10", category="退休", etype="续互", years=8, counts=(CF, HOSP))
c.member("赤峰", "1959-05-10", category="退休", etype="续互", years=10, counts=(CF, HOSP))
c.member("赤峰", "2012-02-02")
c.member("赤峰", "1982-02-02", male=False, category="配偶")
c.member("赤峰", "1960-06-10", category="退休", etype="续互", years=5)
c.member("赤峰", "1954-03-01", category="退休", etype="续互", years=10)
c.expect(CF, "hospital", "5", "5", "100.00", "0", "0.0", "4.0")

c = case("w26-empty-project-means-rules-project", W26,
         "brief (empty 项目 = the --rules file's project); §1 art. 1 for hospital rows; §4 for women's rows",
         "--rules names the 2026 women's file: rows with empty 项目 are women's. 通辽 women's target 3: 3 women "
         "(empty 项目) aged 35–45 → count; a man with empty 项目 → women's, not eligible. Hospital target 3 (rows "
         "项目 住院医疗, checked under the 2026 hospital rules): 3 men → count; a boy born 2011-05-05 (14) and a 配偶 "
         "→ not eligible. Both 3 of 3 → 100.00; completion 4.0")
c.target(TL, HOSP, 3)
c.target(TL, WOMEN, 3)
c.many(3, "通辽", "1980-09-01", project=HOSP, counts=(TL, HOSP))
c.member("通辽", "2011-05-05", project=HOSP)
c.member("通辽", "1983-05-05", male=False, project=HOSP, category="配偶")
c.many(3, "通辽", "1985-09-01", male=False, counts=(TL, WOMEN))
c.member("通辽", "1986-09-01", male=True)
c.expect(TL, "hospital", "3", "3", "100.00", "0", "0.0", "4.0")
c.expect(TL, "women", "3", "3", "100.00", "0", "0.0", "4.0")

c = case("im26-repeated-id-counted-once", H26,
         "§4 one share per person per period; brief: a repeated row of the same ID in a project counts once, "
         "and is an input error (exit 1)",
         "包头 hospital target 3: members A, B, C and A again → 3 distinct → 100.00, 4.0 (4 of 3 would be 133.33); "
         "the repeat is an input error → exit 1", exit_codes=(1,))
c.target(BT, HOSP, 3)
a = c.member("包头", "1980-01-01", counts=(BT, HOSP))
c.many(2, "包头", "1982-01-01", counts=(BT, HOSP))
c.member("包头", "1980-01-01", idn=a)
c.expect(BT, "hospital", "3", "3", "100.00", "0", "0.0", "4.0")

c = case("im26-same-person-in-both-projects", H26,
         "brief: the same person may count once in each project; §4 (women's scheme is separate)",
         "呼和浩特: woman W (born 1984) in 住院医疗 and in 女性馨康, man M in 住院医疗. Hospital 2 of 2 → 100.00; "
         "women 1 of 1 → 100.00; 4.0; not a repeat (different projects) → exit 0")
c.target(HH, HOSP, 2)
c.target(HH, WOMEN, 1)
w = c.member("呼和浩特", "1984-04-04", male=False, project=HOSP, counts=(HH, HOSP))
c.member("呼和浩特", "1980-04-04", project=HOSP, counts=(HH, HOSP))
c.member("呼和浩特", "1984-04-04", male=False, project=WOMEN, counts=(HH, WOMEN), idn=w)
c.expect(HH, "hospital", "2", "2", "100.00", "0", "0.0", "4.0")
c.expect(HH, "women", "1", "1", "100.00", "0", "0.0", "4.0")

c = case("im26-bad-id-not-counted", H26, "data contract: ID check digit validated (GB 11643); exit 1 for invalid rows",
         "阿拉善 hospital target 3: 3 valid members + 1 with a wrong check character (input error, not counted) → "
         "3 of 3 → 100.00, 4.0 (133.33 if it counted); exit 1", exit_codes=(1,))
c.target(ALS, HOSP, 3)
c.many(3, "阿拉善盟", "1980-01-01", counts=(ALS, HOSP))
c.member("阿拉善盟", "1984-08-18", idn=bad_check(id_number(AREA, date(1984, 8, 18), True, 300)))
c.expect(ALS, "hospital", "3", "3", "100.00", "0", "0.0", "4.0")

# ---------------------------------------------------------------- manual scores and totals
c = case("im26-manual-scores-and-totals", H26,
         "§8 (other four items from the manual sheet, total out of 10); 000 attachment 4 items 1, 3, 4, 5; brief",
         "呼和浩特 hospital 10 of 10, women 5 of 5 → 4.0; manual row 呼和浩特: 1 + 0.8 + 1 + 0.5 = 3.3 → total 7.3 on "
         "both rows. 包头 hospital 9 of 10 → 90.00, 10 steps, −1.0 → 3.0; manual 包头市: 1 + 1 + (日常管理 empty = 0) "
         "+ 0.5 = 2.5 → 5.5. 乌海 11 of 10 → 110.00, ceil(50 / 10) = 5, +0.5 → 4.5; no manual row → 0.0 (warning), "
         "total 4.5. 鄂尔多斯 15 of 10 → 150.00, 25 steps, +2.5 → 6.0; manual 1,1,1,1 → 4.0 → total 10.0. Exit 0")
c.target(HH, HOSP, 10)
c.target(HH, WOMEN, 5)
c.target(BT, HOSP, 10)
c.target(WH, HOSP, 10)
c.target(EEDS, HOSP, 10)
c.many(10, "呼和浩特", "1980-01-01", project=HOSP, counts=(HH, HOSP))
c.many(5, "呼和浩特", "1986-01-01", male=False, project=WOMEN, counts=(HH, WOMEN))
c.many(9, "包头", "1981-01-01", project=HOSP, counts=(BT, HOSP))
c.many(11, "乌海", "1982-01-01", project=HOSP, counts=(WH, HOSP))
c.many(15, "鄂尔多斯", "1983-01-01", project=HOSP, counts=(EEDS, HOSP))
c.manual_row("呼和浩特", "1", "0.8", "1", "0.5")
c.manual_row("包头市", "1", "1", None, "0.5")
c.manual_row("鄂尔多斯市总工会", "1", "1", "1", "1")
c.expect(HH, "hospital", "10", "10", "100.00", "0", "0.0", "4.0", "3.3", "7.3")
c.expect(HH, "women", "5", "5", "100.00", "0", "0.0", "4.0", "3.3", "7.3")
c.expect(BT, "hospital", "10", "9", "90.00", "10", "-1.0", "3.0", "2.5", "5.5")
c.expect(WH, "hospital", "10", "11", "110.00", "5", "0.5", "4.5", "0.0", "4.5")
c.expect(EEDS, "hospital", "10", "15", "150.00", "25", "2.5", "6.0", "4.0", "10.0")

c = case("im26-manual-with-lowest-completion", H26, "§8; brief (total = completion + manual, one decimal)",
         "通辽 hospital 0 of 8 → 0.00, 100 steps, −10.0 → 2.0; manual 0.5 + 0.5 + 0.5 + 0.5 = 2.0 → total 4.0. "
         "赤峰 8 of 8 → 4.0; manual 0, 0.9, 0.7, 0 → 1.6 → total 5.6")
c.target(TL, HOSP, 8)
c.target(CF, HOSP, 8)
c.many(8, "赤峰", "1981-01-01", counts=(CF, HOSP))
c.manual_row("通辽", "0.5", "0.5", "0.5", "0.5")
c.manual_row("赤峰", "0", "0.9", "0.7", "0")
c.expect(TL, "hospital", "8", "0", "0.00", "100", "-10.0", "2.0", "2.0", "4.0")
c.expect(CF, "hospital", "8", "8", "100.00", "0", "0.0", "4.0", "1.6", "5.6")

# ---------------------------------------------------------------- renewal rate
c = case("im21-renewal-exactly-95-pass", H21, "§8 Decision; 001 (各盟市续会率不得低于95%: 不低于 = ≥)",
         "2021 hospital, enrolled 2021-06-01. 呼和浩特 target 20, 上年参互人数 20: 19 续互 (2 years) + 1 新参互 = 20 → "
         "100.00, 4.0; renewal 19 / 20 = 95.00 → pass true")
c.target(HH, HOSP, 20, last_year=20)
c.many(19, "呼和浩特", "1980-01-01", etype="续互", years=2, counts=(HH, HOSP))
c.member("呼和浩特", "1990-01-01", etype="新参互", counts=(HH, HOSP))
c.expect(HH, "hospital", "20", "20", "100.00", "0", "0.0", "4.0", renewal="95.00", renewal_pass="true")

c = case("im21-renewal-just-below-95-fail", H21, "§8 Decision; 001 (续会率不得低于95%); brief (truncated)",
         "包头 target 2000, 上年参互人数 1999: 1899 续互 + 101 新参互 = 2000 → 100.00, 4.0; renewal 1899 / 1999 = "
         "94.997… → 94.99 (truncated; rounding would show 95.00) and 189900 < 95 × 1999 = 189905 → false. "
         "赤峰 target 10, no 上年参互人数: 10 members → renewal and pass empty")
c.target(BT, HOSP, 2000, last_year=1999)
c.target(CF, HOSP, 10)
c.bulk(1899, "包头", etype="续互", years=2, counts=(BT, HOSP))
c.bulk(101, "包头", etype="新参互", counts=(BT, HOSP), born="1990-01-01")
c.many(10, "赤峰", "1980-01-01", counts=(CF, HOSP))
c.expect(BT, "hospital", "2000", "2000", "100.00", "0", "0.0", "4.0", renewal="94.99", renewal_pass="false")
c.expect(CF, "hospital", "10", "10", "100.00", "0", "0.0", "4.0")

c = case("im21-formula-applied", H21, "§8 Decision (000 attachment 4 applied to 2021 as well)",
         "2021 hospital. 兴安 target 100: 80 → 80.00, 20 steps, −2.0 → 2.0. 鄂尔多斯 target 100: 150 → 150.00, "
         "25 steps, +2.5 → 6.0. 乌海 target 40, 上年参互人数 50, 40 members of which 30 续互: renewal 30 / 50 = 60.00, "
         "false; 40 of 40 → 4.0")
c.target(XA, HOSP, 100)
c.target(EEDS, HOSP, 100)
c.target(WH, HOSP, 40, last_year=50)
c.bulk(80, "兴安盟", counts=(XA, HOSP))
c.bulk(150, "鄂尔多斯", counts=(EEDS, HOSP))
c.bulk(30, "乌海", etype="续互", years=2, counts=(WH, HOSP))
c.bulk(10, "乌海", counts=(WH, HOSP), born="1990-01-01")
c.expect(XA, "hospital", "100", "80", "80.00", "20", "-2.0", "2.0")
c.expect(EEDS, "hospital", "100", "150", "150.00", "25", "2.5", "6.0")
c.expect(WH, "hospital", "40", "40", "100.00", "0", "0.0", "4.0", renewal="60.00", renewal_pass="false")

c = case("im26-renewal-shown-without-pass", H26, "brief (renewal_pass only for 2021 rules)",
         "呼和浩特 hospital 10 of 10, 上年参互人数 10: 8 续互 → 80.00, pass empty; women 5 of 5, 上年参互人数 4: "
         "3 续互 → 3 / 4 = 75.00, pass empty; completion 4.0")
c.target(HH, HOSP, 10, last_year=10)
c.target(HH, WOMEN, 5, last_year=4)
c.many(8, "呼和浩特", "1980-01-01", project=HOSP, etype="续互", years=2, counts=(HH, HOSP))
c.many(2, "呼和浩特", "1990-01-01", project=HOSP, etype="新参互", counts=(HH, HOSP))
c.many(3, "呼和浩特", "1981-01-01", male=False, project=WOMEN, etype="续互", years=2, counts=(HH, WOMEN))
c.many(2, "呼和浩特", "1991-01-01", male=False, project=WOMEN, counts=(HH, WOMEN))
c.expect(HH, "hospital", "10", "10", "100.00", "0", "0.0", "4.0", renewal="80.00")
c.expect(HH, "women", "5", "5", "100.00", "0", "0.0", "4.0", renewal="75.00")

# ---------------------------------------------------------------- 2024
c = case("w24-both-projects-2024-eligibility", W24,
         "§8; §2 (2024 hospital: new units enrol in-service members only); §4 (women's eligibility)",
         "--rules names the 2024 women's file; enrolled 2024-04-10. 鄂尔多斯 hospital 9 men of target 10 → 90.00, "
         "ceil(100 / 10) = 10 → −1.0; a retired 新参互 member (born 1962, 8 years) → not eligible under 2024 "
         "hospital. Women 11 of 10 → 110.00, ceil(1 × 50 / 10) = 5 → +0.5; a man in 女性馨康 → not eligible. "
         "Sum −0.5 → 3.5")
c.target(EEDS, HOSP, 10)
c.target(EEDS, WOMEN, 10)
c.many(9, "鄂尔多斯", "1980-01-01", project=HOSP, counts=(EEDS, HOSP))
c.member("鄂尔多斯", "1962-01-01", project=HOSP, category="退休", etype="新参互", years=8)
c.many(11, "鄂尔多斯", "1985-01-01", male=False, project=WOMEN, counts=(EEDS, WOMEN))
c.member("鄂尔多斯", "1986-01-01", project=WOMEN)
c.expect(EEDS, "hospital", "10", "9", "90.00", "10", "-1.0", "3.5")
c.expect(EEDS, "women", "10", "11", "110.00", "5", "0.5", "3.5")

c = case("im24-hospital-rules-both-projects", H24, ART + "; §8 (every project of the year with targets)",
         "--rules names the 2024 hospital file; women's rows checked under 2024 women's. 巴彦淖尔 hospital 52 of 50 "
         "→ 104.00, 2 × 50 / 50 = 2 → +0.2; women 18 of 20 → 90.00, ceil(200 / 20) = 10 → −1.0; sum −0.8 → 3.2")
c.target(BYNE, HOSP, 50)
c.target(BYNE, WOMEN, 20)
c.many(52, "巴彦淖尔", "1980-01-01", project=HOSP, counts=(BYNE, HOSP))
c.many(18, "巴彦淖尔", "1985-01-01", male=False, project=WOMEN, counts=(BYNE, WOMEN))
c.expect(BYNE, "hospital", "50", "52", "104.00", "2", "0.2", "3.2")
c.expect(BYNE, "women", "20", "18", "90.00", "10", "-1.0", "3.2")

# ---------------------------------------------------------------- order and two ledgers
c = case("im26-row-order-and-two-member-files", H26,
         "brief (target file order, hospital row before women's row within a region); data contract (--members repeatable)",
         "targets list 兴安 女性馨康 5, 兴安 住院医疗 5, 通辽 住院医疗 5 → rows 兴安 hospital, 兴安 women, 通辽 hospital. "
         "File 1: 5 men in 兴安 and 5 in 通辽 with empty 项目 (→ hospital under --rules hospital); file 2: 5 women "
         "in 兴安 with 项目 女性馨康. All 5 of 5 → 100.00, 4.0")
c.target(XA, WOMEN, 5)
c.target(XA, HOSP, 5)
c.target(TL, HOSP, 5)
c.many(5, "兴安盟", "1980-01-01", counts=(XA, HOSP))
c.many(5, "通辽", "1981-01-01", counts=(TL, HOSP))
c.many(5, "兴安盟", "1985-01-01", male=False, project=WOMEN, counts=(XA, WOMEN), second_file=True)
c.expect(XA, "hospital", "5", "5", "100.00", "0", "0.0", "4.0")
c.expect(XA, "women", "5", "5", "100.00", "0", "0.0", "4.0")
c.expect(TL, "hospital", "5", "5", "100.00", "0", "0.0", "4.0")


def dump(cases):
    """Indented JSON, one line per input row and per expected row, to keep the file readable."""
    def one(v):
        return json.dumps(v, ensure_ascii=False)
    parts = []
    for c in cases:
        lines = [" {"]
        for k, v in c.items():
            if k in ("members", "members_extra", "bulk", "targets", "manual", "expected") and v:
                body = ",\n".join("   " + one(r) for r in v)
                lines.append(f"  {one(k)}: [\n{body}\n  ],")
            else:
                lines.append(f"  {one(k)}: {one(v)},")
        lines[-1] = lines[-1].rstrip(",")
        parts.append("\n".join(lines) + "\n }")
    text = "[\n" + ",\n".join(parts) + "\n]\n"
    assert json.loads(text) == cases
    return text


def main():
    for c in CASES:
        selfcheck(c)
    ids = [c.cid for c in CASES]
    assert len(ids) == len(set(ids))
    out = Path(__file__).with_name("cases.json")
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write(dump([c.to_json() for c in CASES]))
    rows = sum(len(c.members) + len(c.members2) + sum(b["count"] for b in c.bulks) for c in CASES)
    print(f"{out}: {len(CASES)} cases, {rows} member rows ({sum(len(c.members) + len(c.members2) for c in CASES)} explicit)")


if __name__ == "__main__":
    main()
