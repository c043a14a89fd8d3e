// The client among others: a feature's distribution by outcome over all clients, similar clients
// or a filtered group, with the client's bar marked; two features together; the closest clients.
import { api, Counts, Distribution, featureList } from "./api";
import { barChart } from "./bar_chart";
import { chart, colours, tableOf } from "./charts";
import { dotChart } from "./dot_chart";
import { h, section, selectField, status } from "./dom";
import { failure } from "./failure";
import { number, percent } from "./format";
import { daysBefore, featureLabel, inYears, shownValue, valueText } from "./feature_units";
import { t, type TextKey } from "./i18n";
import { abandoned, rememberedForm, View } from "./view";

// The risk at the top of the scatter plot's shading: 30 % and above all in vermillion.
const RISK_SCALE_TOP = 0.3;

function numberInput(id: string, text: string): [HTMLElement, HTMLInputElement] {
  const input = h("input", { id, name: id, type: "number", inputmode: "decimal" });
  return [h("div", { class: "field" }, h("label", { for: id }, text), input), input];
}

function binName(d: Distribution, i: number): string {
  const bin = d.bins[i];
  const shown = (value: number | undefined) => number(shownValue(d, value));
  if (d.discrete) return d.unit === "yes_no" ? valueText(d, bin.value) : shown(bin.value);
  // In years the days' order turns round: [-25 202, -24 316] days is 66,6 to 69,0 years.
  return inYears(d) ? `${shown(bin.to)} – ${shown(bin.from)}` : `${shown(bin.from)} – ${shown(bin.to)}`;
}

function distributionChart(view: View, d: Distribution): HTMLElement {
  // The bins from the lowest value shown to the highest: youngest first for an age.
  const order = d.bins.map((_, i) => i);
  if (inYears(d)) order.reverse();
  const names = order.map((i) => binName(d, i));
  const clientBin = d.client?.bin ?? null;
  const series = (key: keyof Counts, name: string, colour: string, hatched = false) => ({ name, colour, hatched, values: order.map((i) => d.bins[i][key]) });
  const drawing = barChart({
    categories: names,
    categoryName: featureLabel(d),
    value: { name: t("clients") },
    layout: "stacked",
    series: [series("repaid", t("repaid"), colours.safe), series("defaulted", t("defaulted"), colours.risk, true), series("unknown", t("unknown"), colours.pending)],
    // The client: a pin above their bin, in the legend as « ce client », seen even over an empty bin.
    mark: clientBin === null ? undefined : { index: order.indexOf(clientBin), name: t("thisClient"), colour: colours.client },
    height: 320,
  });
  const rows = order.map((i, k) => [
    (i === clientBin ? "▶ " : "") + names[k],
    String(d.bins[i].repaid),
    String(d.bins[i].defaulted),
    String(d.bins[i].unknown),
  ]);
  rows.push([t("missing"), String(d.missing.repaid), String(d.missing.defaulted), String(d.missing.unknown)]);
  return chart(
    view,
    t("distributionLabel", { f: featureLabel(d) }),
    drawing,
    { header: [t("bin"), t("repaid"), t("defaulted"), t("unknown")], rows },
  );
}

// where=FEATURE:min:max conditions from the group filters.
function filters(age: [HTMLInputElement, HTMLInputElement], income: [HTMLInputElement, HTMLInputElement], contract: string, gender: string): string[] {
  const out: string[] = [];
  const value = (input: HTMLInputElement) => (input.value === "" ? null : Number(input.value));
  const [ageFrom, ageTo] = age.map(value);
  if (ageFrom !== null || ageTo !== null) {
    // Age in years → DAYS_BIRTH, negative days before the application.
    const min = ageTo === null ? "" : String(daysBefore(ageTo + 1));
    const max = ageFrom === null ? "" : String(daysBefore(ageFrom));
    out.push(`DAYS_BIRTH:${min}:${max}`);
  }
  const [incomeFrom, incomeTo] = income.map(value);
  if (incomeFrom !== null || incomeTo !== null) out.push(`AMT_INCOME_TOTAL:${incomeFrom ?? ""}:${incomeTo ?? ""}`);
  if (contract) out.push(`${contract}:1:1`);
  if (gender) out.push(`${gender}:1:1`);
  return out;
}

