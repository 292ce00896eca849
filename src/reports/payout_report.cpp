#include "reports/payout_report.h"

#include <array>
#include <cstdio>
#include <stdexcept>

#include "core/diagnostics.h"
#include "io/csv_writer.h"
#include "io/xlsx_writer.h"

namespace huzhu {

namespace {

std::string Days(std::int32_t d) { return d < 0 ? "" : std::to_string(d); }

}  // namespace

const std::vector<std::string>& PayoutCsvColumns() {
  static const std::vector<std::string> cols{
      "claim_id",      "id_number",     "name",           "unit_code",   "region",
      "kind",          "status",        "reason",         "self_pay",    "covered_days",
      "stay_days",     "medical_subsidy", "allowance",    "top_up",      "death_benefit",
      "lump_sum",      "second_subsidy", "total",         "note",        "input_file",
      "input_row"};
  return cols;
}

PayoutSummary SummarizePayouts(const RuleSet& rules, const MemberTable& members,
                               const ClaimFile& claims, const std::vector<ClaimResult>& results) {
  PayoutSummary s;
  // member → index in s.members (-1: none yet); a flat array over the ledger (4 bytes a member)
  // rather than a hash map with a node per member.
  std::vector<std::int32_t> line_of(members.size(), -1);
  std::array<std::int64_t, 256> reason_counts{};  // by Reason; into by_reason at the end
  s.rows_in = static_cast<std::int64_t>(results.size());
  for (const ClaimResult& r : results) {
    switch (r.status) {
      case Status::kPaid: ++s.paid; break;
      case Status::kReview: ++s.review; break;
      case Status::kRejected: ++s.rejected; break;
    }
    ++reason_counts[static_cast<std::size_t>(r.reason)];
    s.medical_subsidy += r.medical_subsidy;
    s.allowance += r.allowance;
    s.top_up += r.top_up;
    s.death_benefit += r.death_benefit;
    s.lump_sum += r.lump_sum;
    s.second_subsidy += r.second_subsidy;
    s.claim_total += r.total();
    if (r.status == Status::kPaid) s.paid_total += r.total();
    if (r.status == Status::kReview) s.review_total += r.total();
    if (r.member < 0) continue;
    std::int32_t& line = line_of.at(static_cast<std::size_t>(r.member));
    if (line < 0) {
      line = static_cast<std::int32_t>(s.members.size());
      MemberLine added;
      added.member = r.member;
      s.members.push_back(added);
    }
    MemberLine& t = s.members[static_cast<std::size_t>(line)];
    ++t.claims;
    if (r.status == Status::kPaid) {
      ++t.paid_count;
      t.paid += r.total();
    } else if (r.status == Status::kReview) {
      ++t.review_count;
      t.review += r.total();
    } else {
      ++t.rejected_count;
    }
  }
  for (std::size_t reason = 1; reason < reason_counts.size(); ++reason) {
    if (reason_counts[reason] > 0) {
      s.by_reason[ReasonCode(static_cast<Reason>(reason))] = reason_counts[reason];
    }
  }
  // Transfers: one per member with a positive paid total, in order of the member's first claim.
  const std::string prefix = ReferencePrefix(rules);
  for (MemberLine& t : s.members) {
    s.member_total += t.paid + t.review;
    if (t.paid <= Money()) continue;
    t.transfer = static_cast<std::int64_t>(s.transfers.size());
    char seq[16];
    std::snprintf(seq, sizeof seq, "%06zu", s.transfers.size() + 1);
    s.transfers.push_back(Transfer{prefix + "-" + seq, t.member, t.paid, {}});
    s.transfer_total += t.paid;
    if (members.at(static_cast<std::size_t>(t.member)).bank_account.empty()) {
      ++s.transfers_without_account;
    }
  }
  for (std::uint32_t i = 0; i < results.size(); ++i) {
    const ClaimResult& r = results[i];
    if (r.member < 0 || r.status != Status::kPaid || r.total() <= Money()) continue;
    const auto line = static_cast<std::size_t>(line_of[static_cast<std::size_t>(r.member)]);
    const MemberLine& t = s.members[line];
    if (t.transfer >= 0) s.transfers[static_cast<std::size_t>(t.transfer)].claims.push_back(i);
  }
  s.members_with_claims = static_cast<std::int64_t>(s.members.size());
  (void)claims;
  // Invariant (rules reference §1: the period cap counts every payout of the scheme, review
  // included): no member is paid more than the cap.
  if (rules.Has("period_cap.amount")) {
    const Money cap = rules.GetMoney("period_cap.amount");
    for (const MemberLine& t : s.members) {
      if (t.paid + t.review > cap) {
        throw std::logic_error("member over the period cap: " + FormatMoney(t.paid + t.review) +
                               " > " + FormatMoney(cap));
      }
    }
  }
  // Invariants (data contract): every row is counted once and every fen adds up.
  if (s.rows_in != s.paid + s.review + s.rejected || s.claim_total != s.paid_total + s.review_total ||
      s.claim_total != s.member_total || s.transfer_total != s.paid_total) {
    throw std::logic_error("payout totals do not reconcile: claims " + FormatMoney(s.claim_total) +
                           ", members " + FormatMoney(s.member_total) + ", transfers " +
                           FormatMoney(s.transfer_total) + " + review " + FormatMoney(s.review_total));
  }
  return s;
}

namespace {

// Views into the member table (or the claim, for a claim without a member).
struct LineText {
  std::string_view name, unit, region;
};

LineText TextOf(const MemberTable& members, const Claim& c, const ClaimResult& r) {
  const Member* m = r.member >= 0 ? &members.at(static_cast<std::size_t>(r.member)) : nullptr;
  if (m == nullptr) return LineText{c.name, {}, {}};
  return LineText{m->name, m->unit_code, m->region};
}

void WritePayoutCsv(const std::string& path, const MemberTable& members, const ClaimFile& claims,
                    const std::vector<ClaimResult>& results) {
  CsvWriter csv(path);
  csv.Header(PayoutCsvColumns());
  for (std::uint32_t i = 0; i < results.size(); ++i) {
    const Claim& c = claims.claims[i];
    const ClaimResult& r = results[i];
    const LineText t = TextOf(members, c, r);
    csv.Text(c.claim_id);
    csv.Text(c.id_number);
    csv.Text(t.name);
    csv.Text(t.unit);
    csv.Text(t.region);
    csv.Text(KindCode(c.kind));
    csv.Text(StatusCode(r.status));
    csv.Text(ReasonCode(r.reason));
    if (r.self_pay) csv.MoneyField(*r.self_pay); else csv.Blank();
    csv.Text(Days(r.covered_days));
    csv.Text(Days(r.stay_days));
    csv.MoneyField(r.medical_subsidy);
    csv.MoneyField(r.allowance);
    csv.MoneyField(r.top_up);
    csv.MoneyField(r.death_benefit);
    csv.MoneyField(r.lump_sum);
    csv.MoneyField(r.second_subsidy);
    csv.MoneyField(r.total());
    csv.Text(r.note);
    csv.Text(claims.files[c.file].path);
    csv.Integer(c.row);
    csv.EndRow();
  }
  csv.Close();
}

// The claims a transfer pays, "C1;C2" (paid claims with a positive total, input order).
std::string ClaimIds(const Transfer& t, const ClaimFile& claims) {
  std::string ids;
  for (std::uint32_t i : t.claims) ids += (ids.empty() ? "" : ";") + claims.claims[i].claim_id;
  return ids;
}

// transfers.csv (代发): one row per member with a positive paid total.
void WriteTransfersCsv(const std::string& path, const MemberTable& members,
                       const ClaimFile& claims, const PayoutSummary& summary) {
  CsvWriter csv(path);
  csv.Header({"reference", "payee", "account", "bank", "amount", "claim_ids"});
  for (const Transfer& t : summary.transfers) {
    const Member& m = members.at(static_cast<std::size_t>(t.member));
    csv.Text(t.reference);
    csv.Text(m.name);
    csv.Text(m.bank_account);
    csv.Text(m.bank_name);
    csv.MoneyField(t.amount);
    csv.Text(ClaimIds(t, claims));
    csv.EndRow();
  }
  csv.Close();
}

void WritePayoutWorkbook(const std::string& path, const std::string& temp_dir,
                         const RuleSet& rules, const MemberTable& members,
                         const ClaimFile& claims, const std::vector<ClaimResult>& results,
                         const PayoutSummary& summary, const ProblemList& problems,
                         const std::vector<InputRecord>& inputs) {
  XlsxWorkbook book(path, temp_dir);

  // 汇总 first, so that it is the sheet a reviewer sees on opening.
  XlsxSheet& sum = book.AddKeyValueSheet("汇总", "项目", "数值");
  auto kv = [&sum](const std::string& k, const std::string& v) {
    sum.Text(k);
    sum.Text(v);
    sum.EndRow();
  };
  kv("规则", rules.id + "（" + rules.title + "）");
  kv("规则文件 SHA-256", rules.sha256);
  if (!rules.override_path.empty()) kv("覆盖文件", rules.override_path + "  SHA-256 " + rules.override_sha256);
  for (const InputRecord& in : inputs) kv(in.role, in.path + "（" + std::to_string(in.rows) + " 行）");
  kv("输入申领行数", std::to_string(summary.rows_in));
  kv("已赔付（paid）", std::to_string(summary.paid));
  kv("待复核（review）", std::to_string(summary.review));
  kv("拒付（rejected）", std::to_string(summary.rejected));
  kv("核对：行数守恒", std::to_string(summary.rows_in) + " = " + std::to_string(summary.paid) + " + " +
                           std::to_string(summary.review) + " + " + std::to_string(summary.rejected));
  for (const auto& [code, n] : summary.by_reason) kv("  原因 " + code, std::to_string(n));
  kv("医疗补助合计", FormatMoneyGrouped(summary.medical_subsidy));
  kv("住院补贴合计", FormatMoneyGrouped(summary.allowance));
  kv("补足金额合计", FormatMoneyGrouped(summary.top_up));
  kv("身故补助金合计", FormatMoneyGrouped(summary.death_benefit));
  kv("一次性补助合计", FormatMoneyGrouped(summary.lump_sum));
  kv("二次补助合计", FormatMoneyGrouped(summary.second_subsidy));
  kv("申领合计（已赔付 + 待复核）", FormatMoneyGrouped(summary.claim_total));
  kv("  其中已赔付", FormatMoneyGrouped(summary.paid_total));
  kv("  其中待复核（不在代发文件中）", FormatMoneyGrouped(summary.review_total));
  kv("会员合计", FormatMoneyGrouped(summary.member_total));
  kv("代发笔数", std::to_string(summary.transfers.size()));
  kv("代发金额", FormatMoneyGrouped(summary.transfer_total));
  kv("核对：申领合计 = 会员合计 = 代发金额 + 待复核",
     FormatMoneyGrouped(summary.claim_total) + " = " + FormatMoneyGrouped(summary.member_total) +
         " = " + FormatMoneyGrouped(summary.transfer_total) + " + " +
         FormatMoneyGrouped(summary.review_total));
  if (summary.transfers_without_account > 0) {
    kv("注意：无银行卡号的代发", std::to_string(summary.transfers_without_account) + " 笔（见问题表）");
  }
  // Parameters the source notice leaves unstated (Hengyang's first subsidy): what was not computed.
  for (const std::string& key : rules.UnstatedKeys()) {
    kv("未计算（来源通知未说明）", key + "（" + rules.Get(key).source + "）：未在本次结果中计算；可在覆盖文件中给出");
  }
  kv("问题：错误 / 警告", std::to_string(problems.errors()) + " / " + std::to_string(problems.warnings()));

  // 赔付明细 and payouts.csv: every claim row, in input order.
  XlsxSheet& lines = book.AddSheet(
      "赔付明细", {{"申领编号", ColumnFormat::kText, 0},     {"身份证号", ColumnFormat::kText, 20},
                   {"姓名", ColumnFormat::kText, 0},         {"单位编码", ColumnFormat::kText, 0},
                   {"所属地区", ColumnFormat::kText, 0},     {"类型", ColumnFormat::kText, 0},
                   {"状态", ColumnFormat::kText, 0},         {"原因代码", ColumnFormat::kText, 0},
                   {"原因", ColumnFormat::kText, 0},         {"个人自付", ColumnFormat::kMoney, 14},
                   {"保障期内天数", ColumnFormat::kInteger, 0}, {"住院天数", ColumnFormat::kInteger, 0},
                   {"医疗补助", ColumnFormat::kMoney, 14},   {"住院补贴", ColumnFormat::kMoney, 12},
                   {"补足金额", ColumnFormat::kMoney, 12},   {"身故补助金", ColumnFormat::kMoney, 12},
                   {"一次性补助", ColumnFormat::kMoney, 12}, {"二次补助", ColumnFormat::kMoney, 12},
                   {"合计", ColumnFormat::kMoney, 14},       {"说明", ColumnFormat::kText, 50},
                   {"来源文件", ColumnFormat::kText, 0},     {"来源行", ColumnFormat::kInteger, 0}});
  for (std::uint32_t i = 0; i < results.size(); ++i) {
    const Claim& c = claims.claims[i];
    const ClaimResult& r = results[i];
    const LineText t = TextOf(members, c, r);
    const std::string_view name = t.name;
    const std::string_view unit = t.unit;
    const std::string_view region = t.region;
    const std::string& file = claims.files[c.file].path;
    if (r.status == Status::kReview) lines.StyleRow(RowStyle::kAttention);
    lines.Text(c.claim_id);
    lines.Text(c.id_number);
    lines.Text(name);
    lines.Text(unit);
    lines.Text(region);
    lines.Text(KindName(c.kind));
    lines.Text(StatusName(r.status));
    lines.Text(ReasonCode(r.reason));
    lines.Text(ReasonName(r.reason));
    if (r.self_pay) {
      lines.MoneyCell(*r.self_pay);
    } else {
      lines.Blank();
    }
    if (r.covered_days >= 0) lines.Integer(r.covered_days); else lines.Blank();
    if (r.stay_days >= 0) lines.Integer(r.stay_days); else lines.Blank();
    lines.MoneyCell(r.medical_subsidy);
    lines.MoneyCell(r.allowance);
    lines.MoneyCell(r.top_up);
    lines.MoneyCell(r.death_benefit);
    lines.MoneyCell(r.lump_sum);
    lines.MoneyCell(r.second_subsidy);
    lines.MoneyCell(r.total());
    lines.Text(r.note);
    lines.Text(file);
    lines.Integer(c.row);
    lines.EndRow();
  }

  // 会员汇总: per-member totals, in order of each member's first claim.
  XlsxSheet& per_member = book.AddSheet(
      "会员汇总", {{"身份证号", ColumnFormat::kText, 20}, {"姓名", ColumnFormat::kText, 0},
                   {"单位编码", ColumnFormat::kText, 0},  {"单位名称", ColumnFormat::kText, 0},
                   {"所属地区", ColumnFormat::kText, 0},  {"申领笔数", ColumnFormat::kInteger, 0},
                   {"已赔付笔数", ColumnFormat::kInteger, 0}, {"待复核笔数", ColumnFormat::kInteger, 0},
                   {"拒付笔数", ColumnFormat::kInteger, 0}, {"已赔付金额", ColumnFormat::kMoney, 14},
                   {"待复核金额", ColumnFormat::kMoney, 14}, {"代发参考号", ColumnFormat::kText, 0},
                   {"代发所含申领", ColumnFormat::kText, 0}, {"银行卡号", ColumnFormat::kText, 22}, {"开户行", ColumnFormat::kText, 0}});
  for (const MemberLine& t : summary.members) {
    const Member& m = members.at(static_cast<std::size_t>(t.member));
    per_member.Text(m.id);
    per_member.Text(m.name);
    per_member.Text(m.unit_code);
    per_member.Text(m.unit_name);
    per_member.Text(m.region);
    per_member.Integer(t.claims);
    per_member.Integer(t.paid_count);
    per_member.Integer(t.review_count);
    per_member.Integer(t.rejected_count);
    per_member.MoneyCell(t.paid);
    per_member.MoneyCell(t.review);
    if (t.transfer >= 0) {
      const Transfer& tr = summary.transfers[static_cast<std::size_t>(t.transfer)];
      per_member.Text(tr.reference);
      per_member.Text(ClaimIds(tr, claims));
    } else {
      per_member.Blank();
      per_member.Blank();
    }
    per_member.Text(m.bank_account);
    per_member.Text(m.bank_name);
    per_member.EndRow();
  }

  WriteRulesSheet(book, rules, inputs);
  WriteProblemsSheet(book, problems);

  book.Close();
}

}  // namespace

void WritePayoutOutputs(OutputStage& stage, const RuleSet& rules, const MemberTable& members,
                        const ClaimFile& claims, const std::vector<ClaimResult>& results,
                        const PayoutSummary& summary, const ProblemList& problems,
                        const std::vector<InputRecord>& inputs) {
  // The workbook (libxlsxwriter, deflate) on a second thread while this one writes the CSVs.
  const std::string xlsx_path = stage.PathFor("payouts.xlsx");
  const std::string csv_path = stage.PathFor("payouts.csv");
  const std::string transfers_path = stage.PathFor("transfers.csv");
  WriteInParallel(
      [&] {
        WritePayoutWorkbook(xlsx_path, stage.staging_dir(), rules, members, claims, results,
                            summary, problems, inputs);
      },
      [&] {
        WritePayoutCsv(csv_path, members, claims, results);
        WriteTransfersCsv(transfers_path, members, claims, summary);
      });
}

}  // namespace huzhu
