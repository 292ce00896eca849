#include "records/members.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <cstdint>
#include <stdexcept>

#include <sys/mman.h>

#include "core/text.h"
#include "records/table_reader.h"

namespace huzhu {

namespace {
// Arena blocks of 4 MiB: large enough to hold whole 2 MiB pages for AdviseHugePages.
constexpr std::size_t kArenaBlock = std::size_t{4} << 20;

// Asks the kernel for transparent huge pages over the whole 2 MiB pages inside [data, data +
// bytes): a province's member records, texts and index (about 270 MB) then fault in 2 MiB at a
// time instead of 4 KiB (0.1-0.2 s less on the province bench). Only advice: where THP is off
// (or the call fails) nothing changes.
void AdviseHugePages(const void* data, std::size_t bytes) {
  constexpr std::uintptr_t kHuge = std::uintptr_t{2} << 20;
  const auto begin = reinterpret_cast<std::uintptr_t>(data);
  const std::uintptr_t first = (begin + kHuge - 1) & ~(kHuge - 1);
  const std::uintptr_t last = (begin + bytes) & ~(kHuge - 1);
  if (last > first) {
    madvise(reinterpret_cast<void*>(first), last - first, MADV_HUGEPAGE);
  }
}
}  // namespace

PackedText::PackedText(std::string_view text) {
  static_assert(sizeof(std::uintptr_t) == 8, "PackedText needs 64-bit addresses");
  const auto address = reinterpret_cast<std::uintptr_t>(text.data());
  if (text.size() > kMaxSize || (address & ~kAddressMask) != 0) {
    throw std::length_error("PackedText: text over 65,535 bytes or address above 2^48");
  }
  bits_ = (static_cast<std::uint64_t>(text.size()) << 48) | address;
}

std::string_view TextArena::Add(std::string_view text) {
  if (text.empty()) return {};
  // A member's texts are PackedText: longer ones are cut (at a character boundary). ReadMembers
  // lists such a row as a problem first, so nothing is cut silently.
  if (text.size() > PackedText::kMaxSize) {
    std::size_t cut = PackedText::kMaxSize;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    text = text.substr(0, cut);
  }
  if (used_ + text.size() > capacity_) {
    const std::size_t size = std::max(kArenaBlock, text.size());
    blocks_.push_back(std::unique_ptr<char[]>(new char[size]));  // not zeroed: written next
    AdviseHugePages(blocks_.back().get(), size);
    used_ = 0;
    capacity_ = size;
  }
  char* p = blocks_.back().get() + used_;
  std::memcpy(p, text.data(), text.size());
  used_ += text.size();
  return std::string_view(p, text.size());
}

namespace {
// A quick 64-bit hash of a short text (8 bytes at a time, each mixed by a multiply and a shift);
// never 0.
std::uint64_t TextHash(std::string_view text) {
  std::uint64_t h = 0x9E3779B97F4A7C15ull ^ text.size();
  std::size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, text.data() + i, 8);
    h = (h ^ w) * 0xBF58476D1CE4E5B9ull;
    h ^= h >> 31;
  }
  std::uint64_t w = 0;
  std::memcpy(&w, text.data() + i, text.size() - i);
  h = (h ^ w) * 0x94D049BB133111EBull;
  h ^= h >> 29;
  return h | 1;
}
}  // namespace

std::string_view TextArena::Intern(std::string_view text) {
  if (text.empty()) return {};
  if (2 * (interned_count_ + 1) > interned_.size()) GrowInterned();
  const std::uint64_t hash = TextHash(text);
  const std::size_t mask = interned_.size() - 1;
  for (std::size_t at = hash & mask;; at = (at + 1) & mask) {
    InternSlot& slot = interned_[at];
    if (slot.hash == 0) {
      slot.hash = hash;
      slot.text = Add(text);
      ++interned_count_;
      return slot.text;
    }
    if (slot.hash == hash && slot.text == text) return slot.text;
  }
}

void TextArena::GrowInterned() {
  std::vector<InternSlot> old = std::move(interned_);
  interned_.assign(old.empty() ? 1024 : 2 * old.size(), InternSlot{});
  const std::size_t mask = interned_.size() - 1;
  for (const InternSlot& slot : old) {
    if (slot.hash == 0) continue;
    std::size_t at = slot.hash & mask;
    while (interned_[at].hash != 0) at = (at + 1) & mask;
    interned_[at] = slot;
  }
}

std::optional<std::uint64_t> IdKey(std::string_view id) {
  if (id.size() != 18) return std::nullopt;
  std::uint64_t key = 0;
  for (std::size_t i = 0; i < 17; ++i) {
    if (id[i] < '0' || id[i] > '9') return std::nullopt;
    key = key * 10 + static_cast<std::uint64_t>(id[i] - '0');
  }
  return key;
}

