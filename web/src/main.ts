// The dashboard: a page per address (#/ search, #/client/ID, #/model), the navigation and the
// language switch. Pages are drawn again in the other language when it changes.
import "./style.css";

import { renderClient } from "./client_page";
import { h } from "./dom";
import { currentLanguage, onLanguageChange, setLanguage, t } from "./i18n";
import { renderModel } from "./model_page";
import { renderSearch } from "./search_page";
import { View } from "./view";

const main = document.getElementById("main") as HTMLElement;
const nav = document.getElementById("nav") as HTMLElement;
const languageButton = document.getElementById("language") as HTMLButtonElement;
const skip = document.querySelector(".skip") as HTMLAnchorElement;

function drawChrome(): void {
  document.documentElement.lang = currentLanguage();
  skip.textContent = t("skip");
  nav.setAttribute("aria-label", t("nav"));
  const page = location.hash.startsWith("#/model") ? "model" : "clients";
  const link = (href: string, text: string, current: boolean) => {
    const a = h("a", { href }, text);
    if (current) a.setAttribute("aria-current", "page");
    return a;
  };
  nav.replaceChildren(link("#/", t("navClients"), page === "clients"), link("#/model", t("navModel"), page === "model"));
  languageButton.textContent = t("switchLanguage");
  languageButton.setAttribute("aria-label", t("switchLanguageLabel"));
  languageButton.lang = currentLanguage() === "fr" ? "en" : "fr";
}

// The page shown: left (its charts released, its requests aborted) before the next is drawn.
let shown: View | null = null;

function route(): void {
  drawChrome();
  shown?.unmount();
  const view = (shown = new View());
  const client = location.hash.match(/^#\/client\/(\d+)$/);
  if (client) void renderClient(main, Number(client[1]), view);
  else if (location.hash.startsWith("#/model")) void renderModel(main, view);
  else renderSearch(main, view);
  document.title = `${t("navClients")} — Prêt à dépenser`;
}

languageButton.addEventListener("click", () => setLanguage(currentLanguage() === "fr" ? "en" : "fr"));
onLanguageChange(route);
window.addEventListener("hashchange", () => {
  route();
  main.focus();
});
route();
