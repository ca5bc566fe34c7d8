import { describe, expect, it } from "vitest";
import { computeSurplusLimits, PARTY_190 } from "../../../domain/election/index.ts";
import { effectiveSettings, settingRows, surplusText } from "./ruleSettings.ts";

describe("the setup page's rule settings", () => {
  it("shows the election's own settings over the defaults", () => {
    const s = effectiveSettings({ floorNomineeApprovalPercent: 50 });
    const floor = settingRows(s).find((r) => r.key === "floorNomineeApprovalPercent")!;
    expect(floor.value).toBe("được đưa vào danh sách khi trên 50% số có mặt tán thành");
    expect(effectiveSettings(undefined)).toEqual(PARTY_190.settings);
  });

  it("shows 10–15% as guidance with the whole numbers inside it, or none", () => {
    const s = PARTY_190.settings;
    expect(surplusText(computeSurplusLimits("committee", 33, s), 36)).toBe(
      "Theo Quy chế: danh sách phải nhiều hơn số cần bầu; số dư không quá 9 người; danh sách do cấp ủy triệu tập giới thiệu nên dư từ 10% đến 15%, tức 4 người (hướng dẫn, đại hội quyết định). Hiện dư 3 người (9,1%).",
    );
    expect(surplusText(computeSurplusLimits("committee", 11, s), 13)).toContain(
      "nên dư từ 10% đến 15%, không có số người nguyên nào trong khoảng này (hướng dẫn, đại hội quyết định). Hiện dư 2 người (18,2%).",
    );
  });
});
