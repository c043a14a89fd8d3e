// What would change the decision: for a refusal, the smallest changes of amount, term or purchase
// that the model grants, in sentences, each loadable into the what-if; for a grant, how much more
// the client could borrow before a refusal.
import { api, Recourse } from "./api";
import { h, section, status } from "./dom";
import { failure } from "./failure";
import { number } from "./format";
import { currentLanguage, t } from "./i18n";
import { abandoned, View } from "./view";

export type LoadChanges = (changes: Record<string, number>) => void;

function body(answer: Recourse, load: LoadChanges): HTMLElement[] {
  const fr = currentLanguage() === "fr";
  const words = (text: { fr: string; en: string }) => (fr ? text.fr : text.en);
  const bounds = answer.bounds;
  const range = h(
    "p",
    { class: "help" },
    t("recourseRange", {
      a: number(bounds.amount.min),
      b: number(bounds.amount.max),
      m: String(Math.ceil(bounds.term_months.min)),
      n: String(Math.floor(bounds.term_months.max)),
    }),
  );
  const options = answer.decision === "refused" ? answer.options : answer.largest_granted ? [answer.largest_granted] : [];
  const list = h(
    "ul",
    { class: "recourse-options" },
    ...options.map((option) => {
      const sentence = words(option.sentence);
      const button = h("button", { type: "button", "aria-label": t("tryInWhatIfLabel", { s: sentence }) }, t("tryInWhatIf"));
      button.addEventListener("click", () => load(option.changes as Record<string, number>));
      return h("li", {}, h("span", {}, sentence), " ", button);
    }),
  );
  return [h("p", {}, words(answer.summary)), ...(options.length ? [list] : []), h("p", {}, t("recourseIntro")), range];
}

export function renderRecourse(view: View, id: number, refused: boolean, load: LoadChanges): HTMLElement {
  const content = h("div", {}, status(t("loading")));
  const panel = section("recourse-title", refused ? t("recourseRefusedTitle") : t("recourseGrantedTitle"), content);
  api
    .recourse(id, view.signal)
    .then((answer) => content.replaceChildren(...body(answer, load)))
    .catch((error) => {
      if (!abandoned(error)) content.replaceChildren(failure(error));
    });
  return panel;
}
