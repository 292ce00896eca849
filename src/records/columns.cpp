#include "records/columns.h"

#include "core/diagnostics.h"
#include "core/text.h"

#include <stdexcept>

namespace huzhu {

namespace {

using T = FieldType;
using N = Need;

FieldSpec F(std::string key, std::string zh, FieldType type, Need need = N::kOptional,
            std::string when = "", std::vector<std::string> aliases = {}) {
  return FieldSpec{std::move(key), std::move(zh), type, need, std::move(when), std::move(aliases)};
}

}  // namespace

const FieldSpec* TableSpec::Find(std::string_view wanted) const {
  for (const FieldSpec& f : fields) {
    if (f.key == wanted) return &f;
  }
  return nullptr;
}

FieldId TableSpec::Id(std::string_view wanted) const {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (fields[i].key == wanted) return FieldId{static_cast<int>(i)};
  }
  throw std::logic_error("table " + key + " has no field " + std::string(wanted));
}

// Data contract, "members (会员名单)".
const TableSpec& MembersTable() {
  static const TableSpec spec{
      "members",
      "会员名单",
      {
          F("id_number", "身份证号", T::kIdNumber, N::kRequired),
          F("name", "姓名", T::kText, N::kRequired),
          F("unit_code", "单位编码", T::kText, N::kRequired),
          F("unit_name", "单位名称", T::kText),
          F("region", "所属地区", T::kText, N::kConditional, "score 需要"),
          F("project", "项目", T::kText),
          F("category", "人员类别", T::kText),
          F("enrolment_type", "参互类型", T::kText),
          F("enrolled_on", "参互日期", T::kDate, N::kConditional, "视方案而定（2021 年必填）"),
          F("extension_from", "顺延起始日期", T::kDate),
          F("consecutive_years", "连续参互年数", T::kInteger),
          F("allowance_last_period", "上期享受住院补贴", T::kBool),
          F("renewed_next", "下期续互", T::kBool),
          F("insurance", "医保类型", T::kText),
          F("sex", "性别", T::kText),
          F("bank_account", "银行卡号", T::kBankCard, N::kConditional, "生成代发文件需要"),
          F("bank_name", "开户行", T::kText),
          F("union_card", "工会卡号", T::kText, N::kConditional, "武进方案需要"),
          F("paid_to_date", "已发放补助", T::kMoney),
          F("spouse_id", "配偶身份证号", T::kIdNumber),
      }};
  return spec;
}

// Data contract, "claims (结算明细)".
const TableSpec& ClaimsTable() {
  static const TableSpec spec{
      "claims",
      "结算明细",
      {
          F("claim_id", "申领编号", T::kText, N::kRequired),
          F("id_number", "身份证号", T::kIdNumber, N::kRequired),
          F("name", "姓名", T::kText),
          F("kind", "类型", T::kText),
          F("transfer_of", "续转申领编号", T::kText),
          F("unfiled_referral_extra", "未备案转诊增加自付", T::kMoney),
          F("admitted_on", "入院日期", T::kDate, N::kConditional, "住院必填"),
          F("discharged_on", "出院日期", T::kDate, N::kConditional, "住院必填"),
          F("days", "住院天数", T::kInteger),
          F("pooled_cost", "进入统筹费用", T::kMoney),
          F("fund_paid", "统筹基金等已支付费用", T::kMoney),
          F("self_pay", "个人自付", T::kMoney),
          F("out_of_pocket", "个人自理", T::kMoney, N::kConditional, "武进方案需要"),
          F("total_cost", "住院总费用", T::kMoney, N::kConditional, "武进交通事故需要"),
          F("liability_share", "责任比例", T::kPercent, N::kConditional, "武进交通事故需要"),
          F("remaining_burden", "互助后个人自负", T::kMoney, N::kConditional, "衡阳方案需要"),
          F("insurance_settled", "医保结算", T::kBool),
          F("cause", "病因", T::kText),
          F("referral_filed", "转诊备案", T::kBool),
          F("insurance_arrears", "医保欠费", T::kBool),
          F("outcome", "出院情况", T::kText),
          F("settled_on", "结算日期", T::kDate),
          F("claimed_on", "申领日期", T::kDate),
          F("diagnosis", "病种", T::kText, N::kConditional, "女性馨康需要"),
          F("treatment", "治疗方式", T::kText, N::kConditional, "女性馨康需要"),
          F("diagnosed_on", "确诊日期", T::kDate, N::kConditional, "女性馨康需要"),
          F("pre_existing", "既往病史", T::kBool),
          F("hospital_level", "医院等级", T::kInteger),
          F("hospital_local", "本地医院", T::kBool),
          F("injury_grade", "伤残等级", T::kText, N::kConditional, "武进工伤需要"),
          F("critical_illness", "重疾类别", T::kText, N::kConditional, "武进重大疾病需要"),
      }};
  return spec;
}

