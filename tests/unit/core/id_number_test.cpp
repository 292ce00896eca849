// Resident ID numbers (GB 11643-1999) and bank cards. Check characters and Luhn digits are
// worked out by hand below; the code must agree with the arithmetic, not with itself.
#include "core/id_number.h"

#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "core/diagnostics.h"

namespace huzhu {

TEST_SUITE("id_number") {
  // Weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2; check = "10X98765432"[sum mod 11].
  //
  // The standard's example 11010519491231002X:
  //   1·7 + 1·9 + 0·10 + 1·5 + 0·8 + 5·4 + 1·2 + 9·1 + 4·6 + 9·3 + 1·7 + 2·9 + 3·10 + 1·5
  //   = 7 + 9 + 0 + 5 + 0 + 20 + 2 + 9 + 24 + 27 + 7 + 18 + 30 + 5 = 163   (first 14 digits)
  //   + 0·8 + 0·4 + 2·2 = 167;  167 mod 11 = 2 → 'X'.
  // With the same first 14 digits (163 ≡ 9 mod 11), digits 15–17 = a b c add 8a + 4b + 2c:
  //   c = 0: 163 ≡ 9 → '3'     c = 1: 165 ≡ 0 → '1'     c = 2: 167 ≡ 2 → 'X'
  //   c = 3: 169 ≡ 4 → '8'     c = 4: 171 ≡ 6 → '6'     c = 5: 173 ≡ 8 → '4'
  //   c = 6: 175 ≡ 10 → '2'    c = 7: 177 ≡ 1 → '0'     c = 8: 179 ≡ 3 → '9'
  //   c = 9: 181 ≡ 5 → '7'     b = 1, c = 8: 163 + 4 + 16 = 183 ≡ 7 → '5'
  // which covers all eleven check characters.
  TEST_CASE("ResidentIdCheckChar: every check character") {
    struct Case {
      const char* first17;
      char check;
    };
    for (const Case& c : {Case{"11010519491231000", '3'}, Case{"11010519491231001", '1'},
                          Case{"11010519491231002", 'X'}, Case{"11010519491231003", '8'},
                          Case{"11010519491231004", '6'}, Case{"11010519491231005", '4'},
                          Case{"11010519491231006", '2'}, Case{"11010519491231007", '0'},
                          Case{"11010519491231008", '9'}, Case{"11010519491231009", '7'},
                          Case{"11010519491231018", '5'}}) {
      CAPTURE(c.first17);
      CHECK(ResidentIdCheckChar(c.first17) == c.check);
      const ResidentId id = ParseResidentId(std::string(c.first17) + c.check);
      CHECK(id.digits == std::string(c.first17) + c.check);
      CHECK(id.birth == Date::FromYmd(1949, 12, 31));
      // The 17th digit: odd for men, even for women.
      CHECK(id.sex == ((c.first17[16] - '0') % 2 == 1 ? Sex::kMale : Sex::kFemale));
    }
    CHECK_THROWS_AS(ResidentIdCheckChar("1101051949123100"), ValueError);
    CHECK_THROWS_AS(ResidentIdCheckChar("1101051949123100X"), ValueError);
  }

  TEST_CASE("ParseResidentId: the standard's example") {
    const ResidentId id = ParseResidentId("11010519491231002X");
    CHECK(id.digits == "11010519491231002X");
    CHECK(id.birth.ToIso() == "1949-12-31");
    CHECK(id.sex == Sex::kFemale);                                   // 17th digit 2: even
    CHECK(ParseResidentId("110105194912310011").sex == Sex::kMale);  // 17th digit 1: odd
  }

  TEST_CASE("ParseResidentId: normalisation") {
    CHECK(ParseResidentId("11010519491231002x").digits == "11010519491231002X");
    CHECK(ParseResidentId("  11010519491231002X\u3000").digits == "11010519491231002X");
    CHECK(ParseResidentId("１１０１０５１９４９１２３１００２Ｘ").digits == "11010519491231002X");
    CHECK(ParseResidentId("１１０１０５１９４９１２３１００２ｘ").digits == "11010519491231002X");
    // Born on a leap day: 1·7 + 1·9 + 0 + 1·5 + 0 + 5·4 + 2·2 + 0 + 0 + 0 + 0 + 2·9 + 2·10 + 9·5
    // + 0 + 0 + 1·2 = 7 + 9 + 5 + 20 + 4 + 18 + 20 + 45 + 2 = 130; 130 mod 11 = 9 → '3'.
    const ResidentId leap = ParseResidentId("110105200002290013");
    CHECK(leap.birth.ToIso() == "2000-02-29");
    CHECK(leap.sex == Sex::kMale);
  }

  TEST_CASE("ParseResidentId: errors say what is wrong") {
    CHECK_THROWS_WITH_AS(ParseResidentId("110105194912310023"), "身份证号校验位应为 X，实际为 3",
                         ValueError);
    CHECK_THROWS_WITH_AS(ParseResidentId("110105194912310013"), "身份证号校验位应为 1，实际为 3",
                         ValueError);
    CHECK_THROWS_WITH_AS(ParseResidentId("11010519491231000X"), "身份证号校验位应为 3，实际为 X",
                         ValueError);
    CHECK_THROWS_WITH_AS(ParseResidentId("110105491231002"),
                         "“110105491231002”是 15 位的一代身份证号，请填写 18 位身份证号",
                         ValueError);
    CHECK_THROWS_WITH_AS(ParseResidentId("11010519491231002"),
                         "身份证号应为 18 位，实际为 17 位：“11010519491231002”", ValueError);
    CHECK_THROWS_WITH_AS(ParseResidentId("11010519491231002X1"),
                         "身份证号应为 18 位，实际为 19 位：“11010519491231002X1”", ValueError);
    CHECK_THROWS_AS(ParseResidentId("110105 19491231 002X"), ValueError);  // 20 characters
    CHECK_THROWS_WITH_AS(ParseResidentId("11010519491231A02X"),
                         "身份证号第 15 位应为数字，实际为“A”", ValueError);
    CHECK_THROWS_WITH_AS(ParseResidentId("1101051949123100中X"),
                         "身份证号第 17 位应为数字，实际为“中”", ValueError);
    CHECK_THROWS_WITH_AS(ParseResidentId("X10105194912310021"),
                         "身份证号第 1 位应为数字，实际为“X”", ValueError);
    CHECK_THROWS_WITH_AS(ParseResidentId("11010519491231002Y"),
                         "身份证号第 18 位（校验位）应为数字或 X，实际为“Y”", ValueError);
    CHECK_THROWS_WITH_AS(ParseResidentId("110105194902300013"),
                         "身份证号中的出生日期“19490230”不存在", ValueError);
    CHECK_THROWS_WITH_AS(ParseResidentId("110105190002290011"),
                         "身份证号中的出生日期“19000229”不存在", ValueError);  // 1900 not leap
    CHECK_THROWS_WITH_AS(ParseResidentId("110105194913010011"),
                         "身份证号中的出生日期“19491301”不存在", ValueError);
    CHECK_THROWS_WITH_AS(ParseResidentId("110105189912310011"),
                         "身份证号中的出生日期“18991231”不合理（年份应在 1900–2100 之间）",
                         ValueError);
    CHECK_THROWS_WITH_AS(ParseResidentId("110105210101010011"), doctest::Contains("不合理"),
                         ValueError);
    // 2100 is still plausible: the date passes and the check character is what fails.
    CHECK_THROWS_WITH_AS(ParseResidentId("110105210012310011"),
                         doctest::Contains("身份证号校验位应为"), ValueError);
    CHECK_THROWS_WITH_AS(ParseResidentId(""), "身份证号为空", ValueError);
    CHECK_THROWS_WITH_AS(ParseResidentId(" \u3000 "), "身份证号为空", ValueError);
    SetLanguage(Language::kEnglish);
    CHECK_THROWS_WITH_AS(ParseResidentId("110105194912310023"),
                         "the ID number's check character should be X, got 3", ValueError);
    SetLanguage(Language::kChinese);
  }

  TEST_CASE("an ID number that arrived as a number cell") {
    const std::string advice = IdNumberCellAdvice("4.10105194912311E+17");
    CHECK(advice ==
          "身份证号“4.10105194912311E+17”被存成了数字，Excel 的数字只保留 15 位有效数字，后面几位"
          "已经丢失：请把该列设置单元格格式为“文本”后重新录入/导出");
    CHECK_THROWS_WITH_AS(ParseResidentId("4.10105194912311E+17"), advice.c_str(), ValueError);
    CHECK_THROWS_WITH_AS(ParseResidentId("1.10105194912310e17"),
                         doctest::Contains("设置单元格格式为“文本”"), ValueError);
    SetLanguage(Language::kEnglish);
    CHECK(IdNumberCellAdvice("4.1E+17") ==
          "the ID number \"4.1E+17\" was stored as a number: Excel keeps only 15 significant "
          "digits, so its last digits are lost. Format the column as Text, then re-enter or "
          "re-export it");
    SetLanguage(Language::kChinese);
  }

  TEST_CASE("MaskIdentifiers masks ID and card numbers inside messages, nothing else") {
    CHECK(MaskIdentifiers("身份证号 15010219900101123X 有误") == "身份证号 150102********123X 有误");
    CHECK(MaskIdentifiers("卡号 6222028300152234676，金额 1560.00") ==
          "卡号 622202*********4676，金额 1560.00");
    CHECK(MaskIdentifiers("第 1048576 行，20260305") == "第 1048576 行，20260305");
    CHECK(MaskIdentifiers("") == "");
  }

  TEST_CASE("MaskDigits") {
    CHECK(MaskDigits("150102199001011234") == "150102********1234");
    CHECK(MaskDigits("11010519491231002X") == "110105********002X");
    CHECK(MaskDigits("6222021234567890128") == "622202*********0128");  // 19: 6 + 9 + 4
    CHECK(MaskDigits("4111111111111111") == "411111******1111");        // 16: 6 + 6 + 4
    CHECK(MaskDigits("12345678901") == "123456*8901");
    CHECK(MaskDigits("1234567890") == "******7890");  // 10 or fewer: all but the last 4
    CHECK(MaskDigits("12345") == "*2345");
    CHECK(MaskDigits("1234") == "1234");
    CHECK(MaskDigits("") == "");
  }

  // Luhn, from the right, doubling every second digit (a doubled digit above 9 counts minus 9):
  //   4111111111111111: undoubled eight 1s = 8; doubled seven 1s = 14 and the leading 4 → 8;
  //     8 + 14 + 8 = 30 ≡ 0 → valid. Ending in 2 instead: 31 → invalid.
  //   6222021234567894 (16): doubled (odd positions from the left) 6→3, 2→4, 0→0, 1→2, 3→6,
  //     5→1, 7→5, 9→9 = 30; undoubled 2+2+2+2+4+6+8 = 26; + check 4 → 60 ≡ 0 → valid.
  //   6222021234567890128 (19): undoubled (odd positions from the left) 6+2+0+1+3+5+7+9+1 = 34;
  //     doubled 2→4, 2→4, 2→4, 2→4, 4→8, 6→3, 8→7, 0→0, 2→4 = 38; 72 + check 8 = 80 → valid.
  //   79927398713: 3 + (1→2) + 7 + (8→7) + 9 + (3→6) + 7 + (2→4) + 9 + (9→9) + 7 = 70 → valid.
  TEST_CASE("LuhnValid") {
    CHECK(LuhnValid("4111111111111111"));
    CHECK_FALSE(LuhnValid("4111111111111112"));
    CHECK(LuhnValid("6222021234567894"));
    CHECK_FALSE(LuhnValid("6222021234567895"));
    CHECK(LuhnValid("6222021234567890128"));
    CHECK_FALSE(LuhnValid("6222021234567890127"));
    CHECK(LuhnValid("79927398713"));
    CHECK_FALSE(LuhnValid("79927398710"));
    CHECK(LuhnValid("0"));
    CHECK_FALSE(LuhnValid(""));
    CHECK_FALSE(LuhnValid("4111-1111"));
  }

  TEST_CASE("ParseBankCard") {
    BankCard card = ParseBankCard("4111111111111111");
    CHECK(card.digits == "4111111111111111");
    CHECK(card.luhn_ok);
    card = ParseBankCard("4111 1111 1111 1111");
    CHECK(card.digits == "4111111111111111");
    CHECK(card.luhn_ok);
    card = ParseBankCard("4111-1111-1111-1111");
    CHECK(card.digits == "4111111111111111");
    card = ParseBankCard("４１１１\u3000１１１１－１１１１ １１１１");
    CHECK(card.digits == "4111111111111111");
    card = ParseBankCard("4111111111111112");
    CHECK(card.digits == "4111111111111112");
    CHECK_FALSE(card.luhn_ok);  // a warning for the caller, not an error
    card = ParseBankCard("6222021234567894");
    CHECK(card.luhn_ok);
    card = ParseBankCard(" 6222 0212 3456 7890 128 ");
    CHECK(card.digits == "6222021234567890128");
    CHECK(card.luhn_ok);
    CHECK_FALSE(ParseBankCard("6222021234567890127").luhn_ok);

    CHECK_THROWS_WITH_AS(ParseBankCard("622202123456789"),
                         "银行卡号应为 16–19 位数字，实际为 15 位：“622202123456789”", ValueError);
    CHECK_THROWS_WITH_AS(ParseBankCard("62220212345678901280"),
                         "银行卡号应为 16–19 位数字，实际为 20 位：“62220212345678901280”",
                         ValueError);
    CHECK_THROWS_WITH_AS(ParseBankCard("4111x11111111111"),
                         "银行卡号只能包含数字（可用空格或短横线分隔），实际为“4111x11111111111”",
                         ValueError);
    CHECK_THROWS_AS(ParseBankCard("--- ---"), ValueError);
    CHECK_THROWS_WITH_AS(ParseBankCard(""), "银行卡号为空", ValueError);
    CHECK_THROWS_WITH_AS(ParseBankCard("6.22202123456789E+18"),
                         doctest::Contains("银行卡号“6.22202123456789E+18”被存成了数字"),
                         ValueError);
  }
}

}  // namespace huzhu
