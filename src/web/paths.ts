/** Paths are Vietnamese without diacritics; the server falls back to index.html for all of them. */
export const paths = {
  home: "/",
  orgTree: "/to-chuc",
  org: (id: number) => `/to-chuc/${id}`,
  importOrgs: "/nhap-du-lieu",
  login: "/dang-nhap",
  changePassword: "/doi-mat-khau",
  users: "/nguoi-dung",
  audit: "/nhat-ky",
} as const;
