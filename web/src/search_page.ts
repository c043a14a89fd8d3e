// The first page: the applications waiting for a decision, then find a client by number, or go
// back to one seen recently.
import { api, ClientRow } from "./api";
import { tableOf } from "./charts";
import { h, section, status } from "./dom";
import { decisionText, number, percent } from "./format";
import { currentLanguage, t } from "./i18n";
import { abandoned, View } from "./view";
import { worklist } from "./worklist_view";

const RECENT = "recent-clients";

export function rememberClient(id: number): void {
  const recent = recentClients().filter((other) => other !== id);
  localStorage.setItem(RECENT, JSON.stringify([id, ...recent].slice(0, 8)));
}

function recentClients(): number[] {
  try {
    return JSON.parse(localStorage.getItem(RECENT) ?? "[]") as number[];
  } catch {
    return [];
  }
}

function clientLink(id: number): HTMLAnchorElement {
  return h("a", { href: `#/client/${id}` }, t("clientTitle", { id }));
}

function resultsTable(rows: ClientRow[]): HTMLTableElement {
  const table = tableOf(
    [t("clientColumn"), t("contract"), t("credit"), t("income"), t("probability"), t("decision")],
    rows.map((row) => [
      "",
      currentLanguage() === "fr" ? row.name_contract_type_fr : row.name_contract_type_en,
      number(row.amt_credit),
      number(row.amt_income_total),
      row.probability === null ? "—" : percent(row.probability),
      decisionText(row.decision),
    ]),
  );
  rows.forEach((row, i) => table.tBodies[0].rows[i].cells[0].append(clientLink(row.id)));
  return table;
}

export function renderSearch(main: HTMLElement, view: View): void {
  const input = h("input", {
    id: "client-search",
    name: "client",
    inputmode: "numeric",
    pattern: "[0-9]*",
    autocomplete: "off",
  });
  const results = h("div", { id: "results", "aria-live": "polite" });
  const form = h(
    "form",
    { class: "search", role: "search" },
    h("label", { for: "client-search" }, t("searchLabel")),
    input,
    h("button", { type: "submit" }, t("searchButton")),
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const query = input.value.trim().replace(/\D/g, "");
    results.replaceChildren(status(t("loading")));
    try {
      const page = await api.clients(query, view.signal);
      results.replaceChildren(
        h("h3", {}, t("results")),
        page.clients.length ? resultsTable(page.clients) : status(t("noResult")),
      );
    } catch (error) {
      if (abandoned(error)) return;
      results.replaceChildren(status(t("error", { m: (error as Error).message })));
    }
  });
  const recent = recentClients();
  main.replaceChildren(
    ...worklist(view),
    section("search-title", t("searchTitle"), form, results),
    section(
      "recent-title",
      t("recent"),
      recent.length
        ? h("ul", { class: "recent" }, ...recent.map((id) => h("li", {}, clientLink(id))))
        : h("p", {}, t("noRecent")),
    ),
  );
  input.focus();
}
