// What-if: change the amounts of the application and see the new score beside the current one.
// Nothing is saved unless the advisor submits it as a new application.
import { api, ClientDetail, Explanation, newRequestKey } from "./api";
import { h, section, status } from "./dom";
import { decisionBadge, decisionWords, reasonsView } from "./explanation_view";
import { failure } from "./failure";
import { valueText } from "./feature_units";
import { decisionText, number, percent, points } from "./format";
import { label, t, tCount } from "./i18n";
import { abandoned, View } from "./view";

const REMEMBERED = "what-if";

// The amounts an advisor may change. The monthly annuity is not one of them: it follows from the
// amount and the term (months), by the server's rule for every simulation and recourse.
const EDITABLE = ["AMT_CREDIT", "AMT_GOODS_PRICE", "AMT_INCOME_TOTAL"];
const TERM = "term";
type Field = ClientDetail["application"][number];

function column(title: string, e: Explanation): HTMLElement {
  return h(
    "div",
    { class: "what-if-result" },
    h("h3", {}, title),
    h("p", { class: "big" }, percent(e.probability), " ", decisionBadge(e.decision)),
    h("p", {}, decisionWords(e)),
    reasonsView(e),
  );
}

const valueOf = (field: Field | undefined): number | null =>
  field && typeof field.value === "number" ? field.value : null;
const months = (n: number | null) => (n === null ? t("notGiven") : t("monthsCount", { n: number(n) }));

