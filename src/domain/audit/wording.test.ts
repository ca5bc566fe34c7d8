import { describe, expect, it } from "vitest";
import { auditActionName, auditChangeText, describeAuditChange } from "./wording.ts";

const names = {
  level: (c: string) => ({ branch: "Chi bộ trực thuộc" })[c],
  kind: (c: string) => ({ agency: "Cơ quan" })[c],
};

describe("auditActionName", () => {
  it("names every action in Vietnamese, never by its code", () => {
    expect(auditActionName("village_election.record")).toBe("Ghi kết quả bầu trưởng thôn");
    expect(auditActionName("person.create")).toBe("Thêm người");
    expect(auditActionName("something.new")).toBe("Thay đổi dữ liệu");
  });
});

describe("describeAuditChange", () => {
  it("words a creation: names instead of ids and paths, levels and kinds by name", () => {
    expect(
      auditChangeText(
        null,
        { kind: "agency", level: "branch", path: "1.2.22.5683", parentId: 22, name: "Chi bộ Văn phòng" },
        names,
      ),
    ).toBe("Loại: Cơ quan; Cấp: Chi bộ trực thuộc; Tên: Chi bộ Văn phòng");
  });

  it("words an edit as before → after, only what changed, Có/Không", () => {
    expect(
      describeAuditChange(
        { mustChangePassword: true, displayName: "A" },
        { mustChangePassword: false, displayName: "A" },
      ),
    ).toEqual([{ label: "Phải đổi mật khẩu", before: "Có", after: "Không" }]);
  });

  it("formats dates, numbers, coded values and nested records", () => {
    expect(
      auditChangeText(null, {
        heldOn: "2020-01-05",
        electorate: 1234,
        method: "secret-ballot",
        head: { postId: 6522, personId: 7 },
        meeting: { team: ["Bùi Minh An", "Trần Ngọc Yến"] },
        contents: ["elect_committee"],
      }),
    ).toBe(
      "Ngày bầu: 05/01/2020; Số hộ trong danh sách: 1.234; Hình thức bầu: Bỏ phiếu kín; Trưởng thôn: —; Hội nghị: Tổ bầu cử: Bùi Minh An, Trần Ngọc Yến; Nội dung: Bầu cấp ủy",
    );
  });
});
