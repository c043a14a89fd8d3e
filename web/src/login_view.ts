// The login form: the advisor's user name and password, the server's refusal in words (a wrong
// password, or too many attempts and how long to wait). Shown as the page when nobody is logged
// in, and over the page, which stays as it was, when a session expires.
import { ApiError, api, type Session } from "./api";
import { h } from "./dom";
import { t } from "./i18n";

export function renderLogin(container: HTMLElement, expired: boolean, loggedIn: (who: Session) => void): void {
  const user = h("input", { id: "login-user", name: "username", autocomplete: "username", required: "" });
  const password = h("input", {
    id: "login-password",
    name: "password",
    type: "password",
    autocomplete: "current-password",
    required: "",
  });
  const message = h("div", { "aria-live": "polite" });
  const form = h(
    "form",
    { class: "login", "aria-labelledby": "login-title" },
    h("h1", { id: "login-title" }, t("loginTitle")),
    h("p", {}, t(expired ? "loginExpired" : "loginIntro")),
    h("div", { class: "field" }, h("label", { for: "login-user" }, t("loginUser")), user),
    h("div", { class: "field" }, h("label", { for: "login-password" }, t("loginPassword")), password),
    h("button", { type: "submit" }, t("loginButton")),
    message,
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    message.replaceChildren();
    try {
      loggedIn(await api.login(user.value, password.value));
    } catch (error) {
      const throttled = error instanceof ApiError && error.status === 429;
      const words = throttled
        ? t("loginThrottled", { minutes: Math.ceil(error.retryAfter / 60) })
        : error instanceof ApiError && error.status === 401
          ? t("loginWrong")
          : String((error as Error).message);
      message.replaceChildren(h("p", { role: "alert", class: "error" }, words));
      password.value = "";
      password.focus();
    }
  });
  container.replaceChildren(form);
  user.focus();
}
