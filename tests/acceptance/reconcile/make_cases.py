#!/usr/bin/env python3
"""Writes tests/acceptance/reconcile/cases.json: hand-worked acceptance cases for `huzhu reconcile`.

Every expected value below is a literal worked out by hand from ../shared/docs/data-contract.md
("bank results (银行回单)" and "reconcile") and the reconcile decisions of the brief (matching order,
duplicates, failed-then-successful attempts, input errors, resend.csv, exit codes), with the arithmetic
in each case's `explanation`. Nothing here calls, imports or mirrors the product's code. The script only
builds the input rows (Luhn-valid bank card numbers of 16, 18 and 19 digits) and runs bookkeeping checks
on its own literals (the money totals are the sums of the line literals and Σ(paid − expected) =
Σpaid − Σexpected; every resend reference is a transfer of the case), so a typo in a literal fails
here rather than in the product's test.

Case format (read by tests/e2e/reconcile_acceptance_test.py):
  id, explanation, transfers (rows of transfers.csv), bank (rows of the bank file, Chinese headers in
  the order of first appearance), optional bank_format ("csv" default, or "xlsx": a string value is a
  text cell, {"n": "1234.5000000001"} a number cell written literally), bank_encoding ("utf-8-sig"
  default, or "gb18030": no BOM), bank_title (a title row above the header), extra_banks (further
  --bank files, each a dict with the same bank* keys), transfers_bom (default true),
  lines (the expected reconcile.csv lines in order: exact fields, plus detail_contains: substrings of
  detail, detail_nonempty: true), totals (expected / paid / diff over all lines), resend (references in
  resend.csv, in order), exit_code, stderr_contains (for exit 3).

Deterministic, Python 3 standard library only:
    python3 tests/acceptance/reconcile/make_cases.py      # rewrites cases.json beside this file
"""
import json
from decimal import Decimal
from pathlib import Path

TRANSFER_COLUMNS = ["reference", "payee", "account", "bank", "amount", "claim_ids"]


def luhn_complete(body):
    """body + the Luhn check digit."""
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:  # these are doubled once the check digit is appended
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return body + str((10 - total % 10) % 10)


