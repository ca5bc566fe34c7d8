import { type ComponentType, type LazyExoticComponent, lazy, Suspense } from "react";
import { createBrowserRouter, matchRoutes, type RouteObject } from "react-router";
import { RouteError } from "./components/RouteError.tsx";

/**
 * Every page is its own chunk, loaded when first opened: the login page does not download the
 * dashboards, the ballot entry or the report editor. AppLayout shows a skeleton meanwhile.
 */
function page<K extends string>(
  load: () => Promise<Record<K, ComponentType>>,
  name: K,
): LazyExoticComponent<ComponentType> & { preload: () => void } {
  return Object.assign(
    lazy(async () => ({ default: (await load())[name] })),
    // Starts the download early; the browser's module map makes the later render's import reuse it.
    { preload: () => void load().catch(() => undefined) },
  );
}

/** A route element that can start its chunk's download before React renders it. */
function lazyRoute(Page: ReturnType<typeof page>) {
  return { element: <Page />, handle: { preload: Page.preload } };
}

// The shell (menu, header) too: the login page needs none of it.
const AppLayout = page(() => import("./components/AppLayout.tsx"), "AppLayout");
const AuditPage = page(() => import("./pages/AuditPage.tsx"), "AuditPage");
const ChangePasswordPage = page(() => import("./pages/ChangePasswordPage.tsx"), "ChangePasswordPage");
const CongressDashboardPage = page(
  () => import("./pages/CongressDashboardPage.tsx"),
  "CongressDashboardPage",
);
const CongressImportPage = page(() => import("./pages/CongressImportPage.tsx"), "CongressImportPage");
const CongressRecordPage = page(() => import("./pages/CongressRecordPage.tsx"), "CongressRecordPage");
const ElectionBallotsPage = page(() => import("./pages/ElectionBallotsPage.tsx"), "ElectionBallotsPage");
const ElectionEntryPage = page(() => import("./pages/ElectionEntryPage.tsx"), "ElectionEntryPage");
const ElectionPage = page(() => import("./pages/ElectionPage.tsx"), "ElectionPage");
const ElectionsPage = page(() => import("./pages/ElectionsPage.tsx"), "ElectionsPage");
const ImportPage = page(() => import("./pages/ImportPage.tsx"), "ImportPage");
const ReorganisationPage = page(() => import("./pages/ReorganisationPage.tsx"), "ReorganisationPage");
const IndicatorsPage = page(() => import("./pages/IndicatorsPage.tsx"), "IndicatorsPage");
const LoginPage = page(() => import("./pages/LoginPage.tsx"), "LoginPage");
const NotFoundPage = page(() => import("./pages/NotFoundPage.tsx"), "NotFoundPage");
const OrgPage = page(() => import("./pages/OrgPage.tsx"), "OrgPage");
const OrgTreePage = page(() => import("./pages/OrgTreePage.tsx"), "OrgTreePage");
const PeoplePage = page(() => import("./pages/PeoplePage.tsx"), "PeoplePage");
const PersonPage = page(() => import("./pages/PersonPage.tsx"), "PersonPage");
const PetitionPage = page(() => import("./pages/PetitionPage.tsx"), "PetitionPage");
const PetitionsPage = page(() => import("./pages/PetitionsPage.tsx"), "PetitionsPage");
const ProjectionPage = page(() => import("./pages/ProjectionPage.tsx"), "ProjectionPage");
const ReportPage = page(() => import("./pages/ReportPage.tsx"), "ReportPage");
const SeasonsPage = page(() => import("./pages/SeasonsPage.tsx"), "SeasonsPage");
const UsersPage = page(() => import("./pages/UsersPage.tsx"), "UsersPage");
const VillageChecklistPage = page(() => import("./pages/VillageChecklistPage.tsx"), "VillageChecklistPage");
const VillageElectionPage = page(() => import("./pages/VillageElectionPage.tsx"), "VillageElectionPage");
const VillageRecordPage = page(() => import("./pages/VillageRecordPage.tsx"), "VillageRecordPage");

