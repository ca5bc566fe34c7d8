import { createBrowserRouter } from "react-router";
import { AppLayout } from "./components/AppLayout.tsx";
import { RouteError } from "./components/RouteError.tsx";
import { ImportPage } from "./pages/ImportPage.tsx";
import { NotFoundPage } from "./pages/NotFoundPage.tsx";
import { OrgPage } from "./pages/OrgPage.tsx";
import { OrgTreePage } from "./pages/OrgTreePage.tsx";

export const router = createBrowserRouter([
  {
    element: <AppLayout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <OrgTreePage /> },
      { path: "to-chuc", element: <OrgTreePage /> },
      { path: "to-chuc/:id", element: <OrgPage /> },
      { path: "nhap-du-lieu", element: <ImportPage /> },
      // Later issues add: dai-hoi, bau-cu, nhan-su, chi-tieu, bao-cao, don-thu, and dang-nhap.
      { path: "*", element: <NotFoundPage /> },
    ],
  },
]);
