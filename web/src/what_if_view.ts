// What-if: change the amounts of the application and see the new score beside the current one.
// Nothing is saved unless the advisor submits it as a new application.
import { api, ClientDetail, Explanation, newRequestKey } from "./api";
import { h, section, status } from "./dom";
import { decisionBadge, decisionWords, reasonsView } from "./explanation_view";
import { percent } from "./format";
import { label, t } from "./i18n";
import { abandoned, View } from "./view";

const EDITABLE = ["AMT_CREDIT", "AMT_ANNUITY", "AMT_GOODS_PRICE", "AMT_INCOME_TOTAL"];

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

// The section, and a way to fill its fields with `changes` and simulate them.
export function renderWhatIf(
  view: View,
  client: ClientDetail,
): { element: HTMLElement; load: (changes: Record<string, number>) => void } {
  const results = h("div", { class: "two-columns", "aria-live": "polite", id: "what-if-results" });
  const inputs = new Map<string, HTMLInputElement>();
  const fields = client.application.filter((f) => EDITABLE.includes(f.column));
  const form = h("form", { class: "controls", id: "what-if-form" });
  for (const field of fields) {
    const id = `what-if-${field.column}`;
    const input = h("input", { id, name: field.column, type: "number", min: "0", step: "any" });
    input.value = field.value === null ? "" : String(field.value);
    inputs.set(field.column, input);
    form.append(h("div", { class: "field" }, h("label", { for: id }, label(field)), input));
  }
  const save = h("button", { type: "button", id: "what-if-save" }, t("saveAsNew"));
  save.disabled = true;
  form.append(h("button", { type: "submit" }, t("simulate")), save);

  const changes = (): Record<string, number> => {
    const out: Record<string, number> = {};
    for (const [name, input] of inputs) if (input.value !== "") out[name] = Number(input.value);
    return out;
  };
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    results.replaceChildren(status(t("loading")));
    try {
      const answer = await api.whatIf(client.id, changes(), view.signal);
      results.replaceChildren(column(t("current"), answer.current), column(t("simulated"), answer.edited));
      save.disabled = false;
    } catch (error) {
      if (abandoned(error)) return;
      results.replaceChildren(status(t("error", { m: (error as Error).message })));
    }
  });
  // The same application saved again (its answer lost) is saved once; a changed one is another.
  let saveKey = newRequestKey();
  form.addEventListener("input", () => (saveKey = newRequestKey()));
  save.addEventListener("click", async () => {
    const application: Record<string, unknown> = {};
    for (const field of client.application) if (field.column !== "SK_ID_CURR") application[field.column] = field.value;
    Object.assign(application, changes());
    try {
      const saved = await api.saveApplication(application, saveKey, view.signal);
      saveKey = newRequestKey();
      results.append(status(t("saved", { id: saved.id })));
    } catch (error) {
      if (abandoned(error)) return;
      results.append(status(t("error", { m: (error as Error).message })));
    }
  });
  const element = section("what-if-title", t("whatIfTitle"), h("p", {}, t("whatIfIntro")), form, results);
  const load = (loaded: Record<string, number>) => {
    saveKey = newRequestKey();
    for (const [name, value] of Object.entries(loaded)) {
      const input = inputs.get(name);
      if (input) input.value = String(value);
    }
    element.scrollIntoView({ block: "start" });
    inputs.get(Object.keys(loaded)[0])?.focus();
    form.requestSubmit();
  };
  return { element, load };
}
