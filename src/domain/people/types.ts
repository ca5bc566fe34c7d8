/**
 * The people register (BRIEF §4): a person, the posts they hold with dates, and the zod schemas
 * that guard them at the boundary. Structure indicators are computed from these records, never
 * typed in (src/domain/indicators).
 *
 * A post is one flat record whatever its kind, so that a database row or a spreadsheet row maps
 * onto it field for field; which fields a kind needs (an organisation and a term for a Party post,
 * a village for a village head, a title for a unit head) is an invariant of `postSchema`.
 */
import { z } from "zod";
import { TEXT_LIMITS } from "../basics/limits.ts";
import { isoDateSchema, type OrgId, orgIdSchema } from "../congress/season.ts";
import type { IsoDate } from "../format/date.ts";

/** People are identified by the database id or, in the demo and in files, by a code. */
export type PersonId = number | string;
export const personIdSchema = z.union([z.number().int(), z.string().min(1, "Mã người không được để trống")]);

export const GENDERS = ["male", "female"] as const;
export type Gender = (typeof GENDERS)[number];
export const GENDER_LABELS: Readonly<Record<Gender, string>> = { male: "Nam", female: "Nữ" };

export const MEMBERSHIP_STATUSES = ["official", "probationary"] as const;
/** Đảng viên chính thức | đảng viên dự bị. */
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];
export const MEMBERSHIP_STATUS_LABELS: Readonly<Record<MembershipStatus, string>> = {
  official: "Đảng viên chính thức",
  probationary: "Đảng viên dự bị",
};

export const THEORY_LEVELS = ["so_cap", "trung_cap", "cao_cap", "cu_nhan"] as const;
/** Trình độ lý luận chính trị. */
export type TheoryLevel = (typeof THEORY_LEVELS)[number];
export const THEORY_LEVEL_LABELS: Readonly<Record<TheoryLevel, string>> = {
  so_cap: "Sơ cấp",
  trung_cap: "Trung cấp",
  cao_cap: "Cao cấp",
  cu_nhan: "Cử nhân",
};

/** An administrative unit as recorded: its code (the territory code the organisations use) and name. */
export interface Place {
  readonly code: string;
  readonly name: string;
}

/**
 * Quê quán. Province always; district and commune may be missing when the record is loose
 * ("Hải Dương" only), in which case "local" can only be decided by an override.
 */
export interface Hometown {
  readonly province: Place;
  readonly district: Place | null;
  readonly commune: Place | null;
}

export interface PartyMembership {
  readonly status: MembershipStatus;
  /** Ngày vào Đảng. */
  readonly joinedOn: IsoDate;
  /** Ngày chính thức; null while probationary. */
  readonly officialOn: IsoDate | null;
}

/**
 * "Local" decided by a person rather than by comparing codes, for one organisation led: some
 * hometowns are recorded loosely or under a unit that has since been merged.
 */
export interface LocalOverride {
  readonly orgId: OrgId;
  readonly local: boolean;
  readonly reason: string;
}

export interface Person {
  readonly id: PersonId;
  /** Synthetic in the demo and in tests. */
  readonly fullName: string;
  readonly gender: Gender;
  readonly birthDate: IsoDate;
  /** Dân tộc: "Kinh", "Tày", "Dao", "Sán Chỉ"… */
  readonly ethnicity: string;
  readonly hometown: Hometown;
  /** null: not a Party member (a village head may not be one). */
  readonly membership: PartyMembership | null;
  /** Trình độ chuyên môn, as written ("Đại học Luật"); null when not tracked. */
  readonly education?: string | null | undefined;
  readonly politicalTheory?: TheoryLevel | null | undefined;
  readonly localOverrides?: readonly LocalOverride[] | undefined;
}

export const POST_KINDS = [
  "committee_member",
  "standing_committee_member",
  "secretary",
  "deputy_secretary",
  "people_committee_chair",
  "people_council_chair",
  "commune_police_chief",
  "village_head",
  "unit_head",
] as const;
export type PostKind = (typeof POST_KINDS)[number];

