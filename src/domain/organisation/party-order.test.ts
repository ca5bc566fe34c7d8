import { describe, expect, it } from "vitest";
import { compareInPartyOrder } from "./party-order.ts";

describe("compareInPartyOrder", () => {
  it("lists territorial committees first (thành phố, thị xã, huyện), then blocs, armed forces, enterprises", () => {
    const orgs = [
      { name: "Đảng bộ Than Quảng Ninh", kind: "enterprise" },
      { name: "Đảng bộ Biên phòng tỉnh", kind: "border_guard" },
      { name: "Đảng bộ huyện Ba Chẽ", kind: "district" },
      { name: "Đảng bộ Công an tỉnh", kind: "police" },
      { name: "Đảng bộ Khối các cơ quan tỉnh", kind: "bloc" },
      { name: "Đảng bộ thị xã Đông Triều", kind: "town" },
      { name: "Đảng bộ Quân sự tỉnh", kind: "armed_forces" },
      { name: "Đảng bộ thành phố Uông Bí", kind: "city" },
      { name: "Đảng bộ thành phố Hạ Long", kind: "city" },
      { name: "Đảng bộ Khối doanh nghiệp tỉnh", kind: "bloc" },
      { name: "Đảng bộ huyện Cô Tô", kind: "district" },
    ];
    expect([...orgs].sort(compareInPartyOrder).map((o) => o.name)).toEqual([
      "Đảng bộ thành phố Hạ Long",
      "Đảng bộ thành phố Uông Bí",
      "Đảng bộ thị xã Đông Triều",
      "Đảng bộ huyện Ba Chẽ",
      "Đảng bộ huyện Cô Tô",
      "Đảng bộ Khối các cơ quan tỉnh",
      "Đảng bộ Khối doanh nghiệp tỉnh",
      "Đảng bộ Quân sự tỉnh",
      "Đảng bộ Biên phòng tỉnh",
      "Đảng bộ Công an tỉnh",
      "Đảng bộ Than Quảng Ninh",
    ]);
  });
});
