// A small checker of JSON values against the OpenAPI 3.0 schemas of our own document (no JSON
// Schema validator is packaged for C++ in Debian 12): $ref, nullable, type, enum, allOf, oneOf,
// properties, required, additionalProperties, items, minItems and maxItems, which is every
// keyword the document uses. Each violation names its place, e.g. "$.clients[3].probability:
// expected number, got \"x\"".
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace creditscore::testing {

inline bool json_has_type(const nlohmann::json& value, const std::string& type) {
  if (type == "object") return value.is_object();
  if (type == "array") return value.is_array();
  if (type == "string") return value.is_string();
  if (type == "boolean") return value.is_boolean();
  if (type == "integer") return value.is_number_integer();
  if (type == "number") return value.is_number();
  return false;
}

inline void check_schema(const nlohmann::json& value, const nlohmann::json& schema,
                         const nlohmann::json& document, const std::string& where,
                         std::vector<std::string>& violations) {
  if (schema.contains("$ref")) {
    const std::string ref = schema["$ref"];
    const nlohmann::json::json_pointer pointer(ref.substr(1));  // "#/components/..."
    check_schema(value, document.at(pointer), document, where, violations);
    return;
  }
  if (value.is_null()) {
    if (!schema.value("nullable", false)) violations.push_back(where + ": null is not allowed");
    return;
  }
  if (schema.contains("allOf")) {
    for (const auto& part : schema["allOf"]) check_schema(value, part, document, where, violations);
    return;
  }
  if (schema.contains("oneOf")) {
    std::size_t matching = 0;
    for (const auto& option : schema["oneOf"]) {
      std::vector<std::string> found;
      check_schema(value, option, document, where, found);
      matching += found.empty() ? 1 : 0;
    }
    if (matching != 1) {
      violations.push_back(where + ": " + value.dump().substr(0, 80) + " matches " +
                           std::to_string(matching) + " of the oneOf schemas, not one");
    }
    return;
  }
  if (schema.contains("type") && !json_has_type(value, schema["type"])) {
    violations.push_back(where + ": expected " + schema["type"].get<std::string>() + ", got " +
                         value.dump().substr(0, 80));
    return;
  }
  if (schema.contains("enum") &&
      std::find(schema["enum"].begin(), schema["enum"].end(), value) == schema["enum"].end()) {
    violations.push_back(where + ": " + value.dump() + " is not one of " + schema["enum"].dump());
  }
  if (value.is_object()) {
    for (const auto& name : schema.value("required", nlohmann::json::array())) {
      if (!value.contains(name.get<std::string>()))
        violations.push_back(where + ": required property " + name.get<std::string>() + " missing");
    }
    const nlohmann::json properties = schema.value("properties", nlohmann::json::object());
    const nlohmann::json additional = schema.value("additionalProperties", nlohmann::json(true));
    for (const auto& [key, item] : value.items()) {
      if (properties.contains(key)) {
        check_schema(item, properties[key], document, where + "." + key, violations);
      } else if (additional.is_object()) {
        check_schema(item, additional, document, where + "." + key, violations);
      } else if (additional == false) {
        violations.push_back(where + ": property " + key + " is not in the schema");
      }
    }
  }
  if (value.is_array()) {
    if (schema.contains("minItems") && value.size() < schema["minItems"].get<std::size_t>())
      violations.push_back(where + ": fewer than " + schema["minItems"].dump() + " items");
    if (schema.contains("maxItems") && value.size() > schema["maxItems"].get<std::size_t>())
      violations.push_back(where + ": more than " + schema["maxItems"].dump() + " items");
    if (schema.contains("items")) {
      for (std::size_t i = 0; i < value.size(); ++i) {
        check_schema(value[i], schema["items"], document, where + "[" + std::to_string(i) + "]",
                     violations);
      }
    }
  }
}

// Every place where `value` breaks `schema`; empty when it conforms.
inline std::vector<std::string> schema_violations(const nlohmann::json& value,
                                                  const nlohmann::json& schema,
                                                  const nlohmann::json& document) {
  std::vector<std::string> violations;
  check_schema(value, schema, document, "$", violations);
  return violations;
}

}  // namespace creditscore::testing
