/**
 * The app's sections (the menu) and who may use each: every role sees what it can use, and a section
 * out of reach (typed as a URL, or before the forced password change) says why in Vietnamese.
 */
import type { MeDto } from "../../server/routes/auth/schema.ts";
import { paths } from "../paths.ts";

export type SectionKey =
  | "orgTree"
  | "importOrgs"
  | "users"
  | "audit"
  | "congress"
  | "seasons"
  | "elections"
  | "villageElections"
  | "people"
  | "indicators"
  | "reports"
  | "petitions";

export interface Section {
  readonly key: SectionKey;
  readonly path: string;
  readonly label: string;
  /** The menu draws a divider before this section. */
  readonly dividerBefore?: boolean;
}

export const SECTIONS: readonly Section[] = [
  { key: "orgTree", path: paths.orgTree, label: "Tổ chức đảng" },
  { key: "importOrgs", path: paths.importOrgs, label: "Nhập dữ liệu" },
  { key: "users", path: paths.users, label: "Người dùng" },
  { key: "audit", path: paths.audit, label: "Nhật ký" },
  { key: "congress", path: paths.congress, label: "Đại hội", dividerBefore: true },
  { key: "seasons", path: paths.seasons, label: "Mùa đại hội" },
  { key: "elections", path: paths.elections, label: "Bầu cử" },
  { key: "villageElections", path: paths.villageElections, label: "Bầu trưởng thôn" },
  { key: "people", path: paths.people, label: "Nhân sự" },
  { key: "indicators", path: paths.indicators, label: "Chỉ tiêu" },
  { key: "reports", path: paths.reports, label: "Báo cáo" },
  { key: "petitions", path: paths.petitions, label: "Đơn thư" },
];

type Me = Pick<MeDto, "isAdmin" | "canWrite" | "canHandlePetitions" | "grants">;

/** Reads some part of the tree (an administrator, or an officer's or viewer's grant). */
export function readsTree(me: Me): boolean {
  return (
    me.isAdmin || me.grants.some((g) => (g.role === "officer" || g.role === "viewer") && g.orgId !== null)
  );
}

export function countsBallots(me: Me): boolean {
  return me.grants.some((g) => g.role === "counting_member");
}

/** Why the user cannot use a section, or null when they can. */
export function sectionBlockedReason(me: Me, key: SectionKey): string | null {
  const reader = readsTree(me);
  const noTree = countsBallots(me)
    ? "Tài khoản thành viên ban kiểm phiếu chỉ dùng mục Bầu cử (kiểm phiếu đại hội được giao)."
    : "Tài khoản chưa được cấp quyền xem đơn vị nào; hãy đề nghị quản trị viên cấp quyền.";
  switch (key) {
    case "importOrgs":
      return me.isAdmin ? null : "Chỉ quản trị viên được nhập cây tổ chức từ tệp.";
    case "users":
      return me.canWrite ? null : "Chỉ quản trị viên và cán bộ tổ chức được quản lý người dùng.";
    case "petitions":
      return me.canHandlePetitions
        ? null
        : "Chỉ quản trị viên và cán bộ được giao xử lý đơn thư mới xem được đơn thư.";
    case "elections":
      return reader || countsBallots(me) ? null : noTree;
    case "orgTree":
    case "audit":
    case "congress":
    case "seasons":
    case "villageElections":
    case "people":
    case "indicators":
    case "reports":
      return reader ? null : noTree;
  }
}

/** The sections the user can use, in menu order. */
export function sectionsFor(me: Me): Section[] {
  return SECTIONS.filter((s) => sectionBlockedReason(me, s.key) === null);
}

/** The section a path belongs to ("/" is the tree); null for paths outside every section. */
export function sectionOfPath(pathname: string): SectionKey | null {
  if (pathname === paths.home) return "orgTree";
  // Longest prefix first: "/dai-hoi" must not swallow another section's path.
  const match = [...SECTIONS]
    .sort((a, b) => b.path.length - a.path.length)
    .find((s) => pathname === s.path || pathname.startsWith(`${s.path}/`));
  return match?.key ?? null;
}
