/**
 * Name lists for the demo province. Territorial units and their communes, wards and townships use
 * Quảng Ninh's real 2020 names where known (adjusted so the totals match the seed report: 177
 * commune-level units, 98 of them rural); agencies, companies and workplaces are plausible names.
 * Nothing here describes a person.
 */

export type CommuneKind = "commune" | "ward" | "township";
export type TerritorialKind = "city" | "town" | "district";
export type DemoVillageKind = "thôn" | "bản" | "khu phố" | "tổ dân phố";

export interface TerritorialDef {
  /** Code segment under "QN". */
  readonly key: string;
  readonly place: string;
  readonly kind: TerritorialKind;
  readonly wards: readonly string[];
  readonly townships: readonly string[];
  readonly communes: readonly string[];
  /** Grassroots organisations other than communes, wards and townships (agencies, schools…). */
  readonly otherGrassroots: number;
  /** How many of those are grassroots committees (the rest are grassroots branches). */
  readonly otherCommittees: number;
  /** What a ward or township calls its residential areas. */
  readonly urbanVillageKind: "khu phố" | "tổ dân phố";
  /** Mountain districts: some rural villages are bản with their own names. */
  readonly highland: boolean;
  /** Relative size of villages per commune-level unit (island districts are small). */
  readonly villageWeight: number;
}

