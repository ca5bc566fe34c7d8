/**
 * Named ballot lists for the scan tests, the committed corpus (test/fixtures/scan) and the
 * benchmark. People are synthetic.
 */
import type { BallotLayoutInput } from "../../domain/scan/layout.ts";

const FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô", "Dương", "Lý"];
const MIDDLE = ["Văn", "Thị", "Đức", "Thị Thu", "Minh", "Quang", "Thị Ngọc", "Xuân", "Hữu", "Thanh"];
const GIVEN = [
  "An",
  "Bình",
  "Cường",
  "Dung",
  "Giang",
  "Hải",
  "Hạnh",
  "Khánh",
  "Lan",
  "Long",
  "Mai",
  "Nam",
  "Phương",
  "Quý",
  "Sơn",
  "Thảo",
  "Trung",
  "Tuấn",
  "Uyên",
  "Vinh",
  "Yến",
];

/** `n` distinct synthetic full names, deterministic. */
export function syntheticNames(n: number): string[] {
  return Array.from({ length: n }, (_, i) => {
    const f = FAMILY[i % FAMILY.length]!;
    const m = MIDDLE[(i * 7) % MIDDLE.length]!;
    const g = GIVEN[(i * 5 + Math.floor(i / GIVEN.length)) % GIVEN.length]!;
    return `${f} ${m} ${g}`;
  });
}

function list(n: number): BallotLayoutInput["candidates"] {
  return syntheticNames(n).map((name, i) => ({ position: i + 1, name }));
}

/** The provincial committee: 55 seats, 62 on the list (the benchmark list). */
export const PROVINCE_55_OF_62: BallotLayoutInput = {
  electionId: 901,
  round: 1,
  kind: "cross-out",
  seats: 55,
  orgName: "Đảng bộ tỉnh Quảng Ninh",
  congressName: "Đại hội đại biểu lần thứ XVI, nhiệm kỳ 2025 – 2030",
  title: "Ban Chấp hành Đảng bộ tỉnh khóa XVI",
  candidates: list(62),
};

/** A grassroots committee: 7 seats, 9 on the list (A5). */
export const COMMUNE_7_OF_9: BallotLayoutInput = {
  electionId: 902,
  round: 1,
  kind: "cross-out",
  seats: 7,
  orgName: "Đảng bộ xã Đồng Rui",
  congressName: "Đại hội lần thứ XXV, nhiệm kỳ 2025 – 2030",
  title: "Ban Chấp hành Đảng bộ xã khóa XXV",
  candidates: list(9),
};

/** A branch committee without surplus: agree/disagree, 4 of 4 (A5). */
export const BRANCH_4_OF_4: BallotLayoutInput = {
  electionId: 903,
  round: 1,
  kind: "agree-disagree",
  seats: 4,
  orgName: "Chi bộ thôn Khe Tiên",
  congressName: "",
  title: "Chi ủy Chi bộ thôn Khe Tiên",
  candidates: list(4),
};
