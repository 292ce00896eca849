#!/usr/bin/env python3
"""Writes tests/acceptance/ratio/cases.json: hand-worked acceptance cases for `huzhu ratio`.

Every expected value below is a literal worked out by hand from ../shared/docs/rules-reference.md
(§1–§7 and the Decision lines) and ../shared/docs/data-contract.md, with the arithmetic in each case's
`explanation`. Nothing here calls, imports or mirrors the product's code. The script only builds the
input rows (valid GB 11643 ID numbers, bulk members for large units) and runs three bookkeeping checks
on its own literals (rows per unit = participants + ineligible; new + renewed = participants;
premium = personal + subsidy), so a typo in a literal fails here rather than in the product's test.

Deterministic, Python 3 standard library only:
    python3 tests/acceptance/ratio/make_cases.py      # rewrites cases.json beside this file
"""
import json
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CHECK = "10X98765432"

IM, HY, WJ = "150102", "430405", "320412"  # 呼和浩特新城区, 衡阳珠晖区, 常州武进区

H26, H24, H21 = "inner-mongolia/2026/hospital", "inner-mongolia/2024/hospital", "inner-mongolia/2021/hospital"
W26, W24 = "inner-mongolia/2026/women", "inner-mongolia/2024/women"
HENG, WUJ = "hengyang/2021/hospital", "wujin/2024/hospital"


def check_char(body17):
    return CHECK[sum(int(d) * w for d, w in zip(body17, WEIGHTS)) % 11]


def id_number(area, birth, male, seq):
    """seq 0..449 picks digits 15–17; the 17th digit is odd for a man, even for a woman."""
    assert 0 <= seq < 450
    body = f"{area}{birth.strftime('%Y%m%d')}{100 + 2 * seq + (1 if male else 0):03d}"
    return body + check_char(body)


def bad_check(idn):
    """The same number with a wrong check character."""
    good = idn[-1]
    wrong = next(c for c in "0123456789X" if c != good)
    return idn[:-1] + wrong


