/**
 * Quảng Ninh's 2025 reorganisation of the demo province, as a plan in the documented format
 * (docs/reorganisation-format.md), shipped as docs/examples/quang-ninh-2025.csv and applied by the
 * demo seed through that format after the 2020–2025 season.
 *
 * On 01/07/2025 the district level of the localities ends (Kết luận 137-KL/TW; Nghị quyết
 * 1679/NQ-UBTVQH15 of 16/06/2025 for the communes): the 177 commune-level units of the demo merge
 * into the 54 of the resolution (30 phường, 22 xã, 2 đặc khu: Vân Đồn and Cô Tô), whose committees
 * sit directly under the provincial committee. Their branches and villages move with them (a merger
 * moves the merged committees' children). The other grassroots organisations of a city, town or
 * district move under the provincial committee, and the 13 district-level committees of localities
 * end. The sector committees (blocs, police, army, coal…) are not touched.
 *
 * The new units carry the resolution's real names; the groupings follow the resolution where the
 * demo's 2020 names allow (a commune the resolution splits between two new units goes whole to one
 * of them), otherwise they keep its shape: the number of new units of each kind per old district.
 * Pure and deterministic: the same demo province gives the same text, byte for byte.
 */
import { assert } from "../domain/basics/assert.ts";
import type { OrgRow } from "../domain/organisation/types.ts";
import { slugOf } from "./codes.ts";
import { DEMO_PROVINCE_CODE, type DemoProvince } from "./province.ts";

export const REFORM_2025_DAY = "01/07/2025";
export const REFORM_2025_ISO_DAY = "2025-07-01";
export const REFORM_2025_FILE = "quang-ninh-2025.csv";

export type ReformUnitKind = "ward" | "commune" | "special_zone";

/** One new commune-level unit: its kind, its name and the old units (district key, name) it merges. */
export interface ReformUnit {
  readonly kind: ReformUnitKind;
  readonly name: string;
  /** `KEY:Name`, or `KEY:Name:kind` where a district has two units of one name (Đầm Hà). */
  readonly from: readonly string[];
}

