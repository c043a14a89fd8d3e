// Which concepts a client may be given as a reason for a decision, and in which words.
//
// A reason told to a client must be something they know about themselves and can act on or
// contest: their late payments, their income, the amount asked. Process artefacts (the hour or
// weekday of an application, which documents were ticked, the phones given), a building's
// normalised statistics and protected attributes (gender, family) are never told to a client as
// a reason; they still count in the advisor's full explanation.
#pragma once

#include <string_view>

#include "features/column_labels.h"

namespace creditscore::features {

struct ClientWording {
  bool told = false;  // may be given to a client as a reason
  Label label;        // « Vos retards de paiement passés »
  Label unit;         // after an aggregate's value: « jours »; empty when none
};

// `scope`: the history prefix ("INSTAL_", "BURO_"...) or "" for the application; `column`: the
// column, derived column or ratio; `advisor_label`: the concept's label, the words used when no
// client wording is written for it.
ClientWording client_wording(std::string_view scope, std::string_view column,
                             const Label& advisor_label);

}  // namespace creditscore::features
