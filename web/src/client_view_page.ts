// The client's own view (#/client/ID/view): a read-only page the advisor turns to the client, and
// may print. Their application as given, what the lender knows of their history, the decision and
// its reasons in the letter's words, and where they stand among applicants in aggregates only:
// no other client's data, no nearest neighbours.
import { api, ClientDetail, Decisions } from "./api";
import { applicationFacts, historyFacts } from "./client_page";
import { h, section, status } from "./dom";
import { failure } from "./failure";
import { decisionText } from "./format";
import { currentLanguage, label, t } from "./i18n";
import { abandoned, View } from "./view";

// The measures a client compares themselves on, all applicants together.
const STANDING = ["AMT_INCOME_TOTAL", "AMT_CREDIT", "AMT_ANNUITY"];

function decisionPart(data: Decisions): HTMLElement[] {
  const latest = data.decisions[0];
  if (!latest) return [h("p", {}, t("viewUnderReview"))];
  const fr = currentLanguage() === "fr";
  return [
    h("p", {}, t("viewDecision", { d: decisionText(latest.decision) })),
    h("h3", {}, t("viewReasons")),
    latest.reasons.length
      ? h("ol", { class: "client-reasons" }, ...latest.reasons.map((r) => h("li", {}, fr ? r.fr : r.en)))
      : h("p", {}, t("noClientReason")),
  ];
}

async function standing(id: number, view: View): Promise<HTMLElement> {
  const lines = await Promise.all(
    STANDING.map(async (feature) => {
      const d = await api.distribution(feature, `group=all&client=${id}`, view.signal);
      const share = d.client?.percentile;
      if (share === null || share === undefined) return h("li", {}, t("viewNotGiven", { what: label(d) }));
      // Said from the nearer end: « plus bas que pour 82 % », never « plus élevé que pour 18 % ».
      const [what, above] = [label(d), Math.round(share * 100)];
      if (above === 100) return h("li", {}, t("viewStandingHighest", { what }));
      if (above === 0) return h("li", {}, t("viewStandingLowest", { what }));
      return h("li", {}, above >= 50 ? t("viewStanding", { what, p: above }) : t("viewStandingLower", { what, p: 100 - above }));
    }),
  );
  return h("ul", { class: "standing" }, ...lines);
}

export async function renderClientView(main: HTMLElement, id: number, view: View): Promise<void> {
  main.replaceChildren(status(t("loading")));
  let client: ClientDetail;
  let decisions: Decisions;
  let where: HTMLElement;
  try {
    [client, decisions, where] = await Promise.all([
      api.client(id, view.signal),
      api.decisions(id, view.signal),
      standing(id, view),
    ]);
  } catch (error) {
    if (abandoned(error) || !view.mounted) return;
    main.replaceChildren(h("h1", {}, t("viewTitle", { id })), failure(error));
    return;
  }
  if (!view.mounted) return;
  const print = h("button", { type: "button", class: "secondary no-print" }, t("print"));
  print.addEventListener("click", () => window.print());
  main.replaceChildren(
    h("h1", {}, t("viewTitle", { id })),
    h("p", { class: "no-print" }, h("a", { href: `#/client/${id}` }, t("viewBack")), " ", print),
    section("view-decision", t("viewDecisionTitle"), ...decisionPart(decisions)),
    section("view-application", t("viewApplicationTitle"), applicationFacts(client)),
    section("view-history", t("viewHistoryTitle"), historyFacts(client)),
    section("view-standing", t("viewStandingTitle"), h("p", {}, t("viewStandingIntro")), where),
    section("view-rights", t("viewRightsTitle"), h("p", {}, t("viewRights"))),
  );
}
