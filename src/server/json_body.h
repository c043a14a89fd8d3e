// A request's JSON body, parsed so that each fault is the caller's and named: text that is not
// JSON is a 400 HttpError with the parser's position; a number beyond what a double holds (such
// as 1e999) is an invalid_input Error naming the field it was given for, as any other value a
// field cannot take. Never a 500.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace creditscore::server {

nlohmann::json parse_json_body(const std::string& body);

}  // namespace creditscore::server