// A count of clients as French and English say it: « aucun client », « 1 client », « 12 clients ».
function clientCount(n: number): string {
  return n === 0 ? t("clientsNone") : n === 1 ? t("clientsOne") : t("clientsMany", { n: number(n) });
}

// The filtered group in words: « de 30 à 40 ans, prêt personnel, femmes ».
function filteredGroup(age: [HTMLInputElement, HTMLInputElement], income: [HTMLInputElement, HTMLInputElement], contract: HTMLSelectElement, gender: HTMLSelectElement): string {
  const span = ([low, high]: [HTMLInputElement, HTMLInputElement], between: TextKey, from: TextKey, to: TextKey) => {
    const [a, b] = [low.value === "" ? "" : number(Number(low.value)), high.value === "" ? "" : number(Number(high.value))];
    return a && b ? [t(between, { a, b })] : a ? [t(from, { a })] : b ? [t(to, { b })] : [];
  };
  const chosen = (select: HTMLSelectElement) => (select.value ? [select.selectedOptions[0].text.toLowerCase()] : []);
  const parts = [
    ...span(age, "agesBetween", "agesFrom", "agesTo"),
    ...span(income, "incomeBetween", "incomeFrom", "incomeTo"),
    ...chosen(contract),
    ...chosen(gender),
  ];
  return parts.length ? parts.join(", ") : t("everyone");
}