const routes: RouteObject[] = [
  {
    path: "dang-nhap",
    element: (
      <Suspense fallback={null}>
        <LoginPage />
      </Suspense>
    ),
    handle: { preload: LoginPage.preload },
    errorElement: <RouteError />,
  },
  // The hall's projection: full screen, no menu.
  {
    path: "trinh-chieu/:id",
    element: (
      <Suspense fallback={null}>
        <ProjectionPage />
      </Suspense>
    ),
    handle: { preload: ProjectionPage.preload },
    errorElement: <RouteError />,
  },
  {
    element: (
      <Suspense fallback={null}>
        <AppLayout />
      </Suspense>
    ),
    handle: { preload: AppLayout.preload },
    errorElement: <RouteError />,
    children: [
      { index: true, ...lazyRoute(OrgTreePage) },
      { path: "to-chuc", ...lazyRoute(OrgTreePage) },
      { path: "to-chuc/:id", ...lazyRoute(OrgPage) },
      { path: "nhap-du-lieu", ...lazyRoute(ImportPage) },
      { path: "nhap-du-lieu/sap-xep-to-chuc", ...lazyRoute(ReorganisationPage) },
      { path: "doi-mat-khau", ...lazyRoute(ChangePasswordPage) },
      { path: "nguoi-dung", ...lazyRoute(UsersPage) },
      { path: "nhat-ky", ...lazyRoute(AuditPage) },
      { path: "dai-hoi", ...lazyRoute(CongressDashboardPage) },
      { path: "dai-hoi/nhap-du-lieu", ...lazyRoute(CongressImportPage) },
      { path: "dai-hoi/:orgId", ...lazyRoute(CongressDashboardPage) },
      { path: "dai-hoi/:orgId/ghi-nhan", ...lazyRoute(CongressRecordPage) },
      { path: "mua-dai-hoi", ...lazyRoute(SeasonsPage) },
      { path: "nhan-su", ...lazyRoute(PeoplePage) },
      { path: "nhan-su/:id", ...lazyRoute(PersonPage) },
      { path: "chi-tieu", ...lazyRoute(IndicatorsPage) },
      { path: "chi-tieu/:orgId", ...lazyRoute(IndicatorsPage) },
      { path: "bao-cao", ...lazyRoute(ReportPage) },
      { path: "bao-cao/:id", ...lazyRoute(ReportPage) },
      { path: "bau-cu", ...lazyRoute(ElectionsPage) },
      { path: "bau-cu/:id", ...lazyRoute(ElectionPage) },
      { path: "bau-cu/:id/in-phieu", ...lazyRoute(ElectionBallotsPage) },
      {
        path: "bau-cu/:id/quet-phieu",
        lazy: () => import("./pages/ElectionScanPage.tsx").then((m) => ({ Component: m.ElectionScanPage })),
      },
      { path: "bau-cu/:id/nhap/:entryId", ...lazyRoute(ElectionEntryPage) },
      { path: "bau-truong-thon", ...lazyRoute(VillageElectionPage) },
      { path: "bau-truong-thon/ghi-ket-qua", ...lazyRoute(VillageRecordPage) },
      { path: "bau-truong-thon/cac-buoc", ...lazyRoute(VillageChecklistPage) },
      { path: "don-thu", ...lazyRoute(PetitionsPage) },
      { path: "don-thu/moi", ...lazyRoute(PetitionPage) },
      { path: "don-thu/:id", ...lazyRoute(PetitionPage) },
      { path: "*", ...lazyRoute(NotFoundPage) },
    ],
  },
];

export const router = createBrowserRouter(routes);

/**
 * Starts downloading the chunks of the page the browser opened on (the signed-in shell and the page
 * inside it) at once, rather than the page's only once the shell has rendered: one round trip less
 * on a slow network (issue 19: /dai-hoi usable within 3 s at 1,6 Mbit/s).
 */
export function preloadRoute(pathname: string): void {
  for (const match of matchRoutes(routes, pathname) ?? []) {
    (match.route.handle as { preload?: () => void } | undefined)?.preload?.();
  }
}
