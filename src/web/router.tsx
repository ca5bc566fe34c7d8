import { type ComponentType, type LazyExoticComponent, lazy, Suspense } from "react";
import { createBrowserRouter } from "react-router";
import { RouteError } from "./components/RouteError.tsx";

/**
 * Every page is its own chunk, loaded when first opened: the login page does not download the
 * dashboards, the ballot entry or the report editor. AppLayout shows a skeleton meanwhile.
 */
function page<K extends string>(
  load: () => Promise<Record<K, ComponentType>>,
  name: K,
): LazyExoticComponent<ComponentType> {
  return lazy(async () => ({ default: (await load())[name] }));
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

export const router = createBrowserRouter([
  {
    path: "dang-nhap",
    element: (
      <Suspense fallback={null}>
        <LoginPage />
      </Suspense>
    ),
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
    errorElement: <RouteError />,
  },
  {
    element: (
      <Suspense fallback={null}>
        <AppLayout />
      </Suspense>
    ),
    errorElement: <RouteError />,
    children: [
      { index: true, element: <OrgTreePage /> },
      { path: "to-chuc", element: <OrgTreePage /> },
      { path: "to-chuc/:id", element: <OrgPage /> },
      { path: "nhap-du-lieu", element: <ImportPage /> },
      { path: "nhap-du-lieu/sap-xep-to-chuc", element: <ReorganisationPage /> },
      { path: "doi-mat-khau", element: <ChangePasswordPage /> },
      { path: "nguoi-dung", element: <UsersPage /> },
      { path: "nhat-ky", element: <AuditPage /> },
      { path: "dai-hoi", element: <CongressDashboardPage /> },
      { path: "dai-hoi/nhap-du-lieu", element: <CongressImportPage /> },
      { path: "dai-hoi/:orgId", element: <CongressDashboardPage /> },
      { path: "dai-hoi/:orgId/ghi-nhan", element: <CongressRecordPage /> },
      { path: "mua-dai-hoi", element: <SeasonsPage /> },
      { path: "nhan-su", element: <PeoplePage /> },
      { path: "nhan-su/:id", element: <PersonPage /> },
      { path: "chi-tieu", element: <IndicatorsPage /> },
      { path: "chi-tieu/:orgId", element: <IndicatorsPage /> },
      { path: "bao-cao", element: <ReportPage /> },
      { path: "bao-cao/:id", element: <ReportPage /> },
      { path: "bau-cu", element: <ElectionsPage /> },
      { path: "bau-cu/:id", element: <ElectionPage /> },
      { path: "bau-cu/:id/in-phieu", element: <ElectionBallotsPage /> },
      {
        path: "bau-cu/:id/quet-phieu",
        lazy: () => import("./pages/ElectionScanPage.tsx").then((m) => ({ Component: m.ElectionScanPage })),
      },
      { path: "bau-cu/:id/nhap/:entryId", element: <ElectionEntryPage /> },
      { path: "bau-truong-thon", element: <VillageElectionPage /> },
      { path: "bau-truong-thon/ghi-ket-qua", element: <VillageRecordPage /> },
      { path: "bau-truong-thon/cac-buoc", element: <VillageChecklistPage /> },
      { path: "don-thu", element: <PetitionsPage /> },
      { path: "don-thu/moi", element: <PetitionPage /> },
      { path: "don-thu/:id", element: <PetitionPage /> },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
]);
