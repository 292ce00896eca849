// Bench data for a province-scale payout run: members (two .xlsx files, since a sheet holds at
// most 1,048,576 rows, and one .csv) and claims (.xlsx and .csv), with valid ID check digits and
// Luhn-valid card numbers. Deterministic (fixed seed).
//   gen_payout OUT_DIR MEMBERS CLAIMS
#include <xlsxwriter.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

namespace {

struct Rng {
  std::uint64_t s = 0x9E3779B97F4A7C15ULL;
  std::uint64_t Next() {
    s ^= s << 13;
    s ^= s >> 7;
    s ^= s << 17;
    return s;
  }
  int Int(int lo, int hi) { return lo + static_cast<int>(Next() % static_cast<std::uint64_t>(hi - lo + 1)); }
};

std::string IdNumber(int area, int y, int m, int d, int seq) {
  char first[32];
  std::snprintf(first, sizeof first, "%06d%04d%02d%02d%03d", area, y, m, d, seq % 1000);
  static const int w[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  int sum = 0;
  for (int i = 0; i < 17; ++i) sum += (first[i] - '0') * w[i];
  return std::string(first, 17) + "10X98765432"[sum % 11];
}

std::string Card(Rng& rng) {
  std::string body = "622202";
  for (int i = 0; i < 12; ++i) body += static_cast<char>('0' + rng.Int(0, 9));
  int total = 0;
  for (int i = 0; i < 18; ++i) {
    int n = body[17 - i] - '0';
    if (i % 2 == 0) {
      n *= 2;
      if (n > 9) n -= 9;
    }
    total += n;
  }
  return body + static_cast<char>('0' + (10 - total % 10) % 10);
}

const char* kSurnames[] = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙"};
const char* kGiven[] = {"伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰"};
const char* kRegions[] = {"呼和浩特", "包头", "呼伦贝尔", "兴安盟", "通辽", "赤峰", "锡林郭勒",
                          "乌兰察布", "鄂尔多斯", "巴彦淖尔", "乌海", "阿拉善"};
const int kAreas[] = {150102, 150203, 150702, 152201, 150502, 150402,
                      152502, 150902, 150602, 150802, 150302, 152921};

struct Member {
  std::string id, name, unit, region, card;
  int years;
  int enrolled_m, enrolled_d;
};

void Check(lxw_error e) {
  if (e != LXW_NO_ERROR) {
    std::fprintf(stderr, "xlsx: %s\n", lxw_strerror(e));
    std::exit(1);
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: gen_payout OUT_DIR MEMBERS CLAIMS\n");
    return 2;
  }
  const std::string dir = argv[1];
  const long members_n = std::atol(argv[2]);
  const long claims_n = std::atol(argv[3]);
  Rng rng;
  std::vector<Member> members;
  members.reserve(static_cast<std::size_t>(members_n));
  for (long i = 0; i < members_n; ++i) {
    const int r = static_cast<int>(i % 12);
    Member m;
    // Unique by construction: (birth date, sequence) never repeats within an area.
    const long k = i / 12;
    const int d = static_cast<int>(k / 1000);
    m.id = IdNumber(kAreas[r], 1966 + d % 40, 1 + (d / 40) % 12, 1 + d % 28, static_cast<int>(k % 1000));
    m.name = std::string(kSurnames[rng.Int(0, 11)]) + kGiven[rng.Int(0, 13)] + kGiven[rng.Int(0, 13)];
    char unit[32];
    // About 43 members a unit, as in a province (1,300,000 members in some 30,000 units).
    std::snprintf(unit, sizeof unit, "U%02d%05ld", r, k / 43);
    m.unit = unit;
    m.region = kRegions[r];
    m.card = Card(rng);
    m.years = rng.Int(1, 6);
    m.enrolled_m = rng.Int(7, 11);
    m.enrolled_d = rng.Int(1, 28);
    members.push_back(std::move(m));
  }
  const char* member_headers[] = {"身份证号", "姓名", "单位编码", "单位名称", "所属地区", "人员类别",
                                  "参互类型", "参互日期", "连续参互年数", "下期续互", "银行卡号", "开户行"};
  // CSV
  {
    std::ofstream out(dir + "/members.csv", std::ios::binary);
    out << "\xEF\xBB\xBF";
    for (int c = 0; c < 12; ++c) out << (c ? "," : "") << member_headers[c];
    out << "\r\n";
    for (const Member& m : members) {
      char date[16];
      std::snprintf(date, sizeof date, "2025-%02d-%02d", m.enrolled_m, m.enrolled_d);
      out << m.id << ',' << m.name << ',' << m.unit << ',' << m.unit << "单位," << m.region << ",在职,"
          << (m.years > 1 ? "续互" : "新参互") << ',' << date << ',' << m.years << ",否," << m.card
          << ",中国工商银行\r\n";
    }
  }
  // XLSX: at most 1,000,000 rows per file.
  const long per_file = 1000000;
  for (long start = 0, part = 1; start < members_n; start += per_file, ++part) {
    lxw_workbook_options opt{};
    opt.constant_memory = LXW_TRUE;
    const std::string path = dir + "/members-" + std::to_string(part) + ".xlsx";
    lxw_workbook* wb = workbook_new_opt(path.c_str(), &opt);
    lxw_worksheet* ws = workbook_add_worksheet(wb, "会员名单");
    lxw_format* date_fmt = workbook_add_format(wb);
    format_set_num_format(date_fmt, "yyyy-mm-dd");
    for (int c = 0; c < 12; ++c) Check(worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), member_headers[c], nullptr));
    const long end = std::min(members_n, start + per_file);
    for (long i = start; i < end; ++i) {
      const Member& m = members[static_cast<std::size_t>(i)];
      const auto row = static_cast<lxw_row_t>(i - start + 1);
      Check(worksheet_write_string(ws, row, 0, m.id.c_str(), nullptr));
      Check(worksheet_write_string(ws, row, 1, m.name.c_str(), nullptr));
      Check(worksheet_write_string(ws, row, 2, m.unit.c_str(), nullptr));
      Check(worksheet_write_string(ws, row, 3, (m.unit + "单位").c_str(), nullptr));
      Check(worksheet_write_string(ws, row, 4, m.region.c_str(), nullptr));
      Check(worksheet_write_string(ws, row, 5, "在职", nullptr));
      Check(worksheet_write_string(ws, row, 6, m.years > 1 ? "续互" : "新参互", nullptr));
      lxw_datetime dt{2025, m.enrolled_m, m.enrolled_d, 0, 0, 0};
      Check(worksheet_write_datetime(ws, row, 7, &dt, date_fmt));
      Check(worksheet_write_number(ws, row, 8, m.years, nullptr));
      Check(worksheet_write_string(ws, row, 9, "否", nullptr));
      Check(worksheet_write_string(ws, row, 10, m.card.c_str(), nullptr));
      Check(worksheet_write_string(ws, row, 11, "中国工商银行", nullptr));
    }
    Check(workbook_close(wb));
  }
  // Claims: stays with realistic amounts, a few outpatient months, some rejections.
  const char* claim_headers[] = {"申领编号", "身份证号", "姓名", "类型", "入院日期", "出院日期",
                                 "进入统筹费用", "统筹基金等已支付费用", "病因", "申领日期"};
  std::ofstream csv(dir + "/claims.csv", std::ios::binary);
  csv << "\xEF\xBB\xBF";
  for (int c = 0; c < 10; ++c) csv << (c ? "," : "") << claim_headers[c];
  csv << "\r\n";
  lxw_workbook_options opt{};
  opt.constant_memory = LXW_TRUE;
  lxw_workbook* wb = workbook_new_opt((dir + "/claims.xlsx").c_str(), &opt);
  lxw_worksheet* ws = workbook_add_worksheet(wb, "结算明细");
  lxw_format* date_fmt = workbook_add_format(wb);
  format_set_num_format(date_fmt, "yyyy-mm-dd");
  for (int c = 0; c < 10; ++c) Check(worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), claim_headers[c], nullptr));
  for (long i = 0; i < claims_n; ++i) {
    const Member& m = members[static_cast<std::size_t>(rng.Next() % static_cast<std::uint64_t>(members_n))];
    const int month = rng.Int(1, 12);
    const int day = rng.Int(1, 20);
    const int stay = rng.Int(1, 25);
    const long pooled = rng.Int(2000, 400000) * 100L + rng.Int(0, 99);
    const long fund = pooled * rng.Int(55, 85) / 100;
    const bool outpatient = rng.Int(0, 19) == 0;
    const char* cause = rng.Int(0, 49) == 0 ? "工伤" : "疾病";
    char cid[32], adm[32], dis[32], pooled_s[32], fund_s[32];
    std::snprintf(cid, sizeof cid, "C%07ld", i + 1);
    std::snprintf(adm, sizeof adm, "2026-%02d-%02d", month, day);
    std::snprintf(dis, sizeof dis, "2026-%02d-%02d", month, std::min(28, day + stay));
    std::snprintf(pooled_s, sizeof pooled_s, "%ld.%02ld", pooled / 100, pooled % 100);
    std::snprintf(fund_s, sizeof fund_s, "%ld.%02ld", fund / 100, fund % 100);
    csv << cid << ',' << m.id << ',' << m.name << ',' << (outpatient ? "门诊特殊疾病" : "住院") << ','
        << adm << ',' << (outpatient ? "" : dis) << ',' << pooled_s << ',' << fund_s << ',' << cause
        << ",2026-12-31\r\n";
    const auto row = static_cast<lxw_row_t>(i + 1);
    Check(worksheet_write_string(ws, row, 0, cid, nullptr));
    Check(worksheet_write_string(ws, row, 1, m.id.c_str(), nullptr));
    Check(worksheet_write_string(ws, row, 2, m.name.c_str(), nullptr));
    Check(worksheet_write_string(ws, row, 3, outpatient ? "门诊特殊疾病" : "住院", nullptr));
    lxw_datetime a{2026, month, day, 0, 0, 0};
    lxw_datetime d{2026, month, std::min(28, day + stay), 0, 0, 0};
    Check(worksheet_write_datetime(ws, row, 4, &a, date_fmt));
    if (!outpatient) Check(worksheet_write_datetime(ws, row, 5, &d, date_fmt));
    Check(worksheet_write_number(ws, row, 6, static_cast<double>(pooled) / 100.0, nullptr));
    Check(worksheet_write_number(ws, row, 7, static_cast<double>(fund) / 100.0, nullptr));
    Check(worksheet_write_string(ws, row, 8, cause, nullptr));
    lxw_datetime c{2026, 12, 31, 0, 0, 0};
    Check(worksheet_write_datetime(ws, row, 9, &c, date_fmt));
  }
  Check(workbook_close(wb));
  std::printf("wrote %ld members and %ld claims into %s\n", members_n, claims_n, dir.c_str());
  return 0;
}