export function renderComparison(view: View, id: number): HTMLElement {
  const distributionArea = h("div", { "aria-live": "polite" });
  const bivariateArea = h("div", { "aria-live": "polite" });
  const similarArea = h("div", {});
  const root = h("div", {});
  const form = h("form", { class: "controls", id: "compare-form" });
  const bivariateForm = h("form", { class: "controls", id: "bivariate-form" });

  // The distribution and the scatter plot are drawn again each on its own.
  const [distributionRegions, bivariateRegions] = [view.child(), view.child()];
  featureList().then((list) => {
    if (!view.mounted) return;
    const options: Array<[string, string]> = list.map((f) => [f.feature, featureLabel(f)]);
    const [featureField, feature] = selectField("compare-feature", t("feature"), options, list[0]?.feature ?? "");
    const [groupField, group] = selectField("compare-group", t("group"), [["all", t("groupAll")], ["similar", t("groupSimilar")], ["filtered", t("groupFiltered")]], "all");
    const [ageFromField, ageFrom] = numberInput("age-from", `${t("filterAge")} ${t("from")}`);
    const [ageToField, ageTo] = numberInput("age-to", `${t("filterAge")} ${t("to")}`);
    const [incomeFromField, incomeFrom] = numberInput("income-from", `${t("filterIncome")} ${t("from")}`);
    const [incomeToField, incomeTo] = numberInput("income-to", `${t("filterIncome")} ${t("to")}`);
    const [contractField, contract] = selectField("filter-contract", t("filterContract"), [["", t("any")], ["NAME_CONTRACT_TYPE_Cash_loans", t("cash")], ["NAME_CONTRACT_TYPE_Revolving_loans", t("revolving")]], "");
    const [genderField, gender] = selectField("filter-gender", t("filterGender"), [["", t("any")], ["CODE_GENDER_F", t("women")], ["CODE_GENDER_M", t("men")]], "");
    const filterBox = h("fieldset", { class: "filters" }, h("legend", {}, t("groupFiltered")), ageFromField, ageToField, incomeFromField, incomeToField, contractField, genderField);
    const showFilters = () => (filterBox.hidden = group.value !== "filtered");
    group.addEventListener("change", showFilters);
    showFilters();
    form.replaceChildren(featureField, groupField, filterBox, h("button", { type: "submit" }, t("show")));
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const query = new URLSearchParams({ client: String(id), group: group.value });
      if (group.value === "filtered") {
        for (const where of filters([ageFrom, ageTo], [incomeFrom, incomeTo], contract.value, gender.value)) query.append("where", where);
      }
      const groupWords =
        group.value === "filtered" ? filteredGroup([ageFrom, ageTo], [incomeFrom, incomeTo], contract, gender) : group.value === "similar" ? t("closest") : t("everyone");
      distributionArea.replaceChildren(status(t("loading")));
      const region = distributionRegions.redraw();
      try {
        const d = await api.distribution(feature.value, query.toString(), region.signal);
        const value = d.client?.value ?? null;
        distributionArea.replaceChildren(
          h("p", {}, t("groupLine", { count: clientCount(d.size), group: groupWords }), " ", t("clientValue", { v: valueText(d, value) })),
          distributionChart(region, d),
        );
      } catch (error) {
        if (abandoned(error)) return;
        distributionArea.replaceChildren(failure(error));
      }
    });

    const [xField, x] = selectField("bivariate-x", t("xFeature"), options, list[0]?.feature ?? "");
    const [yField, y] = selectField("bivariate-y", t("yFeature"), options, list[1]?.feature ?? "");
    bivariateForm.replaceChildren(xField, yField, h("button", { type: "submit" }, t("show")));
    rememberedForm(view, "distribution", form);
    bivariateForm.addEventListener("submit", async (event) => {
      event.preventDefault();
      bivariateArea.replaceChildren(status(t("loading")));
      const region = bivariateRegions.redraw();
      try {
        const b = await api.bivariate(new URLSearchParams({ x: x.value, y: y.value, client: String(id), limit: "1500" }).toString(), region.signal);
        const points = b.points.map(([px, py, p, target]) => [shownValue(b.x, px), shownValue(b.y, py), p, target] as const);
        const [xName, yName] = [featureLabel(b.x), featureLabel(b.y)];
        // The client's point, when both values are in their file.
        const pin = b.client && b.client.x !== null && b.client.y !== null ? b.client : null;
        const [pinX, pinY] = pin ? [shownValue(b.x, pin.x), shownValue(b.y, pin.y)] : [null, null];
        const drawing = dotChart({
          x: { name: xName },
          y: { name: yName },
          dots: points.flatMap(([px, py, p]) =>
            px === null || py === null
              ? []
              : [{ x: px, y: py, shade: p === null ? null : p / RISK_SCALE_TOP, note: `${xName} ${number(px)} · ${yName} ${number(py)} · ${t("probability")} ${p === null ? "—" : percent(p)}` }],
          ),
          radius: 2.5,
          shading: { high: t("riskScaleTop", { p: percent(RISK_SCALE_TOP, 0) }), low: percent(0, 0) },
          highlight: pinX !== null && pinY !== null ? { x: pinX, y: pinY, name: t("thisClient") } : undefined,
          height: 320,
        });
        bivariateArea.replaceChildren(
          ...(pin ? [] : [h("p", { class: "note" }, t("clientNotPlaced"))]),
          chart(
            region,
            t("bivariateLabel", { x: xName, y: yName }),
            drawing,
            {
              header: [xName, yName, t("probability")],
              rows: points.slice(0, 50).map((p) => [number(p[0]), number(p[1]), p[2] === null ? "—" : percent(p[2])]),
            },
          ),
        );
      } catch (error) {
        if (abandoned(error)) return;
        bivariateArea.replaceChildren(failure(error));
      }
    });
    rememberedForm(view, "scatter", bivariateForm);
  });

  api.similar(id, view.signal).then((s) => {
    similarArea.replaceChildren(
      h("h3", {}, t("similarTitle")),
      h("p", {}, t("similarHelp", { n: s.features.length })),
      h("p", {}, s.default_rate === null ? "" : t("similarRate", { n: s.known_outcomes, r: percent(s.default_rate, 0) })),
      tableOf(
        [t("clientColumn"), t("distance"), t("probability"), t("outcome")],
        s.clients.map((c) => [
          h("a", { href: `#/client/${c.id}` }, t("clientTitle", { id: c.id })),
          number(c.distance),
          c.probability === null ? "—" : percent(c.probability),
          c.target === null ? t("unknown") : c.target === 1 ? t("defaulted") : t("repaid"),
        ]),
      ),
    );
  }).catch((error) => {
    if (!abandoned(error)) similarArea.replaceChildren(failure(error));
  });

  root.append(
    section("compare-title", t("compareTitle"), form, distributionArea, h("h3", {}, t("bivariateTitle")), bivariateForm, bivariateArea, similarArea),
  );
  return root;
}
