import { describe, expect, it } from "vitest";
import { compareVietnameseNames, foldDiacritics, splitVietnameseName } from "./text.ts";

describe("foldDiacritics", () => {
  it("drops tone and vowel marks and folds đ", () => {
    expect(foldDiacritics("Phường Hồng Gai")).toBe("phuong hong gai");
    expect(foldDiacritics("Đảng bộ Than Quảng Ninh")).toBe("dang bo than quang ninh");
    expect(foldDiacritics("  Chi bộ   thôn  Đồng Mạ ")).toBe("chi bo thon dong ma");
  });
});

describe("Vietnamese name order", () => {
  it("splits family, middle and given names", () => {
    expect(splitVietnameseName("Nguyễn Thị Minh Khai")).toEqual({
      family: "Nguyễn",
      middle: "Thị Minh",
      given: "Khai",
    });
  });

  it("sorts by given name, then middle, then family, in Vietnamese letter order", () => {
    const names = [
      "Trần Văn Bình",
      "Lê Thị Ánh",
      "Nguyễn Văn An",
      "Phạm Đức Anh",
      "Vũ Thị Ân",
      "Đỗ Minh Đức",
      "Hoàng Văn Dũng",
      "Bùi Văn An",
    ];
    expect([...names].sort(compareVietnameseNames)).toEqual([
      "Bùi Văn An",
      "Nguyễn Văn An",
      "Phạm Đức Anh",
      "Lê Thị Ánh",
      "Vũ Thị Ân",
      "Trần Văn Bình",
      "Hoàng Văn Dũng",
      "Đỗ Minh Đức",
    ]);
  });
});