// Data contract, "units (单位)".
const TableSpec& UnitsTable() {
  static const TableSpec spec{
      "units",
      "单位",
      {
          F("unit_code", "单位编码", T::kText, N::kRequired),
          F("unit_name", "单位名称", T::kText),
          F("region", "所属地区", T::kText),
          F("employees", "在职职工人数", T::kInteger, N::kRequired),
          F("female_employees", "在职女职工人数", T::kInteger, N::kConditional, "女性馨康需要"),
          F("eligible", "符合条件人数", T::kInteger, N::kConditional, "衡阳方案需要"),
      }};
  return spec;
}

// Data contract, "targets (目标)".
const TableSpec& TargetsTable() {
  static const TableSpec spec{
      "targets",
      "目标",
      {
          F("region", "地区", T::kText, N::kRequired),
          F("project", "项目", T::kText, N::kRequired),
          F("target", "目标人数", T::kInteger, N::kRequired),
          F("includes", "包含地区", T::kText),
          F("last_year", "上年参互人数", T::kInteger),
          F("source", "来源", T::kText),
      }};
  return spec;
}

// Data contract, "manual scores".
const TableSpec& ManualScoresTable() {
  static const TableSpec spec{
      "manual_scores",
      "人工评分",
      {
          F("region", "地区", T::kText, N::kRequired),
          F("organisation", "组织领导", T::kScore),
          F("claim_review", "申领审核", T::kScore),
          F("management", "日常管理", T::kScore),
          F("publicity", "新闻宣传", T::kScore),
      }};
  return spec;
}

// Data contract, "bank results (银行回单)", with the common bank header variants.
const TableSpec& BankResultsTable() {
  static const TableSpec spec{
      "bank_results",
      "银行回单",
      {
          F("account", "账号", T::kBankCard, N::kRequired, "", {"收款人账号", "收款账号"}),
          F("payee", "户名", T::kText, N::kRequired, "", {"收款人姓名"}),
          F("amount", "金额", T::kMoney, N::kRequired, "", {"交易金额"}),
          F("status", "状态", T::kText, N::kOptional, "", {"交易状态", "处理结果"}),
          F("failure_reason", "失败原因", T::kText, N::kOptional, "", {"备注"}),
          F("reference", "附言", T::kText, N::kOptional, "", {"用途", "摘要", "交易附言"}),
      }};
  return spec;
}

// The transfer file `payout` writes (transfers.csv, English headers) and `reconcile` reads back;
// the Chinese names are those of the 会员汇总 sheet, so a clerk's re-typed copy reads too.
const TableSpec& TransfersTable() {
  static const TableSpec spec{
      "transfers",
      "代发文件",
      {
          F("reference", "代发参考号", T::kText, N::kRequired),
          F("payee", "收款人", T::kText, N::kRequired),
          F("account", "银行卡号", T::kText, N::kRequired),
          F("bank", "开户行", T::kText),
          F("amount", "代发金额", T::kMoney, N::kRequired),
          F("claim_ids", "代发所含申领", T::kText),
      }};
  return spec;
}