namespace {
// Index keys: the 17-digit ID key and the project, so that one person may be in both projects.
std::uint64_t IndexKey(std::uint64_t id_key, Project project) {
  return id_key * 2 + static_cast<std::uint64_t>(project);
}
}  // namespace

std::int64_t MemberTable::Find(std::string_view id_number) const {
  return Find(id_number, project_);
}

std::int64_t MemberTable::Find(std::string_view id_number, Project project) const {
  const auto key = IdKey(id_number);
  if (!key || index_.empty()) return -1;
  const std::uint64_t k = IndexKey(*key, project) + 1;
  for (std::size_t at = SlotOf(k);; at = (at + 1) & (index_.size() - 1)) {
    const Slot& slot = index_[at];
    if (slot.key == k) return slot.member;
    if (slot.key == 0) return -1;
  }
}

// The home slot of a key: the top bits of its Fibonacci hash (the table is a power of two).
std::size_t MemberTable::SlotOf(std::uint64_t key) const {
  return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> index_shift_);
}

Location MemberTable::Where(const Member& m) const {
  const InputFile& f = files_[m.file];
  return Location(f.path, f.sheet, m.row);
}

void MemberTable::BuildIndex(ProblemList& problems) {
  // A power of two at least 1.5 times the members: at most 2/3 full.
  index_shift_ = 63;
  while ((std::size_t{1} << (64 - index_shift_)) < members_.size() + members_.size() / 2 + 1) {
    --index_shift_;
  }
  const std::size_t slots = std::size_t{1} << (64 - index_shift_);
  index_ = std::vector<Slot>();
  index_.reserve(slots);
  AdviseHugePages(index_.data(), slots * sizeof(Slot));
  index_.assign(slots, Slot{});
  // Each member's key (0: no valid ID) is worked out kAhead members early and its home slot
  // prefetched: a province's index is 32 MB, and each insert would otherwise wait on memory.
  constexpr std::uint32_t kAhead = 16;
  std::array<std::uint64_t, kAhead> ahead{};
  const auto n = static_cast<std::uint32_t>(members_.size());
  auto key_of = [this](std::uint32_t i) -> std::uint64_t {
    const auto id_key = IdKey(members_[i].id);
    return id_key ? IndexKey(*id_key, members_[i].project) + 1 : 0;
  };
  auto look_ahead = [&](std::uint32_t i) {
    const std::uint64_t k = i < n ? key_of(i) : 0;
    ahead[i % kAhead] = k;
    if (k != 0) __builtin_prefetch(&index_[SlotOf(k)], 1);
  };
  for (std::uint32_t i = 0; i < kAhead; ++i) look_ahead(i);
  // In row order: the first row of an ID wins; a repeat is listed as a problem.
  for (std::uint32_t i = 0; i < n; ++i) {
    const std::uint64_t k = ahead[i % kAhead];
    look_ahead(i + kAhead);
    if (k == 0) continue;
    for (std::size_t at = SlotOf(k);; at = (at + 1) & (index_.size() - 1)) {
      Slot& slot = index_[at];
      if (slot.key == 0) {
        slot = Slot{k, i};
        break;
      }
      if (slot.key != k) continue;
      const Member& first = members_[slot.member];
      const Member& again = members_[i];
      problems.Error(Where(again),
                     Tr("同一身份证号在本项目本期重复参互（首次出现在" + FormatLocation(Where(first)) +
                            "），以首行为准",
                        "the same ID is enrolled twice in this project and period (first at " +
                            FormatLocation(Where(first)) + "); the first row is used"));
      break;
    }
  }
}

namespace {
// Fields resolved once (O(1) access per row).
const FieldId f_category = MembersTable().Id("category");
const FieldId f_enrolment_type = MembersTable().Id("enrolment_type");
const FieldId f_insurance = MembersTable().Id("insurance");
const FieldId f_allowance_last_period = MembersTable().Id("allowance_last_period");
const FieldId f_bank_account = MembersTable().Id("bank_account");
const FieldId f_bank_name = MembersTable().Id("bank_name");
const FieldId f_consecutive_years = MembersTable().Id("consecutive_years");
const FieldId f_enrolled_on = MembersTable().Id("enrolled_on");
const FieldId f_extension_from = MembersTable().Id("extension_from");
const FieldId f_id_number = MembersTable().Id("id_number");
const FieldId f_name = MembersTable().Id("name");
const FieldId f_paid_to_date = MembersTable().Id("paid_to_date");
const FieldId f_project = MembersTable().Id("project");
const FieldId f_region = MembersTable().Id("region");
const FieldId f_renewed_next = MembersTable().Id("renewed_next");
const FieldId f_sex = MembersTable().Id("sex");
const FieldId f_spouse_id = MembersTable().Id("spouse_id");
const FieldId f_union_card = MembersTable().Id("union_card");
const FieldId f_unit_code = MembersTable().Id("unit_code");
const FieldId f_unit_name = MembersTable().Id("unit_name");
}  // namespace

