/** Paths are Vietnamese without diacritics; the server falls back to index.html for all of them. */
export const paths = {
  home: "/",
  orgTree: "/to-chuc",
  org: (id: number) => `/to-chuc/${id}`,
  importOrgs: "/nhap-du-lieu",
  /** A reorganisation plan: upload, preview (what changes, from which day), apply. */
  reorganisation: "/nhap-du-lieu/sap-xep-to-chuc",
  login: "/dang-nhap",
  changePassword: "/doi-mat-khau",
  users: "/nguoi-dung",
  audit: "/nhat-ky",
  congress: "/dai-hoi",
  /** The dashboard of one organisation (drill-down); the search keeps season, date and level. */
  congressOrg: (id: number) => `/dai-hoi/${id}`,
  /** One organisation's congress: its record, the forms, and its children's congresses. */
  congressRecord: (id: number) => `/dai-hoi/${id}/ghi-nhan`,
  congressImport: "/dai-hoi/nhap-du-lieu",
  /** The congress seasons, their levels and deadlines (administrators create and edit them). */
  seasons: "/mua-dai-hoi",
  people: "/nhan-su",
  person: (id: number) => `/nhan-su/${id}`,
  indicators: "/chi-tieu",
  /** The indicators of one organisation's subtree; the search keeps the day ("ngay"). */
  indicatorsOrg: (id: number) => `/chi-tieu/${id}`,
  /** Reports written from data; the search may carry the day ("ngay"). */
  reports: "/bao-cao",
  report: (id: number) => `/bao-cao/${id}`,
  /** Elections at congresses; the search may carry the congress ("daiHoi"). */
  elections: "/bau-cu",
  /** One election: setup, bundles, result, log (the search keeps the tab: "tab"). */
  election: (id: number) => `/bau-cu/${id}`,
  electionBallots: (id: number) => `/bau-cu/${id}/in-phieu`,
  electionScan: (id: number) => `/bau-cu/${id}/quet-phieu`,
  electionEntry: (id: number, entryId: number) => `/bau-cu/${id}/nhap/${entryId}`,
  /** The hall's projection of an election's released result (full screen, no menu). */
  projection: (id: number) => `/trinh-chieu/${id}`,
  /** Village-head elections: the day's dashboard (search: "ngay", "donVi"), recording, legal steps. */
  villageElections: "/bau-truong-thon",
  villageRecord: "/bau-truong-thon/ghi-ket-qua",
  villageChecklist: "/bau-truong-thon/cac-buoc",
  /** Letters (đơn thư): the register, dashboard and settings; one letter; registering one. */
  petitions: "/don-thu",
  petition: (id: number) => `/don-thu/${id}`,
  petitionNew: "/don-thu/moi",
} as const;
