import { createBrowserRouter } from "react-router";
import { AppLayout } from "./components/AppLayout.tsx";
import { RouteError } from "./components/RouteError.tsx";
import { AuditPage } from "./pages/AuditPage.tsx";
import { ChangePasswordPage } from "./pages/ChangePasswordPage.tsx";
import { CongressDashboardPage } from "./pages/CongressDashboardPage.tsx";
import { CongressImportPage } from "./pages/CongressImportPage.tsx";
import { CongressRecordPage } from "./pages/CongressRecordPage.tsx";
import { ElectionBallotsPage } from "./pages/ElectionBallotsPage.tsx";
import { ElectionEntryPage } from "./pages/ElectionEntryPage.tsx";
import { ElectionPage } from "./pages/ElectionPage.tsx";
import { ElectionsPage } from "./pages/ElectionsPage.tsx";
import { ImportPage } from "./pages/ImportPage.tsx";
import { IndicatorsPage } from "./pages/IndicatorsPage.tsx";
import { LoginPage } from "./pages/LoginPage.tsx";
import { NotFoundPage } from "./pages/NotFoundPage.tsx";
import { OrgPage } from "./pages/OrgPage.tsx";
import { OrgTreePage } from "./pages/OrgTreePage.tsx";
import { PeoplePage } from "./pages/PeoplePage.tsx";
import { PersonPage } from "./pages/PersonPage.tsx";
import { PetitionPage } from "./pages/PetitionPage.tsx";
import { PetitionsPage } from "./pages/PetitionsPage.tsx";
import { ProjectionPage } from "./pages/ProjectionPage.tsx";
import { ReportPage } from "./pages/ReportPage.tsx";
import { SeasonsPage } from "./pages/SeasonsPage.tsx";
import { UsersPage } from "./pages/UsersPage.tsx";
import { VillageChecklistPage } from "./pages/VillageChecklistPage.tsx";
import { VillageElectionPage } from "./pages/VillageElectionPage.tsx";
import { VillageRecordPage } from "./pages/VillageRecordPage.tsx";

export const router = createBrowserRouter([
  { path: "dang-nhap", element: <LoginPage />, errorElement: <RouteError /> },
  // The hall's projection: full screen, no menu.
  { path: "trinh-chieu/:id", element: <ProjectionPage />, errorElement: <RouteError /> },
  {
    element: <AppLayout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <OrgTreePage /> },
      { path: "to-chuc", element: <OrgTreePage /> },
      { path: "to-chuc/:id", element: <OrgPage /> },
      { path: "nhap-du-lieu", element: <ImportPage /> },
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
