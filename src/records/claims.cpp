#include "records/claims.h"


#include "core/text.h"
#include "records/table_reader.h"

namespace huzhu {

namespace {
// Fields resolved once (O(1) access per row).
const FieldId f_admitted_on = ClaimsTable().Id("admitted_on");
const FieldId f_cause = ClaimsTable().Id("cause");
const FieldId f_claim_id = ClaimsTable().Id("claim_id");
const FieldId f_claimed_on = ClaimsTable().Id("claimed_on");
const FieldId f_critical_illness = ClaimsTable().Id("critical_illness");
const FieldId f_days = ClaimsTable().Id("days");
const FieldId f_diagnosed_on = ClaimsTable().Id("diagnosed_on");
const FieldId f_diagnosis = ClaimsTable().Id("diagnosis");
const FieldId f_discharged_on = ClaimsTable().Id("discharged_on");
const FieldId f_hospital_level = ClaimsTable().Id("hospital_level");
const FieldId f_hospital_local = ClaimsTable().Id("hospital_local");
const FieldId f_id_number = ClaimsTable().Id("id_number");
const FieldId f_injury_grade = ClaimsTable().Id("injury_grade");
const FieldId f_insurance_arrears = ClaimsTable().Id("insurance_arrears");
const FieldId f_insurance_settled = ClaimsTable().Id("insurance_settled");
const FieldId f_kind = ClaimsTable().Id("kind");
const FieldId f_liability_share = ClaimsTable().Id("liability_share");
const FieldId f_name = ClaimsTable().Id("name");
const FieldId f_outcome = ClaimsTable().Id("outcome");
const FieldId f_pre_existing = ClaimsTable().Id("pre_existing");
const FieldId f_pooled_cost = ClaimsTable().Id("pooled_cost");
const FieldId f_fund_paid = ClaimsTable().Id("fund_paid");
const FieldId f_self_pay = ClaimsTable().Id("self_pay");
const FieldId f_unfiled_referral_extra = ClaimsTable().Id("unfiled_referral_extra");
const FieldId f_out_of_pocket = ClaimsTable().Id("out_of_pocket");
const FieldId f_total_cost = ClaimsTable().Id("total_cost");
const FieldId f_remaining_burden = ClaimsTable().Id("remaining_burden");
const FieldId f_referral_filed = ClaimsTable().Id("referral_filed");
const FieldId f_settled_on = ClaimsTable().Id("settled_on");
const FieldId f_transfer_of = ClaimsTable().Id("transfer_of");
const FieldId f_treatment = ClaimsTable().Id("treatment");
}  // namespace

ClaimFile ReadClaims(const std::vector<std::string>& files, const std::string& sheet,
                     ProblemList& problems, const ProgressFn& progress) {
  ClaimFile out;
  // The claim vector is reserved from the first rows' size (a Claim is about 550 bytes).
  RowReservation reservation(
      files, std::size_t{1} << 24, [&out] { return out.claims.size(); },
      [&out](std::size_t rows) { out.claims.reserve(rows); });
  const ProgressFn reserve_and_report = reservation.Wrap(progress);
  for (const std::string& path : files) {
    reservation.StartFile();
    const auto file_index = static_cast<std::uint16_t>(out.files.size());
    out.files.push_back(InputFile{path, ""});
    bool sheet_known = false;
    ForEachRecord(
        path, sheet, ClaimsTable(),
        [&](const RowView& row) {
          if (!sheet_known) {
            out.files[file_index].sheet = row.Where(f_claim_id).sheet;
            sheet_known = true;
          }
          Claim c;
          c.input_index = static_cast<std::uint32_t>(out.claims.size());
          c.row = row.number();
          c.file = file_index;
          c.claim_id = NormalizeText(row.View(f_claim_id));
          auto note = [&](const Location& where, const std::string& message) {
            problems.Error(where, message, c.claim_id);
            if (c.invalid.empty()) c.invalid = message;
          };
          auto attempt = [&](auto&& fn) {
            try {
              fn();
            } catch (const Error& e) {
              note(e.where(), e.message());
            }
          };
          if (c.claim_id.empty()) note(row.Where(f_claim_id), Tr("申领编号为空", "the claim id is empty"));
          // The well-formed case without a normalised copy first; GetIdNumber explains others.
          if (const auto quick = row.WellFormedIdNumber(f_id_number)) {
            c.id_number.assign(quick->view());
          } else {
            c.id_number = NormalizeText(row.View(f_id_number));
            if (c.id_number.empty()) {
              note(row.Where(f_id_number), Tr("身份证号为空", "the ID number is empty"));
            } else {
              attempt([&] { c.id_number = row.GetIdNumber(f_id_number)->digits; });
            }
          }
          c.name = row.Text(f_name);
          c.transfer_of = NormalizeText(row.View(f_transfer_of));
          if (const std::string k = row.Text(f_kind); !k.empty()) {
            if (const auto kind = ParseClaimKind(k)) {
              c.kind = *kind;
            } else {
              note(row.Where(f_kind), Tr("类型“" + k + "”无法识别，可选：" + KindChoices(),
                                         "unknown kind '" + k + "'; choose: " + KindChoices()));
            }
          }
          if (const std::string k = row.Text(f_cause); !k.empty()) {
            if (const auto cause = ParseCause(k)) {
              c.cause = *cause;
            } else {
              note(row.Where(f_cause), Tr("病因“" + k + "”无法识别，可选：" + CauseChoices(),
                                          "unknown cause '" + k + "'; choose: " + CauseChoices()));
            }
          }
          attempt([&] { c.admitted_on = row.GetDate(f_admitted_on); });
          attempt([&] { c.discharged_on = row.GetDate(f_discharged_on); });
          attempt([&] { c.settled_on = row.GetDate(f_settled_on); });
          attempt([&] { c.claimed_on = row.GetDate(f_claimed_on); });
          attempt([&] { c.diagnosed_on = row.GetDate(f_diagnosed_on); });
          attempt([&] {
            c.days = row.GetInteger(f_days);
            if (c.days && *c.days < 0) note(row.Where(f_days), Tr("住院天数不能为负", "days cannot be negative"));
          });
          auto money = [&](FieldId key, std::optional<Money>& field) {
            attempt([&] {
              field = row.GetMoney(key);
              if (field && *field < Money()) {
                note(row.Where(key), Tr("金额不能为负：" + FormatMoney(*field),
                                        "the amount cannot be negative: " + FormatMoney(*field)));
              }
            });
          };
          money(f_pooled_cost, c.pooled_cost);
          money(f_fund_paid, c.fund_paid);
          money(f_self_pay, c.self_pay);
          money(f_unfiled_referral_extra, c.unfiled_referral_extra);
          money(f_out_of_pocket, c.out_of_pocket);
          money(f_total_cost, c.total_cost);
          money(f_remaining_burden, c.remaining_burden);
          attempt([&] { c.liability_share = row.GetPercent(f_liability_share); });
          attempt([&] { c.hospital_level = row.GetInteger(f_hospital_level); });
          attempt([&] { c.insurance_settled = row.GetBool(f_insurance_settled).value_or(true); });
          attempt([&] { c.referral_filed = row.GetBool(f_referral_filed).value_or(true); });
          attempt([&] { c.insurance_arrears = row.GetBool(f_insurance_arrears).value_or(false); });
          attempt([&] { c.pre_existing = row.GetBool(f_pre_existing).value_or(false); });
          attempt([&] { c.hospital_local = row.GetBool(f_hospital_local).value_or(true); });
          const std::string outcome = NormalizeText(row.View(f_outcome));
          c.died = outcome == "死亡" || AsciiLower(outcome) == "died";
          c.diagnosis = NormalizeText(row.View(f_diagnosis));
          c.treatment = NormalizeText(row.View(f_treatment));
          c.injury_grade = NormalizeText(row.View(f_injury_grade));
          c.critical_illness = NormalizeText(row.View(f_critical_illness));
          if (c.admitted_on && c.discharged_on && *c.discharged_on < *c.admitted_on) {
            note(row.Where(f_discharged_on),
                 Tr("出院日期 " + c.discharged_on->ToIso() + " 早于入院日期 " + c.admitted_on->ToIso(),
                    "discharged " + c.discharged_on->ToIso() + " before admission " +
                        c.admitted_on->ToIso()));
          }
          out.claims.push_back(std::move(c));
        },
        reserve_and_report);
  }
  return out;
}

}  // namespace huzhu
