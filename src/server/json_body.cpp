#include "server/json_body.h"

#include <vector>

#include "server/http_error.h"

namespace creditscore::server {
namespace {

using nlohmann::json;

// nlohmann's own DOM builder, told the path of the value being read, so that a fault names it.
class NamingDomParser : public nlohmann::detail::json_sax_dom_parser<json> {
 public:
  explicit NamingDomParser(json& result) : json_sax_dom_parser(result, true) {}

  bool start_object(std::size_t size) {
    path_.emplace_back();
    return json_sax_dom_parser::start_object(size);
  }
  bool end_object() {
    path_.pop_back();
    return json_sax_dom_parser::end_object();
  }
  bool key(std::string& name) {
    path_.back() = name;
    return json_sax_dom_parser::key(name);
  }

  template <class Exception>
  bool parse_error(std::size_t, const std::string& token, const Exception& error) {
    if (error.id == 406) {  // nlohmann's "number overflow"
      throw invalid_input(field() + ": " + token +
                          " is not a number any field can hold (beyond the range of a double)");
    }
    throw HttpError(400, std::string("the body is not valid JSON: ") + error.what());
  }

 private:
  // "application.AMT_INCOME_TOTAL", or "the body" at the top.
  std::string field() const {
    std::string names;
    for (const std::string& name : path_) {
      if (name.empty()) continue;
      names += (names.empty() ? "" : ".") + name;
    }
    return names.empty() ? "the body" : names;
  }

  std::vector<std::string> path_;
};

}  // namespace

json parse_json_body(const std::string& body) {
  json result;
  NamingDomParser parser(result);
  json::sax_parse(body, &parser);
  return result;
}

}  // namespace creditscore::server
