// The letter that tells a client the decision on their application (GDPR Art. 13-15 and 22): the
// lender, the date, the client's number; the decision and that a person took it; its principal
// reasons in the client's words (at most four); for a refusal, what could change it; the data used,
// by source; how decisions are made; the client's rights and how to use them. Nothing of any other
// client, no model internals. French or English.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/document.h"
#include "app/service.h"
#include "explain/reason_codes.h"
#include "store/decision_log.h"

namespace creditscore::app {

// The letter of client `id`'s latest decision. Throws not_found (no client) or conflict (no
// decision yet: a letter tells a decision a person has made).
Document client_letter(Service& service, std::int64_t id, explain::Language language);
// The letter of `decision`, as the decision's record holds it.
Document decision_letter(Service& service, const store::Decision& decision,
                         explain::Language language);

// "fr" or "en"; anything else is an invalid_input Error naming it.
explain::Language parse_language(const std::string& text);

}  // namespace creditscore::app