export const POST_KIND_LABELS: Readonly<Record<PostKind, string>> = {
  committee_member: "Cấp ủy viên",
  standing_committee_member: "Ủy viên Ban Thường vụ",
  secretary: "Bí thư",
  deputy_secretary: "Phó Bí thư",
  people_committee_chair: "Chủ tịch UBND",
  people_council_chair: "Chủ tịch HĐND",
  commune_police_chief: "Trưởng Công an xã",
  village_head: "Trưởng thôn, bản, khu phố",
  unit_head: "Người đứng đầu cơ quan, đơn vị",
};

/** Which fields each kind of post needs. */
export function postNeeds(kind: PostKind): { org: boolean; term: boolean; village: boolean; title: boolean } {
  switch (kind) {
    case "committee_member":
    case "standing_committee_member":
    case "secretary":
    case "deputy_secretary":
      return { org: true, term: true, village: false, title: false };
    case "people_committee_chair":
    case "people_council_chair":
    case "commune_police_chief":
      return { org: true, term: false, village: false, title: false };
    case "village_head":
      return { org: false, term: false, village: true, title: false };
    case "unit_head":
      return { org: true, term: false, village: false, title: true };
  }
}

export interface Post {
  readonly id: number | string;
  readonly personId: PersonId;
  readonly kind: PostKind;
  /**
   * The organisation: of the Party post; of the commune or district whose People's Committee or
   * Council is chaired, or whose police is headed; of the agency, enterprise, workshop or
   * department headed. null for a village head (the village is named by `villageCode`).
   */
  readonly orgId: OrgId | null;
  /** Village head: the village or residential area (the code organisations carry as villageCode). */
  readonly villageCode: string | null;
  /** Party posts: the term label, "2020–2025". */
  readonly term: string | null;
  /** Unit head: "Giám đốc", "Quản đốc", "Trưởng phòng"… */
  readonly title: string | null;
  readonly start: IsoDate;
  /** Last day is the day before `end`; null while in office. */
  readonly end: IsoDate | null;
}

// ---------------------------------------------------------------------------------------------
// Schemas

export const placeSchema = z.object({
  code: z.string().trim().min(1, "Mã đơn vị hành chính không được để trống"),
  name: z.string().trim().min(1, "Tên đơn vị hành chính không được để trống"),
}) satisfies z.ZodType<Place>;

export const hometownSchema = z
  .object({
    province: placeSchema,
    district: placeSchema.nullable(),
    commune: placeSchema.nullable(),
  })
  .refine((h) => h.commune === null || h.district !== null, {
    message: "Quê quán có xã thì phải có huyện",
    path: ["district"],
  }) satisfies z.ZodType<Hometown>;

export const partyMembershipSchema = z
  .object({
    status: z.enum(MEMBERSHIP_STATUSES, { message: "Tình trạng đảng viên phải là chính thức hoặc dự bị" }),
    joinedOn: isoDateSchema,
    officialOn: isoDateSchema.nullable(),
  })
  .superRefine((m, ctx) => {
    if (m.status === "official" && m.officialOn === null) {
      ctx.addIssue({
        code: "custom",
        path: ["officialOn"],
        message: "Đảng viên chính thức phải có ngày chính thức",
      });
    }
    if (m.status === "probationary" && m.officialOn !== null) {
      ctx.addIssue({
        code: "custom",
        path: ["officialOn"],
        message: "Đảng viên dự bị chưa có ngày chính thức",
      });
    }
    if (m.officialOn !== null && m.officialOn <= m.joinedOn) {
      ctx.addIssue({
        code: "custom",
        path: ["officialOn"],
        message: "Ngày chính thức phải sau ngày vào Đảng",
      });
    }
  }) satisfies z.ZodType<PartyMembership>;

export const localOverrideSchema = z.object({
  orgId: orgIdSchema,
  local: z.boolean(),
  reason: z.string().trim().min(1, "Phải ghi lý do khi xác định người địa phương thủ công"),
}) satisfies z.ZodType<LocalOverride>;