def luhn_ok(number):
    total = 0
    for i, ch in enumerate(reversed(number)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def card(n):
    """A Luhn-valid card number; the length cycles 19, 16, 18 with n."""
    kind = n % 3
    if kind == 0:
        return luhn_complete(f"6222021{n:011d}")    # 19 digits (ICBC-like)
    if kind == 1:
        return luhn_complete(f"621700{n:09d}")      # 16 digits
    return luhn_complete(f"62148{n:012d}")          # 18 digits


A = {n: card(n) for n in range(1, 80)}
for n, a in A.items():
    assert a.isdigit() and 16 <= len(a) <= 19 and luhn_ok(a), a

BANKS = ["中国工商银行", "中国建设银行", "中国农业银行", "中国银行", "内蒙古农村信用社"]


def T(ref, payee, acct, amount, bank=0):
    return {"reference": ref, "payee": payee, "account": acct, "bank": BANKS[bank % len(BANKS)],
            "amount": amount, "claim_ids": "C" + ref.split("-")[-1]}


def L(ref, status, expected, paid, **more):
    line = {"reference": ref, "status": status, "expected": expected, "paid": paid}
    line.update(more)
    return line


CASES = []


def case(cid, explanation, transfers, bank, lines, resend, exit_code, **more):
    c = {"id": cid, "explanation": explanation, "transfers": transfers, "bank": bank}
    c.update({k: v for k, v in more.items() if k not in ("totals",)})
    c["lines"] = lines
    c["resend"] = resend
    c["exit_code"] = exit_code
    if "totals" in more:
        c["totals"] = more["totals"]
    CASES.append(c)


def tot(expected, paid, diff):
    return {"expected": expected, "paid": paid, "diff": diff}


OK, FAIL = "成功", "失败"

# 01 ------------------------------------------------------------------------------------------------
case("01_all_matched",
     "Three transfers, three successful bank rows carrying exactly our references: all matched. "
     "Σexpected = 1500.00 + 832.40 + 2000.00 = 4332.40 = Σpaid; Σ(paid − expected) = 0.00. Clean: exit 0, "
     "nothing to re-send.",
     [T("IM2026H-000101", "张伟", A[1], "1500.00"),
      T("IM2026H-000102", "李娜", A[2], "832.40", 1),
      T("IM2026H-000103", "王芳", A[3], "2000.00", 2)],
     [{"账号": A[1], "户名": "张伟", "金额": "1500.00", "状态": OK, "失败原因": "", "附言": "IM2026H-000101"},
      {"账号": A[2], "户名": "李娜", "金额": "832.40", "状态": OK, "失败原因": "", "附言": "IM2026H-000102"},
      {"账号": A[3], "户名": "王芳", "金额": "2000.00", "状态": OK, "失败原因": "", "附言": "IM2026H-000103"}],
     [L("IM2026H-000101", "matched", "1500.00", "1500.00", account=A[1], payee="张伟"),
      L("IM2026H-000102", "matched", "832.40", "832.40", account=A[2], payee="李娜"),
      L("IM2026H-000103", "matched", "2000.00", "2000.00", account=A[3], payee="王芳")],
     [], 0, totals=tot("4332.40", "4332.40", "0.00"))

# 02 ------------------------------------------------------------------------------------------------
case("02_reference_inside_longer_text",
     "用途 holds our reference inside longer text (prefix 代发, suffix /住院补助, surrounded by words); the "
     "bank lists the rows in another order; unknown columns 序号 and 备注 (empty) are ignored. Lines follow "
     "the transfer order. Σexpected = 620.00 + 1180.50 + 300.00 = 2100.50 = Σpaid; diff 0.00; exit 0.",
     [T("IM2026H-000201", "刘洋", A[4], "620.00"),
      T("IM2026H-000202", "陈静", A[5], "1180.50", 1),
      T("IM2026H-000203", "杨帆", A[6], "300.00", 3)],
     [{"序号": "1", "收款人账号": A[6], "收款人姓名": "杨帆", "交易金额": "300.00", "交易状态": "交易成功",
       "备注": "", "用途": "代发IM2026H-000203 医疗互助金"},
      {"序号": "2", "收款人账号": A[4], "收款人姓名": "刘洋", "交易金额": "620.00", "交易状态": "交易成功",
       "备注": "", "用途": "IM2026H-000201/住院补助"},
      {"序号": "3", "收款人账号": A[5], "收款人姓名": "陈静", "交易金额": "1180.50", "交易状态": "交易成功",
       "备注": "", "用途": "工会代发 IM2026H-000202 互助金 2026年3月"}],
     [L("IM2026H-000201", "matched", "620.00", "620.00"),
      L("IM2026H-000202", "matched", "1180.50", "1180.50"),
      L("IM2026H-000203", "matched", "300.00", "300.00")],
     [], 0, totals=tot("2100.50", "2100.50", "0.00"))

# 03 ------------------------------------------------------------------------------------------------
case("03_no_reference_account_and_amount",
     "The bank file has no 附言/用途/摘要 column: each row is matched by account AND amount (rows in reverse "
     "order). Our transfers.csv is UTF-8 without BOM. Σexpected = 450.00 + 1260.00 = 1710.00 = Σpaid; diff "
     "0.00; exit 0.",
     [T("HY2021-000301", "赵磊", A[7], "450.00"),
      T("HY2021-000302", "周敏", A[8], "1260.00", 2)],
     [{"收款账号": A[8], "户名": "周敏", "金额": "1260.00", "处理结果": "成功"},
      {"收款账号": A[7], "户名": "赵磊", "金额": "450.00", "处理结果": "成功"}],
     [L("HY2021-000301", "matched", "450.00", "450.00", account=A[7], payee="赵磊"),
      L("HY2021-000302", "matched", "1260.00", "1260.00", account=A[8], payee="周敏")],
     [], 0, transfers_bom=False, totals=tot("1710.00", "1710.00", "0.00"))

# 04 ------------------------------------------------------------------------------------------------
case("04_same_account_and_amount_decided_by_payee",
     "Two transfers of 800.00 to the same card (孙丽, 孙强). No reference column. Bank row 1 (孙强): both "
     "transfers qualify by account+amount, the unmatched one whose payee equals 孙强 wins → WJ2024-000402. "
     "Row 2 (孙丽) → WJ2024-000401 (unmatched, payee equal). Both lines clean, so exit 0 (a wrong pairing "
     "would show a payee difference and exit 1). Σexpected = 1600.00 = Σpaid; diff 0.00.",
     [T("WJ2024-000401", "孙丽", A[9], "800.00"),
      T("WJ2024-000402", "孙强", A[9], "800.00")],
     [{"账号": A[9], "户名": "孙强", "交易金额": "800.00", "状态": "成功"},
      {"账号": A[9], "户名": "孙丽", "交易金额": "800.00", "状态": "成功"}],
     [L("WJ2024-000401", "matched", "800.00", "800.00", payee="孙丽"),
      L("WJ2024-000402", "matched", "800.00", "800.00", payee="孙强")],
     [], 0, totals=tot("1600.00", "1600.00", "0.00"))

# 05 ------------------------------------------------------------------------------------------------
case("05_account_only_amount_mismatch",
     "No reference column. The bank paid 1000.00 to 吴昊's card where we sent 1500.00: no account+amount "
     "match, but exactly one unmatched transfer has that account, so it is matched by account alone → "
     "amount_mismatch, paid 1000.00 (the bank amount, row succeeded). 郑洁 matched. Σexpected = 1500.00 + "
     "700.00 = 2200.00; Σpaid = 1000.00 + 700.00 = 1700.00; Σ(paid − expected) = −500.00. amount_mismatch "
     "is not re-sent; exit 1.",
     [T("IM2026H-000501", "吴昊", A[10], "1500.00"),
      T("IM2026H-000502", "郑洁", A[11], "700.00")],
     [{"账号": A[10], "户名": "吴昊", "金额": "1000.00", "状态": "成功"},
      {"账号": A[11], "户名": "郑洁", "金额": "700.00", "状态": "成功"}],
     [L("IM2026H-000501", "amount_mismatch", "1500.00", "1000.00", account=A[10]),
      L("IM2026H-000502", "matched", "700.00", "700.00")],
     [], 1, totals=tot("2200.00", "1700.00", "-500.00"))

# 06 ------------------------------------------------------------------------------------------------
case("06_failed_with_reason",
     "Bank says 失败 for two transfers, with 失败原因: lines failed, paid 0.00, detail carries the reason; "
     "both re-sent in transfer order. Σexpected = 960.00 + 1340.00 + 500.00 = 2800.00; Σpaid = 960.00; "
     "diff = 960.00 − 2800.00 = −1840.00; exit 1.",
     [T("IM2026H-000601", "冯刚", A[12], "960.00"),
      T("IM2026H-000602", "何静", A[13], "1340.00", 1),
      T("IM2026H-000603", "许明", A[14], "500.00")],
     [{"账号": A[12], "户名": "冯刚", "金额": "960.00", "状态": OK, "失败原因": "", "附言": "IM2026H-000601"},
      {"账号": A[13], "户名": "何静", "金额": "1340.00", "状态": FAIL, "失败原因": "户名与账号不符",
       "附言": "IM2026H-000602"},
      {"账号": A[14], "户名": "许明", "金额": "500.00", "状态": FAIL, "失败原因": "账户已冻结",
       "附言": "IM2026H-000603"}],
     [L("IM2026H-000601", "matched", "960.00", "960.00"),
      L("IM2026H-000602", "failed", "1340.00", "0.00", detail_contains=["户名与账号不符"]),
      L("IM2026H-000603", "failed", "500.00", "0.00", detail_contains=["账户已冻结"])],
     ["IM2026H-000602", "IM2026H-000603"], 1, totals=tot("2800.00", "960.00", "-1840.00"))

# 07 ------------------------------------------------------------------------------------------------
case("07_failed_variants_trade_status",
     "交易状态 with 交易成功 / 交易失败 / 退票; the reason is in 备注 and the reference in 摘要 (with 代发 "
     "prefix). 交易失败 and 退票 are both definite failures: failed, paid 0.00, re-sent. Σexpected = 420.00 + "
     "880.00 + 1000.00 = 2300.00; Σpaid = 420.00; diff −1880.00; exit 1.",
     [T("IM2026H-000701", "韩梅", A[15], "420.00"),
      T("IM2026H-000702", "唐亮", A[16], "880.00"),
      T("IM2026H-000703", "曹雪", A[17], "1000.00")],
     [{"收款人账号": A[15], "收款人姓名": "韩梅", "交易金额": "420.00", "交易状态": "交易成功", "备注": "",
       "摘要": "代发IM2026H-000701"},
      {"收款人账号": A[16], "收款人姓名": "唐亮", "交易金额": "880.00", "交易状态": "交易失败",
       "备注": "账户已销户", "摘要": "代发IM2026H-000702"},
      {"收款人账号": A[17], "收款人姓名": "曹雪", "交易金额": "1000.00", "交易状态": "退票",
       "备注": "收款行退回：账号不存在", "摘要": "代发IM2026H-000703"}],
     [L("IM2026H-000701", "matched", "420.00", "420.00"),
      L("IM2026H-000702", "failed", "880.00", "0.00", detail_contains=["账户已销户"]),
      L("IM2026H-000703", "failed", "1000.00", "0.00", detail_contains=["账号不存在"])],
     ["IM2026H-000702", "IM2026H-000703"], 1, totals=tot("2300.00", "420.00", "-1880.00"))

# 08 ------------------------------------------------------------------------------------------------
case("08_missing_in_bank",
     "The bank file has no row for 彭丽's transfer: missing_in_bank, expected 1120.00, paid 0.00, re-sent. "
     "Σexpected = 650.00 + 1120.00 + 390.00 = 2160.00; Σpaid = 650.00 + 390.00 = 1040.00; diff −1120.00; "
     "exit 1.",
     [T("IM2026H-000801", "邓超", A[18], "650.00"),
      T("IM2026H-000802", "彭丽", A[19], "1120.00"),
      T("IM2026H-000803", "袁野", A[20], "390.00")],
     [{"账号": A[18], "户名": "邓超", "金额": "650.00", "状态": OK, "附言": "IM2026H-000801"},
      {"账号": A[20], "户名": "袁野", "金额": "390.00", "状态": OK, "附言": "IM2026H-000803"}],
     [L("IM2026H-000801", "matched", "650.00", "650.00"),
      L("IM2026H-000802", "missing_in_bank", "1120.00", "0.00", account=A[19], payee="彭丽"),
      L("IM2026H-000803", "matched", "390.00", "390.00")],
     ["IM2026H-000802"], 1, totals=tot("2160.00", "1040.00", "-1120.00"))

# 09 ------------------------------------------------------------------------------------------------
case("09_unexpected_in_bank",
     "Two bank rows match no transfer (foreign reference, foreign account): unexpected_in_bank lines after "
     "the transfer lines, in bank order, with the bank's 附言 text, account and payee; expected 0.00; paid "
     "300.00 for the successful one, 0.00 for the failed one. Σexpected = 760.00; Σpaid = 760.00 + 300.00 "
     "= 1060.00; diff +300.00; exit 1; nothing re-sent.",
     [T("IM2026H-000901", "蒋涛", A[21], "760.00")],
     [{"账号": A[21], "户名": "蒋涛", "金额": "760.00", "状态": OK, "失败原因": "", "附言": "IM2026H-000901"},
      {"账号": A[22], "户名": "沈悦", "金额": "300.00", "状态": OK, "失败原因": "",
       "附言": "代发XY2025-000077 慰问金"},
      {"账号": A[23], "户名": "罗斌", "金额": "200.00", "状态": FAIL, "失败原因": "账户已冻结",
       "附言": "代发XY2025-000078"}],
     [L("IM2026H-000901", "matched", "760.00", "760.00"),
      L("代发XY2025-000077 慰问金", "unexpected_in_bank", "0.00", "300.00", account=A[22], payee="沈悦"),
      L("代发XY2025-000078", "unexpected_in_bank", "0.00", "0.00", account=A[23], payee="罗斌")],
     [], 1, totals=tot("760.00", "1060.00", "300.00"))

# 10 ------------------------------------------------------------------------------------------------
case("10_bank_paid_twice",
     "The bank paid 高峰 twice (second row 附言 'IM2026H-001001 重复提交'). First row is his line (matched); "
     "the second is duplicate_in_bank right after it, a bank-only line: reference = the bank's 附言 text, "
     "expected 0.00, paid 1200.00. Σexpected = 1200.00 + 540.00 = 1740.00; Σpaid = 1200.00 + 1200.00 + "
     "540.00 = 2940.00; Σ(paid − expected) = +1200.00 (the overpayment to recover). Exit 1, nothing re-sent.",
     [T("IM2026H-001001", "高峰", A[24], "1200.00"),
      T("IM2026H-001002", "林琳", A[25], "540.00")],
     [{"收款人账号": A[24], "收款人姓名": "高峰", "交易金额": "1200.00", "交易状态": "交易成功",
       "附言": "IM2026H-001001"},
      {"收款人账号": A[25], "收款人姓名": "林琳", "交易金额": "540.00", "交易状态": "交易成功",
       "附言": "IM2026H-001002"},
      {"收款人账号": A[24], "收款人姓名": "高峰", "交易金额": "1200.00", "交易状态": "交易成功",
       "附言": "IM2026H-001001 重复提交"}],
     [L("IM2026H-001001", "matched", "1200.00", "1200.00"),
      L("IM2026H-001001 重复提交", "duplicate_in_bank", "0.00", "1200.00", account=A[24], payee="高峰"),
      L("IM2026H-001002", "matched", "540.00", "540.00")],
     [], 1, totals=tot("1740.00", "2940.00", "1200.00"))

# 11 ------------------------------------------------------------------------------------------------
case("11_failed_then_successful_attempt",
     "梁静: failed row first, successful retry later → the successful row is her line (matched 980.00), the "
     "failed row is duplicate_in_bank (paid 0.00, reference = its 附言 text). 宋佳: success first, a later "
     "failed row → matched 1430.00 + duplicate (paid 0.00). Neither is re-sent. Σexpected = 980.00 + "
     "1430.00 = 2410.00 = Σpaid; diff 0.00; exit 1 because duplicate lines need attention.",
     [T("IM2026H-001101", "梁静", A[26], "980.00"),
      T("IM2026H-001102", "宋佳", A[27], "1430.00")],
     [{"账号": A[26], "户名": "梁静", "金额": "980.00", "状态": FAIL, "失败原因": "账户状态异常",
       "附言": "代发IM2026H-001101 医疗互助金"},
      {"账号": A[27], "户名": "宋佳", "金额": "1430.00", "状态": OK, "失败原因": "",
       "附言": "代发IM2026H-001102 医疗互助金"},
      {"账号": A[26], "户名": "梁静", "金额": "980.00", "状态": OK, "失败原因": "",
       "附言": "IM2026H-001101 重发"},
      {"账号": A[27], "户名": "宋佳", "金额": "1430.00", "状态": FAIL, "失败原因": "重复交易已拒绝",
       "附言": "IM2026H-001102 补发"}],
     [L("IM2026H-001101", "matched", "980.00", "980.00"),
      L("代发IM2026H-001101 医疗互助金", "duplicate_in_bank", "0.00", "0.00"),
      L("IM2026H-001102", "matched", "1430.00", "1430.00"),
      L("IM2026H-001102 补发", "duplicate_in_bank", "0.00", "0.00")],
     [], 1, totals=tot("2410.00", "2410.00", "0.00"))

# 12 ------------------------------------------------------------------------------------------------
case("12_thousands_separators_and_yen",
     "Bank amounts as text '1,234.50', '¥1,234.50' and '¥10,000.00' read as 1234.50, 1234.50, 10000.00: "
     "all matched. Σexpected = 1234.50 + 1234.50 + 10000.00 = 12469.00 = Σpaid; diff 0.00; exit 0.",
     [T("IM2026H-001201", "龙飞", A[28], "1234.50"),
      T("IM2026H-001202", "叶青", A[29], "1234.50"),
      T("IM2026H-001203", "江河", A[30], "10000.00")],
     [{"账号": A[28], "户名": "龙飞", "金额": "1,234.50", "状态": OK, "附言": "IM2026H-001201"},
      {"账号": A[29], "户名": "叶青", "金额": "¥1,234.50", "状态": OK, "附言": "IM2026H-001202"},
      {"账号": A[30], "户名": "江河", "金额": "¥10,000.00", "状态": OK, "附言": "IM2026H-001203"}],
     [L("IM2026H-001201", "matched", "1234.50", "1234.50"),
      L("IM2026H-001202", "matched", "1234.50", "1234.50"),
      L("IM2026H-001203", "matched", "10000.00", "10000.00")],
     [], 0, totals=tot("12469.00", "12469.00", "0.00"))

# 13 ------------------------------------------------------------------------------------------------
case("13_xlsx_number_cells_with_binary_noise",
     "An .xlsx bank file (hand-made minimal workbook). Amounts are number cells holding 1234.5000000001, "
     "1234.5499999999999 and 800: floating-point noise, read as 1234.50, 1234.55, 800.00. Accounts are "
     "text cells. All matched. Σexpected = 1234.50 + 1234.55 + 800.00 = 3269.05 = Σpaid; diff 0.00; exit 0.",
     [T("IM2026H-001301", "钱多", A[31], "1234.50"),
      T("IM2026H-001302", "孔亮", A[32], "1234.55"),
      T("IM2026H-001303", "严明", A[33], "800.00")],
     [{"账号": A[31], "户名": "钱多", "金额": {"n": "1234.5000000001"}, "状态": OK, "附言": "IM2026H-001301"},
      {"账号": A[32], "户名": "孔亮", "金额": {"n": "1234.5499999999999"}, "状态": OK,
       "附言": "IM2026H-001302"},
      {"账号": A[33], "户名": "严明", "金额": {"n": "800"}, "状态": OK, "附言": "IM2026H-001303"}],
     [L("IM2026H-001301", "matched", "1234.50", "1234.50"),
      L("IM2026H-001302", "matched", "1234.55", "1234.55"),
      L("IM2026H-001303", "matched", "800.00", "800.00")],
     [], 0, bank_format="xlsx", totals=tot("3269.05", "3269.05", "0.00"))

# 14 ------------------------------------------------------------------------------------------------
case("14_three_decimals_input_error",
     "The bank row for 金鑫 has amount '1234.505' (three decimals): an input error. It is matched by its "
     "reference, so 金鑫's line is failed with paid 0.00 and a detail, and it is NOT re-sent (we cannot "
     "tell whether the bank paid). 石磊 matched. Σexpected = 1234.50 + 300.00 = 1534.50; Σpaid = 300.00; "
     "diff −1234.50; exit 1.",
     [T("IM2026H-001401", "金鑫", A[34], "1234.50"),
      T("IM2026H-001402", "石磊", A[35], "300.00")],
     [{"账号": A[34], "户名": "金鑫", "金额": "1234.505", "状态": OK, "附言": "IM2026H-001401"},
      {"账号": A[35], "户名": "石磊", "金额": "300.00", "状态": OK, "附言": "IM2026H-001402"}],
     [L("IM2026H-001401", "failed", "1234.50", "0.00", detail_nonempty=True),
      L("IM2026H-001402", "matched", "300.00", "300.00")],
     [], 1, totals=tot("1534.50", "300.00", "-1234.50"))

# 15 ------------------------------------------------------------------------------------------------
case("15_unreadable_account_input_error",
     "Two bank rows carry an account that is not 16–19 digits of text: '6.22202E+18' (Excel mangled it) "
     "and the 14-digit '62220212345678'. Both rows are matched by reference; each is an input error → "
     "failed, paid 0.00, not re-sent; the line shows our account. 秦川 matched. Σexpected = 700.00 + "
     "450.00 + 260.00 = 1410.00; Σpaid = 450.00; diff −960.00; exit 1.",
     [T("IM2026H-001501", "白雪", A[36], "700.00"),
      T("IM2026H-001502", "秦川", A[37], "450.00"),
      T("IM2026H-001503", "史诗", A[38], "260.00")],
     [{"账号": "6.22202E+18", "户名": "白雪", "金额": "700.00", "状态": OK, "附言": "IM2026H-001501"},
      {"账号": A[37], "户名": "秦川", "金额": "450.00", "状态": OK, "附言": "IM2026H-001502"},
      {"账号": "62220212345678", "户名": "史诗", "金额": "260.00", "状态": OK, "附言": "IM2026H-001503"}],
     [L("IM2026H-001501", "failed", "700.00", "0.00", account=A[36], detail_nonempty=True),
      L("IM2026H-001502", "matched", "450.00", "450.00"),
      L("IM2026H-001503", "failed", "260.00", "0.00", account=A[38], detail_nonempty=True)],
     [], 1, totals=tot("1410.00", "450.00", "-960.00"))

# 16 ------------------------------------------------------------------------------------------------
case("16_unknown_or_empty_status_is_uncertain",
     "交易状态 '处理中' (still processing) and '' (empty) are unreadable statuses: input errors, lines "
     "failed, paid 0.00, NOT re-sent (the money may still arrive). 毛毅 matched. Σexpected = 500.00 + "
     "610.00 + 720.00 = 1830.00; Σpaid = 720.00; diff −1110.00; exit 1.",
     [T("IM2026H-001601", "陆游", A[39], "500.00"),
      T("IM2026H-001602", "顾城", A[40], "610.00"),
      T("IM2026H-001603", "毛毅", A[41], "720.00")],
     [{"账号": A[39], "户名": "陆游", "金额": "500.00", "交易状态": "处理中", "附言": "IM2026H-001601"},
      {"账号": A[40], "户名": "顾城", "金额": "610.00", "交易状态": "", "附言": "IM2026H-001602"},
      {"账号": A[41], "户名": "毛毅", "金额": "720.00", "交易状态": "交易成功", "附言": "IM2026H-001603"}],
     [L("IM2026H-001601", "failed", "500.00", "0.00", detail_nonempty=True),
      L("IM2026H-001602", "failed", "610.00", "0.00", detail_nonempty=True),
      L("IM2026H-001603", "matched", "720.00", "720.00")],
     [], 1, totals=tot("1830.00", "720.00", "-1110.00"))

# 17 ------------------------------------------------------------------------------------------------
case("17_payee_name_mismatch",
     "The bank row for our reference IM2026H-001701 (same account, same amount, success) names the payee "
     "张玮, we sent to 张伟: still matched, the line keeps our payee and its detail mentions the difference; "
     "it needs attention so exit 1. Σexpected = 880.00 + 300.00 = 1180.00 = Σpaid; diff 0.00; no resend.",
     [T("IM2026H-001701", "张伟", A[42], "880.00"),
      T("IM2026H-001702", "李静", A[43], "300.00")],
     [{"账号": A[42], "户名": "张玮", "金额": "880.00", "状态": OK, "附言": "IM2026H-001701"},
      {"账号": A[43], "户名": "李静", "金额": "300.00", "状态": OK, "附言": "IM2026H-001702"}],
     [L("IM2026H-001701", "matched", "880.00", "880.00", payee="张伟", detail_nonempty=True),
      L("IM2026H-001702", "matched", "300.00", "300.00")],
     [], 1, totals=tot("1180.00", "1180.00", "0.00"))

# 18 ------------------------------------------------------------------------------------------------
case("18_reference_with_another_account",
     "The bank row carries our reference IM2026H-001801 but paid into another (valid) card: matched by "
     "reference, success and equal amount → matched, line keeps our account, detail mentions the account "
     "difference; attention → exit 1. Σexpected = 1050.00 + 200.00 = 1250.00 = Σpaid; diff 0.00.",
     [T("IM2026H-001801", "胡杨", A[44], "1050.00"),
      T("IM2026H-001802", "马丽", A[45], "200.00")],
     [{"账号": A[46], "户名": "胡杨", "金额": "1050.00", "状态": OK, "附言": "IM2026H-001801"},
      {"账号": A[45], "户名": "马丽", "金额": "200.00", "状态": OK, "附言": "IM2026H-001802"}],
     [L("IM2026H-001801", "matched", "1050.00", "1050.00", account=A[44], detail_nonempty=True),
      L("IM2026H-001802", "matched", "200.00", "200.00")],
     [], 1, totals=tot("1250.00", "1250.00", "0.00"))

# 19 ------------------------------------------------------------------------------------------------
case("19_two_bank_files_clean",
     "Two --bank files: a UTF-8 one (账号/户名/金额/状态/附言) with two transfers and a GBK one "
     "(收款账号/收款人姓名/交易金额/处理结果/摘要) with the third, whose payee 陶喆 needs GB18030 decoding to "
     "compare equal. All matched. Σexpected = 600.00 + 720.00 + 150.00 = 1470.00 = Σpaid; diff 0.00; exit 0.",
     [T("IM2026H-001901", "郭靖", A[47], "600.00"),
      T("IM2026H-001902", "黄蓉", A[48], "720.00"),
      T("IM2026H-001903", "陶喆", A[49], "150.00")],
     [{"账号": A[47], "户名": "郭靖", "金额": "600.00", "状态": OK, "附言": "IM2026H-001901"},
      {"账号": A[48], "户名": "黄蓉", "金额": "720.00", "状态": OK, "附言": "IM2026H-001902"}],
     [L("IM2026H-001901", "matched", "600.00", "600.00"),
      L("IM2026H-001902", "matched", "720.00", "720.00"),
      L("IM2026H-001903", "matched", "150.00", "150.00", payee="陶喆")],
     [], 0,
     extra_banks=[{"bank_encoding": "gb18030",
                   "bank": [{"收款账号": A[49], "收款人姓名": "陶喆", "交易金额": "150.00", "处理结果": "成功",
                             "摘要": "代发IM2026H-001903"}]}],
     totals=tot("1470.00", "1470.00", "0.00"))

# 20 ------------------------------------------------------------------------------------------------
case("20_two_bank_files_retry_missing_unexpected",
     "File 1: 2001 成功; 2002 失败 (余额不足); a foreign row 100.00. File 2 (the re-send batch): 2002 成功 "
     "('IM2026H-002002 重发'); 2003 成功; a foreign row 50.00. 2004 is in neither. Lines: 2001 matched; "
     "2002 matched by the successful row, its failed row duplicate_in_bank right after (paid 0.00, reference "
     "= that row's 附言 'IM2026H-002002'); 2003 matched; 2004 missing_in_bank (re-sent); then the two "
     "unexpected rows in bank order (file 1 then file 2). Σexpected = 1000.00 + 430.00 + 275.00 + 800.00 = "
     "2505.00; Σpaid = 1000.00 + 430.00 + 275.00 + 100.00 + 50.00 = 1855.00; diff −650.00 (= −800.00 "
     "missing + 150.00 unexpected); exit 1.",
     [T("IM2026H-002001", "欧阳锋", A[50], "1000.00"),
      T("IM2026H-002002", "洪七", A[51], "430.00"),
      T("IM2026H-002003", "段誉", A[52], "275.00"),
      T("IM2026H-002004", "虚竹", A[53], "800.00")],
     [{"账号": A[50], "户名": "欧阳锋", "金额": "1000.00", "状态": OK, "失败原因": "", "附言": "IM2026H-002001"},
      {"账号": A[51], "户名": "洪七", "金额": "430.00", "状态": FAIL, "失败原因": "余额不足",
       "附言": "IM2026H-002002"},
      {"账号": A[54], "户名": "王语嫣", "金额": "100.00", "状态": OK, "失败原因": "",
       "附言": "代发HY2021-009001"}],
     [L("IM2026H-002001", "matched", "1000.00", "1000.00"),
      L("IM2026H-002002", "matched", "430.00", "430.00"),
      L("IM2026H-002002", "duplicate_in_bank", "0.00", "0.00"),
      L("IM2026H-002003", "matched", "275.00", "275.00"),
      L("IM2026H-002004", "missing_in_bank", "800.00", "0.00"),
      L("代发HY2021-009001", "unexpected_in_bank", "0.00", "100.00", account=A[54], payee="王语嫣"),
      L("代发HY2021-009002", "unexpected_in_bank", "0.00", "50.00", account=A[55], payee="慕容复")],
     ["IM2026H-002004"], 1,
     extra_banks=[{"bank": [
         {"收款人账号": A[51], "户名": "洪七", "交易金额": "430.00", "交易状态": "交易成功",
          "附言": "IM2026H-002002 重发"},
         {"收款人账号": A[52], "户名": "段誉", "交易金额": "275.00", "交易状态": "交易成功",
          "附言": "IM2026H-002003"},
         {"收款人账号": A[55], "户名": "慕容复", "交易金额": "50.00", "交易状态": "交易成功",
          "附言": "代发HY2021-009002"}]}],
     totals=tot("2505.00", "1855.00", "-650.00"))

# 21 ------------------------------------------------------------------------------------------------
case("21_no_status_column_all_succeeded",
     "The bank file has no status column at all (账号/户名/金额/附言 plus an ignored 交易日期): every row "
     "succeeded. Σexpected = 330.00 + 1440.00 = 1770.00 = Σpaid; diff 0.00; exit 0.",
     [T("IM2026H-002101", "丁一", A[56], "330.00"),
      T("IM2026H-002102", "卜二", A[57], "1440.00")],
     [{"交易日期": "2026-03-20", "账号": A[56], "户名": "丁一", "金额": "330.00", "附言": "IM2026H-002101"},
      {"交易日期": "2026-03-20", "账号": A[57], "户名": "卜二", "金额": "1440.00", "附言": "IM2026H-002102"}],
     [L("IM2026H-002101", "matched", "330.00", "330.00"),
      L("IM2026H-002102", "matched", "1440.00", "1440.00")],
     [], 0, totals=tot("1770.00", "1770.00", "0.00"))

# 22 ------------------------------------------------------------------------------------------------
case("22_no_status_column_amount_mismatch",
     "No status column, so the row succeeded: the bank paid 450.00 for our 500.00 → amount_mismatch with "
     "paid 450.00 (not 0.00), not re-sent. Σexpected = 500.00; Σpaid = 450.00; diff −50.00; exit 1.",
     [T("IM2026H-002201", "车三", A[58], "500.00")],
     [{"账号": A[58], "户名": "车三", "金额": "450.00", "附言": "IM2026H-002201"}],
     [L("IM2026H-002201", "amount_mismatch", "500.00", "450.00")],
     [], 1, totals=tot("500.00", "450.00", "-50.00"))

# 23 ------------------------------------------------------------------------------------------------
case("23_missing_amount_column_exit_3",
     "The bank file has 账号/户名/状态/附言 but no 金额/交易金额: a required column is missing → exit 3, the "
     "message names the column, and no OUT folder is created.",
     [T("IM2026H-002301", "冯四", A[59], "100.00")],
     [{"账号": A[59], "户名": "冯四", "状态": OK, "附言": "IM2026H-002301"}],
     [], [], 3, stderr_contains=["金额"])

# 24 ------------------------------------------------------------------------------------------------
case("24_missing_payee_column_exit_3",
     "The bank file has 收款人账号/交易金额/交易状态 but no 户名/收款人姓名 → exit 3, no OUT folder.",
     [T("IM2026H-002401", "冯五", A[60], "100.00")],
     [{"收款人账号": A[60], "交易金额": "100.00", "交易状态": "交易成功"}],
     [], [], 3, stderr_contains=["户名"])

# 25 ------------------------------------------------------------------------------------------------
case("25_missing_account_column_exit_3",
     "The bank file has 户名/金额/状态/附言 but no 账号/收款人账号/收款账号 → exit 3, no OUT folder.",
     [T("IM2026H-002501", "冯六", A[61], "100.00")],
     [{"户名": "冯六", "金额": "100.00", "状态": OK, "附言": "IM2026H-002501"}],
     [], [], 3, stderr_contains=["账号"])

# 26 ------------------------------------------------------------------------------------------------
case("26_gbk_failure_reason",
     "A GB18030 CSV (as Chinese Excel saves it, no BOM) with 收款人账号/收款人姓名/交易金额/交易状态/失败原因/"
     "用途. 朱镕 succeeds; 陶喆's transfer fails with 失败原因 '账户已冻结', which must come through decoded "
     "in detail. Σexpected = 520.00 + 660.00 = 1180.00; Σpaid = 520.00; diff −660.00; 陶喆 re-sent; exit 1.",
     [T("IM2026H-002601", "朱镕", A[62], "520.00"),
      T("IM2026H-002602", "陶喆", A[63], "660.00")],
     [{"收款人账号": A[62], "收款人姓名": "朱镕", "交易金额": "520.00", "交易状态": "交易成功", "失败原因": "",
       "用途": "代发IM2026H-002601 医疗互助金"},
      {"收款人账号": A[63], "收款人姓名": "陶喆", "交易金额": "660.00", "交易状态": "交易失败",
       "失败原因": "账户已冻结", "用途": "代发IM2026H-002602 医疗互助金"}],
     [L("IM2026H-002601", "matched", "520.00", "520.00", payee="朱镕"),
      L("IM2026H-002602", "failed", "660.00", "0.00", payee="陶喆", detail_contains=["账户已冻结"])],
     ["IM2026H-002602"], 1, bank_encoding="gb18030", totals=tot("1180.00", "520.00", "-660.00"))

# 27 ------------------------------------------------------------------------------------------------
case("27_title_row_above_header",
     "The bank CSV starts with a title row '中国工商银行 批量代发回单 2026年3月' (padded with empty cells as "
     "Excel saves it); the header is on row 2 and one header has a trailing space ('账号 ', trimmed). All "
     "matched. Σexpected = 900.00 + 1020.00 = 1920.00 = Σpaid; diff 0.00; exit 0.",
     [T("IM2026H-002701", "秦琼", A[64], "900.00"),
      T("IM2026H-002702", "尉迟恭", A[65], "1020.00")],
     [{"账号 ": A[64], "户名": "秦琼", "金额": "900.00", "状态": OK, "附言": "IM2026H-002701"},
      {"账号 ": A[65], "户名": "尉迟恭", "金额": "1020.00", "状态": OK, "附言": "IM2026H-002702"}],
     [L("IM2026H-002701", "matched", "900.00", "900.00"),
      L("IM2026H-002702", "matched", "1020.00", "1020.00")],
     [], 0, bank_title="中国工商银行 批量代发回单 2026年3月", totals=tot("1920.00", "1920.00", "0.00"))

# 28 ------------------------------------------------------------------------------------------------
case("28_same_account_and_amount_unmatched_fallback",
     "王强 and 王丽 share a card, 600.00 each; no reference column. Row 1 (王丽) → 2802 (unmatched, payee "
     "equal). Row 2 (王刚, a name matching neither): account+amount qualifies 2801 (unmatched) and 2802 "
     "(matched); the unmatched one wins → 2801, matched but its bank payee 王刚 differs from ours → "
     "attention (detail), exit 1. Σexpected = 1200.00 = Σpaid; diff 0.00; no resend.",
     [T("IM2026H-002801", "王强", A[66], "600.00"),
      T("IM2026H-002802", "王丽", A[66], "600.00")],
     [{"账号": A[66], "户名": "王丽", "金额": "600.00", "状态": OK},
      {"账号": A[66], "户名": "王刚", "金额": "600.00", "状态": OK}],
     [L("IM2026H-002801", "matched", "600.00", "600.00", payee="王强", detail_nonempty=True),
      L("IM2026H-002802", "matched", "600.00", "600.00", payee="王丽")],
     [], 1, totals=tot("1200.00", "1200.00", "0.00"))

# 29 ------------------------------------------------------------------------------------------------
case("29_duplicate_without_reference",
     "No reference column. Rows: 欧阳娜 300.00, 诸葛明 450.00, 欧阳娜 300.00 again. The third row qualifies "
     "by account+amount only for an already matched transfer → duplicate_in_bank right after 欧阳娜's line, "
     "with the bank's (empty) 附言 as reference, expected 0.00, paid 300.00. Σexpected = 300.00 + 450.00 = "
     "750.00; Σpaid = 300.00 + 300.00 + 450.00 = 1050.00; diff +300.00; exit 1.",
     [T("IM2026H-002901", "欧阳娜", A[67], "300.00"),
      T("IM2026H-002902", "诸葛明", A[68], "450.00")],
     [{"收款账号": A[67], "户名": "欧阳娜", "金额": "300.00", "状态": OK},
      {"收款账号": A[68], "户名": "诸葛明", "金额": "450.00", "状态": OK},
      {"收款账号": A[67], "户名": "欧阳娜", "金额": "300.00", "状态": OK}],
     [L("IM2026H-002901", "matched", "300.00", "300.00"),
      L("", "duplicate_in_bank", "0.00", "300.00", account=A[67], payee="欧阳娜"),
      L("IM2026H-002902", "matched", "450.00", "450.00")],
     [], 1, totals=tot("750.00", "1050.00", "300.00"))

# 30 ------------------------------------------------------------------------------------------------
case("30_account_only_ambiguous_is_unexpected",
     "赵敏 has two transfers on one card (100.00, 200.00); the bank row (no reference) paid 150.00 to that "
     "card. No account+amount match, and two (not exactly one) unmatched transfers have that account, so "
     "nothing matches: both transfers missing_in_bank (re-sent), the row unexpected_in_bank with reference "
     "'' and paid 150.00. Σexpected = 300.00; Σpaid = 150.00; diff −150.00; exit 1.",
     [T("IM2026H-003001", "赵敏", A[69], "100.00"),
      T("IM2026H-003002", "赵敏", A[69], "200.00")],
     [{"账号": A[69], "户名": "赵敏", "金额": "150.00", "状态": OK}],
     [L("IM2026H-003001", "missing_in_bank", "100.00", "0.00"),
      L("IM2026H-003002", "missing_in_bank", "200.00", "0.00"),
      L("", "unexpected_in_bank", "0.00", "150.00", account=A[69], payee="赵敏")],
     ["IM2026H-003001", "IM2026H-003002"], 1, totals=tot("300.00", "150.00", "-150.00"))

# 31 ------------------------------------------------------------------------------------------------
case("31_reference_amount_mismatch_both_ways",
     "Matched by reference, success, different amount: 1000.00 sent, 100.00 paid; 200.00 sent, 2000.00 "
     "paid. Both amount_mismatch with the bank amount as paid, neither re-sent. Σexpected = 1200.00; "
     "Σpaid = 2100.00; diff = (100.00 − 1000.00) + (2000.00 − 200.00) = −900.00 + 1800.00 = +900.00; exit 1.",
     [T("IM2026H-003101", "田七", A[70], "1000.00"),
      T("IM2026H-003102", "黎八", A[71], "200.00")],
     [{"账号": A[70], "户名": "田七", "金额": "100.00", "状态": OK, "附言": "IM2026H-003101"},
      {"账号": A[71], "户名": "黎八", "金额": "2,000.00", "状态": OK, "附言": "IM2026H-003102"}],
     [L("IM2026H-003101", "amount_mismatch", "1000.00", "100.00"),
      L("IM2026H-003102", "amount_mismatch", "200.00", "2000.00")],
     [], 1, totals=tot("1200.00", "2100.00", "900.00"))

# 32 ------------------------------------------------------------------------------------------------
case("32_failed_twice_resent_once",
     "Two failed rows for one transfer: the first is its line (failed, reason in detail), the second a "
     "duplicate_in_bank (paid 0.00, reference = its 附言 'IM2026H-003201 重发'). The transfer is re-sent "
     "once. Σexpected = 560.00; Σpaid = 0.00; diff −560.00; exit 1.",
     [T("IM2026H-003201", "姜九", A[72], "560.00")],
     [{"账号": A[72], "户名": "姜九", "金额": "560.00", "状态": FAIL, "失败原因": "账户已冻结",
       "附言": "IM2026H-003201"},
      {"账号": A[72], "户名": "姜九", "金额": "560.00", "状态": FAIL, "失败原因": "账户已冻结",
       "附言": "IM2026H-003201 重发"}],
     [L("IM2026H-003201", "failed", "560.00", "0.00", detail_contains=["账户已冻结"]),
      L("IM2026H-003201 重发", "duplicate_in_bank", "0.00", "0.00")],
     ["IM2026H-003201"], 1, totals=tot("560.00", "0.00", "-560.00"))

# 33 ------------------------------------------------------------------------------------------------
case("33_xlsx_account_as_number_cell",
     "An .xlsx bank file where one account is a number cell (6.2220210000000074E+18: digits lost): an "
     "input error that must be re-saved as text → the line (matched by reference) is failed, paid 0.00, "
     "not re-sent. The other row (text account, number amount 275.5) matched as 275.50. Σexpected = "
     "610.00 + 275.50 = 885.50; Σpaid = 275.50; diff −610.00; exit 1.",
     [T("IM2026H-003301", "程十", A[74], "610.00"),
      T("IM2026H-003302", "柯一", A[73], "275.50")],
     [{"账号": {"n": "6.2220210000000074E+18"}, "户名": "程十", "金额": {"n": "610"}, "状态": OK,
       "附言": "IM2026H-003301"},
      {"账号": A[73], "户名": "柯一", "金额": {"n": "275.5"}, "状态": OK, "附言": "IM2026H-003302"}],
     [L("IM2026H-003301", "failed", "610.00", "0.00", account=A[74], detail_nonempty=True),
      L("IM2026H-003302", "matched", "275.50", "275.50")],
     [], 1, bank_format="xlsx", totals=tot("885.50", "275.50", "-610.00"))

# 34 ------------------------------------------------------------------------------------------------
case("34_duplicate_to_another_account",
     "The bank paid 钟灵 twice under our reference: once to her card, once (附言 exactly our reference) to "
     "another card under the name 钟离. The first row is her line (matched). The second is duplicate_in_bank, "
     "a bank-only line, so it shows the bank's reference text (here equal to ours), the bank's account and "
     "the bank's payee 钟离; expected 0.00, paid 400.00. Σexpected = 400.00; Σpaid = 800.00; diff +400.00; "
     "exit 1, nothing re-sent.",
     [T("IM2026H-003401", "钟灵", A[75], "400.00")],
     [{"账号": A[75], "户名": "钟灵", "金额": "400.00", "状态": OK, "附言": "IM2026H-003401"},
      {"账号": A[76], "户名": "钟离", "金额": "400.00", "状态": OK, "附言": "IM2026H-003401"}],
     [L("IM2026H-003401", "matched", "400.00", "400.00", account=A[75], payee="钟灵"),
      L("IM2026H-003401", "duplicate_in_bank", "0.00", "400.00", account=A[76], payee="钟离")],
     [], 1, totals=tot("400.00", "800.00", "400.00"))


def money(v):
    return Decimal(v)


def self_check():
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids)), "duplicate case id"
    for c in CASES:
        refs = [t["reference"] for t in c["transfers"]]
        assert len(refs) == len(set(refs)), c["id"]
        for t in c["transfers"]:
            assert list(t) == TRANSFER_COLUMNS
            assert t["account"].isdigit() and luhn_ok(t["account"]), (c["id"], t)
            assert money(t["amount"]).as_tuple().exponent == -2, (c["id"], t)
        assert set(c["resend"]) <= set(refs), c["id"]
        assert c["resend"] == [r for r in refs if r in c["resend"]], f"{c['id']}: resend not in transfer order"
        if c["exit_code"] == 3:
            assert not c["lines"] and not c["resend"]
            continue
        lines = c["lines"]
        # Every transfer has exactly one line of its own (in transfer order), and resend = failed/missing
        # among those lines, except input errors (failed with detail_nonempty and no reason given).
        own = [ln for ln in lines if ln["status"] not in ("unexpected_in_bank", "duplicate_in_bank")]
        assert [ln["reference"] for ln in own] == refs, c["id"]
        for ln, t in zip(own, c["transfers"]):
            assert ln["expected"] == t["amount"], (c["id"], ln)
        for ln in lines:
            if ln["status"] in ("unexpected_in_bank", "duplicate_in_bank"):
                assert ln["expected"] == "0.00", (c["id"], ln)
            if ln["status"] == "missing_in_bank":
                assert ln["paid"] == "0.00", (c["id"], ln)
            if ln["status"] == "matched":
                assert ln["paid"] == ln["expected"], (c["id"], ln)
            if ln["status"] == "amount_mismatch":
                assert ln["paid"] != ln["expected"], (c["id"], ln)
        definite = [ln["reference"] for ln in own
                    if ln["status"] == "missing_in_bank"
                    or (ln["status"] == "failed" and not ln.get("detail_nonempty"))]
        assert definite == c["resend"], (c["id"], definite, c["resend"])
        clean = all(ln["status"] == "matched" and not ln.get("detail_nonempty") for ln in lines)
        assert c["exit_code"] == (0 if clean else 1), c["id"]
        t = c["totals"]
        se = sum(money(ln["expected"]) for ln in lines)
        sp = sum(money(ln["paid"]) for ln in lines)
        assert f"{se:.2f}" == t["expected"], (c["id"], se)
        assert f"{sp:.2f}" == t["paid"], (c["id"], sp)
        assert f"{sp - se:.2f}" == t["diff"], (c["id"], sp - se)


def main():
    self_check()
    out = Path(__file__).with_name("cases.json")
    out.write_text(json.dumps(CASES, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {len(CASES)} cases to {out}")


if __name__ == "__main__":
    main()