class Case:
    def __init__(self, cid, rules, article, explanation, exit_codes=(0,)):
        self.cid, self.rules, self.article, self.explanation = cid, rules, article, explanation
        self.exit_codes = list(exit_codes)
        self.members, self.units, self.expected = [], [], {}
        self.area = HY if rules == HENG else WJ if rules == WUJ else IM
        self.seq = 0
        self.names = {}

    def unit(self, code, name, region, employees, female=None, eligible=None):
        u = {"单位编码": code, "单位名称": name, "所属地区": region, "在职职工人数": employees}
        if female is not None:
            u["在职女职工人数"] = female
        if eligible is not None:
            u["符合条件人数"] = eligible
        self.units.append(u)
        self.names[code] = (name, region)

    def member(self, unit, birth, male=True, category="在职", etype=None, enrolled=None, years=None,
               sex=None, idn=None, name=None, **extra):
        """One ledger row; returns its ID number. birth is 'YYYY-MM-DD'."""
        if idn is None:
            idn = id_number(self.area, date.fromisoformat(birth), male, self.seq % 450)
            self.seq += 1
        uname, region = self.names.get(unit, ("", ""))
        row = {"身份证号": idn, "姓名": name or f"会员{len(self.members) + 1}", "单位编码": unit,
               "单位名称": uname, "所属地区": region, "人员类别": category}
        if etype is not None:
            row["参互类型"] = etype
        if enrolled is not None:
            row["参互日期"] = enrolled
        if years is not None:
            row["连续参互年数"] = str(years)
        if sex is not None:
            row["性别"] = sex
        if self.rules == HENG:
            row["医保类型"] = "城镇职工"
        if self.rules == WUJ:
            row["工会卡号"] = f"32041000{len(self.members) + 1:08d}"
        row.update(extra)
        self.members.append(row)
        return idn

    def bulk(self, unit, n, male=True, enrolled=None, etype=None, first_birth=date(1986, 4, 1)):
        """n in-service members aged 35–40, distinct IDs: 400 per birth date, then the next day."""
        for i in range(n):
            birth = first_birth + timedelta(days=i // 400)
            idn = id_number(self.area, birth, male, 25 + i % 400)
            self.member(unit, birth.isoformat(), male=male, enrolled=enrolled, etype=etype, idn=idn)

    def expect(self, unit, **cols):
        e = {}
        if unit in self.names:
            e["unit_name"], e["region"] = self.names[unit]
        for k, v in cols.items():
            e[{"act": "participants_active", "ret": "participants_retired", "sp": "participants_spouse",
               "ratio": "ratio_percent", "thr": "threshold_percent", "prem": "premium_total",
               "pers": "personal_total", "sub": "subsidy_total", "inel": "ineligible", "new": "members_new",
               "ren": "members_renewed", "short": "shortfall", "passed": "pass"}.get(k, k)] = v
        self.expected[unit] = e

    def to_json(self):
        return {"id": self.cid, "rules": self.rules, "article": self.article,
                "explanation": self.explanation, "members": self.members, "units": self.units,
                "expected": self.expected, "exit_codes": self.exit_codes}


def bookkeeping(case):
    """Checks the literals against each other and against the rows built; not a rule engine."""
    for code, e in case.expected.items():
        where = f"{case.cid} {code}"
        rows = sum(1 for m in case.members if m["单位编码"] == code)
        if all(k in e for k in ("participants_active", "participants_retired", "participants_spouse",
                                 "ineligible")):
            parts = sum(int(e[k]) for k in ("participants_active", "participants_retired",
                                            "participants_spouse"))
            assert parts + int(e["ineligible"]) == rows, f"{where}: {rows} rows, literals say otherwise"
            if "members_new" in e:
                assert int(e["members_new"]) + int(e["members_renewed"]) == parts, where
        if all(k in e for k in ("premium_total", "personal_total", "subsidy_total")):
            assert Decimal(e["premium_total"]) == Decimal(e["personal_total"]) + Decimal(e["subsidy_total"]), where
        for k in ("premium_total", "personal_total", "subsidy_total"):
            if k in e:
                assert e[k].count(".") == 1 and len(e[k].split(".")[1]) == 2, where
        assert e.get("pass", "false") in ("true", "false"), where
    assert set(case.exit_codes) <= {0, 1}
    ids = [m["身份证号"] for m in case.members]
    if "duplicate" not in case.cid:
        assert len(ids) == len(set(ids)), f"{case.cid}: unintended repeated ID number"


CASES = []


def case(*a, **kw):
    c = Case(*a, **kw)
    CASES.append(c)
    return c


# ---------------------------------------------------------------- IM 2026 hospital (§1, §7)
c = case("im26-ratio-75.00-exact-pass", H26, "§1 art. 1 (75%（含）); §7 exact integer comparison",
         "U1 base 4 (< 500 → 75%): 3 × 100 = 300 ≥ 75 × 4 = 300 → pass, ratio 75.00, shortfall ceil(3) − 3 = 0; "
         "premium (art. 6) 3 × 100.00 = 300.00 = 3 × 90.00 personal 270.00 + 3 × 10.00 subsidy 30.00; "
         "参互类型 blank → 新参互: new 3")
c.unit("U1", "呼和浩特市第一热电厂", "呼和浩特", "4")
for b in ("1980-02-03", "1985-07-19", "1991-11-30"):
    c.member("U1", b, enrolled="2025-09-01", sex="男")
c.expect("U1", project="hospital", base="4", act="3", ret="0", sp="0", ratio="75.00", thr="75.00",
         passed="true", short="0", prem="300.00", pers="270.00", sub="30.00", inel="0", new="3", ren="0")

c = case("im26-ratio-66.66-truncated", H26, "§1 art. 1; brief: ratio truncated to 2 decimals",
         "U1 base 3: 2 × 100 / 3 = 66.666… → 66.66 (truncated, not 66.67); 200 < 75 × 3 = 225 → fail; "
         "shortfall ceil(0.75 × 3 = 2.25) = 3 − 2 = 1; premium 200.00 = 180.00 + 20.00")
c.unit("U1", "包头钢铁集团机修厂", "包头", "3")
c.member("U1", "1979-03-03", enrolled="2025-08-15")
c.member("U1", "1988-12-12", male=False, enrolled="2025-08-15")
c.expect("U1", project="hospital", base="3", act="2", ratio="66.66", thr="75.00", passed="false", short="1",
         prem="200.00", pers="180.00", sub="20.00", inel="0")

c = case("im26-shortfall-ceiling-and-unit-only-in-units-file", H26, "§7 shortfall = ceil(threshold × base) − participants",
         "U1 base 10, 7 in service: ratio 70.00; 700 < 75 × 10 = 750 → fail; shortfall ceil(7.5) = 8 − 7 = 1; "
         "premium 7 × 100.00 = 700.00 = 630.00 + 70.00. U2 only in the units file (10 employees, nobody "
         "enrolled): kept with 0 participants, ratio 0.00, fail, shortfall ceil(7.5) − 0 = 8, premiums 0.00")
c.unit("U1", "呼和浩特市自来水公司", "呼和浩特", "10")
c.unit("U2", "呼和浩特市公交三公司", "呼和浩特", "10")
for i in range(7):
    c.member("U1", f"198{i}-05-0{i + 1}", enrolled="2025-10-10")
c.expect("U1", base="10", act="7", ratio="70.00", thr="75.00", passed="false", short="1",
         prem="700.00", pers="630.00", sub="70.00", inel="0")
c.expect("U2", project="hospital", base="10", act="0", ret="0", sp="0", ratio="0.00", thr="75.00",
         passed="false", short="8", prem="0.00", pers="0.00", sub="0.00", inel="0", new="0", ren="0")

c = case("im26-500-employees-70.00-pass", H26, "§1 art. 1 (500人以上 ≥ 500 → 70%（含）)",
         "U1 base 500 ≥ 500 → 70%: 350 × 100 = 35000 ≥ 70 × 500 = 35000 → pass, ratio 70.00, shortfall 0; "
         "premium 350 × 100.00 = 35000.00 = 350 × 90.00 = 31500.00 + 350 × 10.00 = 3500.00")
c.unit("U1", "内蒙古电力集团", "呼和浩特", "500")
c.bulk("U1", 350, enrolled="2025-09-01")
c.expect("U1", base="500", act="350", ret="0", sp="0", ratio="70.00", thr="70.00", passed="true", short="0",
         prem="35000.00", pers="31500.00", sub="3500.00", inel="0", new="350", ren="0")

c = case("im26-499-employees-75", H26, "§1 art. 1 (fewer than 500 → 75%)",
         "U1 base 499 < 500 → 75%: 350 × 100 / 499 = 70.140… → 70.14; 35000 < 75 × 499 = 37425 → fail; "
         "shortfall ceil(0.75 × 499 = 374.25) = 375 − 350 = 25; premium 35000.00 = 31500.00 + 3500.00")
c.unit("U1", "包头市第四医院", "包头", "499")
c.bulk("U1", 350, male=False, enrolled="2025-09-01")
c.expect("U1", base="499", act="350", ratio="70.14", thr="75.00", passed="false", short="25",
         prem="35000.00", pers="31500.00", sub="3500.00", inel="0")

c = case("im26-69.99-fail-1003", H26, "§1 art. 1 (70%（含）); §7 exact integer comparison",
         "U1 base 1003 ≥ 500 → 70%: 702 × 100 / 1003 = 69.990… → 69.99; 70200 < 70 × 1003 = 70210 → fail; "
         "shortfall ceil(0.70 × 1003 = 702.1) = 703 − 702 = 1; premium 702 × 100.00 = 70200.00 = "
         "702 × 90.00 = 63180.00 + 702 × 10.00 = 7020.00")
c.unit("U1", "包钢集团稀土公司", "包头", "1003")
c.bulk("U1", 702, enrolled="2025-11-01")
c.expect("U1", base="1003", act="702", ratio="69.99", thr="70.00", passed="false", short="1",
         prem="70200.00", pers="63180.00", sub="7020.00", inel="0", new="702", ren="0")

c = case("im26-base-0", H26, "§7; brief: ratio 0.00 when base is 0",
         "U1 base 0, nobody enrolled: ratio 0.00; 0 × 100 = 0 ≥ 75 × 0 = 0 → pass; shortfall ceil(0) − 0 = 0; "
         "premiums 0.00. U2 (so the ledger is not empty): 1 of 1 → 100.00, premium 100.00")
c.unit("U1", "呼和浩特市某办事处", "呼和浩特", "0")
c.unit("U2", "呼和浩特市某街道", "呼和浩特", "1")
c.member("U2", "1984-04-14", enrolled="2025-09-01")
c.expect("U2", base="1", act="1", ratio="100.00", thr="75.00", passed="true", short="0", prem="100.00")
c.expect("U1", project="hospital", base="0", act="0", ret="0", sp="0", ratio="0.00", thr="75.00",
         passed="true", short="0", prem="0.00", pers="0.00", sub="0.00", inel="0")

c = case("im26-retired-consecutive-and-age", H26, "§1 art. 1 (retired: aged ≤ 70 and consecutive ≥ 8, or ≥ 10)",
         "enrolled 2025-09-01 (age at that date). Retired: R1 born 1960-05-10 age 65, 8 years → eligible; "
         "R2 age 65, 7 years → ineligible; R3 born 1956-03-01 age 69, 12 years → eligible; R4 born "
         "1954-03-01 age 71, 10 years → ineligible (the ≤ 70 limit covers both branches: 参互年龄不超过70（含）周岁). "
         "Ratio counts in-service only: 3 of base 4 → 75.00 pass. Premium 3 × 100.00 + 2 × 400.00 = 1100.00; "
         "personal 3 × 90.00 + 2 × 390.00 = 1050.00; subsidy 5 × 10.00 = 50.00; new 3 (in-service), renewed 2")
c.unit("U1", "呼和浩特铁路局车辆段", "呼和浩特", "4")
for b in ("1975-01-20", "1982-06-06", "1990-09-09"):
    c.member("U1", b, enrolled="2025-09-01", etype="新参互")
c.member("U1", "1960-05-10", category="退休", etype="续互", enrolled="2025-09-01", years=8)
c.member("U1", "1960-05-11", category="退休", etype="续互", enrolled="2025-09-01", years=7)
c.member("U1", "1956-03-01", category="退休", etype="续互", enrolled="2025-09-01", years=12)
c.member("U1", "1954-03-01", category="退休", etype="续互", enrolled="2025-09-01", years=10)
c.expect("U1", base="4", act="3", ret="2", sp="0", ratio="75.00", thr="75.00", passed="true", short="0",
         prem="1100.00", pers="1050.00", sub="50.00", inel="2", new="3", ren="2")

c = case("im26-retired-age-70-boundary", H26, "§1 art. 1 (不超过70（含）周岁); general conventions: age at period start when no enrolment date",
         "no 参互日期 → age at 2026-01-01. Retired born 1955-01-02: 70 (71st birthday on 2026-01-02) → "
         "eligible; retired born 1955-01-01: 71 → ineligible; both 8 years. In service 1 of base 1 → 100.00. "
         "Premium 100.00 + 400.00 = 500.00 = 90.00 + 390.00 personal 480.00 + subsidy 20.00")
c.unit("U1", "鄂尔多斯市东胜区总工会", "鄂尔多斯", "1")
c.member("U1", "1990-01-01")
c.member("U1", "1955-01-02", category="退休", etype="续互", years=8)
c.member("U1", "1955-01-01", category="退休", etype="续互", years=8)
c.expect("U1", base="1", act="1", ret="1", ratio="100.00", thr="75.00", passed="true", short="0",
         prem="500.00", pers="480.00", sub="20.00", inel="1", new="1", ren="1")

c = case("im26-age-at-enrolment-date", H26, "general conventions (age at the enrolment date); §1 art. 1",
         "R1 retired born 1954-10-01 enrolled 2025-09-01: 70 at enrolment (71 only on 2025-10-01) → eligible "
         "(at 2026-01-01 he would be 71). A2 born 2009-12-01 enrolled 2025-11-20: 15 at enrolment → "
         "ineligible (16 by 2026-01-01). A1 1 of base 1 → 100.00. Premium 100.00 + 400.00 = 500.00 = 480.00 + 20.00")
c.unit("U1", "赤峰市红山区总工会", "赤峰", "1")
c.member("U1", "1988-04-04", enrolled="2025-09-01")
c.member("U1", "1954-10-01", category="退休", etype="续互", enrolled="2025-09-01", years=8)
c.member("U1", "2009-12-01", enrolled="2025-11-20")
c.expect("U1", base="1", act="1", ret="1", ratio="100.00", thr="75.00", passed="true", short="0",
         prem="500.00", pers="480.00", sub="20.00", inel="1")

c = case("im26-under-16", H26, "§1 art. 1 (16至60周岁)",
         "no 参互日期 → age at 2026-01-01: born 2010-01-01 → 16 → eligible; born 2010-01-02 → 15 → "
         "ineligible; born 1990-06-15 → eligible. 2 of base 2 → 100.00 pass; premium 200.00 = 180.00 + 20.00")
c.unit("U1", "通辽市职业学院", "通辽", "2")
c.member("U1", "2010-01-01")
c.member("U1", "2010-01-02")
c.member("U1", "1990-06-15")
c.expect("U1", base="2", act="2", ratio="100.00", thr="75.00", passed="true", short="0",
         prem="200.00", pers="180.00", sub="20.00", inel="1")

c = case("im26-over-60-in-service-is-warning", H26, "§1 art. 1 (delayed retirement: over 60 in service is a warning)",
         "man born 1964-06-01 enrolled 2025-09-01 is 61: warning only, counted; woman born 1969-05-01 (56, "
         "past a possible retirement age 55): warning only, counted. 2 of base 2 → 100.00; premium 200.00; exit 0")
c.unit("U1", "乌海市矿业公司", "乌海", "2")
c.member("U1", "1964-06-01", enrolled="2025-09-01")
c.member("U1", "1969-05-01", male=False, enrolled="2025-09-01")
c.expect("U1", base="2", act="2", ratio="100.00", thr="75.00", passed="true", short="0",
         prem="200.00", pers="180.00", sub="20.00", inel="0")

c = case("im26-enrolment-outside-window-is-warning", H26, "§1 art. 4 (window 2025-07-01 to 2025-12-10: warning)",
         "enrolled 2025-06-30 and 2025-12-11, both outside the window: warnings, both counted. 2 of base 2 → "
         "100.00; premium 200.00 = 180.00 + 20.00; exit 0")
c.unit("U1", "巴彦淖尔市农垦公司", "巴彦淖尔", "2")
c.member("U1", "1983-03-03", enrolled="2025-06-30")
c.member("U1", "1984-04-04", enrolled="2025-12-11")
c.expect("U1", base="2", act="2", ratio="100.00", thr="75.00", passed="true", short="0",
         prem="200.00", pers="180.00", sub="20.00", inel="0")

c = case("im26-spouse-not-eligible-in-hospital-scheme", H26, "§1 art. 1 (in-service and retired only); §4 (spouses belong to the women's scheme)",
         "A1 in service 1 of base 1 → 100.00; a 配偶 row in the hospital ledger is ineligible: not a "
         "participant (spouse 0), no premium; premium 100.00 = 90.00 + 10.00; exit 0")
c.unit("U1", "兴安盟电业局", "兴安盟", "1")
husband = c.member("U1", "1980-08-08", enrolled="2025-09-01")
c.member("U1", "1982-02-02", male=False, category="配偶", enrolled="2025-09-01", 配偶身份证号=husband)
c.expect("U1", base="1", act="1", ret="0", sp="0", ratio="100.00", thr="75.00", passed="true", short="0",
         prem="100.00", pers="90.00", sub="10.00", inel="1")

c = case("im26-duplicate-id-same-unit", H26, "§4 one share per person per period; brief: first row counts",
         "A appears twice: the first row counts, the second is ineligible (input error → exit 1). 2 distinct "
         "members of base 2 → 100.00; premium 2 × 100.00 = 200.00 = 180.00 + 20.00", exit_codes=(1,))
c.unit("U1", "锡林郭勒盟煤炭公司", "锡林郭勒", "2")
a = c.member("U1", "1981-01-11", enrolled="2025-09-01")
c.member("U1", "1986-06-16", enrolled="2025-09-01")
c.member("U1", "1981-01-11", enrolled="2025-09-02", idn=a)
c.expect("U1", base="2", act="2", ratio="100.00", thr="75.00", passed="true", short="0",
         prem="200.00", pers="180.00", sub="20.00", inel="1")

c = case("im26-duplicate-id-across-units", H26, "brief: a second row of the same ID is ineligible, first counts",
         "A enrolled in U1 then again in U2: U1 counts him (1 of 1 → 100.00, premium 100.00); U2's row is "
         "ineligible: 0 of base 1 → 0.00, fail, shortfall ceil(0.75) − 0 = 1, premium 0.00; exit 1",
         exit_codes=(1,))
c.unit("U1", "阿拉善盟盐化公司", "阿拉善盟", "1")
c.unit("U2", "阿拉善盟供电公司", "阿拉善盟", "1")
a = c.member("U1", "1979-09-19", enrolled="2025-09-01")
c.member("U2", "1979-09-19", enrolled="2025-09-05", idn=a)
c.expect("U1", base="1", act="1", ratio="100.00", thr="75.00", passed="true", short="0",
         prem="100.00", pers="90.00", sub="10.00", inel="0")
c.expect("U2", base="1", act="0", ratio="0.00", thr="75.00", passed="false", short="1",
         prem="0.00", pers="0.00", sub="0.00", inel="1")

c = case("im26-bad-check-digit", H26, "data contract: ID check digit validated (GB 11643)",
         "B's ID has a wrong check character: ineligible, input error → exit 1. 1 of base 2 → 50.00; "
         "100 < 150 → fail; shortfall ceil(1.5) = 2 − 1 = 1; premium 100.00 = 90.00 + 10.00", exit_codes=(1,))
c.unit("U1", "呼伦贝尔市林业局", "呼伦贝尔", "2")
c.member("U1", "1983-07-07", enrolled="2025-09-01")
c.member("U1", "1984-08-18", enrolled="2025-09-01",
         idn=bad_check(id_number(IM, date(1984, 8, 18), True, 300)))
c.expect("U1", base="2", act="1", ratio="50.00", thr="75.00", passed="false", short="1",
         prem="100.00", pers="90.00", sub="10.00", inel="1")

c = case("im26-sex-column-disagrees-with-id", H26, "data contract: 性别 must agree with the ID",
         "A: male ID, 性别 男 → fine. B: male ID (odd 17th digit), 性别 女 → ineligible, input error → exit 1. "
         "1 of base 2 → 50.00 fail, shortfall 1; premium 100.00", exit_codes=(1,))
c.unit("U1", "乌兰察布市化工厂", "乌兰察布", "2")
c.member("U1", "1985-05-05", enrolled="2025-09-01", sex="男")
c.member("U1", "1987-07-07", enrolled="2025-09-01", sex="女")
c.expect("U1", base="2", act="1", ratio="50.00", thr="75.00", passed="false", short="1",
         prem="100.00", pers="90.00", sub="10.00", inel="1")

c = case("im26-unit-missing-from-units-file", H26, "§7; brief: units only in the member ledger",
         "UX appears only in the ledger: one row, base empty, ratio empty, shortfall empty, pass false; its 2 "
         "eligible members still counted (participants 2, premium 2 × 100.00 = 200.00). U1 1 of 1 → 100.00. "
         "Input problem → exit 1", exit_codes=(1,))
c.unit("U1", "包头市第一机械厂", "包头", "1")
c.member("U1", "1978-08-08", enrolled="2025-09-01")
c.member("UX", "1980-10-10", enrolled="2025-09-01", 单位名称="未登记单位", 所属地区="包头")
c.member("UX", "1981-11-11", enrolled="2025-09-01", 单位名称="未登记单位", 所属地区="包头")
c.expect("U1", base="1", act="1", ratio="100.00", thr="75.00", passed="true", short="0", prem="100.00")
c.expect("UX", project="hospital", base="", act="2", ratio="", passed="false", short="", prem="200.00",
         pers="180.00", sub="20.00")

c = case("im26-unit-without-base-count", H26, "§7 (base = in-service employees); brief: unit without the base count is an input error",
         "U1's 在职职工人数 is empty: no base → base, ratio and shortfall empty, pass false; exit 1. "
         "U2 normal: 1 of 1 → 100.00", exit_codes=(1,))
c.unit("U1", "鄂尔多斯市某煤矿", "鄂尔多斯", "")
c.unit("U2", "鄂尔多斯市第二煤矿", "鄂尔多斯", "1")
c.member("U1", "1982-12-12", enrolled="2025-09-01")
c.member("U2", "1983-12-13", enrolled="2025-09-01")
c.expect("U1", base="", act="1", ratio="", passed="false", short="")
c.expect("U2", base="1", act="1", ratio="100.00", thr="75.00", passed="true", short="0")

c = case("im26-new-and-renewed-counts", H26, "§7 (汇总表: renewed, new); data contract 参互类型 default 新参互",
         "4 in service: 2 × 续互, 1 × 新参互, 1 blank (→ 新参互): new 2, renewed 2. 4 of base 5 → 80.00 pass "
         "(400 ≥ 375); premium 4 × 100.00 = 400.00 = 360.00 + 40.00 (2026 premium is the same for renewed)")
c.unit("U1", "包头市供热公司", "包头", "5")
c.member("U1", "1980-01-21", etype="续互", enrolled="2025-09-01", years=3)
c.member("U1", "1981-02-22", etype="续互", enrolled="2025-09-01", years=5)
c.member("U1", "1982-03-23", etype="新参互", enrolled="2025-09-01")
c.member("U1", "1983-04-24", enrolled="2025-09-01")
c.expect("U1", base="5", act="4", ratio="80.00", thr="75.00", passed="true", short="0",
         prem="400.00", pers="360.00", sub="40.00", inel="0", new="2", ren="2")

# ---------------------------------------------------------------- IM 2024 hospital (§2)
c = case("im24-new-enrolled-on-15th", H24, "§2 art. 4 (on or before the 15th → from the 1st), art. 5",
         "new, enrolled 2024-03-15 → cover 2024-03-01 to 2024-12-31 = 10 whole months × 8.00 = 80.00 gross; "
         "subsidy 10.00, personal 70.00. 1 of base 1 → 100.00 pass (75%)")
c.unit("U1", "呼和浩特市第二医院", "呼和浩特", "1")
c.member("U1", "1985-05-05", etype="新参互", enrolled="2024-03-15")
c.expect("U1", project="hospital", base="1", act="1", ratio="100.00", thr="75.00", passed="true", short="0",
         prem="80.00", pers="70.00", sub="10.00", inel="0", new="1", ren="0")

c = case("im24-new-enrolled-on-16th", H24, "§2 art. 4 (after the 15th → from the 1st of next month), art. 5",
         "new, enrolled 2024-03-16 → cover 2024-04-01 to 2024-12-31 = 9 months × 8.00 = 72.00 gross; "
         "subsidy 10.00, personal 62.00. 1 of 1 → 100.00")
c.unit("U1", "呼和浩特市第二医院", "呼和浩特", "1")
c.member("U1", "1985-05-05", etype="新参互", enrolled="2024-03-16")
c.expect("U1", base="1", act="1", ratio="100.00", thr="75.00", passed="true", short="0",
         prem="72.00", pers="62.00", sub="10.00", inel="0", new="1", ren="0")

c = case("im24-renewed-free-and-retirees", H24, "§2 art. 1, art. 5; Decision (retired of renewed units: ≤ 70, consecutive ≥ 6)",
         "no 参互日期 → age at 2024-01-01. In service A1, A2 续互 (A2 with 顺延起始日期): 10.00 gross each, all "
         "subsidy. Retired 续互: R1 born 1958-07-01 (65), 6 years → eligible, 10.00; R2 5 years → ineligible; "
         "R3 born 1951-07-01 (72), 9 years → ineligible. 2 of base 2 → 100.00. Premium 3 × 10.00 = 30.00, "
         "personal 0.00, subsidy 30.00; renewed 3, new 0")
c.unit("U1", "包头市铝业公司", "包头", "2")
c.member("U1", "1980-03-03", etype="续互", years=4)
c.member("U1", "1981-04-04", etype="续互", years=2, 顺延起始日期="2024-02-01")
c.member("U1", "1958-07-01", category="退休", etype="续互", years=6)
c.member("U1", "1958-07-02", category="退休", etype="续互", years=5)
c.member("U1", "1951-07-01", category="退休", etype="续互", years=9)
c.expect("U1", base="2", act="2", ret="1", sp="0", ratio="100.00", thr="75.00", passed="true", short="0",
         prem="30.00", pers="0.00", sub="30.00", inel="2", new="0", ren="3")

c = case("im24-retired-in-new-unit-ineligible", H24, "§2 Retired members: new units enrol in-service members only (art. 1)",
         "A1 new enrolled 2024-04-01 → April–December 9 months × 8.00 = 72.00 = 62.00 + 10.00. Retired R1 "
         "新参互 (aged 62, 8 years) → ineligible. 1 of base 1 → 100.00")
c.unit("U1", "赤峰市松山区医院", "赤峰", "1")
c.member("U1", "1986-06-06", etype="新参互", enrolled="2024-04-01")
c.member("U1", "1961-06-06", category="退休", etype="新参互", enrolled="2024-04-01", years=8)
c.expect("U1", base="1", act="1", ret="0", ratio="100.00", thr="75.00", passed="true", short="0",
         prem="72.00", pers="62.00", sub="10.00", inel="1", new="1", ren="0")

c = case("im24-500-employees-349-late-start", H24, "§2 unit participation (70% for ≥ 500), art. 4, art. 5",
         "U1 base 500 → 70%: 349 × 100 = 34900 < 35000 → fail; ratio 69.80; shortfall ceil(350) − 349 = 1. "
         "All new, enrolled 2024-08-31 (after the 15th) → cover from 2024-09-01: 4 months × 8.00 = 32.00 each; "
         "premium 349 × 32.00 = 11168.00; personal 349 × 22.00 = 7678.00; subsidy 349 × 10.00 = 3490.00")
c.unit("U1", "鄂尔多斯市伊泰集团", "鄂尔多斯", "500")
c.bulk("U1", 349, enrolled="2024-08-31", etype="新参互")
c.expect("U1", base="500", act="349", ratio="69.80", thr="70.00", passed="false", short="1",
         prem="11168.00", pers="7678.00", sub="3490.00", inel="0", new="349", ren="0")

# ---------------------------------------------------------------- IM 2021 hospital (§3)
c = case("im21-75-percent-for-every-unit", H21, "§3 Unit participation: 75% for every unit (no 500 rule)",
         "U1 base 500: 350 × 100 = 35000 < 75 × 500 = 37500 → fail (2026 would pass at 70%); ratio 70.00; "
         "shortfall 375 − 350 = 25; premium 350 × 100.00 = 35000.00 = 31500.00 + 3500.00")
c.unit("U1", "呼和浩特市热力公司", "呼和浩特", "500")
c.bulk("U1", 350, enrolled="2021-06-01")
c.expect("U1", project="hospital", base="500", act="350", ratio="70.00", thr="75.00", passed="false",
         short="25", prem="35000.00", pers="31500.00", sub="3500.00", inel="0")

c = case("im21-74.99-fail-2503", H21, "§3 (75%); §7 exact integer comparison; brief: truncation",
         "U1 base 2503: 1877 × 100 / 2503 = 74.990… → 74.99; 187700 < 75 × 2503 = 187725 → fail; shortfall "
         "ceil(0.75 × 2503 = 1877.25) = 1878 − 1877 = 1; premium 1877 × 100.00 = 187700.00 = 1877 × 90.00 = "
         "168930.00 + 18770.00")
c.unit("U1", "包头钢铁集团", "包头", "2503")
c.bulk("U1", 1877, enrolled="2021-07-01")
c.expect("U1", base="2503", act="1877", ratio="74.99", thr="75.00", passed="false", short="1",
         prem="187700.00", pers="168930.00", sub="18770.00", inel="0", new="1877", ren="0")

c = case("im21-3-of-4-pass", H21, "§3 (75%（含）)",
         "3 of base 4: 300 ≥ 300 → 75.00 pass; premium 300.00 = 270.00 + 30.00")
c.unit("U1", "通辽市热电厂", "通辽", "4")
for b in ("1970-01-10", "1975-05-15", "1990-09-19"):
    c.member("U1", b, enrolled="2021-05-20")
c.expect("U1", base="4", act="3", ratio="75.00", thr="75.00", passed="true", short="0",
         prem="300.00", pers="270.00", sub="30.00", inel="0")

c = case("im21-retired-consecutive-3", H21, "§3 Eligible retired: aged ≤ 70, consecutive ≥ 3; Premium 100/400",
         "enrolled 2021-06-01. R1 born 1956-01-01 (65), 3 years → eligible; R2 (65) 2 years → ineligible; "
         "R3 born 1950-01-01 (71), 5 years → ineligible. 2 of base 2 → 100.00. Premium 2 × 100.00 + 400.00 = "
         "600.00; personal 2 × 90.00 + 390.00 = 570.00; subsidy 30.00; new 2, renewed 1")
c.unit("U1", "乌海市焦化厂", "乌海", "2")
c.member("U1", "1980-02-02", enrolled="2021-06-01")
c.member("U1", "1982-03-03", enrolled="2021-06-01")
c.member("U1", "1956-01-01", category="退休", etype="续互", enrolled="2021-06-01", years=3)
c.member("U1", "1956-01-02", category="退休", etype="续互", enrolled="2021-06-01", years=2)
c.member("U1", "1950-01-01", category="退休", etype="续互", enrolled="2021-06-01", years=5)
c.expect("U1", base="2", act="2", ret="1", ratio="100.00", thr="75.00", passed="true", short="0",
         prem="600.00", pers="570.00", sub="30.00", inel="2", new="2", ren="1")

# ---------------------------------------------------------------- IM women's scheme (§4)
c = case("w26-female-base-spouses-and-men", W26, "§4 (eligible women ≤ 60 or wives; spouses not counted; 75% of female employees); 002 women art. 8 (35元)",
         "base = 在职女职工人数 4 (not 在职职工人数 10). 3 women in service → 3 × 100 = 300 ≥ 75 × 4 → 75.00 "
         "pass; 2 wives (配偶) listed, not counted (spouse 2); 1 man in service → ineligible. Premium 5 × 35.00 "
         "= 175.00, all personal, subsidy 0.00; new 5")
c.unit("U1", "呼和浩特市妇幼保健院", "呼和浩特", "10", female="4")
for b in ("1976-03-08", "1985-03-09", "1995-03-10"):
    c.member("U1", b, male=False, sex="女")
c.member("U1", "1980-10-10", male=True, sex="男")
h = id_number(IM, date(1975, 1, 1), True, 400)
c.member("U1", "1978-04-04", male=False, category="配偶", 配偶身份证号=h)
h = id_number(IM, date(1976, 1, 1), True, 401)
c.member("U1", "1980-05-05", male=False, category="配偶", 配偶身份证号=h)
c.expect("U1", project="women", base="4", act="3", ret="0", sp="2", ratio="75.00", thr="75.00",
         passed="true", short="0", prem="175.00", pers="175.00", sub="0.00", inel="1", new="5", ren="0")

c = case("w26-500-female-still-75", W26, "§4 (75% of female employees; no 500 rule)",
         "female base 500: 350 × 100 = 35000 < 37500 → fail; ratio 70.00; shortfall 375 − 350 = 25; "
         "premium 350 × 35.00 = 12250.00 personal, 0.00 subsidy")
c.unit("U1", "包头市纺织集团", "包头", "900", female="500")
c.bulk("U1", 350, male=False)
c.expect("U1", project="women", base="500", act="350", ratio="70.00", thr="75.00", passed="false",
         short="25", prem="12250.00", pers="12250.00", sub="0.00", inel="0")

c = case("w26-age-60-included-61-not", W26, "§4 (60周岁以下 includes 60); general conventions (age at period start)",
         "no 参互日期 → age at 2026-01-01: born 1965-06-01 → 60 → eligible; born 1964-12-31 → 61 → "
         "ineligible. 1 of female base 1 → 100.00; premium 35.00")
c.unit("U1", "赤峰市第一中学", "赤峰", "3", female="1")
c.member("U1", "1965-06-01", male=False)
c.member("U1", "1964-12-31", male=False)
c.expect("U1", base="1", act="1", ratio="100.00", thr="75.00", passed="true", short="0",
         prem="35.00", pers="35.00", sub="0.00", inel="1")

c = case("w24-monthly-premium-15th-16th-renewed", W24, "§4 (2024: 3.00 per whole month, 15th-of-month rule; renewed free); 000 women art. 7",
         "new enrolled 2024-05-15 → May–December 8 months × 3.00 = 24.00; new enrolled 2024-05-16 → "
         "June–December 7 × 3.00 = 21.00; renewed → 0.00 (no stated subsidy). Premium 45.00 = 45.00 personal "
         "+ 0.00. 3 of female base 3 → 100.00; new 2, renewed 1")
c.unit("U1", "鄂尔多斯市妇联机关", "鄂尔多斯", "8", female="3")
c.member("U1", "1984-01-01", male=False, etype="新参互", enrolled="2024-05-15")
c.member("U1", "1985-01-01", male=False, etype="新参互", enrolled="2024-05-16")
c.member("U1", "1986-01-01", male=False, etype="续互", years=3)
c.expect("U1", project="women", base="3", act="3", ratio="100.00", thr="75.00", passed="true", short="0",
         prem="45.00", pers="45.00", sub="0.00", inel="0", new="2", ren="1")

c = case("w24-men-ineligible-spouse-counted-apart", W24, "§4 (women or wives; spouses not in the ratio)",
         "female base 2: 1 woman in service (new, enrolled 2024-03-10 → March–December 10 × 3.00 = 30.00) → "
         "50.00, fail (100 < 150), shortfall ceil(1.5) − 1 = 1; 1 wife (new, enrolled 2024-03-10, 30.00) "
         "spouse 1; 1 man → ineligible. Premium 60.00 personal, 0.00 subsidy")
c.unit("U1", "乌兰察布市医院", "乌兰察布", "6", female="2")
c.member("U1", "1987-07-07", male=False, etype="新参互", enrolled="2024-03-10")
c.member("U1", "1983-03-03", male=False, category="配偶", etype="新参互", enrolled="2024-03-10",
         配偶身份证号=id_number(IM, date(1982, 2, 2), True, 410))
c.member("U1", "1981-01-01", male=True, etype="新参互", enrolled="2024-03-10")
c.expect("U1", base="2", act="1", sp="1", ratio="50.00", thr="75.00", passed="false", short="1",
         prem="60.00", pers="60.00", sub="0.00", inel="1", new="2", ren="0")

c = case("w26-unit-without-female-count", W26, "§4/§7 (base = in-service female employees); brief: unit without the base count is an input error",
         "U1 has 在职职工人数 5 but 在职女职工人数 empty: the women's base is missing → base, ratio, shortfall "
         "empty, pass false, exit 1 (在职职工人数 must not stand in for it); its 1 woman still counted, 35.00. "
         "U2 female base 1, 1 woman → 100.00", exit_codes=(1,))
c.unit("U1", "通辽市纺织厂", "通辽", "5", female="")
c.unit("U2", "通辽市第二纺织厂", "通辽", "5", female="1")
c.member("U1", "1986-06-26", male=False)
c.member("U2", "1987-07-27", male=False)
c.expect("U1", base="", act="1", ratio="", passed="false", short="", prem="35.00")
c.expect("U2", base="1", act="1", ratio="100.00", thr="75.00", passed="true", short="0", prem="35.00")

# ---------------------------------------------------------------- Hengyang 2021 (§5)
c = case("hy-14-eligible-needs-all", HENG, "§5 art. 6 (fewer than 15 eligible → 100%); art. 7 (90元)",
         "base = 符合条件人数 14 (not 在职职工人数 40) < 15 → 100%: 13 × 100 = 1300 < 1400 → fail; ratio "
         "92.857… → 92.85; shortfall ceil(14) − 13 = 1; premium 13 × 90.00 = 1170.00, all personal")
c.unit("U1", "衡阳市珠晖区某公司", "珠晖区", "40", eligible="14")
c.bulk("U1", 13, enrolled="2021-01-15", first_birth=date(1980, 1, 1))
c.expect("U1", project="hospital", base="14", act="13", ratio="92.85", thr="100.00", passed="false",
         short="1", prem="1170.00", pers="1170.00", sub="0.00", inel="0")

c = case("hy-14-of-14-pass", HENG, "§5 art. 6",
         "14 of 14 eligible → 100.00 ≥ 100.00 → pass; premium 14 × 90.00 = 1260.00")
c.unit("U1", "衡阳市雁峰区某厂", "雁峰区", "20", eligible="14")
c.bulk("U1", 14, enrolled="2021-01-15", first_birth=date(1980, 1, 1))
c.expect("U1", base="14", act="14", ratio="100.00", thr="100.00", passed="true", short="0",
         prem="1260.00", pers="1260.00", sub="0.00", inel="0")

c = case("hy-15-eligible-60-percent", HENG, "§5 art. 6 (≥ 60% of eligible employees)",
         "U1 15 eligible: 9 × 100 = 900 ≥ 60 × 15 = 900 → 60.00 pass, shortfall 0, premium 810.00. "
         "U2 15 eligible: 8 → 53.33 (53.333…), 800 < 900 → fail, shortfall ceil(9) − 8 = 1, premium 720.00")
c.unit("U1", "衡阳市蒸湘区某公司", "蒸湘区", "15", eligible="15")
c.unit("U2", "衡阳市石鼓区某公司", "石鼓区", "15", eligible="15")
c.bulk("U1", 9, enrolled="2021-02-01", first_birth=date(1981, 1, 1))
c.bulk("U2", 8, enrolled="2021-02-01", first_birth=date(1982, 1, 1))
c.expect("U1", base="15", act="9", ratio="60.00", thr="60.00", passed="true", short="0",
         prem="810.00", pers="810.00", sub="0.00", inel="0")
c.expect("U2", base="15", act="8", ratio="53.33", thr="60.00", passed="false", short="1",
         prem="720.00", pers="720.00", sub="0.00", inel="0")

c = case("hy-unit-without-eligible-count", HENG, "§5 art. 6 / §7 (base = eligible employees); brief: unit without the base count is an input error",
         "U1 has 在职职工人数 20 but 符合条件人数 empty → base, ratio, shortfall empty, pass false, exit 1; "
         "its 1 member still counted, 90.00. U2 eligible 1, 1 member → 100.00 (< 15 → 100%)", exit_codes=(1,))
c.unit("U1", "衡阳市南岳区某公司", "南岳区", "20", eligible="")
c.unit("U2", "衡阳市耒阳市某公司", "耒阳市", "20", eligible="1")
c.member("U1", "1983-03-13", enrolled="2021-01-15")
c.member("U2", "1984-04-14", enrolled="2021-01-15")
c.expect("U1", base="", act="1", ratio="", passed="false", short="", prem="90.00")
c.expect("U2", base="1", act="1", ratio="100.00", thr="100.00", passed="true", short="0", prem="90.00")

# ---------------------------------------------------------------- Wujin 2024 (§6)
c = case("wj-no-ratio-rule", WUJ, "§6 (no unit ratio requirement; premium 100.00 = 20.00 + 80.00)",
         "2 of base 10 → ratio 20.00 shown; no threshold (empty), pass true, shortfall 0; premium 2 × 100.00 "
         "= 200.00 = 2 × 20.00 personal 40.00 + 2 × 80.00 subsidy 160.00")
c.unit("W1", "武进区湖塘镇某公司", "湖塘镇", "10")
c.member("W1", "1983-03-03", enrolled="2023-11-01")
c.member("W1", "1988-08-08", male=False, enrolled="2023-11-01")
c.expect("W1", project="hospital", base="10", act="2", ratio="20.00", thr="", passed="true", short="0",
         prem="200.00", pers="40.00", sub="160.00", inel="0")

c = case("wj-retired-not-eligible", WUJ, "§6 In-service members only; 004 一 (持卡的在职职工)",
         "1 in service → premium 100.00 = 20.00 + 80.00; a retired row → ineligible, no premium")
c.unit("W1", "武进区牛塘镇某厂", "牛塘镇", "1")
c.member("W1", "1980-01-01", enrolled="2023-11-01")
c.member("W1", "1960-01-01", category="退休", enrolled="2023-11-01")
c.expect("W1", base="1", act="1", ret="0", thr="", passed="true", short="0",
         prem="100.00", pers="20.00", sub="80.00", inel="1")


def dump(cases):
    """Indented JSON, but one line per input row and per expected unit, to keep the file readable."""
    def one(v):
        return json.dumps(v, ensure_ascii=False)
    parts = []
    for c in cases:
        lines = [" {"]
        for k, v in c.items():
            if k in ("members", "units"):
                body = ",\n".join("   " + one(r) for r in v)
                lines.append(f"  {one(k)}: [\n{body}\n  ],")
            elif k == "expected":
                body = ",\n".join(f"   {one(u)}: {one(e)}" for u, e in v.items())
                lines.append(f"  {one(k)}: {{\n{body}\n  }},")
            else:
                lines.append(f"  {one(k)}: {one(v)},")
        lines[-1] = lines[-1].rstrip(",")
        parts.append("\n".join(lines) + "\n }")
    text = "[\n" + ",\n".join(parts) + "\n]\n"
    assert json.loads(text) == cases
    return text


def main():
    for c in CASES:
        bookkeeping(c)
    ids = [c.cid for c in CASES]
    assert len(ids) == len(set(ids))
    out = Path(__file__).with_name("cases.json")
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write(dump([c.to_json() for c in CASES]))
    print(f"{out}: {len(CASES)} cases, {sum(len(c.members) for c in CASES)} member rows")


if __name__ == "__main__":
    main()
