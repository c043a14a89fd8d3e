// The dashboard is served by `creditscore serve --web web/dist`; during development `vite`
// forwards the API to a server started on CREDITSCORE_API (default http://127.0.0.1:8080).
import { defineConfig } from "vite";

const api = process.env.CREDITSCORE_API ?? "http://127.0.0.1:8080";

export default defineConfig({
  build: { outDir: "dist", emptyOutDir: true },
  server: { proxy: { "/api": api, "/predict": api, "/openapi.json": api } },
});
