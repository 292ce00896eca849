// Building blocks against values worked out by hand from ../shared/docs/rules-reference.md.
#include <doctest/doctest.h>

#include "engines/blocks.h"

using namespace huzhu;

namespace {
Money Y(long long yuan) { return Money::FromYuan(yuan); }
Money F(long long fen) { return Money::FromFen(fen); }

std::vector<Segment> Im2026() {  // rules reference §1, art. 9.1–9.7
  return {{Y(3000), Rate::FromPercent(40), ""},   {Y(5000), Rate::FromPercent(50), ""},
          {Y(10000), Rate::FromPercent(60), ""},  {Y(50000), Rate::FromPercent(70), ""},
          {Y(100000), Rate::FromPercent(80), ""}, {Y(500000), Rate::FromPercent(100), ""}};
}
std::vector<Segment> Im2021() {  // §3, art. 10
  return {{Y(10000), Rate::FromPercent(40), ""},
          {Y(100000), Rate::FromPercent(70), ""},
          {Y(250000), Rate::FromPercent(100), ""}};
}
}  // namespace

TEST_CASE("§1 marginal segments 2026: the reference's worked example and every boundary") {
  const auto s = Im2026();
  // General conventions: 8,000 = 3,000×40% + 2,000×50% + 3,000×60% = 1,200 + 1,000 + 1,800.
  CHECK(MarginalSegments(Y(8000), s) == Y(4000));
  CHECK(MarginalSegments(Y(0), s) == Y(0));
  CHECK(MarginalSegments(Y(3000), s) == Y(1200));          // 3,000×40%
  CHECK(MarginalSegments(F(300001), s) == F(120001));      // +0.01×50% = 0.005 → 0.01 (half-up)
  CHECK(MarginalSegments(Y(5000), s) == Y(2200));          // 1,200 + 2,000×50%
  CHECK(MarginalSegments(Y(10000), s) == Y(5200));         // 2,200 + 5,000×60%
  CHECK(MarginalSegments(Y(50000), s) == Y(33200));        // 5,200 + 40,000×70%
  CHECK(MarginalSegments(Y(100000), s) == Y(73200));       // 33,200 + 50,000×80%
  CHECK(MarginalSegments(Y(500000), s) == Y(473200));      // 73,200 + 400,000×100%
  CHECK(MarginalSegments(Y(600000), s) == Y(473200));      // nothing above 500,000 (art. 9.7)
  CHECK(MarginalSegments(F(1), s) == F(0));                // 0.01×40% = 0.004 → 0.00
  CHECK(MarginalSegments(F(2), s) == F(1));                // 0.02×40% = 0.008 → 0.01
}

TEST_CASE("§3 marginal segments 2021: 40% to 10,000, 70% to 100,000, 100% to 250,000") {
  const auto s = Im2021();
  CHECK(MarginalSegments(Y(10000), s) == Y(4000));
  CHECK(MarginalSegments(Y(100000), s) == Y(67000));   // 4,000 + 90,000×70%
  CHECK(MarginalSegments(Y(250000), s) == Y(217000));  // 67,000 + 150,000
  CHECK(MarginalSegments(Y(300000), s) == Y(217000));
  CHECK(MarginalSegments(F(1000001), s) == F(400001));  // 0.01×70% = 0.007 → 0.01
}

TEST_CASE("§1 art. 9.8–9.9 daily allowance rate by consecutive years, reset after an allowance") {
  const std::vector<DailyRate> rates{{1, Y(10), ""}, {2, Y(20), ""}, {3, Y(30), ""}};
  CHECK(DailyAllowanceRate(rates, 1, false, Y(10)) == Y(10));
  CHECK(DailyAllowanceRate(rates, 2, false, Y(10)) == Y(20));
  CHECK(DailyAllowanceRate(rates, 3, false, Y(10)) == Y(30));
  CHECK(DailyAllowanceRate(rates, 9, false, Y(10)) == Y(30));
  CHECK(DailyAllowanceRate(rates, 9, true, Y(10)) == Y(10));
}

TEST_CASE("hospital days: discharge − admission, at least 1; days inside a cover") {
  const Date a = Date::FromYmd(2026, 3, 1);
  CHECK(StayDays(a, Date::FromYmd(2026, 3, 5)) == 4);
  CHECK(StayDays(a, a) == 1);
  const Cover y2026{Date::FromYmd(2026, 1, 1), Date::FromYmd(2026, 12, 31)};
  // 2026-12-25 → 2027-01-04: 10 days, 7 of them (25..31 Dec) inside.
  CHECK(DaysInside(Date::FromYmd(2026, 12, 25), Date::FromYmd(2027, 1, 4), y2026) == 7);
  // 2025-12-28 → 2026-01-05: 8 days, 4 inside (1..4 Jan).
  CHECK(DaysInside(Date::FromYmd(2025, 12, 28), Date::FromYmd(2026, 1, 5), y2026) == 4);
  CHECK(DaysInside(Date::FromYmd(2027, 1, 2), Date::FromYmd(2027, 1, 5), y2026) == 0);
  // Renewed for the next period: the cover runs on.
  const Cover open{Date::FromYmd(2026, 1, 1), std::nullopt};
  CHECK(DaysInside(Date::FromYmd(2026, 12, 25), Date::FromYmd(2027, 1, 4), open) == 10);
  CHECK(DaysInside(a, a, y2026) == 1);
}

TEST_CASE("§1 art. 9.11 top-up to 200 only above 0 and below 200") {
  CHECK(TopUp(F(19999), Y(200)) == F(1));
  CHECK(TopUp(Y(200), Y(200)) == Y(0));
  CHECK(TopUp(Y(0), Y(200)) == Y(0));
  CHECK(TopUp(F(1), Y(200)) == F(19999));
}

TEST_CASE("§6 Wujin lump-sum brackets: the bracket an amount reaches") {
  const std::vector<Bracket> b{{Y(1000), Y(500), ""}, {Y(5000), Y(1000), ""}, {Y(100000), Y(50000), ""}};
  CHECK(BracketAmount(F(99999), b) == Y(0));
  CHECK(BracketAmount(Y(1000), b) == Y(500));
  CHECK(BracketAmount(F(499999), b) == Y(500));
  CHECK(BracketAmount(Y(5000), b) == Y(1000));
  CHECK(BracketAmount(Y(200000), b) == Y(50000));
}

TEST_CASE("period cap cut: medical subsidy first, then allowance, top-up, death benefit") {
  Money m = Y(1000), a = Y(300), t = Y(0), d = Y(2000);
  // Room 2,500 of 3,300: cut 800 from M.
  CHECK(CutToRoom(Y(2500), {&m, &a, &t, &d}) == Y(800));
  CHECK(m == Y(200));
  CHECK(d == Y(2000));
  m = Y(1000), a = Y(300), d = Y(2000);
  // Room 1,000: cut 2,300 — M to 0 (1,000), allowance to 0 (300), death 2,000 → 1,000.
  CHECK(CutToRoom(Y(1000), {&m, &a, &t, &d}) == Y(2300));
  CHECK(m == Y(0));
  CHECK(a == Y(0));
  CHECK(d == Y(1000));
  m = Y(10);
  CHECK(CutToRoom(Y(100), {&m}) == Y(0));
}
