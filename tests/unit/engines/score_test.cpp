// Regional scoring (rules reference §8; 000 attachment 4, 目标完成情况): every expected value is
// worked by hand in the comment beside it. Target 10,000 throughout unless stated.
#include "engines/score.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "engine_test_support.h"

using namespace huzhu;

namespace {

ScoreRules Rules() { return ScoreRulesFrom(testing::ShippedRules("inner-mongolia/2024-hospital.toml")); }

ProjectScore At(std::int64_t actual) { return ScoreProject(Rules(), 10000, actual); }

}  // namespace

TEST_CASE("score: the 2024 rule file carries attachment 4's formula") {
  const ScoreRules r = Rules();
  CHECK(r.present);
  CHECK(r.met_tenths == 40);
  CHECK(r.short_step_percent == 1);
  CHECK(r.over_step_percent == 2);
  CHECK(r.max_adjustment_tenths == 20);
  CHECK_FALSE(r.renewal_rate_min.has_value());
  CHECK(ScoreRulesFrom(testing::ShippedRules("inner-mongolia/2021-hospital.toml")).renewal_rate_min ==
        Rate::FromPercent(95));
  CHECK_FALSE(ScoreRulesFrom(testing::ShippedRules("wujin/2024-hospital.toml")).present);
}

TEST_CASE("score: exactly at target — no steps, 4 points") {
  const ProjectScore p = At(10000);
  CHECK(p.met());
  CHECK(p.steps == 0);
  CHECK(p.adjustment_tenths == 0);
  CHECK(p.completion_hundredths == 10000);
  CHECK(CompletionTenths(Rules(), {p.adjustment_tenths}) == 40);
}

TEST_CASE("score: short of target, 0.1 point per 1% or part of 1%") {
  // 0.01% short: 1 × 100 / 10,000 = 0.01 → one step (不足1%视为1%): −0.1, shown 99.99%.
  CHECK(At(9999).steps == 1);
  CHECK(At(9999).adjustment_tenths == -1);
  CHECK(At(9999).completion_hundredths == 9999);
  CHECK_FALSE(At(9999).met());
  // 1% short: 100 × 100 / 10,000 = 1 step exactly: −0.1. 1.01% short: ceil(1.01) = 2: −0.2.
  CHECK(At(9900).steps == 1);
  CHECK(At(9899).steps == 2);
  CHECK(At(9899).adjustment_tenths == -2);
  // 20% short: 20 steps, −2.0 → completion 4 − 2 = 2.0.
  CHECK(At(8000).adjustment_tenths == -20);
  CHECK(CompletionTenths(Rules(), {At(8000).adjustment_tenths}) == 20);
  // 25% short: −2.5 unclamped on the project, the region's points stop at 4 − 2 = 2.0.
  CHECK(At(7500).steps == 25);
  CHECK(At(7500).adjustment_tenths == -25);
  CHECK(CompletionTenths(Rules(), {At(7500).adjustment_tenths}) == 20);
  // Nobody enrolled: 100 steps, still 2.0.
  CHECK(At(0).adjustment_tenths == -100);
  CHECK(CompletionTenths(Rules(), {-100}) == 20);
}

TEST_CASE("score: over target, 0.1 point per 2% or part of 2%") {
  // 1.99% over: 199 × 100 / (2 × 10,000) = 0.995 → 1 step: +0.1.
  CHECK(At(10199).steps == 1);
  CHECK(At(10199).adjustment_tenths == 1);
  // 2% over: exactly 1 step. 2.01% over: 1.005 → 2 steps: +0.2.
  CHECK(At(10200).steps == 1);
  CHECK(At(10201).steps == 2);
  CHECK(At(10201).adjustment_tenths == 2);
  // 40% over: 20 steps, +2.0 → 6.0. 50% over: +2.5 unclamped, the region stops at 6.0.
  CHECK(At(14000).adjustment_tenths == 20);
  CHECK(CompletionTenths(Rules(), {20}) == 60);
  CHECK(At(15000).adjustment_tenths == 25);
  CHECK(CompletionTenths(Rules(), {25}) == 60);
  CHECK(At(15000).completion_hundredths == 15000);
}

TEST_CASE("score: two projects' adjustments are summed, then clamped (§8 decision)") {
  // Hospital 15% short (−1.5) and women's 12% over (6 steps, +0.6): −0.9 → 3.1.
  const ScoreRules r = Rules();
  CHECK(At(8500).adjustment_tenths == -15);
  CHECK(At(11200).adjustment_tenths == 6);
  CHECK(CompletionTenths(r, {-15, 6}) == 31);
  // −2.5 and −0.5 = −3.0 → clamped to −2.0: 2.0. +2.5 and −0.3 = +2.2 → +2.0: 6.0.
  CHECK(CompletionTenths(r, {-25, -5}) == 20);
  CHECK(CompletionTenths(r, {25, -3}) == 60);
  // One project over by 1 step and one short by 1 step: 4.0, although one target is missed.
  CHECK(CompletionTenths(r, {1, -1}) == 40);
}

TEST_CASE("score: small targets round the step up, never down") {
  // Target 7, actual 6: 1 × 100 / 7 = 14.28…% short → 15 steps, −1.5.
  CHECK(ScoreProject(Rules(), 7, 6).steps == 15);
  // Target 3, actual 4: 100 / (2 × 3) = 16.66… → 17 steps, +1.7.
  CHECK(ScoreProject(Rules(), 3, 4).adjustment_tenths == 17);
}

TEST_CASE("score: region keys match table names and ledger spellings") {
  CHECK(RegionKey("呼和浩特市总工会") == "呼和浩特");
  CHECK(RegionKey("呼和浩特市") == "呼和浩特");
  CHECK(RegionKey(" 呼和浩特 ") == "呼和浩特");
  CHECK(RegionKey("兴安盟工会") == "兴安");
  CHECK(RegionKey("兴安盟") == "兴安");
  CHECK(RegionKey("自治区直属机关工会工委") == "自治区直属机关");
  CHECK(RegionKey("东胜区") == "东胜区");
  CHECK(RegionKey("高新区北区") != RegionKey("高新区"));
}
