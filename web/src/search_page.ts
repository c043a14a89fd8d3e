// The first page: the applications waiting for a decision, then find a client by number, or go
// back to one seen recently.
import { api, ClientRow } from "./api";
import { tableOf } from "./charts";
import { h, section, status } from "./dom";
import { failure } from "./failure";
import { applicationKind, decisionText, money, number, percent } from "./format";
import { currentLanguage, t } from "./i18n";
import { abandoned, View } from "./view";
import { worklist } from "./worklist_view";

const RECENT = "recent-clients";
const PAGE = 20; // clients per page of results
const SEARCH = "search"; // what the page remembers of the search

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
  return tableOf(
    [t("clientColumn"), t("fileColumn"), t("contract"), t("credit"), t("income"), t("probability"), t("recommendationColumn")],
    rows.map((row) => [
      clientLink(row.id),
      applicationKind(row.split, row.target),
      currentLanguage() === "fr" ? row.name_contract_type_fr : row.name_contract_type_en,
      money(row.amt_credit),
      money(row.amt_income_total),
      row.probability === null ? "—" : percent(row.probability),
      decisionText(row.decision),
    ]),
  );
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
  // One page of the clients whose number starts with `query`, with the way to the others.
  const show = async (query: string, offset: number) => {
    results.replaceChildren(status(t("loading")));
    try {
      const page = await api.clients(query, view.signal, PAGE, offset);
      view.remember(SEARCH, { query, offset });
      if (page.clients.length === 0) {
        results.replaceChildren(h("h3", {}, t("results")), status(t("noResult")));
        return;
      }
      const pager = (key: "previousPage" | "nextPage", to: number) => {
        const button = h("button", { type: "button" }, t(key));
        button.addEventListener("click", () => void show(query, to));
        return button;
      };
      const last = offset + page.clients.length;
      results.replaceChildren(
        h("h3", {}, t("results")),
        h("p", {}, page.total === 1 ? t("foundOne") : t("foundMany", { n: number(page.total), from: offset + 1, to: last })),
        resultsTable(page.clients),
        h(
          "div",
          { class: "pager" },
          ...(offset > 0 ? [pager("previousPage", Math.max(0, offset - PAGE))] : []),
          ...(last < page.total ? [pager("nextPage", last)] : []),
        ),
      );
    } catch (error) {
      if (abandoned(error)) return;
      results.replaceChildren(failure(error));
    }
  };
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void show(input.value.trim().replace(/\D/g, ""), 0);
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
  // The same search, on the same page, after a language switch.
  const kept = view.remembered<{ query: string; offset: number }>(SEARCH);
  if (kept) {
    input.value = kept.query;
    void show(kept.query, kept.offset);
  }
}
