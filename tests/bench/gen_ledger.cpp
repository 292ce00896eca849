// Generates a synthetic member ledger for the reader benchmark: OUT_DIR/ledger.xlsx (written by
// libxlsxwriter in normal mode, so strings are shared; enrolment dates are real date cells) and
// OUT_DIR/ledger.csv (UTF-8, the same data, dates as ISO text).
//
//   gen_ledger OUT_DIR [ROWS=1000000]
//
// Deterministic: the same ROWS give the same data. Columns: 身份证号 (18-digit ID text), 姓名,
// 单位编码, 单位名称, 所属地区, 人员类别, 参保类型, 入会日期 (date), 连续参加年数 (number),
// 银行卡号 (19-digit text), 性别, 险种. About 2.6 M unique strings for a million rows.
#include <xlsxwriter.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

namespace {

/// splitmix64: small, fast, deterministic.
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t Next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  int Below(int n) { return static_cast<int>(Next() % static_cast<std::uint64_t>(n)); }

 private:
  std::uint64_t state_;
};

const std::vector<std::string> kSurnames = {
    "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐",   "孙",     "胡", "朱", "高",
    "林", "何", "郭", "马", "罗", "梁", "宋", "郑", "谢", "韩", "唐",   "冯",     "于", "董", "萧",
    "程", "曹", "袁", "邓", "许", "傅", "沈", "曾", "彭", "吕", "苏",   "卢",     "蒋", "蔡", "贾",
    "丁", "魏", "薛", "叶", "阎", "余", "潘", "杜", "戴", "夏", "钟",   "汪",     "田", "任", "姜",
    "范", "方", "石", "姚", "谭", "廖", "邹", "熊", "金", "陆", "郝",   "孔",     "白", "崔", "康",
    "毛", "邱", "秦", "江", "史", "顾", "侯", "邵", "孟", "龙", "万",   "段",     "雷", "钱", "汤",
    "尹", "黎", "易", "常", "武", "乔", "贺", "赖", "龚", "文", "乌兰", "巴特尔", "包", "云"};
const std::vector<std::string> kGiven = {
    "伟", "芳", "娜", "秀", "英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰",
    "娟", "涛", "明", "超", "霞", "平", "刚", "桂", "兰", "华", "建", "国", "文", "红", "玉",
    "志", "春", "梅", "海", "燕", "波", "林", "鹏", "宇", "辉", "飞", "斌", "凤", "晶", "琳",
    "雪", "慧", "婷", "俊", "峰", "浩", "博", "欣", "怡", "佳", "雨", "晨", "阳", "琴", "云",
    "莉", "萍", "荣", "宏", "德", "成", "新", "利", "东", "亮", "金", "福", "永", "生", "龙",
    "凯", "瑞", "鑫", "婧", "蕾", "楠", "倩", "颖", "昊", "然", "轩", "泽", "涵", "萱", "琪",
    "娅", "其", "格", "日", "图", "木", "珠", "塔", "拉", "嘎"};
const std::vector<std::string> kRegions = {"呼和浩特市", "包头市",     "乌海市",     "赤峰市",
                                           "通辽市",     "鄂尔多斯市", "呼伦贝尔市", "巴彦淖尔市",
                                           "乌兰察布市", "兴安盟",     "锡林郭勒盟", "阿拉善盟"};
const std::vector<std::string> kRegionCodes = {"150102", "150203", "150302", "150402",
                                               "150502", "150602", "150702", "150802",
                                               "150902", "152201", "152501", "152921"};
const std::vector<std::string> kUnitKinds = {
    "人民医院", "第一中学",       "实验小学",   "供电公司", "税务局", "自来水公司",
    "第二中学", "卫生健康委员会", "工会委员会", "煤业集团", "铁路局", "农商银行"};
const std::vector<std::string> kCategories = {"在职职工", "在职职工", "在职职工", "退休职工",
                                              "职工配偶"};
const std::vector<std::string> kEnrolment = {"续保", "续保", "续保", "首次参加"};
const std::vector<std::string> kInsurance = {"住院医疗互助", "住院医疗互助", "女职工特殊疾病互助",
                                             "意外伤害互助"};

constexpr int kUnits = 5000;

std::string Digits(Random& random, int count) {
  std::string out;
  for (int i = 0; i < count; ++i) out.push_back(static_cast<char>('0' + random.Below(10)));
  return out;
}

// GB 11643 check character (ISO 7064 MOD 11-2).
char IdCheck(const std::string& first17) {
  static const int kWeights[] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  int sum = 0;
  for (int i = 0; i < 17; ++i) sum += (first17[i] - '0') * kWeights[i];
  return "10X98765432"[sum % 11];
}

struct Member {
  std::string id;
  std::string name;
  std::string unit_code;
  std::string unit_name;
  std::string region;
  std::string category;
  std::string enrolment;
  int year, month, day;
  int years;
  std::string card;
  std::string sex;
  std::string insurance;
};

