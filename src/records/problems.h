// Problems found in the inputs that do not stop the run: listed in the 问题 sheet with their
// location. Errors (a row that could not be used) make the run exit 1; warnings do not.
#pragma once

#include <cstdint>
#include <iterator>
#include <string>
#include <vector>

#include "core/diagnostics.h"

namespace huzhu {

enum class Severity { kError, kWarning };

struct Problem {
  Severity severity = Severity::kError;
  Location where;
  std::string message;
  std::string claim_id;  ///< the claim concerned, when there is one
};

class ProblemList {
 public:
  void Error(Location where, std::string message, std::string claim_id = "") {
    items_.push_back(Problem{Severity::kError, std::move(where), std::move(message), std::move(claim_id)});
    ++errors_;
  }
  void Warning(Location where, std::string message, std::string claim_id = "") {
    items_.push_back(
        Problem{Severity::kWarning, std::move(where), std::move(message), std::move(claim_id)});
  }
  /// Adds `other`'s problems after these (lists gathered on two threads, joined in input order).
  void Append(ProblemList&& other) {
    items_.insert(items_.end(), std::make_move_iterator(other.items_.begin()),
                  std::make_move_iterator(other.items_.end()));
    errors_ += other.errors_;
    other.items_.clear();
    other.errors_ = 0;
  }
  const std::vector<Problem>& items() const { return items_; }
  std::int64_t errors() const { return errors_; }
  std::int64_t warnings() const { return static_cast<std::int64_t>(items_.size()) - errors_; }

 private:
  std::vector<Problem> items_;
  std::int64_t errors_ = 0;
};

}  // namespace huzhu