export const TERRITORIAL_UNITS: readonly TerritorialDef[] = [
  {
    key: "HL",
    place: "Hạ Long",
    kind: "city",
    wards: [
      "Hồng Gai",
      "Bạch Đằng",
      "Trần Hưng Đạo",
      "Yết Kiêu",
      "Hồng Hải",
      "Hồng Hà",
      "Cao Thắng",
      "Cao Xanh",
      "Hà Khánh",
      "Hà Lầm",
      "Hà Trung",
      "Hà Phong",
      "Hà Tu",
      "Giếng Đáy",
      "Hà Khẩu",
      "Bãi Cháy",
      "Hùng Thắng",
      "Tuần Châu",
      "Việt Hưng",
      "Đại Yên",
      "Hoành Bồ",
    ],
    townships: [],
    communes: [
      "Sơn Dương",
      "Thống Nhất",
      "Lê Lợi",
      "Vũ Oai",
      "Hòa Bình",
      "Dân Chủ",
      "Quảng La",
      "Bằng Cả",
      "Tân Dân",
      "Đồng Lâm",
      "Kỳ Thượng",
    ],
    otherGrassroots: 60,
    otherCommittees: 18,
    urbanVillageKind: "khu phố",
    highland: false,
    villageWeight: 1.5,
  },
  {
    key: "CP",
    place: "Cẩm Phả",
    kind: "city",
    wards: [
      "Cẩm Bình",
      "Cẩm Đông",
      "Cẩm Phú",
      "Cẩm Sơn",
      "Cẩm Tây",
      "Cẩm Thạch",
      "Cẩm Thành",
      "Cẩm Thịnh",
      "Cẩm Thủy",
      "Cẩm Trung",
      "Cửa Ông",
      "Mông Dương",
      "Quang Hanh",
    ],
    townships: [],
    communes: ["Cẩm Hải", "Cộng Hòa", "Dương Huy"],
    otherGrassroots: 38,
    otherCommittees: 12,
    urbanVillageKind: "tổ dân phố",
    highland: false,
    villageWeight: 1.2,
  },
  {
    key: "UB",
    place: "Uông Bí",
    kind: "city",
    wards: [
      "Bắc Sơn",
      "Nam Khê",
      "Quang Trung",
      "Thanh Sơn",
      "Trưng Vương",
      "Vàng Danh",
      "Yên Thanh",
      "Phương Đông",
      "Phương Nam",
    ],
    townships: [],
    communes: ["Thượng Yên Công", "Điền Công"],
    otherGrassroots: 32,
    otherCommittees: 11,
    urbanVillageKind: "tổ dân phố",
    highland: false,
    villageWeight: 1.2,
  },
  {
    key: "MC",
    place: "Móng Cái",
    kind: "city",
    wards: ["Hòa Lạc", "Ka Long", "Trần Phú", "Ninh Dương", "Hải Hòa", "Bình Ngọc", "Trà Cổ", "Hải Yên"],
    townships: [],
    communes: [
      "Hải Đông",
      "Hải Tiến",
      "Hải Xuân",
      "Quảng Nghĩa",
      "Vạn Ninh",
      "Vĩnh Thực",
      "Vĩnh Trung",
      "Hải Sơn",
      "Bắc Sơn",
    ],
    otherGrassroots: 32,
    otherCommittees: 10,
    urbanVillageKind: "khu phố",
    highland: false,
    villageWeight: 1.0,
  },
  {
    key: "DT",
    place: "Đông Triều",
    kind: "town",
    wards: [
      "Đông Triều",
      "Mạo Khê",
      "Đức Chính",
      "Xuân Sơn",
      "Kim Sơn",
      "Hưng Đạo",
      "Yên Thọ",
      "Hoàng Quế",
      "Tràng An",
    ],
    townships: [],
    communes: [
      "An Sinh",
      "Bình Dương",
      "Bình Khê",
      "Hồng Phong",
      "Hồng Thái Đông",
      "Hồng Thái Tây",
      "Nguyễn Huệ",
      "Tân Việt",
      "Thủy An",
      "Tràng Lương",
      "Việt Dân",
      "Yên Đức",
    ],
    otherGrassroots: 34,
    otherCommittees: 11,
    urbanVillageKind: "khu phố",
    highland: false,
    villageWeight: 1.0,
  },
  {
    key: "QY",
    place: "Quảng Yên",
    kind: "town",
    wards: [
      "Quảng Yên",
      "Minh Thành",
      "Đông Mai",
      "Cộng Hòa",
      "Yên Giang",
      "Nam Hòa",
      "Yên Hải",
      "Phong Hải",
      "Phong Cốc",
      "Hà An",
      "Tân An",
      "Cẩm La",
    ],
    townships: [],
    communes: ["Hoàng Tân", "Hiệp Hòa", "Liên Hòa", "Liên Vị", "Sông Khoai", "Tiền An", "Tiền Phong"],
    otherGrassroots: 32,
    otherCommittees: 10,
    urbanVillageKind: "khu phố",
    highland: false,
    villageWeight: 1.0,
  },
  {
    key: "VD",
    place: "Vân Đồn",
    kind: "district",
    wards: [],
    townships: ["Cái Rồng"],
    communes: [
      "Bản Sen",
      "Bình Dân",
      "Đài Xuyên",
      "Đoàn Kết",
      "Đông Xá",
      "Hạ Long",
      "Minh Châu",
      "Ngọc Vừng",
      "Quan Lạn",
      "Thắng Lợi",
      "Vạn Yên",
    ],
    otherGrassroots: 22,
    otherCommittees: 8,
    urbanVillageKind: "khu phố",
    highland: false,
    villageWeight: 0.7,
  },
  {
    key: "CT",
    place: "Cô Tô",
    kind: "district",
    wards: [],
    townships: ["Cô Tô"],
    communes: ["Đồng Tiến", "Thanh Lân"],
    otherGrassroots: 10,
    otherCommittees: 4,
    urbanVillageKind: "khu phố",
    highland: false,
    villageWeight: 0.5,
  },
  {
    key: "TY",
    place: "Tiên Yên",
    kind: "district",
    wards: [],
    townships: ["Tiên Yên"],
    communes: [
      "Đại Dực",
      "Đồng Rui",
      "Đông Hải",
      "Đông Ngũ",
      "Điền Xá",
      "Hà Lâu",
      "Hải Lạng",
      "Phong Dụ",
      "Yên Than",
      "Tiên Lãng",
    ],
    otherGrassroots: 22,
    otherCommittees: 7,
    urbanVillageKind: "khu phố",
    highland: true,
    villageWeight: 0.9,
  },
  {
    key: "DH",
    place: "Đầm Hà",
    kind: "district",
    wards: [],
    townships: ["Đầm Hà"],
    communes: ["Dực Yên", "Đại Bình", "Đầm Hà", "Quảng An", "Quảng Lâm", "Quảng Tân", "Tân Bình", "Tân Lập"],
    otherGrassroots: 18,
    otherCommittees: 6,
    urbanVillageKind: "khu phố",
    highland: true,
    villageWeight: 0.9,
  },
  {
    key: "HH",
    place: "Hải Hà",
    kind: "district",
    wards: [],
    townships: ["Quảng Hà"],
    communes: [
      "Cái Chiên",
      "Đường Hoa",
      "Quảng Chính",
      "Quảng Đức",
      "Quảng Long",
      "Quảng Phong",
      "Quảng Sơn",
      "Quảng Thành",
      "Quảng Thịnh",
      "Tiến Tới",
    ],
    otherGrassroots: 22,
    otherCommittees: 7,
    urbanVillageKind: "khu phố",
    highland: true,
    villageWeight: 0.9,
  },
  {
    key: "BL",
    place: "Bình Liêu",
    kind: "district",
    wards: [],
    townships: ["Bình Liêu"],
    communes: ["Đồng Tâm", "Hoành Mô", "Húc Động", "Lục Hồn", "Tình Húc", "Vô Ngại"],
    otherGrassroots: 17,
    otherCommittees: 6,
    urbanVillageKind: "khu phố",
    highland: true,
    villageWeight: 0.8,
  },
  {
    key: "BC",
    place: "Ba Chẽ",
    kind: "district",
    wards: [],
    townships: ["Ba Chẽ"],
    communes: ["Đạp Thanh", "Đồn Đạc", "Lương Mông", "Minh Cầm", "Nam Sơn", "Thanh Lâm", "Thanh Sơn"],
    otherGrassroots: 20,
    otherCommittees: 6,
    urbanVillageKind: "khu phố",
    highland: true,
    villageWeight: 0.8,
  },
];

