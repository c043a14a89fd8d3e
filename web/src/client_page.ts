// One client: the decision first (the model's recommendation, the advisor's decision, the letter),
// then the score and why, who the client is, how the client compares with others, and what-if.
import { api, ClientDetail, Explanation } from "./api";
import { chart } from "./charts";
import { renderComparison } from "./comparison_view";
import { renderDecision } from "./decision_view";
import { h, section, status } from "./dom";
import { decisionBadge, decisionWords, reasonsView, waterfall } from "./explanation_view";
import { failure } from "./failure";
import { gaugeChart } from "./gauge_chart";
import { applicationKind, money, number, percent } from "./format";
import { valueText } from "./feature_units";
import { currentLanguage, label, labelWithoutDays, t } from "./i18n";
import { renderRecourse } from "./recourse_view";
import { rememberClient } from "./search_page";
import { abandoned, View } from "./view";
import { renderWhatIf } from "./what_if_view";

// The application fields an advisor talks about first.
const KEY_FIELDS = [
  "NAME_CONTRACT_TYPE", "AMT_CREDIT", "AMT_ANNUITY", "AMT_GOODS_PRICE", "AMT_INCOME_TOTAL",
  "NAME_INCOME_TYPE", "OCCUPATION_TYPE", "DAYS_EMPLOYED", "DAYS_BIRTH", "CODE_GENDER",
  "NAME_FAMILY_STATUS", "CNT_CHILDREN", "NAME_EDUCATION_TYPE", "NAME_HOUSING_TYPE",
];

// Category codes in words; numbers in their unit (days before the application in years...).
function fieldValue(field: ClientDetail["application"][number]): string {
  const { value } = field;
  if (value === null) return t("notGiven");
  if (typeof value === "string") return (currentLanguage() === "fr" ? field.value_fr : field.value_en) ?? value;
  if (field.no_date) return t("notGiven");
  return valueText(field, value);
}

function gauge(view: View, e: Explanation): HTMLElement {
  return chart(
    view,
    t("gaugeLabel", { p: percent(e.probability), t: percent(e.threshold) }),
    gaugeChart({
      value: e.probability,
      threshold: e.threshold,
      max: Math.max(0.5, Math.ceil(e.probability * 10) / 10),
      valueText: percent(e.probability),
      caption: `${t("threshold")} ${percent(e.threshold)}`,
      height: 260,
    }),
    {
      header: [t("probability"), t("threshold"), t("decision")],
      rows: [[percent(e.probability), percent(e.threshold), e.decision === "refused" ? t("refused") : t("granted")]],
    },
  );
}

const facts = (items: Array<[string, string]>) =>
  h("dl", { class: "facts" }, ...items.flatMap(([name, value]) => [h("dt", {}, name), h("dd", {}, value)]));

// The application's key fields as the client gave them.
export function applicationFacts(client: ClientDetail): HTMLElement {
  const fields = client.application.filter((f) => KEY_FIELDS.includes(f.column));
  fields.sort((a, b) => KEY_FIELDS.indexOf(a.column) - KEY_FIELDS.indexOf(b.column));
  // Day counts are shown in years.
  return facts(fields.map((f) => [labelWithoutDays(f), fieldValue(f)]));
}

// What the lender knows of the client's history.
export function historyFacts(client: ClientDetail): HTMLElement {
  return facts(
    (client.summary.history ?? []).map((item) => [
      label(item),
      item.value === null ? number(null) : item.unit === "share" ? percent(item.value) : item.unit === "amount" ? money(item.value) : number(item.value),
    ]),
  );
}

function information(client: ClientDetail): HTMLElement {
  return h(
    "div",
    { class: "two-columns" },
    h("div", {}, h("h3", {}, t("applicationTitle")), applicationFacts(client)),
    h("div", {}, h("h3", {}, t("historyTitle")), historyFacts(client)),
  );
}

export async function renderClient(main: HTMLElement, id: number, view: View): Promise<void> {
  main.replaceChildren(status(t("loading")));
  let client: ClientDetail;
  let explanation: Explanation;
  try {
    [client, explanation] = await Promise.all([api.client(id, view.signal), api.explanation(id, view.signal)]);
  } catch (error) {
    if (abandoned(error) || !view.mounted) return;
    main.replaceChildren(h("h1", {}, t("clientTitle", { id })), failure(error));
    return;
  }
  if (!view.mounted) return;  // the advisor has gone to another page meanwhile
  rememberClient(id);
  const whatIf = renderWhatIf(view, client);
  const kind = applicationKind(client.split, client.target);
  main.replaceChildren(
    h(
      "div",
      { class: "client-header" },
      h("h1", {}, t("clientTitle", { id }), " ", h("small", {}, `(${kind})`)),
      h("p", {}, t("headerScore", { p: percent(explanation.probability) }), " ", decisionBadge(explanation.decision)),
    ),
    renderDecision(view, id),
    section(
      "score-title",
      t("scoreTitle"),
      h("div", { class: "score" }, gauge(view, explanation), h("div", {}, decisionBadge(explanation.decision), h("p", { id: "decision-words" }, decisionWords(explanation)))),
    ),
    section(
      "why-title",
      t("whyTitle"),
      h("p", {}, t("whyIntro", { b: percent(explanation.base_probability), p: percent(explanation.probability) })),
      reasonsView(explanation),
      h("h3", {}, t("waterfallTitle")),
      waterfall(view, explanation),
    ),
    section("info-title", t("infoTitle"), information(client)),
    renderRecourse(view, id, explanation.decision === "refused", whatIf.load),
    renderComparison(view, id),
    whatIf.element,
  );
}
