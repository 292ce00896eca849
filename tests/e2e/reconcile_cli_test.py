"""The reconcile command end to end on samples/reconcile-2026 (made by scripts/make-reconcile-samples,
which states what each bank row exercises): the statuses, the totals explained line by line, the
workbook's sheets, resend.csv byte-identical to the expected re-send batch, the second round on
the re-sent batch's GBK result file, exit codes for cron (1 when anything needs attention, 0 when
everything matched), and a result file without a required column refused with nothing written."""
import csv
import io
from decimal import Decimal

import openpyxl

import harness

SAMPLE = "samples/reconcile-2026"


def lines(out):
    return list(csv.DictReader(io.StringIO((out / "reconcile.csv").read_text(encoding="utf-8-sig"))))


class ReconcileCli(harness.TempDirTest):
    def reconcile(self, out, transfers, *banks):
        args = ["reconcile", "--transfers", harness.source(SAMPLE, transfers)]
        for b in banks:
            args += ["--bank", b if not isinstance(b, str) else harness.source(SAMPLE, b)]
        return harness.run_huzhu(*args, "--out", out)

    def test_first_round(self):
        out = self.tmp / "round1"
        r = self.reconcile(out, "transfers.csv", "bank-result.xlsx")
        self.assertEqual(r.returncode, 1, r.stdout + r.stderr)  # something needs attention
        got = lines(out)
        status = {}
        for line in got:
            status.setdefault(line["reference"], []).append(line["status"])
        self.assertEqual(status["IM2026H-000002"], ["failed"])
        self.assertEqual(status["IM2026H-000004"], ["amount_mismatch"])
        self.assertEqual(status["IM2026H-000005"], ["missing_in_bank"])
        self.assertEqual(status["IM2026H-000006"], ["matched"])  # no reference: account + amount
        self.assertEqual(status["IM2026H-000008"], ["matched"])
        # The bank's second payment shows the bank's own row (its 附言, card and name).
        self.assertEqual(status["代发IM2026H-000008 医疗互助金"], ["duplicate_in_bank"])
        self.assertEqual(status["IM2026H-000009"], ["matched"])  # number-cell noise, same fen
        self.assertEqual(status["代发 其他单位"], ["unexpected_in_bank"])
        name = next(x for x in got if x["reference"] == "IM2026H-000007")
        self.assertIn("户名不一致", name["detail"])
        # Every transfer once (plus the duplicate and the stranger's row).
        transfers = list(csv.DictReader(io.StringIO(
            harness.source(SAMPLE, "transfers.csv").read_text(encoding="utf-8-sig"))))
        self.assertEqual(len(got), len(transfers) + 2)
        # The difference is explained line by line: Σ (paid − expected) = paid − expected totals.
        expected = sum(Decimal(t["amount"]) for t in transfers)
        paid = sum(Decimal(x["paid"]) for x in got)
        self.assertEqual(sum(Decimal(x["paid"]) - Decimal(x["expected"]) for x in got), paid - expected)
        # By hand: −1,320.01 − 2,440.00 (failed) − 0.01 (mismatch) − 33,560.00 (missing)
        # + 473,560.00 (paid twice) + 888.00 (not ours) = 437,127.98.
        self.assertEqual(paid - expected, Decimal("437127.98"))
        self.assertEqual((out / "resend.csv").read_bytes(), harness.source(SAMPLE, "resend.csv").read_bytes())

        wb = openpyxl.load_workbook(out / "reconcile.xlsx")
        self.assertEqual(wb.sheetnames, ["汇总", "明细", "重发", "问题"])
        summary = {r[0]: r[1] for r in wb["汇总"].iter_rows(min_row=2, values_only=True)}
        self.assertEqual(summary["差额（实付 − 应付）"], "437,127.98")
        self.assertTrue(summary["重发笔数（失败和银行无记录）"].startswith("3 笔，37,320.01"))
        detail = wb["明细"]
        self.assertEqual(detail.freeze_panes, "A2")
        fills = {row[0].value: str(row[0].fill.fgColor.rgb) for row in detail.iter_rows(min_row=2)}
        self.assertTrue(fills["IM2026H-000002"].endswith("FFC7CE"))  # highlighted
        self.assertFalse(fills["IM2026H-000001"].endswith("FFC7CE"))
        self.assertEqual([r[0] for r in wb["重发"].iter_rows(min_row=2, values_only=True)],
                         ["IM2026H-000002", "IM2026H-000003", "IM2026H-000005"])
        check = harness.contract_check(out)
        self.assertEqual(check.returncode, 0, check.stdout)

    def test_second_round_on_the_resend_batch(self):
        out = self.tmp / "round2"
        r = self.reconcile(out, "resend.csv", "bank-result-resend.csv")  # a GBK CSV from the bank
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        self.assertEqual([x["status"] for x in lines(out)], ["matched"] * 3)
        self.assertEqual((out / "resend.csv").read_text(encoding="utf-8-sig").splitlines(),
                         ["reference,payee,account,bank,amount,claim_ids"])

    def test_bank_file_without_amount_writes_nothing(self):
        bad = self.tmp / "bank.csv"
        bad.write_text("账号,户名\n6222028300152234676,崔文博\n", encoding="utf-8")
        out = self.tmp / "out"
        r = self.reconcile(out, "transfers.csv", bad)
        self.assertEqual(r.returncode, 3, r.stdout + r.stderr)
        self.assertIn("金额", r.stderr)
        self.assertFalse(out.exists())


if __name__ == "__main__":
    harness.main()
