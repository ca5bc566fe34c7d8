/**
 * Entry point of the web app: Vietnamese locale everywhere (antd vi_VN, dayjs "vi"), one query
 * client, and the router. No inline scripts: the server's CSP only allows scripts from 'self'.
 */
import "dayjs/locale/vi";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { ConfigProvider, type ConfigProviderProps } from "antd";
import viVNImport from "antd/es/locale/vi_VN.js";
import dayjs from "dayjs";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { RouterProvider } from "react-router/dom";
import { hierarchyQuery, meQuery, seasonsQuery, setUnauthorizedHandler, shouldRetry } from "./api/index.ts";
import { installDateFieldKeys } from "./dateFields.ts";
import { preloadRoute, router } from "./router.tsx";

dayjs.locale("vi");
// Date fields: typing replaces the date, Enter goes to the next field and never submits a form.
installDateFieldKeys(document);

// TypeScript (nodenext) reads antd's es/ files as CommonJS (a namespace holding `default`), while
// Vite bundles them as ESM (the locale itself): accept both shapes.
const viVN = ("default" in viVNImport ? viVNImport.default : viVNImport) as ConfigProviderProps["locale"];

const queryClient = new QueryClient({
  defaultOptions: {
    queries: { staleTime: 30_000, retry: shouldRetry, refetchOnWindowFocus: false },
    mutations: { retry: false },
  },
});

// Any 401 (no session, or it expired): forget who was signed in and show the login page.
setUnauthorizedHandler(() => {
  const { pathname, search } = window.location;
  if (pathname.startsWith("/dang-nhap")) return;
  queryClient.clear();
  void router.navigate(`/dang-nhap?next=${encodeURIComponent(pathname + search)}`, { replace: true });
});

// Before React renders: the page's code (shell and page at once) and, off the login page, who is
// signed in, which the shell asks first. Each would otherwise wait for the code before it.
preloadRoute(window.location.pathname);
if (!window.location.pathname.startsWith("/dang-nhap")) void queryClient.prefetchQuery(meQuery);
// The dashboard's first questions (the seasons, the names of levels), asked while its code loads.
if (window.location.pathname.startsWith("/dai-hoi")) {
  void queryClient.prefetchQuery(seasonsQuery);
  void queryClient.prefetchQuery(hierarchyQuery);
}

const container = document.getElementById("root");
if (!container) throw new Error("index.html has no #root element");

createRoot(container).render(
  <StrictMode>
    <ConfigProvider locale={viVN} theme={{ token: { colorPrimary: "#b71c1c", borderRadius: 6 } }}>
      {/* antd's <App> (message, modal, notification) wraps the signed-in shell only (AppLayout):
          the login page does not download them. */}
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </ConfigProvider>
  </StrictMode>,
);
