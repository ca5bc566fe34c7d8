import { describe, expect, it } from "vitest";
import { generateDemoProvince } from "./province.ts";
import { generateDemoReform2025, REFORM_2025_FACTS, REFORM_2025_UNITS } from "./reform-2025.ts";

describe("Quảng Ninh's 2025 reorganisation of the demo", () => {
  it("has the resolution's 54 units: 30 phường, 22 xã, 2 đặc khu (Vân Đồn, Cô Tô)", () => {
    const count = (kind: string) => REFORM_2025_UNITS.filter((u) => u.kind === kind).length;
    expect(REFORM_2025_UNITS).toHaveLength(REFORM_2025_FACTS.units);
    expect([count("ward"), count("commune"), count("special_zone")]).toEqual([
      REFORM_2025_FACTS.wards,
      REFORM_2025_FACTS.communes,
      REFORM_2025_FACTS.specialZones,
    ]);
    expect(REFORM_2025_UNITS.filter((u) => u.kind === "special_zone").map((u) => u.name)).toEqual([
      "Vân Đồn",
      "Cô Tô",
    ]);
    expect(new Set(REFORM_2025_UNITS.map((u) => u.name)).size).toBe(54);
  });

  it("merges every one of the 177 commune-level units once and dissolves the 13 district-level committees of localities", () => {
    const text = generateDemoReform2025(generateDemoProvince());
    const rows = text.trim().split("\n").slice(1);
    expect(rows.filter((r) => r.startsWith("Hợp nhất,"))).toHaveLength(177);
    expect(new Set(rows.filter((r) => r.startsWith("Hợp nhất,")).map((r) => r.split(",")[2])).size).toBe(177);
    expect(rows.filter((r) => r.startsWith("Giải thể,")).map((r) => r.split(",")[2])).toEqual([
      "QN.HL",
      "QN.CP",
      "QN.UB",
      "QN.MC",
      "QN.DT",
      "QN.QY",
      "QN.VD",
      "QN.CT",
      "QN.TY",
      "QN.DH",
      "QN.HH",
      "QN.BL",
      "QN.BC",
    ]);
    // Every other grassroots organisation of an old district moves under the provincial committee.
    expect(rows.filter((r) => r.startsWith("Chuyển,")).every((r) => r.split(",")[4] === "QN")).toBe(true);
  });
});
