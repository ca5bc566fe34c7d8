/**
 * The web app (src/web) is built into dist/web, which the Fastify server serves with an SPA
 * fallback. The server sends a strict Content-Security-Policy (script-src 'self'), so the build
 * must not emit inline scripts: index.html only references the entry module.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

const root = path.join(import.meta.dirname, "src", "web");
const outDir = path.join(import.meta.dirname, "dist", "web");

/** A module id inside node_modules/<one of the packages>/ (ids are absolute, "/"-separated). */
function fromPackages(...patterns: string[]): RegExp {
  return new RegExp(`[\\\\/]node_modules[\\\\/](?:${patterns.join("|")})[\\\\/]`);
}

/**
 * Writes a .br (brotli, best) and a .gz (gzip -9) beside every text file of the build, once, so the
 * server sends compressed bytes without compressing per request (@fastify/static `preCompressed`).
 * node:zlib does both: no dependency needed.
 */
function precompress(): Plugin {
  return {
    name: "daihoi-precompress",
    apply: "build",
    writeBundle(options, bundle) {
      const dir = options.dir ?? outDir;
      for (const fileName of Object.keys(bundle)) {
        if (!/\.(?:js|css|html|svg|json|txt)$/.test(fileName)) continue;
        const file = path.join(dir, fileName);
        const bytes = readFileSync(file);
        if (bytes.length < 1024) continue;
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(bytes, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
              [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
            },
          }),
        );
        writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  root,
  // Vite's own cache stays out of src/web.
  cacheDir: path.join(import.meta.dirname, "node_modules", ".vite"),
  plugins: [react(), precompress()],
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
    // ECharts (the three charts, loaded only with them) is ~550 kB minified; warn above that.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        // React and ECharts change far less often than our code: their own chunks keep browsers'
        // caches warm across releases. antd has no group of its own: each page's chunk takes only
        // the components it uses, so the login page does not download the tables, trees and date
        // pickers. (Rolldown's `codeSplitting` groups succeed Rollup's `manualChunks`.)
        codeSplitting: {
          groups: [
            { name: "echarts", test: fromPackages("echarts", "zrender", "echarts-for-react"), priority: 40 },
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