export const REFORM_2025_UNITS: readonly ReformUnit[] = [
  // Thành phố Đông Triều: 5 phường
  { kind: "ward", name: "An Sinh", from: ["DT:An Sinh", "DT:Việt Dân", "DT:Tân Việt", "DT:Bình Dương"] },
  {
    kind: "ward",
    name: "Đông Triều",
    from: ["DT:Thủy An", "DT:Nguyễn Huệ", "DT:Hưng Đạo", "DT:Hồng Phong", "DT:Đức Chính", "DT:Đông Triều"],
  },
  { kind: "ward", name: "Bình Khê", from: ["DT:Bình Khê", "DT:Tràng An", "DT:Tràng Lương"] },
  { kind: "ward", name: "Mạo Khê", from: ["DT:Mạo Khê", "DT:Xuân Sơn", "DT:Kim Sơn", "DT:Yên Thọ"] },
  {
    kind: "ward",
    name: "Hoàng Quế",
    from: ["DT:Yên Đức", "DT:Hoàng Quế", "DT:Hồng Thái Tây", "DT:Hồng Thái Đông"],
  },
  // Thành phố Uông Bí: 3 phường
  { kind: "ward", name: "Yên Tử", from: ["UB:Thượng Yên Công", "UB:Phương Đông"] },
  { kind: "ward", name: "Vàng Danh", from: ["UB:Vàng Danh", "UB:Bắc Sơn"] },
  {
    kind: "ward",
    name: "Uông Bí",
    from: [
      "UB:Quang Trung",
      "UB:Trưng Vương",
      "UB:Thanh Sơn",
      "UB:Yên Thanh",
      "UB:Nam Khê",
      "UB:Điền Công",
      "UB:Phương Nam",
    ],
  },
  // Thị xã Quảng Yên: 6 phường
  { kind: "ward", name: "Đông Mai", from: ["QY:Đông Mai", "QY:Minh Thành"] },
  { kind: "ward", name: "Hiệp Hòa", from: ["QY:Hiệp Hòa", "QY:Sông Khoai", "QY:Cộng Hòa"] },
  {
    kind: "ward",
    name: "Quảng Yên",
    from: ["QY:Quảng Yên", "QY:Yên Giang", "QY:Nam Hòa", "QY:Tiền An", "QY:Yên Hải"],
  },
  { kind: "ward", name: "Hà An", from: ["QY:Hà An", "QY:Tân An", "QY:Hoàng Tân"] },
  { kind: "ward", name: "Phong Cốc", from: ["QY:Phong Cốc", "QY:Phong Hải", "QY:Cẩm La"] },
  { kind: "ward", name: "Liên Hòa", from: ["QY:Liên Hòa", "QY:Liên Vị", "QY:Tiền Phong"] },
  // Thành phố Hạ Long: 9 phường, 2 xã (Kỳ Thượng below, with Ba Chẽ)
  { kind: "ward", name: "Tuần Châu", from: ["HL:Tuần Châu", "HL:Đại Yên"] },
  { kind: "ward", name: "Việt Hưng", from: ["HL:Việt Hưng", "HL:Hùng Thắng"] },
  { kind: "ward", name: "Bãi Cháy", from: ["HL:Bãi Cháy", "HL:Giếng Đáy", "HL:Hà Khẩu"] },
  { kind: "ward", name: "Hà Tu", from: ["HL:Hà Tu", "HL:Hà Phong"] },
  { kind: "ward", name: "Hà Lầm", from: ["HL:Hà Lầm", "HL:Hà Trung"] },
  { kind: "ward", name: "Cao Xanh", from: ["HL:Cao Xanh", "HL:Hà Khánh", "HL:Cao Thắng"] },
  { kind: "ward", name: "Hồng Gai", from: ["HL:Hồng Gai", "HL:Bạch Đằng", "HL:Trần Hưng Đạo"] },
  { kind: "ward", name: "Hạ Long", from: ["HL:Hồng Hải", "HL:Hồng Hà", "HL:Yết Kiêu"] },
  { kind: "ward", name: "Hoành Bồ", from: ["HL:Hoành Bồ", "HL:Sơn Dương", "HL:Lê Lợi"] },
  { kind: "commune", name: "Quảng La", from: ["HL:Bằng Cả", "HL:Dân Chủ", "HL:Tân Dân", "HL:Quảng La"] },
  {
    kind: "commune",
    name: "Thống Nhất",
    from: ["HL:Vũ Oai", "HL:Hòa Bình", "HL:Thống Nhất", "HL:Đồng Lâm"],
  },
  // Thành phố Cẩm Phả: 4 phường
  { kind: "ward", name: "Mông Dương", from: ["CP:Mông Dương", "CP:Dương Huy"] },
  { kind: "ward", name: "Quang Hanh", from: ["CP:Quang Hanh", "CP:Cẩm Thạch", "CP:Cẩm Thủy"] },
  {
    kind: "ward",
    name: "Cẩm Phả",
    from: ["CP:Cẩm Trung", "CP:Cẩm Thành", "CP:Cẩm Bình", "CP:Cẩm Tây", "CP:Cẩm Đông"],
  },
  {
    kind: "ward",
    name: "Cửa Ông",
    from: ["CP:Cửa Ông", "CP:Cẩm Phú", "CP:Cẩm Thịnh", "CP:Cẩm Sơn", "CP:Cộng Hòa", "CP:Cẩm Hải"],
  },
  // Thành phố Móng Cái: 3 phường, 3 xã
  { kind: "ward", name: "Móng Cái 1", from: ["MC:Ka Long", "MC:Trần Phú", "MC:Hòa Lạc", "MC:Ninh Dương"] },
  { kind: "ward", name: "Móng Cái 2", from: ["MC:Hải Yên", "MC:Hải Hòa", "MC:Vạn Ninh"] },
  { kind: "ward", name: "Móng Cái 3", from: ["MC:Trà Cổ", "MC:Bình Ngọc", "MC:Hải Xuân"] },
  { kind: "commune", name: "Hải Sơn", from: ["MC:Hải Sơn", "MC:Bắc Sơn"] },
  { kind: "commune", name: "Hải Ninh", from: ["MC:Hải Đông", "MC:Hải Tiến", "MC:Quảng Nghĩa"] },
  { kind: "commune", name: "Vĩnh Thực", from: ["MC:Vĩnh Thực", "MC:Vĩnh Trung"] },
  // Huyện Vân Đồn and huyện Cô Tô: 2 đặc khu
  {
    kind: "special_zone",
    name: "Vân Đồn",
    from: [
      "VD:Cái Rồng",
      "VD:Bản Sen",
      "VD:Bình Dân",
      "VD:Đài Xuyên",
      "VD:Đoàn Kết",
      "VD:Đông Xá",
      "VD:Hạ Long",
      "VD:Minh Châu",
      "VD:Ngọc Vừng",
      "VD:Quan Lạn",
      "VD:Thắng Lợi",
      "VD:Vạn Yên",
    ],
  },
  { kind: "special_zone", name: "Cô Tô", from: ["CT:Cô Tô", "CT:Đồng Tiến", "CT:Thanh Lân"] },
  // Huyện Tiên Yên: 4 xã
  { kind: "commune", name: "Tiên Yên", from: ["TY:Tiên Yên", "TY:Phong Dụ", "TY:Tiên Lãng", "TY:Yên Than"] },
  { kind: "commune", name: "Điền Xá", from: ["TY:Hà Lâu", "TY:Điền Xá"] },
  { kind: "commune", name: "Đông Ngũ", from: ["TY:Đông Hải", "TY:Đại Dực", "TY:Đông Ngũ"] },
  { kind: "commune", name: "Hải Hòa", from: ["TY:Hải Lạng", "TY:Đồng Rui"] },
  // Huyện Đầm Hà: 3 xã
  {
    kind: "commune",
    name: "Đầm Hà",
    from: ["DH:Đầm Hà:township", "DH:Đầm Hà:commune", "DH:Tân Bình", "DH:Tân Lập"],
  },
  { kind: "commune", name: "Quảng Tân", from: ["DH:Quảng Tân", "DH:Quảng Lâm", "DH:Dực Yên"] },
  { kind: "commune", name: "Quảng An", from: ["DH:Quảng An", "DH:Đại Bình"] },
  // Huyện Hải Hà: 4 xã
  { kind: "commune", name: "Quảng Hà", from: ["HH:Quảng Hà", "HH:Quảng Chính", "HH:Quảng Thịnh"] },
  { kind: "commune", name: "Đường Hoa", from: ["HH:Đường Hoa", "HH:Quảng Long", "HH:Quảng Phong"] },
  { kind: "commune", name: "Quảng Đức", from: ["HH:Quảng Đức", "HH:Quảng Sơn", "HH:Quảng Thành"] },
  { kind: "commune", name: "Cái Chiên", from: ["HH:Cái Chiên", "HH:Tiến Tới"] },
  // Huyện Bình Liêu: 3 xã
  { kind: "commune", name: "Bình Liêu", from: ["BL:Bình Liêu", "BL:Vô Ngại"] },
  { kind: "commune", name: "Hoành Mô", from: ["BL:Hoành Mô", "BL:Đồng Tâm"] },
  { kind: "commune", name: "Lục Hồn", from: ["BL:Lục Hồn", "BL:Tình Húc", "BL:Húc Động"] },
  // Huyện Ba Chẽ: 3 xã (Kỳ Thượng takes Hạ Long's Kỳ Thượng across the old district line)
  { kind: "commune", name: "Ba Chẽ", from: ["BC:Ba Chẽ", "BC:Nam Sơn", "BC:Đồn Đạc"] },
  { kind: "commune", name: "Lương Minh", from: ["BC:Minh Cầm", "BC:Lương Mông", "BC:Đạp Thanh"] },
  { kind: "commune", name: "Kỳ Thượng", from: ["HL:Kỳ Thượng", "BC:Thanh Sơn", "BC:Thanh Lâm"] },
];

