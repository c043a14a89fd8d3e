// The decision panel of a client's page: the model's recommendation and the reasons the client
// will read, then the advisor's decision (confirm, or override with a comment of at least 20
// characters), the history of decisions, the client's letter and data.
import { api, Decision, Decisions, newRequestKey } from "./api";
import { h, section, status } from "./dom";
import { decisionBadge } from "./explanation_view";
import { failure } from "./failure";
import { decisionText, moment } from "./format";
import { currentLanguage, t } from "./i18n";
import { abandoned, View } from "./view";

const MIN_COMMENT = 20;

function historyList(decisions: Decision[]): HTMLElement {
  return h(
    "ol",
    { class: "decisions" },
    ...decisions.map((d) =>
      h(
        "li",
        {},
        t("decisionLine", { d: decisionText(d.decision), at: moment(d.at), who: d.actor }),
        d.overrides ? ` — ${t("overridesModel")}` : "",
        d.replaces !== null ? ` — ${t("replacesDecision")}` : "",
        d.comment ? h("q", {}, d.comment) : null,
      ),
    ),
  );
}

function documents(id: number): HTMLElement {
  const link = (href: string, text: string) => h("a", { href, download: "" }, text);
  return h(
    "ul",
    { class: "documents" },
    h("li", {}, link(api.letterUrl(id, "fr"), t("letterFr"))),
    h("li", {}, link(api.letterUrl(id, "en"), t("letterEn"))),
    h("li", {}, link(api.exportUrl(id), t("exportData"))),
  );
}

// The form: two choices, the comment required (and said so) when the choice overrides the model.
function decisionForm(id: number, data: Decisions, view: View, done: () => void): HTMLFormElement {
  const recommended = data.recommendation.decision;
  const other = recommended === "granted" ? "refused" : "granted";
  const choice = (value: string, text: string, checked: boolean) => {
    const input = h("input", { type: "radio", name: "decision", value, id: `decision-${value}` });
    input.checked = checked;
    return h("div", { class: "choice" }, input, h("label", { for: `decision-${value}` }, text));
  };
  const comment = h("textarea", { id: "decision-comment", name: "comment", rows: "3", maxlength: "2000", "aria-describedby": "comment-help" });
  const commentLabel = h("label", { for: "decision-comment" }, t("commentOptional"));
  const help = h("p", { id: "comment-help", class: "help" }, t("commentHelp"));
  const message = h("div", { "aria-live": "polite" });
  const form = h(
    "form",
    { class: "decide" },
    h(
      "fieldset",
      {},
      h("legend", {}, t("decisionTitle")),
      choice(recommended, t("confirm", { d: decisionText(recommended) }), true),
      choice(other, t("override", { d: decisionText(other) }), false),
    ),
    commentLabel,
    comment,
    help,
    h("button", { type: "submit" }, t("recordDecision")),
    message,
  );
  const overriding = () => (form.elements.namedItem("decision") as RadioNodeList).value === other;
  const update = () => {
    comment.required = overriding();
    commentLabel.textContent = overriding() ? t("commentLabel") : t("commentOptional");
    comment.minLength = overriding() ? MIN_COMMENT : 0;
  };
  form.addEventListener("change", update);
  update();
  // The same decision sent again (its answer lost) is recorded once; a changed form is another.
  let key = newRequestKey();
  form.addEventListener("input", () => (key = newRequestKey()));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const decision = (form.elements.namedItem("decision") as RadioNodeList).value as "granted" | "refused";
    try {
      await api.decide(id, decision, comment.value.trim(), key, view.signal);
      done();
    } catch (error) {
      if (abandoned(error)) return;
      message.replaceChildren(failure(error));
    }
  });
  return form;
}

export function renderDecision(view: View, id: number): HTMLElement {
  const body = h("div", {}, status(t("loading")));
  const panel = section("decision-title", t("decisionTitle"), body);
  panel.classList.add("decision-panel");
  // Drawn again once a decision is recorded, saying so.
  const draw = async (notice = "") => {
    try {
      const data = await api.decisions(id, view.signal);
      const fr = currentLanguage() === "fr";
      const reasons = data.recommendation.reasons;
      body.replaceChildren(
        h("p", {}, decisionBadge(data.recommendation.decision), " ", t("recommends", { d: decisionText(data.recommendation.decision) })),
        h("h3", {}, t("clientReasonsTitle")),
        reasons.length
          ? h("ol", { class: "client-reasons" }, ...reasons.map((r) => h("li", {}, fr ? r.fr : r.en)))
          : h("p", {}, t("noClientReason")),
        ...(notice ? [status(notice)] : []),
        data.decidable
          ? decisionForm(id, data, view, () => void draw(t("decisionRecorded")))
          : h("p", {}, t("pastNotDecided")),
        ...(data.decisions.length
          ? [h("h3", {}, t("historyOfDecisions")), historyList(data.decisions), documents(id)]
          : []),
        h("p", {}, h("a", { href: `#/client/${id}/view` }, t("clientView"))),
      );
    } catch (error) {
      if (!abandoned(error)) body.replaceChildren(failure(error));
    }
  };
  void draw();
  return panel;
}
