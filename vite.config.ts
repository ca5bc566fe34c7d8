/**
 * The web app (src/web) is built into dist/web, which the Fastify server serves with an SPA
 * fallback. The server sends a strict Content-Security-Policy (script-src 'self'), so the build
 * must not emit inline scripts: index.html only references the entry module.
 */
import path from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const root = path.join(import.meta.dirname, "src", "web");
const outDir = path.join(import.meta.dirname, "dist", "web");

/** A module id inside node_modules/<one of the packages>/ (ids are absolute, "/"-separated). */
function fromPackages(...patterns: string[]): RegExp {
  return new RegExp(`[\\\\/]node_modules[\\\\/](?:${patterns.join("|")})[\\\\/]`);
}

export default defineConfig({
  root,
  // Vite's own cache stays out of src/web.
  cacheDir: path.join(import.meta.dirname, "node_modules", ".vite"),
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { "/api": { target: "http://localhost:3000", changeOrigin: false } },
  },
  preview: {
    proxy: { "/api": { target: "http://localhost:3000", changeOrigin: false } },
  },
  build: {
    outDir,
    emptyOutDir: true,
    target: "es2022",
    // The antd chunk is ~1 MB minified by itself; warn only above that.
    chunkSizeWarningLimit: 1100,
    rolldownOptions: {
      output: {
        // Vendor code changes far less often than ours: separate chunks keep browsers' caches
        // warm across releases, and no single file reaches 1,5 MB. (Rolldown's `codeSplitting`
        // groups are the successor of Rollup's `manualChunks`.)
        codeSplitting: {
          groups: [
            { name: "echarts", test: fromPackages("echarts", "zrender", "echarts-for-react"), priority: 40 },
            {
              name: "antd",
              test: fromPackages("antd", "@ant-design", "@rc-component", "rc-[^\\\\/]+", "dayjs", "@emotion"),
              priority: 30,
            },
            {
              name: "react",
              test: fromPackages(
                "react",
                "react-dom",
                "scheduler",
                "react-router",
                "@tanstack",
                "cookie",
                "set-cookie-parser",
              ),
              // Highest: a group also takes the dependencies of its modules, and antd imports react-dom.
              priority: 50,
            },
          ],
        },
      },
    },
  },
});