// The section, and a way to fill its fields with `changes` and simulate them.
export function renderWhatIf(
  view: View,
  client: ClientDetail,
): { element: HTMLElement; load: (changes: Record<string, number>) => void } {
  const results = h("div", { class: "two-columns", "aria-live": "polite", id: "what-if-results" });
  const fieldOf = (column: string) => client.application.find((f) => f.column === column);
  const [amount, annuity] = [valueOf(fieldOf("AMT_CREDIT")), valueOf(fieldOf("AMT_ANNUITY"))];
  const term = amount !== null && annuity ? Math.round((amount / annuity) * 10) / 10 : null;
  // Each editable field with the value it starts from and how its values read.
  const editable: Array<{ name: string; text: string; was: number | null; words: (v: number | null) => string }> = [
    ...EDITABLE.flatMap((name) => {
      const field = fieldOf(name);
      return field ? [{ name, text: label(field), was: valueOf(field), words: (v: number | null) => valueText(field, v) }] : [];
    }),
    ...(term === null ? [] : [{ name: TERM, text: t("termMonths"), was: term, words: months }]),
  ];
  const inputs = new Map<string, HTMLInputElement>();
  const form = h("form", { class: "controls", id: "what-if-form" });
  for (const field of editable) {
    const id = `what-if-${field.name}`;
    const input = h("input", { id, name: field.name, type: "number", min: "0", step: "any" });
    input.value = field.was === null ? "" : String(field.was);
    inputs.set(field.name, input);
    form.append(h("div", { class: "field" }, h("label", { for: id }, field.text), input));
  }
  const annuityField = fieldOf("AMT_ANNUITY");
  const annuityLine = h("p", { id: "what-if-annuity", "aria-live": "polite" });
  const showAnnuity = (value: number | null) => {
    if (annuityField) annuityLine.replaceChildren(t("annuityFollows", { a: valueText(annuityField, value) }));
  };
  showAnnuity(annuity);
  const save = h("button", { type: "button", id: "what-if-save" }, t("saveAsNew"));
  save.disabled = true;
  form.append(h("button", { type: "submit" }, t("simulate")), save);

  const now = (name: string): number | null => {
    const input = inputs.get(name) as HTMLInputElement;
    return input.value === "" ? null : Number(input.value);
  };
  // An annuity given with a recourse proposal, kept until its amount or term is changed.
  let givenAnnuity: number | null = null;
  const changes = (): Record<string, number> => {
    const out: Record<string, number> = {};
    for (const field of editable) {
      const value = now(field.name);
      if (value !== null && value !== field.was) out[field.name] = value;
    }
    if (givenAnnuity !== null) out.AMT_ANNUITY = givenAnnuity;
    return out;
  };
  // The fields changed from the application, marked on the form and listed in words, with the
  // annuity that follows.
  const changedFields = (applied: Record<string, unknown>): HTMLElement => {
    const items = editable.flatMap((field) => {
      const value = now(field.name);
      const changed = value !== field.was;
      inputs.get(field.name)?.parentElement?.classList.toggle("changed", changed);
      return changed ? [h("li", {}, t("changedField", { f: field.text, from: field.words(field.was), to: field.words(value) }))] : [];
    });
    const newAnnuity = applied.AMT_ANNUITY;
    if (annuityField && typeof newAnnuity === "number" && newAnnuity !== annuity) {
      items.push(h("li", {}, t("changedField", { f: label(annuityField), from: valueText(annuityField, annuity), to: valueText(annuityField, newAnnuity) })));
    }
    return items.length ? h("ul", { class: "changes" }, ...items) : h("p", {}, t("nothingChanged"));
  };
  const summary = h("div", { id: "what-if-summary", "aria-live": "polite" });
  const saving = h("div", { id: "what-if-saving", "aria-live": "polite" });
  // The changes as the server applied them to the last simulation: what a save saves.
  let applied: Record<string, unknown> = {};
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    save.disabled = true;
    results.replaceChildren(status(t("loading")));
    summary.replaceChildren();
    saving.replaceChildren();
    try {
      const sent = changes();
      const answer = await api.whatIf(client.id, sent, view.signal);
      applied = answer.changes;
      view.remember(REMEMBERED, sent);
      const [before, after] = [answer.current, answer.edited];
      const moved = after.probability - before.probability;
      showAnnuity(typeof applied.AMT_ANNUITY === "number" ? applied.AMT_ANNUITY : annuity);
      summary.replaceChildren(
        changedFields(applied),
        h("p", {}, tCount("whatIfMove", Math.round(Math.abs(moved) * 1000) / 10, { p: points(moved) })),
        h(
          "p",
          { class: "strong" },
          after.decision === before.decision
            ? t("decisionStays", { d: decisionText(after.decision) })
            : t("decisionFlips", { from: decisionText(before.decision), to: decisionText(after.decision) }),
        ),
      );
      results.replaceChildren(column(t("current"), before), column(t("simulated"), after));
      save.disabled = false;
    } catch (error) {
      if (abandoned(error)) return;
      results.replaceChildren(failure(error));
    }
  });
  // The same application saved again (its answer lost) is saved once; a changed one is another.
  let saveKey = newRequestKey();
  form.addEventListener("input", (event) => {
    const name = (event.target as HTMLInputElement).name;
    if (name === "AMT_CREDIT" || name === TERM) givenAnnuity = null;
    saveKey = newRequestKey();
    save.disabled = true; // what is saved is what was simulated
    saving.replaceChildren();
  });
  const saveApplication = async () => {
    const application: Record<string, unknown> = {};
    for (const field of client.application) if (field.column !== "SK_ID_CURR") application[field.column] = field.value;
    Object.assign(application, applied);
    saving.replaceChildren(status(t("loading")));
    try {
      const saved = await api.saveApplication(application, saveKey, view.signal);
      saveKey = newRequestKey();
      saving.replaceChildren(
        h("p", { role: "status" }, t("saved", { id: saved.id }), " ", h("a", { href: `#/client/${saved.id}` }, t("openSaved"))),
      );
    } catch (error) {
      if (abandoned(error)) return;
      saving.replaceChildren(failure(error));
    }
  };
  // A new application is a commitment: asked first, with what it changes.
  save.addEventListener("click", () => {
    const confirm = h("button", { type: "button" }, t("saveConfirmButton"));
    const cancel = h("button", { type: "button", class: "secondary" }, t("cancel"));
    confirm.addEventListener("click", () => void saveApplication());
    cancel.addEventListener("click", () => {
      saving.replaceChildren();
      save.focus();
    });
    saving.replaceChildren(
      h("div", { role: "group", "aria-labelledby": "save-question", class: "confirm" }, h("p", { id: "save-question" }, t("saveQuestion", { id: client.id })), changedFields(applied), h("div", { class: "pager" }, confirm, cancel)),
    );
    confirm.focus();
  });
  const element = section("what-if-title", t("whatIfTitle"), h("p", {}, t("whatIfIntro")), form, annuityLine, saving, summary, results);
  // Fills the form with `loaded` (a proposal's amount and annuity: the term shown is theirs) and
  // simulates it.
  const fill = (loaded: Record<string, number>) => {
    saveKey = newRequestKey();
    for (const [name, value] of Object.entries(loaded)) {
      const input = inputs.get(name);
      if (input) input.value = String(value);
    }
    givenAnnuity = loaded.AMT_ANNUITY ?? null;
    const loadedAmount = loaded.AMT_CREDIT ?? amount;
    const termInput = inputs.get(TERM);
    if (givenAnnuity !== null && loadedAmount !== null && termInput) termInput.value = String(Math.round((loadedAmount / givenAnnuity) * 10) / 10);
  };
  // What was simulated comes back after a language switch, once the page is drawn.
  const kept = view.remembered<Record<string, number>>(REMEMBERED);
  if (kept) {
    fill(kept);
    setTimeout(() => form.requestSubmit());
  }
  const load = (loaded: Record<string, number>) => {
    fill(loaded);
    form.requestSubmit();
    element.scrollIntoView({ block: "start" });
    inputs.get(Object.keys(loaded)[0])?.focus();
  };
  return { element, load };
}