/** "thành phố" / "thị xã" / "huyện", as written inside a name. */
export function territorialWord(kind: TerritorialKind): string {
  switch (kind) {
    case "city":
      return "thành phố";
    case "town":
      return "thị xã";
    case "district":
      return "huyện";
  }
}

export function communeWord(kind: CommuneKind): string {
  switch (kind) {
    case "commune":
      return "xã";
    case "ward":
      return "phường";
    case "township":
      return "thị trấn";
  }
}

/** How a grassroots organisation's own branches are named (see BRANCH_POOLS). */
export type BranchStyle = "agency" | "health" | "school" | "enterprise" | "police" | "military" | "border";

export interface GrassrootsTemplate {
  /** The organisation's name without "Đảng bộ" / "Chi bộ"; {unit} is "thành phố Hạ Long" etc. */
  readonly name: string;
  readonly kind: "agency" | "enterprise" | "public_service" | "police" | "armed_forces" | "border_guard";
  readonly style: BranchStyle;
}

/**
 * Grassroots organisations of a city, town or district other than its communes, in the order
 * they become grassroots committees (the large ones first), then the schools of its communes.
 */
export const TERRITORIAL_GRASSROOTS: readonly GrassrootsTemplate[] = [
  { name: "Cơ quan Đảng - Đoàn thể {unit}", kind: "agency", style: "agency" },
  { name: "Cơ quan chính quyền {unit}", kind: "agency", style: "agency" },
  { name: "Công an {unit}", kind: "police", style: "police" },
  { name: "Quân sự {unit}", kind: "armed_forces", style: "military" },
  { name: "Trung tâm Y tế {unit}", kind: "public_service", style: "health" },
  { name: "Trường THPT {place}", kind: "public_service", style: "school" },
  {
    name: "Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên {unit}",
    kind: "public_service",
    style: "school",
  },
  { name: "Ban Quản lý dự án đầu tư xây dựng {unit}", kind: "public_service", style: "agency" },
  { name: "Trung tâm Văn hóa - Thể thao và Truyền thông {unit}", kind: "public_service", style: "agency" },
  { name: "Chi cục Thuế {unit}", kind: "agency", style: "agency" },
  { name: "Trung tâm Chính trị {unit}", kind: "public_service", style: "agency" },
  { name: "Tòa án nhân dân {unit}", kind: "agency", style: "agency" },
  { name: "Viện Kiểm sát nhân dân {unit}", kind: "agency", style: "agency" },
  { name: "Kho bạc Nhà nước {unit}", kind: "agency", style: "agency" },
  { name: "Bảo hiểm xã hội {unit}", kind: "agency", style: "agency" },
  { name: "Chi cục Thi hành án dân sự {unit}", kind: "agency", style: "agency" },
  { name: "Trung tâm Phát triển quỹ đất {unit}", kind: "public_service", style: "agency" },
  {
    name: "Ngân hàng Nông nghiệp và Phát triển nông thôn chi nhánh {place}",
    kind: "enterprise",
    style: "enterprise",
  },
];

/** Per commune of the unit, schools that hold a grassroots branch of their own. */
export const COMMUNE_SCHOOLS: readonly string[] = ["Trường THCS {commune}", "Trường Tiểu học {commune}"];

export interface SectorDef {
  readonly key: string;
  readonly name: string;
  readonly kind: "bloc" | "police" | "armed_forces" | "border_guard" | "enterprise";
  readonly sector?: "coal";
  /** Grassroots organisations under it, the committees first. */
  readonly grassroots: readonly GrassrootsTemplate[];
  readonly committees: number;
}

const agency = (name: string): GrassrootsTemplate => ({ name, kind: "agency", style: "agency" });
const service = (name: string, style: BranchStyle = "agency"): GrassrootsTemplate => ({
  name,
  kind: "public_service",
  style,
});
const company = (name: string): GrassrootsTemplate => ({ name, kind: "enterprise", style: "enterprise" });
const police = (name: string): GrassrootsTemplate => ({ name, kind: "police", style: "police" });
const military = (name: string): GrassrootsTemplate => ({ name, kind: "armed_forces", style: "military" });
const border = (name: string): GrassrootsTemplate => ({ name, kind: "border_guard", style: "border" });

