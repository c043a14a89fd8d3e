// What the browser gives the dashboard's pure parts: localStorage, in memory. Imported first.
const stored = new Map<string, string>();
(globalThis as { localStorage?: unknown }).localStorage = {
  getItem: (key: string) => stored.get(key) ?? null,
  setItem: (key: string, value: string) => void stored.set(key, value),
  removeItem: (key: string) => void stored.delete(key),
};
(globalThis as { document?: unknown }).document = { documentElement: { lang: "fr" } };
