#include "engines/blocks.h"

#include <algorithm>

namespace huzhu {

Money MarginalSegments(Money amount, const std::vector<Segment>& segments, Trace* trace,
                       const std::string& key) {
  Money total;
  Money lower;
  for (std::size_t i = 0; i < segments.size(); ++i) {
    const Segment& seg = segments[i];
    if (amount <= lower) break;
    const Money part = std::min(amount, seg.upto) - lower;
    const Money pays = ApplyRate(part, seg.rate);
    if (trace != nullptr) {
      trace->Add("第 " + std::to_string(i + 1) + " 段（" + FormatMoneyGrouped(lower) + "–" +
                     FormatMoneyGrouped(seg.upto) + "）",
                 FormatMoneyGrouped(part) + " × " + FormatRate(seg.rate) + " = " +
                     FormatMoneyGrouped(pays),
                 key + "[" + std::to_string(i) + "]", seg.source);
    }
    total += pays;
    lower = seg.upto;
  }
  if (trace != nullptr && !segments.empty() && amount > segments.back().upto) {
    trace->Add("超过最高段的部分", FormatMoneyGrouped(amount - segments.back().upto) + " 不补助", key,
               segments.back().source);
  }
  return total;
}

Money DailyAllowanceRate(const std::vector<DailyRate>& rates, int consecutive_years,
                         bool allowance_last_period, Money reset_rate) {
  if (allowance_last_period) return reset_rate;
  Money rate;
  for (const DailyRate& r : rates) {
    if (consecutive_years >= r.from_year) rate = r.per_day;
  }
  return rate;
}

std::int32_t StayDays(Date admitted, Date discharged) {
  return std::max<std::int32_t>(1, DaysBetween(admitted, discharged));
}

std::int32_t DaysInside(Date admitted, Date discharged, const Cover& cover) {
  // The stay occupies the days [admitted, last) with last = max(discharged, admitted + 1).
  const Date last = std::max(discharged, admitted.AddDays(1));
  const Date from = std::max(admitted, cover.start);
  Date to = last;
  if (cover.end) to = std::min(last, cover.end->AddDays(1));
  return std::max<std::int32_t>(0, DaysBetween(from, to));
}

Money TopUp(Money amount, Money minimum) {
  if (amount > Money() && amount < minimum) return minimum - amount;
  return Money();
}

Money BracketAmount(Money amount, const std::vector<Bracket>& brackets) {
  Money pays;
  for (const Bracket& b : brackets) {
    if (amount >= b.from) pays = b.pays;
  }
  return pays;
}

Money CutToRoom(Money room, std::vector<Money*> parts) {
  Money sum;
  for (Money* p : parts) sum += *p;
  if (sum <= room) return Money();
  Money excess = sum - std::max(room, Money());
  const Money cut = excess;
  for (Money* p : parts) {
    const Money take = std::min(*p, excess);
    *p -= take;
    excess -= take;
    if (excess == Money()) break;
  }
  return cut;
}

}  // namespace huzhu
