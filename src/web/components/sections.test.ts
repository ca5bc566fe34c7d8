import { describe, expect, it } from "vitest";
import type { GrantDto } from "../../server/routes/users/schema.ts";
import { sectionBlockedReason, sectionOfPath, sectionsFor } from "./sections.ts";

const grant = (g: Partial<GrantDto>): GrantDto => ({
  id: 1,
  role: "viewer",
  roleName: "",
  orgId: null,
  orgCode: null,
  orgName: null,
  congressRef: null,
  petitions: false,
  ...g,
});
const base = { isAdmin: false, canWrite: false, canHandlePetitions: false };
const labels = (me: Parameters<typeof sectionsFor>[0]) => sectionsFor(me).map((s) => s.label);

describe("sectionsFor", () => {
  it("gives a counting clerk only the elections", () => {
    const clerk = { ...base, grants: [grant({ role: "counting_member", congressRef: "7" })] };
    expect(labels(clerk)).toEqual(["Bầu cử"]);
    expect(sectionBlockedReason(clerk, "people")).toMatch(/ban kiểm phiếu chỉ dùng mục Bầu cử/);
  });

  it("gives a viewer everything readable but import, users and letters, and says why", () => {
    const viewer = { ...base, grants: [grant({ role: "viewer", orgId: 1 })] };
    expect(labels(viewer)).toEqual([
      "Tổ chức đảng",
      "Nhật ký",
      "Đại hội",
      "Mùa đại hội",
      "Bầu cử",
      "Bầu trưởng thôn",
      "Nhân sự",
      "Chỉ tiêu",
      "Báo cáo",
    ]);
    expect(sectionBlockedReason(viewer, "petitions")).toMatch(/đơn thư/);
    expect(sectionBlockedReason(viewer, "importOrgs")).toMatch(/quản trị viên/);
  });

  it("gives an officer with letters the users and letters, an administrator everything", () => {
    const inspector = {
      ...base,
      canWrite: true,
      canHandlePetitions: true,
      grants: [grant({ role: "officer", orgId: 1, petitions: true })],
    };
    expect(labels(inspector)).toContain("Đơn thư");
    expect(labels(inspector)).toContain("Người dùng");
    expect(labels(inspector)).not.toContain("Nhập dữ liệu");
    const admin = {
      isAdmin: true,
      canWrite: true,
      canHandlePetitions: true,
      grants: [grant({ role: "admin" })],
    };
    expect(labels(admin)).toHaveLength(12);
  });
});

describe("sectionOfPath", () => {
  it("maps every page to its menu section", () => {
    expect(sectionOfPath("/")).toBe("orgTree");
    expect(sectionOfPath("/to-chuc/12")).toBe("orgTree");
    expect(sectionOfPath("/dai-hoi/nhap-du-lieu")).toBe("congress");
    expect(sectionOfPath("/bau-truong-thon/ghi-ket-qua")).toBe("villageElections");
    expect(sectionOfPath("/bau-cu/3/nhap/4")).toBe("elections");
    expect(sectionOfPath("/doi-mat-khau")).toBeNull();
    expect(sectionOfPath("/khong-co")).toBeNull();
  });
});
