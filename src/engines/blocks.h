// The building blocks rule files select: small pure functions of amounts, dates and rule data.
// Each cites the convention of ../shared/docs/rules-reference.md it implements.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "core/date.h"
#include "core/money.h"
#include "engines/outcome.h"
#include "ruleset/rule_set.h"

namespace huzhu {

/// Marginal segments ("分段计算", like tax brackets): each segment's part of `amount` times its
/// rate, each product rounded half-up to the fen once; nothing above the last bound.
/// 8,000 under IM 2026 = 3,000×40% + 2,000×50% + 3,000×60% = 4,000.00.
Money MarginalSegments(Money amount, const std::vector<Segment>& segments, Trace* trace = nullptr,
                       const std::string& key = "");

/// The daily allowance rate for a member: 10/20/30 by consecutive years (counting this period),
/// but the reset rate when the member received an allowance in the previous period.
Money DailyAllowanceRate(const std::vector<DailyRate>& rates, int consecutive_years,
                         bool allowance_last_period, Money reset_rate);

/// Hospital days of a stay: discharge − admission, at least 1 (the admission day counts, the
/// discharge day does not).
std::int32_t StayDays(Date admitted, Date discharged);

/// A member's cover: [start, end], `end` absent when it runs on (renewed for the next period).
struct Cover {
  Date start;
  std::optional<Date> end;
};

/// Days of the stay [admitted, discharged) inside the cover; a same-day stay counts its one day.
std::int32_t DaysInside(Date admitted, Date discharged, const Cover& cover);

/// The minimum top-up: an amount above 0 and below `minimum` is raised to it; returns the
/// difference (0 otherwise).
Money TopUp(Money amount, Money minimum);

/// Lump-sum bracket: what an amount pays (the last bracket whose `from` it reaches; 0 below the
/// first).
Money BracketAmount(Money amount, const std::vector<Bracket>& brackets);

/// Cuts `parts` (in order of priority for the cut) so that their sum is at most `room`; returns
/// the amount cut.
Money CutToRoom(Money room, std::vector<Money*> parts);

}  // namespace huzhu
