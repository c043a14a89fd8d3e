// The dashboard: a page per address (#/ search, #/client/ID, #/model), the navigation, who is
// logged in and the language switch. Pages are drawn again in the other language when it changes,
// showing again what the advisor had asked of them.
// Nobody logged in: the login page, and then the address asked for. A session that expires
// mid-page: the login over the page, which keeps what was typed on it. Advisors see clients and
// the model; analysts and admins see the model and its monitoring.
import "./style.css";

import { api, onLoggedOut, type Session } from "./api";
import { renderClient } from "./client_page";
import { renderClientView } from "./client_view_page";
import { h } from "./dom";
import { setCurrency } from "./format";
import { currentLanguage, onLanguageChange, setLanguage, t, type TextKey } from "./i18n";
import { renderLogin } from "./login_view";
import { renderModel } from "./model_page";
import { renderMonitoring } from "./monitoring_page";
import { renderSearch } from "./search_page";
import { type Memory, View } from "./view";

const main = document.getElementById("main") as HTMLElement;
const nav = document.getElementById("nav") as HTMLElement;
const languageButton = document.getElementById("language") as HTMLButtonElement;
const skip = document.querySelector(".skip") as HTMLAnchorElement;
const account = document.getElementById("account") as HTMLElement;
const loginLayer = document.getElementById("login-layer") as HTMLElement;

const roleWords: Record<Session["role"], TextKey> = {
  advisor: "roleAdvisor",
  analyst: "roleAnalyst",
  admin: "roleAdmin",
  system: "roleSystem",
};

// Who is logged in; null shows the login page.
let who: Session | null = null;
function signIn(session: Session): void {
  who = session;
  setCurrency(session.currency);
}
const seesClients = () => who?.role === "advisor";
const watchesModel = () => who?.role === "analyst" || who?.role === "admin";

function drawChrome(): void {
  document.documentElement.lang = currentLanguage();
  skip.textContent = t("skip");
  nav.setAttribute("aria-label", t("nav"));
  const page = location.hash.startsWith("#/model")
    ? "model"
    : location.hash.startsWith("#/monitoring")
      ? "monitoring"
      : "clients";
  const link = (href: string, text: string, current: boolean) => {
    const a = h("a", { href }, text);
    if (current) a.setAttribute("aria-current", "page");
    return a;
  };
  nav.replaceChildren(
    ...(seesClients() ? [link("#/", t("navClients"), page === "clients")] : []),
    ...(who ? [link("#/model", t("navModel"), page === "model")] : []),
    ...(watchesModel() ? [link("#/monitoring", t("navMonitoring"), page === "monitoring")] : []),
  );
  account.replaceChildren();
  if (who) {
    const logout = h("button", { type: "button", class: "secondary" }, t("logout"));
    logout.addEventListener("click", async () => {
      await api.logout().catch(() => undefined);
      who = null;
      route();
    });
    account.append(h("span", {}, t("loggedInAs", { user: who.user, role: t(roleWords[who.role]) })), logout);
  }
  languageButton.textContent = t("switchLanguage");
  languageButton.setAttribute("aria-label", t("switchLanguageLabel"));
  languageButton.lang = currentLanguage() === "fr" ? "en" : "fr";
}

// The page shown: left (its charts released, its requests aborted) before the next is drawn.
let shown: View | null = null;

// `memory`: what the page remembered, when the same page is drawn again in the other language.
function route(memory?: Memory): void {
  drawChrome();
  shown?.unmount();
  shown = null;
  if (!who) {
    renderLogin(main, false, (session) => {
      signIn(session);
      route();
    });
    document.title = `${t("loginTitle")} — Prêt à dépenser`;
    return;
  }
  const monitoring = watchesModel() && location.hash.startsWith("#/monitoring");
  if (!seesClients() && !location.hash.startsWith("#/model") && !monitoring) {
    location.replace("#/model"); // hashchange draws it
    return;
  }
  const view = (shown = new View(memory));
  const client = location.hash.match(/^#\/client\/(\d+)$/);
  const clientView = location.hash.match(/^#\/client\/(\d+)\/view$/);
  if (client) void renderClient(main, Number(client[1]), view);
  else if (clientView) void renderClientView(main, Number(clientView[1]), view);
  else if (location.hash.startsWith("#/model")) void renderModel(main, view);
  else if (monitoring) renderMonitoring(main, view);
  else renderSearch(main, view);
  const id = client?.[1] ?? clientView?.[1];
  const title = client
    ? t("clientTitle", { id: id ?? "" })
    : clientView
      ? t("viewTitle", { id: id ?? "" })
      : t(location.hash.startsWith("#/model") ? "navModel" : monitoring ? "navMonitoring" : "navClients");
  document.title = `${title} — Prêt à dépenser`;
}

// After a move to another page, the focus goes to its heading once it is drawn, where a screen
// reader then starts reading (not to the whole page, which would draw a ring round everything).
function focusHeading(): void {
  const focused = () => {
    const heading = main.querySelector("h1");
    if (!heading) return false;
    heading.tabIndex = -1;
    heading.focus();
    return true;
  };
  if (focused()) return;
  const watch = new MutationObserver(() => focused() && watch.disconnect());
  watch.observe(main, { childList: true, subtree: true });
  setTimeout(() => watch.disconnect(), 10_000);
}

// The session ended under the page: log in over it, and the page stays as it was for the same
// person (a different one gets their own start).
onLoggedOut(() => {
  if (!who || !loginLayer.hidden) return;
  const before = who.user;
  main.inert = true;
  loginLayer.hidden = false;
  renderLogin(loginLayer, true, (session) => {
    signIn(session);
    loginLayer.hidden = true;
    loginLayer.replaceChildren();
    main.inert = false;
    if (session.user === before) drawChrome();
    else route();
  });
});

languageButton.addEventListener("click", () => setLanguage(currentLanguage() === "fr" ? "en" : "fr"));
onLanguageChange(() => route(shown?.memory));
window.addEventListener("hashchange", () => {
  route();
  focusHeading();
});
api
  .session()
  .then(signIn)
  .catch(() => (who = null))
  .finally(route);