MemberTable ReadMembers(const std::vector<std::string>& files, const std::string& sheet,
                        Project project, ProblemList& problems, const ProgressFn& progress) {
  return ReadMembers(files, sheet, project, false, problems, progress);
}

MemberTable ReadMembers(const std::vector<std::string>& files, const std::string& sheet,
                        Project project, bool all_projects, ProblemList& problems,
                        const ProgressFn& progress) {
  MemberTable table;
  table.project_ = project;
  // The member vector is reserved once the first 16,384 rows tell how many bytes a row takes
  // (a province's records are 180 MB), and asked for huge pages.
  RowReservation reservation(
      files, std::size_t{1} << 26, [&table] { return table.members_.size(); },
      [&table](std::size_t rows) {
        table.members_.reserve(rows);
        AdviseHugePages(table.members_.data(), table.members_.capacity() * sizeof(Member));
      });
  const ProgressFn reserve_and_report = reservation.Wrap(progress);
  for (const std::string& path : files) {
    reservation.StartFile();
    const auto file_index = static_cast<std::uint16_t>(table.files_.size());
    table.files_.push_back(InputFile{path, ""});
    bool sheet_known = false;
    std::string_view last_unit_code, last_unit_code_raw, last_unit_name, last_region,
        last_bank_name;
    ForEachRecord(
        path, sheet, MembersTable(),
        [&](const RowView& row) {
          if (!sheet_known) {
            table.files_[file_index].sheet = row.Where(f_id_number).sheet;
            sheet_known = true;
          }
          ++table.rows_read_;
          // 项目: rows of another project are not ours (unless all projects are read); an empty
          // 项目 means `project`.
          Project row_project = project;
          const std::string_view project_text = row.View(f_project);
          if (!project_text.empty()) {
            const auto p = ParseProject(project_text);
            if (!p) {
              const std::string shown(project_text);
              problems.Error(row.Where(f_project),
                             Tr("项目“" + shown + "”无法识别（应为 住院医疗 或 女性馨康）",
                                "unknown project '" + shown + "' (住院医疗 or 女性馨康)"));
              return;
            }
            if (*p != project && !all_projects) {
              ++table.skipped_other_project_;
              return;
            }
            row_project = *p;
          }
          Member m;
          m.project = row_project;
          m.row = row.number();
          m.file = file_index;
          std::string problem;
          auto note = [&](const Location& where, const std::string& message) {
            problems.Error(where, message);
            if (problem.empty()) problem = message;
          };
          auto attempt = [&](auto&& fn) {
            try {
              fn();
            } catch (const Error& e) {
              note(e.where(), e.message());
            }
          };
          for (const FieldId f : {f_id_number, f_name, f_unit_code, f_unit_name, f_region,
                                  f_bank_name, f_union_card}) {
            if (const std::size_t size = row.View(f).size(); size > PackedText::kMaxSize) {
              note(row.Where(f), Tr("单元格文字过长（" + std::to_string(size) +
                                        " 字节，最多 65535 字节）",
                                    "the cell's text is too long (" + std::to_string(size) +
                                        " bytes; at most 65,535)"));
            }
          }
          const std::string_view id_text = row.View(f_id_number);
          if (id_text.empty()) {
            note(row.Where(f_id_number), Tr("身份证号为空", "the ID number is empty"));
          } else {
            // The well-formed case without allocating; GetIdNumber explains any other.
            if (const auto quick = row.WellFormedIdNumber(f_id_number)) {
              m.id = table.arena_.Add(quick->view());
              m.birth = quick->birth;
              m.sex = quick->sex;
            } else {
              attempt([&] {
                const auto id = row.GetIdNumber(f_id_number);
                m.id = table.arena_.Add(id->digits);
                m.birth = id->birth;
                m.sex = id->sex;
              });
            }
            // An invalid ID keeps its text, so that its claims find the row and learn why.
            if (m.id.empty()) m.id = table.arena_.Add(NormalizeText(id_text));
          }
          m.name = table.arena_.Add(row.View(f_name));
          if (m.name.empty()) note(row.Where(f_name), Tr("姓名为空", "the name is empty"));
          // Units, regions and banks repeat: one shared copy of each (a province has ~30,000
          // units for 1.3 million members). Remembering the last value skips the hash while the
          // rows of one unit follow each other, as ledgers are kept.
          auto intern = [&table](std::string_view text, std::string_view& last) {
            if (text != last) last = table.arena_.Intern(text);
            return last;
          };
          const std::string_view unit_code = row.View(f_unit_code);
          if (unit_code != last_unit_code_raw) {
            last_unit_code_raw = table.arena_.Intern(unit_code);
            // View has trimmed it; only full-width forms (lead byte EF or E3) change it more.
            const bool plain =
                unit_code.find_first_of("\xEF\xE3") == std::string_view::npos;
            last_unit_code =
                plain ? last_unit_code_raw : table.arena_.Intern(NormalizeText(unit_code));
          }
          m.unit_code = last_unit_code;
          if (m.unit_code.empty()) {
            note(row.Where(f_unit_code), Tr("单位编码为空", "the unit code is empty"));
          }
          m.unit_name = intern(row.View(f_unit_name), last_unit_name);
          m.region = intern(row.View(f_region), last_region);
          m.bank_name = intern(row.View(f_bank_name), last_bank_name);
          m.union_card = table.arena_.Add(row.View(f_union_card));
          auto coded = [&](FieldId key, auto parse, auto& field, const char* choices_zh) {
            const std::string_view text = row.View(key);
            if (text.empty()) return;
            if (const auto v = parse(text)) {
              field = *v;
            } else {
              const std::string shown(text);
              note(row.Where(key), Tr("“" + shown + "”无法识别，可选：" + choices_zh,
                                      "'" + shown + "' is not recognised; choose: " + choices_zh));
            }
          };
          coded(f_category, ParseCategory, m.category, "在职、退休、配偶");
          coded(f_enrolment_type, ParseEnrolmentType, m.enrolment, "新参互、续互");
          coded(f_insurance, ParseInsurance, m.insurance, "城镇职工、城乡居民");
          attempt([&] {
            if (const auto d = row.GetDate(f_enrolled_on)) {
              m.enrolled_on = *d;
              m.has_enrolled_on = true;
            }
          });
          attempt([&] {
            if (const auto d = row.GetDate(f_extension_from)) {
              m.extension_from = *d;
              m.has_extension_from = true;
            }
          });
          attempt([&] {
            if (const auto y = row.GetInteger(f_consecutive_years)) {
              if (*y < 1 || *y > 100) {
                note(row.Where(f_consecutive_years),
                     Tr("连续参互年数应为 1 到 100（含本期）", "consecutive years must be 1 to 100"));
              } else {
                m.consecutive_years = static_cast<std::int16_t>(*y);
              }
            }
          });
          attempt([&] { m.allowance_last_period = row.GetBool(f_allowance_last_period).value_or(false); });
          attempt([&] { m.renewed_next = row.GetBool(f_renewed_next).value_or(false); });
          attempt([&] {
            if (const auto paid = row.GetMoney(f_paid_to_date)) m.paid_to_date = *paid;
          });
          auto take_card = [&](std::string_view digits, bool luhn_ok) {
            m.bank_account = table.arena_.Add(digits);
            m.bank_luhn_ok = luhn_ok;
            if (!luhn_ok) {
              problems.Warning(row.Where(f_bank_account),
                               Tr("银行卡号校验（Luhn）未通过，请核对：" + MaskDigits(digits),
                                  "the bank card number fails the Luhn check: " +
                                      MaskDigits(digits)));
            }
          };
          // The well-formed case (16–19 digits as text) without allocating; else GetBankCard.
          const std::string_view card_text = row.View(f_bank_account);
          if (const auto luhn_ok = row.WellFormedBankCardLuhn(f_bank_account)) {
            take_card(card_text, *luhn_ok);
          } else {
            attempt([&] {
              if (const auto card = row.GetBankCard(f_bank_account)) {
                take_card(card->digits, card->luhn_ok);
              }
            });
          }
          attempt([&] {
            if (const auto spouse = row.GetIdNumber(f_spouse_id)) {
              m.spouse_id = table.arena_.Add(spouse->digits);
            }
          });
          // 性别 must agree with the ID (data contract).
          const std::string_view sex = row.View(f_sex);
          if (!sex.empty() && !m.id.empty() && problem.empty()) {
            const bool male = sex == "男" || EqualsAsciiNoCase(sex, "male") || EqualsAsciiNoCase(sex, "m");
            const bool female =
                sex == "女" || EqualsAsciiNoCase(sex, "female") || EqualsAsciiNoCase(sex, "f");
            if (!male && !female) {
              note(row.Where(f_sex), Tr("性别应为 男 或 女", "sex must be 男 or 女"));
            } else if ((m.sex == Sex::kMale) != male) {
              note(row.Where(f_sex), Tr("性别与身份证号不符（身份证号为" +
                                            std::string(m.sex == Sex::kMale ? "男" : "女") + "）",
                                        "sex disagrees with the ID number"));
            }
          }
          m.problem = table.arena_.Add(problem);
          table.members_.push_back(m);
        },
        reserve_and_report);
  }
  table.BuildIndex(problems);
  return table;
}

}  // namespace huzhu
