import { describe, expect, it } from "vitest";
import { headingBodies } from "./congress-results.ts";

describe("headingBodies", () => {
  it("writes each issuing committee with its 36-HD/VPTW symbol", () => {
    const parent = "Đảng bộ tỉnh Quảng Ninh";
    expect(headingBodies(parent, null, true)).toEqual({
      superiorBody: "ĐẢNG BỘ TỈNH QUẢNG NINH",
      issuingBody: "TỈNH ỦY",
      numberSymbol: "Số     -BC/TU",
    });
    expect(headingBodies("Đảng bộ thành phố Hạ Long", parent, false)).toMatchObject({
      issuingBody: "THÀNH ỦY HẠ LONG",
      numberSymbol: "Số     -BC/ThU",
    });
    // A thị ủy is not a huyện ủy (issue 17: it was "HU").
    expect(headingBodies("Đảng bộ thị xã Đông Triều", parent, false)).toEqual({
      superiorBody: "ĐẢNG BỘ TỈNH QUẢNG NINH",
      issuingBody: "THỊ ỦY ĐÔNG TRIỀU",
      numberSymbol: "Số     -BC/TU",
    });
    expect(headingBodies("Đảng bộ huyện Cô Tô", parent, false)).toMatchObject({
      issuingBody: "HUYỆN ỦY CÔ TÔ",
      numberSymbol: "Số     -BC/HU",
    });
    expect(headingBodies("Đảng bộ Công an tỉnh", parent, false)).toMatchObject({
      issuingBody: "ĐẢNG ỦY CÔNG AN TỈNH",
      numberSymbol: "Số     -BC/ĐU",
    });
  });
});