/** The five non-coal sector or bloc committees directly under the province. */
export const SECTOR_COMMITTEES: readonly SectorDef[] = [
  {
    key: "KCQ",
    name: "Đảng bộ Khối các cơ quan tỉnh",
    kind: "bloc",
    committees: 18,
    grassroots: [
      agency("Văn phòng UBND tỉnh"),
      agency("Sở Giáo dục và Đào tạo"),
      agency("Sở Y tế"),
      agency("Sở Nông nghiệp và Phát triển nông thôn"),
      agency("Sở Tài nguyên và Môi trường"),
      agency("Sở Giao thông vận tải"),
      agency("Sở Xây dựng"),
      agency("Sở Văn hóa và Thể thao"),
      agency("Sở Lao động - Thương binh và Xã hội"),
      agency("Cục Thuế tỉnh"),
      agency("Cục Hải quan tỉnh"),
      agency("Bảo hiểm xã hội tỉnh"),
      agency("Kho bạc Nhà nước tỉnh"),
      service("Bệnh viện Đa khoa tỉnh", "health"),
      service("Bệnh viện Bãi Cháy", "health"),
      service("Bệnh viện Sản Nhi", "health"),
      service("Trường Đại học Hạ Long", "school"),
      service("Trung tâm Truyền thông tỉnh"),
      agency("Sở Tài chính"),
      agency("Sở Kế hoạch và Đầu tư"),
      agency("Sở Nội vụ"),
      agency("Sở Tư pháp"),
      agency("Sở Công Thương"),
      agency("Sở Thông tin và Truyền thông"),
      agency("Sở Khoa học và Công nghệ"),
      agency("Sở Ngoại vụ"),
      agency("Sở Du lịch"),
      agency("Thanh tra tỉnh"),
      agency("Ban Dân tộc tỉnh"),
      agency("Ban Quản lý Khu kinh tế"),
      agency("Ban Quản lý vịnh Hạ Long"),
      agency("Văn phòng Đoàn ĐBQH và HĐND tỉnh"),
      agency("Tòa án nhân dân tỉnh"),
      agency("Viện Kiểm sát nhân dân tỉnh"),
      agency("Cục Thi hành án dân sự tỉnh"),
      agency("Cục Thống kê tỉnh"),
      agency("Ngân hàng Nhà nước chi nhánh tỉnh"),
      service("Báo Quảng Ninh"),
      service("Trường Chính trị Nguyễn Văn Cừ", "school"),
      service("Trường Cao đẳng Y tế Quảng Ninh", "school"),
      service("Trường Cao đẳng Việt - Hàn Quảng Ninh", "school"),
      service("Trường THPT Chuyên Hạ Long", "school"),
      service("Bệnh viện Lao và Phổi", "health"),
      service("Bệnh viện Y dược cổ truyền", "health"),
      service("Bệnh viện Phục hồi chức năng", "health"),
      service("Bệnh viện Đa khoa khu vực Cẩm Phả", "health"),
      service("Trung tâm Kiểm soát bệnh tật tỉnh", "health"),
      agency("Ủy ban Mặt trận Tổ quốc tỉnh"),
      agency("Liên đoàn Lao động tỉnh"),
      agency("Tỉnh đoàn"),
      agency("Hội Liên hiệp Phụ nữ tỉnh"),
      agency("Hội Nông dân tỉnh"),
    ],
  },
  {
    key: "KDN",
    name: "Đảng bộ Khối doanh nghiệp tỉnh",
    kind: "bloc",
    committees: 20,
    grassroots: [
      company("Công ty Điện lực Quảng Ninh"),
      company("Công ty Nhiệt điện Quảng Ninh"),
      company("Công ty Nhiệt điện Uông Bí"),
      company("Công ty Nhiệt điện Mông Dương"),
      company("Công ty Cổ phần Nhiệt điện Cẩm Phả"),
      company("Công ty Cổ phần Cảng Quảng Ninh"),
      company("Công ty Xăng dầu B12"),
      company("Viễn thông Quảng Ninh"),
      company("Bưu điện tỉnh Quảng Ninh"),
      company("Viettel Quảng Ninh"),
      company("Công ty Cổ phần Nước sạch Quảng Ninh"),
      company("Công ty Cổ phần Xi măng Cẩm Phả"),
      company("Tổng công ty Công nghiệp tàu thủy Hạ Long"),
      company("Công ty Cổ phần Môi trường đô thị Hạ Long"),
      company("Ngân hàng TMCP Công thương chi nhánh Quảng Ninh"),
      company("Ngân hàng TMCP Ngoại thương chi nhánh Quảng Ninh"),
      company("Ngân hàng TMCP Đầu tư và Phát triển chi nhánh Quảng Ninh"),
      company("Ngân hàng Nông nghiệp và Phát triển nông thôn chi nhánh tỉnh"),
      company("Công ty Truyền tải điện Quảng Ninh"),
      company("Công ty TNHH MTV Thủy lợi Yên Lập"),
      company("Ngân hàng Chính sách xã hội chi nhánh tỉnh"),
      company("Công ty Cổ phần Cảng Cái Lân"),
      company("Công ty TNHH MTV Lâm nghiệp Hoành Bồ"),
      company("Công ty TNHH MTV Lâm nghiệp Ba Chẽ"),
      company("Công ty TNHH MTV Lâm nghiệp Tiên Yên"),
      company("Công ty Cổ phần Xây dựng số 1 Quảng Ninh"),
      company("Công ty Cổ phần Gốm Đất Việt"),
      company("Công ty Cổ phần Gạch Giếng Đáy"),
      company("Công ty Cổ phần Thương mại Quảng Ninh"),
      company("Công ty Cổ phần Dược Quảng Ninh"),
      company("Công ty Xổ số kiến thiết Quảng Ninh"),
      company("Công ty Cổ phần Xuất nhập khẩu Quảng Ninh"),
      company("Công ty Cổ phần Du lịch Hạ Long"),
      company("Công ty Cổ phần Giống cây trồng Quảng Ninh"),
      company("Công ty Cổ phần Sách và Thiết bị trường học"),
      company("Công ty Cổ phần Thủy sản Quảng Ninh"),
      company("Công ty Cổ phần Bến xe Quảng Ninh"),
      company("Công ty Cổ phần In Quảng Ninh"),
      company("Công ty Cổ phần Tư vấn Xây dựng Quảng Ninh"),
      company("Công ty Cổ phần Đầu tư phát triển Vân Đồn"),
      company("Bảo Việt Quảng Ninh"),
      company("Công ty Cổ phần Vận tải thủy Quảng Ninh"),
      company("Công ty Cổ phần Cấp thoát nước Móng Cái"),
      company("Công ty Cổ phần Khách sạn Vịnh Hạ Long"),
      company("Công ty Cổ phần Xây lắp điện Quảng Ninh"),
      company("Công ty Cổ phần Cơ khí Đóng tàu Sông Chanh"),
      company("Công ty Cổ phần Chăn nuôi Quảng Ninh"),
      company("Công ty Cổ phần Muối Quảng Yên"),
    ],
  },
  {
    key: "QS",
    name: "Đảng bộ Quân sự tỉnh",
    kind: "armed_forces",
    committees: 10,
    grassroots: [
      military("Cơ quan Tham mưu Bộ Chỉ huy Quân sự tỉnh"),
      military("Cơ quan Chính trị Bộ Chỉ huy Quân sự tỉnh"),
      military("Cơ quan Hậu cần Bộ Chỉ huy Quân sự tỉnh"),
      military("Cơ quan Kỹ thuật Bộ Chỉ huy Quân sự tỉnh"),
      military("Trung đoàn 244"),
      military("Tiểu đoàn Bộ binh 1"),
      military("Tiểu đoàn Bộ binh 2"),
      military("Tiểu đoàn Pháo binh"),
      military("Trường Quân sự tỉnh"),
      military("Đoàn Kinh tế - Quốc phòng"),
      military("Đại đội Trinh sát"),
      military("Đại đội Công binh"),
      military("Đại đội Thông tin"),
      military("Đại đội Phòng hóa"),
      military("Kho Quân khí tỉnh"),
      military("Bệnh xá Quân y"),
    ],
  },
  {
    key: "CA",
    name: "Đảng bộ Công an tỉnh",
    kind: "police",
    committees: 14,
    grassroots: [
      police("Phòng Tham mưu"),
      police("Phòng Cảnh sát hình sự"),
      police("Phòng Cảnh sát kinh tế"),
      police("Phòng Cảnh sát điều tra tội phạm về ma túy"),
      police("Phòng Cảnh sát giao thông"),
      police("Phòng Cảnh sát cơ động"),
      police("Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ"),
      police("Phòng Cảnh sát quản lý hành chính về trật tự xã hội"),
      police("Phòng An ninh chính trị nội bộ"),
      police("Phòng An ninh kinh tế"),
      police("Phòng An ninh đối ngoại"),
      police("Phòng Cảnh sát đường thủy"),
      police("Trại Tạm giam"),
      police("Phòng Hậu cần"),
      police("Phòng Tổ chức cán bộ"),
      police("Phòng Công tác đảng và công tác chính trị"),
      police("Phòng Kỹ thuật hình sự"),
      police("Phòng Hồ sơ"),
      police("Phòng Quản lý xuất nhập cảnh"),
      police("Phòng Cảnh sát môi trường"),
      police("Phòng An ninh điều tra"),
      police("Thanh tra Công an tỉnh"),
    ],
  },
  {
    key: "BP",
    name: "Đảng bộ Biên phòng tỉnh",
    kind: "border_guard",
    committees: 15,
    grassroots: [
      border("Đồn Biên phòng Hoành Mô"),
      border("Đồn Biên phòng Đồng Văn"),
      border("Đồn Biên phòng Bắc Sơn"),
      border("Đồn Biên phòng Hải Sơn"),
      border("Đồn Biên phòng Pò Hèn"),
      border("Đồn Biên phòng Ka Long"),
      border("Đồn Biên phòng Bắc Phong Sinh"),
      border("Đồn Biên phòng Quảng Đức"),
      border("Đồn Biên phòng Trà Cổ"),
      border("Đồn Biên phòng Vạn Ninh"),
      border("Đồn Biên phòng Cái Chiên"),
      border("Đồn Biên phòng Quan Lạn"),
      border("Đồn Biên phòng Ngọc Vừng"),
      border("Đồn Biên phòng Cô Tô"),
      border("Đồn Biên phòng Cửa khẩu quốc tế Móng Cái"),
      border("Đồn Biên phòng Cửa khẩu cảng Hòn Gai"),
      border("Đồn Biên phòng Cửa khẩu cảng Cẩm Phả"),
      border("Hải đội Biên phòng 2"),
      border("Tiểu đoàn Huấn luyện - Cơ động"),
      border("Phòng Tham mưu"),
    ],
  },
];