/** The resolution's totals, checked against the list above. */
export const REFORM_2025_FACTS = { units: 54, wards: 30, communes: 22, specialZones: 2 } as const;

const WORD: Readonly<Record<ReformUnitKind, string>> = {
  ward: "phường",
  commune: "xã",
  special_zone: "đặc khu",
};
const CODE_PREFIX: Readonly<Record<ReformUnitKind, string>> = { ward: "P", commune: "X", special_zone: "DK" };
const OLD_WORD: Readonly<Record<string, string>> = { ward: "phường", township: "thị trấn", commune: "xã" };
const COMMUNE_KINDS = new Set(["ward", "township", "commune"]);
const TERRITORIAL_KINDS = new Set(["city", "town", "district"]);
const REASON = "Kết thúc hoạt động của đảng bộ cấp huyện (sắp xếp đơn vị hành chính 2025)";

export const REORG_HEADER =
  "Thao tác,Ngày hiệu lực,Mã đơn vị,Mã mới,Mã cấp trên mới,Tên mới,Cấp,Loại hình,Lý do";

/** The new unit's code: `QN.P-HONGGAI`, `QN.X-QUANGLA`, `QN.DK-VANDON`. */
export function reformUnitCode(unit: ReformUnit): string {
  return `${DEMO_PROVINCE_CODE}.${CODE_PREFIX[unit.kind]}-${slugOf(unit.name)}`;
}