export const personSchema = z
  .object({
    id: personIdSchema,
    fullName: z
      .string()
      .trim()
      .min(1, "Họ và tên không được để trống")
      .max(TEXT_LIMITS.personName, `Họ và tên dài quá ${TEXT_LIMITS.personName} ký tự`)
      .refine((s) => s.split(/\s+/).length >= 2, { message: "Họ và tên phải có ít nhất họ và tên" }),
    gender: z.enum(GENDERS, { message: "Giới tính phải là Nam hoặc Nữ" }),
    birthDate: isoDateSchema,
    ethnicity: z
      .string()
      .trim()
      .min(1, "Dân tộc không được để trống")
      .max(TEXT_LIMITS.ethnicity, `Dân tộc dài quá ${TEXT_LIMITS.ethnicity} ký tự`),
    hometown: hometownSchema,
    membership: partyMembershipSchema.nullable(),
    education: z.string().trim().min(1, "Trình độ chuyên môn không được để trống").nullable().optional(),
    politicalTheory: z
      .enum(THEORY_LEVELS, { message: "Trình độ lý luận chính trị không hợp lệ" })
      .nullable()
      .optional(),
    localOverrides: z.array(localOverrideSchema).optional(),
  })
  .superRefine((p, ctx) => {
    if (p.membership !== null) {
      // Điều lệ Đảng: at least 18 years old when admitted.
      const eighteen = `${String(Number(p.birthDate.slice(0, 4)) + 18).padStart(4, "0")}${p.birthDate.slice(4)}`;
      if (p.membership.joinedOn < eighteen) {
        ctx.addIssue({
          code: "custom",
          path: ["membership", "joinedOn"],
          message: "Ngày vào Đảng phải từ khi đủ 18 tuổi trở đi",
        });
      }
    }
    const seen = new Set<string>();
    (p.localOverrides ?? []).forEach((o, i) => {
      const key = String(o.orgId);
      if (seen.has(key)) {
        ctx.addIssue({
          code: "custom",
          path: ["localOverrides", i, "orgId"],
          message: `Đã xác định người địa phương cho đơn vị ${key}`,
        });
      }
      seen.add(key);
    });
  }) satisfies z.ZodType<Person>;

export const postSchema = z
  .object({
    id: z.union([z.number().int(), z.string().min(1)]),
    personId: personIdSchema,
    kind: z.enum(POST_KINDS, { message: "Loại chức vụ không hợp lệ" }),
    orgId: orgIdSchema.nullable(),
    villageCode: z.string().trim().min(1, "Mã thôn, khu phố không được để trống").nullable(),
    term: z.string().trim().min(1, "Nhiệm kỳ không được để trống").nullable(),
    title: z.string().trim().min(1, "Chức danh không được để trống").nullable(),
    start: isoDateSchema,
    end: isoDateSchema.nullable(),
  })
  .superRefine((p, ctx) => {
    const needs = postNeeds(p.kind);
    const label = POST_KIND_LABELS[p.kind];
    const check = (field: "orgId" | "villageCode" | "term" | "title", needed: boolean, what: string) => {
      const value = p[field];
      if (needed && value === null) {
        ctx.addIssue({ code: "custom", path: [field], message: `${label}: phải ghi ${what}` });
      }
      if (!needed && value !== null) {
        ctx.addIssue({ code: "custom", path: [field], message: `${label}: không ghi ${what}` });
      }
    };
    check("orgId", needs.org, "đơn vị");
    check("villageCode", needs.village, "thôn, khu phố");
    check("term", needs.term, "nhiệm kỳ");
    check("title", needs.title, "chức danh");
    if (p.end !== null && p.end <= p.start) {
      ctx.addIssue({ code: "custom", path: ["end"], message: "Ngày thôi giữ chức vụ phải sau ngày bắt đầu" });
    }
  }) satisfies z.ZodType<Post>;