export interface CoalCompanyDef {
  readonly key: string;
  readonly name: string;
  readonly kind: "enterprise" | "public_service";
  /** Underground mines name their workshops Khai thác / Đào lò; open-pit mines Xe / Khoan nổ. */
  readonly mine: "underground" | "open_pit" | "processing" | "service";
}

const coal = (
  key: string,
  name: string,
  mine: CoalCompanyDef["mine"],
  kind: CoalCompanyDef["kind"] = mine === "service" ? "public_service" : "enterprise",
): CoalCompanyDef => ({ key, name, kind, mine });

/**
 * The two coal committees directly under the province and their grassroots organisations (41 in
 * all, the seed's "36/41" denominator). The seventh sector committee is Tổng công ty Đông Bắc, a
 * coal miner, so it carries sector "coal" too: the coal figures of the seed (41 grassroots, 904
 * workplace branches) count the whole coal sector, not one committee.
 */
export const COAL_COMMITTEES: readonly {
  readonly key: string;
  readonly name: string;
  /** Grassroots committees first, then grassroots branches. */
  readonly companies: readonly CoalCompanyDef[];
  readonly committees: number;
}[] = [
  {
    key: "THAN",
    name: "Đảng bộ Than Quảng Ninh",
    committees: 30,
    companies: [
      coal("HATU", "Công ty Than Hà Tu", "open_pit"),
      coal("HALAM", "Công ty Than Hà Lầm", "underground"),
      coal("NUIBEO", "Công ty Than Núi Béo", "open_pit"),
      coal("HONGAI", "Công ty Than Hòn Gai", "underground"),
      coal("HALONG", "Công ty Than Hạ Long", "underground"),
      coal("MONGDUONG", "Công ty Than Mông Dương", "underground"),
      coal("CAOSON", "Công ty Than Cao Sơn", "open_pit"),
      coal("COCSAU", "Công ty Than Cọc Sáu", "open_pit"),
      coal("DEONAI", "Công ty Than Đèo Nai", "open_pit"),
      coal("THONGNHAT", "Công ty Than Thống Nhất", "underground"),
      coal("DUONGHUY", "Công ty Than Dương Huy", "underground"),
      coal("KHECHAM", "Công ty Than Khe Chàm", "underground"),
      coal("QUANGHANH", "Công ty Than Quang Hanh", "underground"),
      coal("VANGDANH", "Công ty Than Vàng Danh", "underground"),
      coal("NAMMAU", "Công ty Than Nam Mẫu", "underground"),
      coal("UONGBI", "Công ty Than Uông Bí", "underground"),
      coal("MAOKHE", "Công ty Than Mạo Khê", "underground"),
      coal("HONGTHAI", "Công ty Than Hồng Thái", "underground"),
      coal("TTCUAONG", "Công ty Tuyển than Cửa Ông", "processing"),
      coal("TTHONGAI", "Công ty Tuyển than Hòn Gai", "processing"),
      coal("KVDABAC", "Công ty Kho vận Đá Bạc", "processing"),
      coal("KVCAMPHA", "Công ty Kho vận và Cảng Cẩm Phả", "processing"),
      coal("KVHONGAI", "Công ty Kho vận Hòn Gai", "processing"),
      coal("CTMAY", "Công ty Chế tạo máy", "processing"),
      coal("CODIEN", "Công ty Cơ điện Uông Bí", "processing"),
      coal("XDMHL", "Công ty Xây dựng mỏ Hầm lò 1", "underground"),
      coal("XDMHL2", "Công ty Xây dựng mỏ Hầm lò 2", "underground"),
      coal("DIACHAT", "Công ty Địa chất mỏ", "service", "enterprise"),
      coal("MOITRUONG", "Công ty Môi trường", "processing"),
      coal("VTTM", "Công ty Vận tải và Đưa đón thợ mỏ", "processing"),
      coal("CCMO", "Trung tâm Cấp cứu mỏ", "service"),
      coal("BVTHAN", "Bệnh viện Than - Khoáng sản", "service"),
      coal("CDTHAN", "Trường Cao đẳng Than - Khoáng sản", "service"),
    ],
  },
  {
    key: "DB",
    name: "Đảng bộ Tổng công ty Đông Bắc",
    committees: 8,
    companies: [
      coal("C35", "Công ty 35", "open_pit"),
      coal("C45", "Công ty 45", "underground"),
      coal("C86", "Công ty 86", "open_pit"),
      coal("C91", "Công ty 91", "open_pit"),
      coal("KHESIM", "Công ty Khe Sim", "open_pit"),
      coal("THANGLONG", "Công ty Thăng Long", "underground"),
      coal("KVDB", "Công ty Kho vận và Chế biến than Đông Bắc", "processing"),
      coal("CKDB", "Công ty Cơ khí Đông Bắc", "processing"),
    ],
  },
];

