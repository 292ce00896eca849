// The member ledger (会员名单) read into a compact, indexed table. Rows of other projects are
// skipped; rows with data errors are kept but marked unusable (their claims become
// ineligible_member with the reason), and listed as problems.
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/id_number.h"
#include "core/money.h"
#include "records/inspect.h"
#include "records/problems.h"
#include "records/vocab.h"

namespace huzhu {

/// A text kept elsewhere (a MemberTable's arena, or a literal), in 8 bytes instead of a
/// string_view's 16: the address in the low 48 bits (all user-space addresses on x86-64 and
/// arm64 Linux) and the length, at most kMaxSize bytes, in the high 16. A province's 1.3 million
/// members carry ten texts each, so this saves about 100 MB. Reads as a std::string_view.
class PackedText {
 public:
  static constexpr std::size_t kMaxSize = 0xFFFF;

  PackedText() = default;
  /// `text` must outlive this; longer than kMaxSize or above 2^48 throws std::length_error.
  PackedText(std::string_view text);  // NOLINT(google-explicit-constructor): a text is a text
  PackedText(const char* text) : PackedText(std::string_view(text)) {}  // NOLINT

  operator std::string_view() const { return std::string_view(data(), size()); }  // NOLINT
  std::string_view view() const { return *this; }
  const char* data() const {
    return reinterpret_cast<const char*>(static_cast<std::uintptr_t>(bits_ & kAddressMask));
  }
  std::size_t size() const { return static_cast<std::size_t>(bits_ >> 48); }
  bool empty() const { return size() == 0; }

  friend bool operator==(const PackedText& a, const PackedText& b) { return a.view() == b.view(); }
  friend bool operator==(const PackedText& a, std::string_view b) { return a.view() == b; }
  friend auto operator<=>(const PackedText& a, const PackedText& b) { return a.view() <=> b.view(); }
  friend auto operator<=>(const PackedText& a, std::string_view b) { return a.view() <=> b; }

 private:
  static constexpr std::uint64_t kAddressMask = (std::uint64_t{1} << 48) - 1;
  std::uint64_t bits_ = 0;
};

/// Stable storage for many short strings (views stay valid for the arena's lifetime).
class TextArena {
 public:
  std::string_view Add(std::string_view text);
  /// Like Add, but equal texts share one copy (unit codes, regions, bank names).
  std::string_view Intern(std::string_view text);

 private:
  // The interned texts: open addressing on a 64-bit hash (never 0, which marks a free slot),
  // kept at most half full.
  struct InternSlot {
    std::uint64_t hash = 0;
    std::string_view text;
  };
  void GrowInterned();

  std::vector<std::unique_ptr<char[]>> blocks_;
  std::size_t used_ = 0;
  std::size_t capacity_ = 0;
  std::vector<InternSlot> interned_;
  std::size_t interned_count_ = 0;
};

struct Member {
  PackedText id;          ///< as normalised (18 characters when valid)
  PackedText name;
  PackedText unit_code;
  PackedText unit_name;
  PackedText region;
  PackedText bank_account;
  PackedText bank_name;
  PackedText union_card;
  PackedText spouse_id;
  PackedText problem;  ///< non-empty: the row is unusable, and why
  Date birth;
  Date enrolled_on;       ///< valid when has_enrolled_on
  Date extension_from;    ///< valid when has_extension_from
  Money paid_to_date;
  std::int64_t row = 0;   ///< Excel row in its file
  std::uint16_t file = 0; ///< index into MemberTable::files
  std::int16_t consecutive_years = 1;
  Project project = Project::kHospital;
  Category category = Category::kActive;
  EnrolmentType enrolment = EnrolmentType::kNew;
  Insurance insurance = Insurance::kEmployee;
  Sex sex = Sex::kMale;
  bool has_enrolled_on = false;
  bool has_extension_from = false;
  bool allowance_last_period = false;
  bool renewed_next = false;
  bool bank_luhn_ok = true;
};

struct InputFile {
  std::string path;
  std::string sheet;
};

class MemberTable {
 public:
  /// Index of the member with this ID (17 digits + check character, compared on the first 17),
  /// or -1. The first row of an ID wins; repeats are listed as problems.
  std::int64_t Find(std::string_view id_number) const;
  /// The same, in a table read with all projects: the member's row in `project`.
  std::int64_t Find(std::string_view id_number, Project project) const;
  const Member& at(std::size_t i) const { return members_[i]; }
  std::size_t size() const { return members_.size(); }
  const std::vector<InputFile>& files() const { return files_; }
  Location Where(const Member& m) const;
  std::int64_t skipped_other_project() const { return skipped_other_project_; }
  std::int64_t rows_read() const { return rows_read_; }

 private:
  friend MemberTable ReadMembers(const std::vector<std::string>&, const std::string&, Project,
                                 bool, ProblemList&, const ProgressFn&);
  void BuildIndex(ProblemList& problems);

  std::vector<Member> members_;
  // Open-addressing hash index: IndexKey + 1 (0 = empty slot) → member. One or two cache misses
  // per lookup where a binary search over a province's 1.3 million keys took twenty.
  struct Slot {
    std::uint64_t key = 0;
    std::uint32_t member = 0;
  };
  std::vector<Slot> index_;
  int index_shift_ = 63;  // 64 − log2(index_.size())
  std::size_t SlotOf(std::uint64_t key) const;
  std::vector<InputFile> files_;
  TextArena arena_;
  Project project_ = Project::kHospital;  ///< the project of rows with an empty 项目
  std::int64_t skipped_other_project_ = 0;
  std::int64_t rows_read_ = 0;
};

/// 17-digit key of an ID number's text, or nullopt when it is not 17 digits + a check character.
std::optional<std::uint64_t> IdKey(std::string_view id_number);

/// Reads one or more member files as one table, keeping the rows of `project` (rows whose 项目
/// column names another project are skipped; an empty 项目 means `project`). Throws Error(kInput)
/// for problems with a file as a whole (unreadable, no header, missing required column).
MemberTable ReadMembers(const std::vector<std::string>& files, const std::string& sheet,
                        Project project, ProblemList& problems, const ProgressFn& progress = nullptr);

/// The same; with `all_projects` the rows of every project are kept (each with its own
/// Member::project; an empty 项目 means `project`), for the regional scoring, which counts both
/// projects in one pass over the ledger.
MemberTable ReadMembers(const std::vector<std::string>& files, const std::string& sheet,
                        Project project, bool all_projects, ProblemList& problems,
                        const ProgressFn& progress = nullptr);

}  // namespace huzhu