Member MakeMember(Random& random, std::int64_t index) {
  Member m;
  const int unit = random.Below(kUnits);
  const int region = unit % static_cast<int>(kRegions.size());
  const int birth_year = 1950 + random.Below(55);
  const int birth_month = 1 + random.Below(12);
  const int birth_day = 1 + random.Below(28);
  char birth[16];
  std::snprintf(birth, sizeof birth, "%04d%02d%02d", birth_year, birth_month, birth_day);
  const bool male = random.Below(2) == 0;
  // Sequence digits derived from the row index keep IDs unique; the last is odd for men.
  int sequence = static_cast<int>(index % 500) * 2 + (male ? 1 : 0);
  char seq[8];
  std::snprintf(seq, sizeof seq, "%03d", sequence % 1000);
  const std::string first17 = kRegionCodes[region] + birth + seq;
  m.id = first17 + IdCheck(first17);
  m.name = kSurnames[random.Below(static_cast<int>(kSurnames.size()))] +
           kGiven[random.Below(static_cast<int>(kGiven.size()))];
  if (random.Below(3) != 0) m.name += kGiven[random.Below(static_cast<int>(kGiven.size()))];
  char code[16];
  std::snprintf(code, sizeof code, "U%05d", unit);
  m.unit_code = code;
  m.unit_name = kRegions[region] + kUnitKinds[unit % kUnitKinds.size()] +
                std::to_string(unit / static_cast<int>(kUnitKinds.size())) + "分部";
  m.region = kRegions[region];
  m.category = kCategories[random.Below(static_cast<int>(kCategories.size()))];
  m.enrolment = kEnrolment[random.Below(static_cast<int>(kEnrolment.size()))];
  m.year = 2015 + random.Below(11);
  m.month = 1 + random.Below(12);
  m.day = 1 + random.Below(28);
  m.years = 1 + random.Below(10);
  m.card = "6228" + Digits(random, 15);
  m.sex = male ? "男" : "女";
  m.insurance = kInsurance[random.Below(static_cast<int>(kInsurance.size()))];
  return m;
}

void Check(lxw_error error, const char* what) {
  if (error != LXW_NO_ERROR) {
    std::fprintf(stderr, "gen_ledger: %s: %s\n", what, lxw_strerror(error));
    std::exit(1);
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: gen_ledger OUT_DIR [ROWS]\n");
    return 2;
  }
  const std::string dir = argv[1];
  const std::int64_t rows = argc > 2 ? std::atoll(argv[2]) : 1000000;
  if (rows < 1 || rows > 1048575) {
    std::fprintf(stderr, "gen_ledger: ROWS must be 1..1048575\n");
    return 2;
  }
  const auto start = std::chrono::steady_clock::now();

  const std::string xlsx_path = dir + "/ledger.xlsx";
  lxw_workbook_options options = {};
  options.constant_memory = LXW_FALSE;  // strings go to the shared-strings table
  lxw_workbook* workbook = workbook_new_opt(xlsx_path.c_str(), &options);
  if (workbook == nullptr) {
    std::fprintf(stderr, "gen_ledger: cannot create %s\n", xlsx_path.c_str());
    return 1;
  }
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, "会员台账");
  lxw_format* date_format = workbook_add_format(workbook);
  format_set_num_format(date_format, "yyyy-mm-dd");

  std::ofstream csv(dir + "/ledger.csv", std::ios::binary);
  const std::vector<std::string> headers = {"身份证号",     "姓名",     "单位编码", "单位名称",
                                            "所属地区",     "人员类别", "参保类型", "入会日期",
                                            "连续参加年数", "银行卡号", "性别",     "险种"};
  for (std::size_t c = 0; c < headers.size(); ++c) {
    Check(worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), headers[c].c_str(), nullptr),
          "header");
    csv << (c ? "," : "") << headers[c];
  }
  csv << "\n";

  Random random(20260305);
  for (std::int64_t i = 0; i < rows; ++i) {
    const Member m = MakeMember(random, i);
    const auto r = static_cast<lxw_row_t>(i + 1);
    const std::string* texts[] = {&m.id,     &m.name,     &m.unit_code, &m.unit_name,
                                  &m.region, &m.category, &m.enrolment};
    for (int c = 0; c < 7; ++c) {
      Check(worksheet_write_string(sheet, r, static_cast<lxw_col_t>(c), texts[c]->c_str(), nullptr),
            "cell");
    }
    lxw_datetime date = {m.year, m.month, m.day, 0, 0, 0.0};
    Check(worksheet_write_datetime(sheet, r, 7, &date, date_format), "date");
    Check(worksheet_write_number(sheet, r, 8, m.years, nullptr), "number");
    Check(worksheet_write_string(sheet, r, 9, m.card.c_str(), nullptr), "cell");
    Check(worksheet_write_string(sheet, r, 10, m.sex.c_str(), nullptr), "cell");
    Check(worksheet_write_string(sheet, r, 11, m.insurance.c_str(), nullptr), "cell");

    char date_text[16];
    std::snprintf(date_text, sizeof date_text, "%04d-%02d-%02d", m.year, m.month, m.day);
    csv << m.id << ',' << m.name << ',' << m.unit_code << ',' << m.unit_name << ',' << m.region
        << ',' << m.category << ',' << m.enrolment << ',' << date_text << ',' << m.years << ','
        << m.card << ',' << m.sex << ',' << m.insurance << '\n';
  }
  csv.close();
  if (!csv) {
    std::fprintf(stderr, "gen_ledger: writing the CSV failed\n");
    return 1;
  }
  Check(workbook_close(workbook), "workbook_close");
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("gen_ledger: %lld rows x 12 columns -> %s, %s/ledger.csv in %.1f s\n",
              static_cast<long long>(rows), xlsx_path.c_str(), dir.c_str(), seconds);
  return 0;
}