/** Coal departments (kind department); workshops (kind workshop) by kind of unit: named ones, then numbered series. */
export const COAL_DEPARTMENTS: readonly string[] = [
  "Phòng Kỹ thuật",
  "Phòng Kế hoạch",
  "Phòng Tổ chức lao động",
  "Phòng Kế toán - Tài chính",
  "Phòng An toàn",
  "Phòng Vật tư",
  "Phòng Điều khiển sản xuất",
  "Phòng Cơ điện",
  "Phòng Trắc địa - Địa chất",
  "Phòng Đầu tư",
  "Phòng Thanh tra - Pháp chế",
  "Văn phòng",
];

export const COAL_WORKSHOPS: Readonly<
  Record<CoalCompanyDef["mine"], { numbered: readonly string[]; named: readonly string[] }>
> = {
  underground: {
    numbered: ["Phân xưởng Khai thác", "Phân xưởng Đào lò"],
    named: [
      "Phân xưởng Vận tải lò",
      "Phân xưởng Cơ điện lò",
      "Phân xưởng Thông gió - Thoát nước",
      "Phân xưởng Sàng tuyển",
      "Phân xưởng Đời sống",
      "Phân xưởng Cơ giới hóa",
    ],
  },
  open_pit: {
    numbered: ["Phân xưởng Xe", "Phân xưởng Khoan nổ mìn", "Phân xưởng Xúc"],
    named: ["Phân xưởng Cơ điện", "Phân xưởng Sàng tuyển", "Phân xưởng Gạt", "Phân xưởng Đời sống"],
  },
  processing: {
    numbered: ["Phân xưởng Sản xuất", "Phân xưởng Vận tải"],
    named: ["Phân xưởng Cơ điện", "Phân xưởng Sửa chữa", "Phân xưởng Cảng", "Phân xưởng Đời sống"],
  },
  service: {
    numbered: ["Đội Nghiệp vụ"],
    named: ["Phân xưởng Cơ điện", "Phân xưởng Đời sống"],
  },
};

