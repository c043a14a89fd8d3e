// The advisor's worklist, the home page's first part: new applications waiting for a decision,
// oldest first, with the model's recommendation; then the latest decisions.
import { api, Worklist } from "./api";
import { tableOf } from "./charts";
import { h, section, status } from "./dom";
import { failure } from "./failure";
import { decisionText, moment, percent } from "./format";
import { t } from "./i18n";
import { abandoned, View } from "./view";

function clientLink(id: number): HTMLAnchorElement {
  return h("a", { href: `#/client/${id}` }, t("clientTitle", { id }));
}

function worklistTable(page: Worklist, decided: boolean): HTMLTableElement {
  const header = decided
    ? [t("clientColumn"), t("decisionColumn"), t("byColumn"), t("recommendationColumn")]
    : [t("clientColumn"), t("receivedColumn"), t("probability"), t("recommendationColumn")];
  const table = tableOf(
    header,
    page.applications.map((row) =>
      decided && row.decision
        ? ["", decisionText(row.decision.decision), row.decision.actor, decisionText(row.decision.recommendation)]
        : ["", moment(row.received_at, false), percent(row.score.probability), decisionText(row.score.decision)],
    ),
  );
  page.applications.forEach((row, i) => table.tBodies[0].rows[i].cells[0].append(clientLink(row.id)));
  return table;
}

// A page of `status` applications, with a button to the next page while there is one.
function pagedList(view: View, status_: "pending" | "decided", empty: string): HTMLElement {
  const holder = h("div", { "aria-live": "polite" }, status(t("loading")));
  const remembered = `worklist-${status_}`;
  const show = async (offset: number) => {
    try {
      const page = await api.applications(status_, offset, view.signal);
      view.remember(remembered, offset);
      const parts: Node[] = [page.applications.length ? worklistTable(page, status_ === "decided") : status(empty)];
      if (offset + page.applications.length < page.total) {
        const next = h("button", { type: "button", class: "secondary" }, t("moreApplications"));
        next.addEventListener("click", () => void show(offset + page.applications.length));
        parts.push(next);
      }
      holder.replaceChildren(...parts);
    } catch (error) {
      if (!abandoned(error)) holder.replaceChildren(failure(error));
    }
  };
  void show(view.remembered<number>(remembered) ?? 0);
  return holder;
}

// The page's title and the pending applications, then the latest decisions.
export function worklist(view: View): HTMLElement[] {
  return [
    h("h1", {}, t("worklistTitle")),
    h("p", {}, t("worklistIntro")),
    pagedList(view, "pending", t("worklistEmpty")),
    section("decided-title", t("worklistDecided"), pagedList(view, "decided", t("noDecision"))),
  ];
}
