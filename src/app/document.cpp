#include "app/document.h"

namespace creditscore::app {

std::string say(explain::Language language, std::string fr, std::string en) {
  return language == explain::Language::French ? std::move(fr) : std::move(en);
}

std::string long_date(const std::string& iso, explain::Language language) {
  static const char* const kFrench[] = {"janvier",   "février", "mars",     "avril",
                                        "mai",       "juin",    "juillet",  "août",
                                        "septembre", "octobre", "novembre", "décembre"};
  static const char* const kEnglish[] = {"January",   "February", "March",    "April",
                                         "May",       "June",     "July",     "August",
                                         "September", "October",  "November", "December"};
  const int year = std::stoi(iso.substr(0, 4)), month = std::stoi(iso.substr(5, 2)),
            day = std::stoi(iso.substr(8, 2));
  const char* name = (language == explain::Language::French ? kFrench : kEnglish)[month - 1];
  return std::to_string(day) + " " + name + " " + std::to_string(year);
}

}  // namespace creditscore::app