/** Branches of other grassroots committees: named first, then "… {n}" when a unit is large. */
export const BRANCH_POOLS: Readonly<
  Record<
    BranchStyle,
    {
      readonly kind: string;
      readonly named: readonly string[];
      readonly numbered: string;
      readonly numberedKind: string;
    }
  >
> = {
  agency: {
    kind: "department",
    named: [
      "Văn phòng",
      "Phòng Tổ chức - Hành chính",
      "Phòng Kế hoạch - Tài chính",
      "Thanh tra",
      "Phòng Pháp chế",
      "Phòng Tổng hợp",
    ],
    numbered: "Phòng Nghiệp vụ",
    numberedKind: "department",
  },
  health: {
    kind: "department",
    named: [
      "Khoa Khám bệnh",
      "Khoa Nội",
      "Khoa Ngoại",
      "Khoa Sản",
      "Khoa Nhi",
      "Khoa Hồi sức cấp cứu",
      "Khoa Xét nghiệm",
      "Khoa Chẩn đoán hình ảnh",
      "Khoa Dược",
      "Phòng Kế hoạch tổng hợp",
      "Phòng Điều dưỡng",
    ],
    numbered: "Khoa Lâm sàng",
    numberedKind: "department",
  },
  school: {
    kind: "department",
    named: ["Tổ Khoa học tự nhiên", "Tổ Khoa học xã hội", "Tổ Ngoại ngữ", "Tổ Văn phòng"],
    numbered: "Khối giáo viên",
    numberedKind: "department",
  },
  enterprise: {
    kind: "department",
    named: ["Phòng Kỹ thuật", "Phòng Tài chính - Kế toán", "Phòng Tổ chức - Hành chính", "Phòng Kinh doanh"],
    numbered: "Xí nghiệp",
    numberedKind: "workshop",
  },
  police: {
    kind: "police",
    named: [
      "Đội Tổng hợp",
      "Đội Cảnh sát điều tra tội phạm về trật tự xã hội",
      "Đội Cảnh sát điều tra tội phạm về kinh tế và chức vụ",
      "Đội Cảnh sát giao thông - Trật tự",
      "Đội An ninh",
      "Đội Cảnh sát quản lý hành chính về trật tự xã hội",
      "Đội Cảnh sát điều tra tội phạm về ma túy",
    ],
    numbered: "Đội Nghiệp vụ",
    numberedKind: "police",
  },
  military: {
    kind: "armed_forces",
    named: ["Ban Tham mưu", "Ban Chính trị", "Ban Hậu cần - Kỹ thuật"],
    numbered: "Đại đội",
    numberedKind: "armed_forces",
  },
  border: {
    kind: "border_guard",
    named: [
      "Đội Tham mưu - Hành chính",
      "Đội Vận động quần chúng",
      "Đội Trinh sát",
      "Đội Phòng chống ma túy và tội phạm",
    ],
    numbered: "Đội Vũ trang",
    numberedKind: "border_guard",
  },
};

