// What-if: change the amounts of the application and see the new score beside the current one.
// Nothing is saved unless the advisor submits it as a new application.
import { api, ClientDetail, Explanation, newRequestKey } from "./api";
import { h, section, status } from "./dom";
import { decisionBadge, decisionWords, reasonsView } from "./explanation_view";
import { failure } from "./failure";
import { decisionText, number, percent, points } from "./format";
import { currentLanguage, label, t } from "./i18n";
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
  // The fields changed from the application, marked on the form and listed in words.
  const changedFields = (): HTMLElement => {
    const items = fields.flatMap((field) => {
      const input = inputs.get(field.column) as HTMLInputElement;
      const now = input.value === "" ? null : Number(input.value);
      const was = field.value === null ? null : Number(field.value);
      input.parentElement?.classList.toggle("changed", now !== was);
      return now === was ? [] : [h("li", {}, t("changedField", { f: label(field), from: number(was), to: number(now) }))];
    });
    return items.length ? h("ul", { class: "changes" }, ...items) : h("p", {}, t("nothingChanged"));
  };
  const summary = h("div", { id: "what-if-summary", "aria-live": "polite" });
  const saving = h("div", { id: "what-if-saving", "aria-live": "polite" });
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    results.replaceChildren(status(t("loading")));
    summary.replaceChildren();
    saving.replaceChildren();
    try {
      const answer = await api.whatIf(client.id, changes(), view.signal);
      const [before, after] = [answer.current, answer.edited];
      const moved = after.probability - before.probability;
      // French says « 1,5 point », singular below 2.
      const unit = currentLanguage() === "fr" && Math.abs(moved) * 100 < 2 ? "point" : "points";
      summary.replaceChildren(
        changedFields(),
        h("p", {}, t("whatIfMove", { p: points(moved), u: unit })),
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
  form.addEventListener("input", () => {
    saveKey = newRequestKey();
    saving.replaceChildren();
  });
  const saveApplication = async () => {
    const application: Record<string, unknown> = {};
    for (const field of client.application) if (field.column !== "SK_ID_CURR") application[field.column] = field.value;
    Object.assign(application, changes());
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
      h("div", { role: "group", "aria-labelledby": "save-question", class: "confirm" }, h("p", { id: "save-question" }, t("saveQuestion", { id: client.id })), changedFields(), h("div", { class: "pager" }, confirm, cancel)),
    );
    confirm.focus();
  });
  const element = section("what-if-title", t("whatIfTitle"), h("p", {}, t("whatIfIntro")), form, saving, summary, results);
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