export function reformUnitName(unit: ReformUnit): string {
  return `Đảng bộ ${WORD[unit.kind]} ${unit.name}`;
}

/**
 * The plan as CSV text (UTF-8, comma separated, one header row): the mergers unit by unit, then the
 * other grassroots organisations of each old district moved under the province, then the 13
 * district-level committees of localities dissolved.
 */
export function generateDemoReform2025(province: DemoProvince): string {
  const rows = province.orgRows;
  const territorial = rows.filter(
    (r) =>
      r.parentCode === DEMO_PROVINCE_CODE && r.level === "district_level" && TERRITORIAL_KINDS.has(r.kind),
  );
  const communes = rows.filter(
    (r) => r.level === "grassroots_committee" && COMMUNE_KINDS.has(r.kind) && r.parentCode !== undefined,
  );
  const used = new Set<string>();
  const find = (ref: string): OrgRow => {
    const [key, name, kind] = ref.split(":") as [string, string, string | undefined];
    const parent = `${DEMO_PROVINCE_CODE}.${key}`;
    const found = communes.filter(
      (r) =>
        r.parentCode === parent &&
        (kind === undefined || r.kind === kind) &&
        r.name === `Đảng bộ ${OLD_WORD[r.kind]} ${name}`,
    );
    assert(found.length === 1, `reform 2025: "${ref}" names ${found.length} demo units`);
    const row = found[0]!;
    assert(!used.has(row.code), `reform 2025: "${ref}" merged twice`);
    used.add(row.code);
    return row;
  };

  const lines: string[] = [REORG_HEADER];
  const csv = (cells: readonly string[]) =>
    cells.map((c) => (/[",\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(",");
  for (const unit of REFORM_2025_UNITS) {
    const code = reformUnitCode(unit);
    unit.from.forEach((ref, i) => {
      const old = find(ref);
      lines.push(
        csv(
          i === 0
            ? [
                "Hợp nhất",
                REFORM_2025_DAY,
                old.code,
                code,
                DEMO_PROVINCE_CODE,
                reformUnitName(unit),
                "grassroots_committee",
                unit.kind,
                "",
              ]
            : ["Hợp nhất", REFORM_2025_DAY, old.code, code, "", "", "", "", ""],
        ),
      );
    });
  }
  assert(
    used.size === communes.length,
    `reform 2025 merges ${used.size} of the demo's ${communes.length} commune-level units`,
  );
  const territorialCodes = new Set(territorial.map((t) => t.code));
  for (const r of rows)
    if (r.parentCode !== undefined && territorialCodes.has(r.parentCode) && !used.has(r.code))
      lines.push(csv(["Chuyển", REFORM_2025_DAY, r.code, "", DEMO_PROVINCE_CODE, "", "", "", ""]));
  for (const t of territorial)
    lines.push(csv(["Giải thể", REFORM_2025_DAY, t.code, "", "", "", "", "", REASON]));
  return `${lines.join("\n")}\n`;
}
