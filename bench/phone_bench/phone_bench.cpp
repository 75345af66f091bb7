// phone_bench: parse, validate and format phone numbers with Google's
// libphonenumber (C++, Debian's libphonenumber-dev), for the agreement check
// and the throughput comparison in bench/.
//
// Usage:
//   phone_bench [--info] [--region RR] [--quiet] FILE
//
// FILE has one number per line. Without --region every line is
// "REGION<TAB>INPUT"; with --region RR every line is just INPUT and RR is the
// default region for all of them.
//
// For each line (in order) it prints one line to stdout:
//   default mode: the E.164 form, or an empty line when the number is not valid
//                 (exactly what customer_clean.normalize_phone returns, NULL
//                 printed as empty)
//   --info:       E164<TAB>VALID(t|f)<TAB>TYPE, TYPE in the lower-case names
//                 customer_clean.phone_info uses ("mobile", "fixed_line", …;
//                 "unknown" when not valid)
// --quiet prints no per-line results.
// On stderr it prints "rows=N seconds=S": S is the wall time of the
// parse/validate/format loop only (input already in memory, output written
// after the clock stops).
#include <phonenumbers/phonenumberutil.h>
#include <phonenumbers/phonenumber.pb.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

static const char *type_name(PhoneNumberUtil::PhoneNumberType t) {
  switch (t) {
    case PhoneNumberUtil::FIXED_LINE: return "fixed_line";
    case PhoneNumberUtil::MOBILE: return "mobile";
    case PhoneNumberUtil::FIXED_LINE_OR_MOBILE: return "fixed_line_or_mobile";
    case PhoneNumberUtil::TOLL_FREE: return "toll_free";
    case PhoneNumberUtil::PREMIUM_RATE: return "premium_rate";
    case PhoneNumberUtil::SHARED_COST: return "shared_cost";
    case PhoneNumberUtil::VOIP: return "voip";
    case PhoneNumberUtil::PERSONAL_NUMBER: return "personal_number";
    case PhoneNumberUtil::PAGER: return "pager";
    case PhoneNumberUtil::UAN: return "uan";
    case PhoneNumberUtil::VOICEMAIL: return "voicemail";
    default: return "unknown";
  }
}

int main(int argc, char **argv) {
  bool info = false, quiet = false;
  std::string fixed_region;
  const char *path = nullptr;
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--info")) info = true;
    else if (!strcmp(argv[i], "--quiet")) quiet = true;
    else if (!strcmp(argv[i], "--region") && i + 1 < argc) fixed_region = argv[++i];
    else path = argv[i];
  }
  if (!path) {
    fprintf(stderr, "usage: %s [--info] [--region RR] [--quiet] FILE\n", argv[0]);
    return 2;
  }
  std::ifstream in(path);
  if (!in) { perror(path); return 2; }
  std::vector<std::string> regions, inputs;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (fixed_region.empty()) {
      size_t tab = line.find('\t');
      if (tab == std::string::npos) { regions.emplace_back(""); inputs.push_back(line); }
      else { regions.push_back(line.substr(0, tab)); inputs.push_back(line.substr(tab + 1)); }
    } else {
      inputs.push_back(line);
    }
  }
  const PhoneNumberUtil &util = *PhoneNumberUtil::GetInstance();
  const size_t n = inputs.size();
  std::vector<std::string> e164(n);
  std::vector<char> valid(info ? n : 0);
  std::vector<const char *> kind(info ? n : 0);

  auto t0 = std::chrono::steady_clock::now();
  PhoneNumber num;
  for (size_t i = 0; i < n; i++) {
    const std::string &region = fixed_region.empty() ? regions[i] : fixed_region;
    num.Clear();
    bool ok = util.Parse(inputs[i], region, &num) == PhoneNumberUtil::NO_PARSING_ERROR &&
              util.IsValidNumber(num);
    if (ok) util.Format(num, PhoneNumberUtil::E164, &e164[i]);
    if (info) {
      valid[i] = ok;
      kind[i] = ok ? type_name(util.GetNumberType(num)) : "unknown";
    }
  }
  auto t1 = std::chrono::steady_clock::now();
  double secs = std::chrono::duration<double>(t1 - t0).count();

  if (!quiet) {
    std::string out;
    out.reserve(n * 24);
    for (size_t i = 0; i < n; i++) {
      out += e164[i];
      if (info) {
        out += '\t';
        out += valid[i] ? 't' : 'f';
        out += '\t';
        out += kind[i];
      }
      out += '\n';
    }
    fwrite(out.data(), 1, out.size(), stdout);
  }
  fprintf(stderr, "rows=%zu seconds=%.3f\n", n, secs);
  return 0;
}