/** Branches of a commune, ward or township other than its village branches, the first three always. */
export const COMMUNE_BRANCHES: readonly {
  readonly key: string;
  readonly name: string;
  readonly kind: string;
}[] = [
  { key: "CQ", name: "Cơ quan Đảng ủy - HĐND - UBND {word} {place}", kind: "agency" },
  { key: "CA", name: "Công an {word} {place}", kind: "police" },
  { key: "QS", name: "Quân sự {word} {place}", kind: "armed_forces" },
  { key: "YT", name: "Trạm Y tế {word} {place}", kind: "public_service" },
  { key: "MN", name: "Trường Mầm non {place}", kind: "public_service" },
  { key: "MTDT", name: "Khối Mặt trận - Đoàn thể", kind: "agency" },
  { key: "KT", name: "{economic}", kind: "enterprise" },
];

/** Names of highland hamlets (bản) in the Tày, Dao and Sán Chỉ areas; synthetic but plausible. */
export const BAN_NAMES: readonly string[] = [
  "Khe Lánh",
  "Khe Tọc",
  "Nà Làng",
  "Nà Nhái",
  "Khe Mằn",
  "Pò Hèn",
  "Nà Phạ",
  "Khe Vằn",
  "Lang Cang",
  "Nà Cáng",
  "Khe Nà",
  "Pắc Pò",
  "Phai Làu",
  "Khe Liềng",
  "Nà Áng",
  "Cao Sơn",
  "Bắc Cương",
  "Khe Mò",
  "Pạc Sủi",
  "Nà Ếch",
  "Khe Giấy",
  "Loòng Vài",
  "Sú Cáu",
  "Phiêng Sáp",
  "Khe Păn",
  "Nà Pò",
  "Tầm Chụp",
  "Khe Và",
  "Sông Moóc",
  "Nà Hin",
  "Khe Lầy",
  "Pắc Cáy",
  "Lục Ngù",
  "Khe Tâm",
  "Cẩu Lìm",
  "Nà Sa",
  "Nà Lìm",
  "Co Sen",
  "Khe Hương",
  "Pò Mìn",
];