const std::vector<const TableSpec*>& AllTables() {
  static const std::vector<const TableSpec*> all{&MembersTable(),     &ClaimsTable(),
                                                 &UnitsTable(),       &TargetsTable(),
                                                 &ManualScoresTable(), &BankResultsTable(),
                                                 &TransfersTable()};
  return all;
}

const FieldSpec* MatchHeader(const TableSpec& table, std::string_view header_text) {
  const std::string norm = NormalizeText(header_text);
  if (norm.empty()) return nullptr;
  const std::string lower = AsciiLower(norm);
  for (const FieldSpec& f : table.fields) {
    if (norm == f.zh || lower == f.key) return &f;
    for (const std::string& alias : f.aliases) {
      if (norm == alias) return &f;
    }
  }
  return nullptr;
}

std::string AcceptedNames(const FieldSpec& field) {
  std::string out = field.zh;
  for (const std::string& alias : field.aliases) out += " / " + alias;
  out += " / " + field.key;
  return out;
}

HeaderMap::HeaderMap(const TableSpec& table, const Row& header_row, const std::string& file,
                     const std::string& sheet)
    : table_(&table),
      file_(file),
      sheet_(sheet),
      header_row_(header_row.number),
      column_of_(table.fields.size(), -1) {
  headers_.reserve(header_row.cells.size());
  for (std::size_t c = 0; c < header_row.cells.size(); ++c) {
    headers_.push_back(std::string(Trim(header_row.cells[c].text)));
  }
  for (std::size_t c = 0; c < headers_.size(); ++c) {
    const FieldSpec* field = MatchHeader(table, headers_[c]);
    if (field == nullptr) continue;
    const auto index = static_cast<std::size_t>(field - table.fields.data());
    if (column_of_[index] >= 0) {
      const int first = column_of_[index];
      throw Error(ErrorKind::kInput, Location(file, sheet, header_row_, static_cast<int>(c)),
                  Tr("列“" + headers_[c] + "”与 " + ColumnLetter(first) + " 列“" + headers_[first] +
                         "”是同一列（" + AcceptedNames(*field) + "）：请删除其中一列",
                     "column '" + headers_[c] + "' names the same field as column " +
                         ColumnLetter(first) + " '" + headers_[first] + "' (" +
                         AcceptedNames(*field) + "): remove one of them"));
    }
    column_of_[index] = static_cast<int>(c);
    matches_.push_back(Match{static_cast<int>(c), field});
  }
}

int HeaderMap::ColumnOf(std::string_view key) const {
  if (table_ == nullptr) return -1;
  for (std::size_t i = 0; i < table_->fields.size(); ++i) {
    if (table_->fields[i].key == key) return column_of_[i];
  }
  return -1;
}

const std::string& HeaderMap::HeaderText(int column) const {
  static const std::string kNone;
  if (column < 0 || static_cast<std::size_t>(column) >= headers_.size()) return kNone;
  return headers_[static_cast<std::size_t>(column)];
}

int HeaderMap::MatchedCount() const { return static_cast<int>(matches_.size()); }

std::vector<const FieldSpec*> HeaderMap::MissingRequired() const {
  std::vector<const FieldSpec*> missing;
  if (table_ == nullptr) return missing;
  for (std::size_t i = 0; i < table_->fields.size(); ++i) {
    if (table_->fields[i].need == Need::kRequired && column_of_[i] < 0) {
      missing.push_back(&table_->fields[i]);
    }
  }
  return missing;
}

void HeaderMap::RequireAll() const {
  const auto missing = MissingRequired();
  if (missing.empty()) return;
  std::string zh = "缺少必填列";
  std::string en = "missing required column";
  for (std::size_t i = 0; i < missing.size(); ++i) {
    zh += (i == 0 ? "：" : "；") + missing[i]->zh + "（可用列名：" + AcceptedNames(*missing[i]) + "）";
    en += (i == 0 ? ": " : "; ") + missing[i]->key + " (accepted names: " +
          AcceptedNames(*missing[i]) + ")";
  }
  throw Error(ErrorKind::kInput, Location(file_, sheet_, header_row_), Tr(zh, en));
}

}  // namespace huzhu
