// The model card: the instructions for use that a high-risk system owes its users (EU AI Act
// Art. 13), from the bundle and the registry. Intended use and users; the data (tables, clients,
// fingerprint); the features by family; the out-of-fold quality with the bootstrap interval of
// its AUC; the cost model and the threshold; fairness at training; known limitations; the human
// oversight; the version. French or English, rendered by document_pdf or document_markdown.
#pragma once

#include "app/document.h"
#include "model/model_bundle.h"

namespace creditscore::app {

// `served`: whether the registry serves this run now.
Document model_card(const model::ModelBundle& bundle, bool served, explain::Language language);

}  // namespace creditscore::app
