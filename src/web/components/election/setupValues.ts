/**
 * The setup form's values and the API body they become (pure): the list typed one name a line
 * ("Họ và tên", or "Họ và tên | 150" for a nominee from the floor approved by 150 of those present),
 * the counting committee one member a line ("Họ và tên | Chức danh"), the base N's figures by kind.
 */
import type { OFFICES } from "../../../domain/election/index.ts";
import type { CreateElectionBody, ElectionDto } from "../../api/elections.ts";

type Office = (typeof OFFICES)[number];
export type BaseKind = "members-congress" | "delegates-congress" | "committee-conference";

export const BASE_KINDS: { value: BaseKind; label: string }[] = [
  { value: "delegates-congress", label: "Đại hội đại biểu" },
  { value: "members-congress", label: "Đại hội đảng viên" },
  { value: "committee-conference", label: "Hội nghị cấp ủy (bầu Ban Thường vụ, bí thư, Ủy ban Kiểm tra)" },
];

/** The subtractions of each base, with the words of the regulation. */
export const SUBTRACTIONS: Record<BaseKind, { name: string; label: string }[]> = {
  "members-congress": [
    { name: "temporarilyAttendingElsewhere", label: "Đảng viên đang sinh hoạt tạm thời ở đảng bộ khác" },
    { name: "exemptedNotAttending", label: "Đảng viên miễn sinh hoạt không dự" },
    { name: "suspendedProsecutedOrDetained", label: "Đảng viên bị đình chỉ sinh hoạt, khởi tố, tạm giam" },
    { name: "absentWithAcceptedReason", label: "Vắng mặt cả kỳ đại hội có lý do được chấp nhận" },
  ],
  "delegates-congress": [
    { name: "conveningCommitteeMembersAbsent", label: "Ủy viên cấp ủy triệu tập vắng mặt cả kỳ đại hội" },
    { name: "delegatesAbsentWithoutAlternate", label: "Đại biểu vắng cả kỳ đại hội không có dự khuyết thay" },
  ],
  "committee-conference": [{ name: "absentWithLeave", label: "Cấp ủy viên vắng mặt có lý do" }],
};

export interface SetupValues {
  title: string;
  office: Office;
  seats: number;
  alternateSeats: number;
  electingOrganisation: "committee" | "branch";
  baseKind: BaseKind;
  convened: number | null;
  subtractions: Record<string, number | null>;
  present: number | null;
  ballotsIssued: number | null;
  ballotsCollected: number | null;
  bundleSize: number;
  entriesPerBundle: 2 | 3;
  heldOn: string;
  venue: string;
  committeeText: string;
  candidatesText: string;
}

export type SetupBody = Omit<CreateElectionBody, "congressId">;

/**
 * "Nguyễn Văn An | 150" → a floor nominee approved by 150; a bare name → the convening committee's.
 * "Nguyễn Văn An #123" links the candidate to person 123 of the people register (the number in the
 * person's page address): their open letters are flagged, their post is written when the count closes.
 */
export function parseCandidateLines(text: string): NonNullable<SetupBody["candidates"]> {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((line) => {
      const [named = "", approvals] = line.split("|").map((p) => p.trim());
      const link = /\s*#(\d{1,9})\s*$/.exec(named);
      const name = link ? named.slice(0, link.index).trim() : named;
      const person = link ? { personId: Number(link[1]) } : {};
      const n = approvals ? Number(approvals.replace(/\./g, "")) : Number.NaN;
      return Number.isInteger(n)
        ? { fullName: name, ...person, nominatedBy: "floor" as const, floorApprovals: n }
        : { fullName: name, ...person };
    });
}

export function valuesOf(dto: ElectionDto | undefined): SetupValues {
  const base = (dto?.base ?? null) as ({ kind: BaseKind; convened: number } & Record<string, number>) | null;
  return {
    title: dto?.title ?? "",
    office: dto?.office ?? "committee",
    seats: dto?.seats ?? 1,
    alternateSeats: dto?.alternateSeats ?? 0,
    electingOrganisation: dto?.electingOrganisation ?? "committee",
    baseKind: base?.kind ?? "delegates-congress",
    convened: base?.convened ?? null,
    subtractions: Object.fromEntries(
      Object.values(SUBTRACTIONS)
        .flat()
        .map((s) => [s.name, base?.[s.name] ?? 0]),
    ),
    present: dto?.present ?? null,
    ballotsIssued: dto?.ballotsIssued ?? null,
    ballotsCollected: dto?.ballotsCollected ?? null,
    bundleSize: dto?.bundleSize ?? 50,
    entriesPerBundle: dto?.entriesPerBundle === 3 ? 3 : 2,
    heldOn: dto?.heldOn ?? "",
    venue: dto?.venue ?? "",
    committeeText: (dto?.countingCommittee ?? []).map((m) => `${m.fullName} | ${m.role}`).join("\n"),
    candidatesText: (dto?.candidates ?? [])
      .map((c) => {
        const name = c.personId !== null ? `${c.fullName} #${c.personId}` : c.fullName;
        return c.nominatedBy === "floor" && c.floorApprovals !== null
          ? `${name} | ${c.floorApprovals}`
          : name;
      })
      .join("\n"),
  };
}

export function bodyOf(v: SetupValues): SetupBody {
  const subtractions = Object.fromEntries(
    SUBTRACTIONS[v.baseKind].map((s) => [s.name, v.subtractions?.[s.name] ?? 0]),
  );
  return {
    title: v.title,
    office: v.office,
    seats: v.seats,
    alternateSeats: v.alternateSeats ?? 0,
    electingOrganisation: v.electingOrganisation,
    base:
      v.convened === null || v.convened === undefined
        ? null
        : ({ kind: v.baseKind, convened: v.convened, ...subtractions } as SetupBody["base"]),
    present: v.present ?? null,
    ballotsIssued: v.ballotsIssued ?? null,
    ballotsCollected: v.ballotsCollected ?? null,
    bundleSize: v.bundleSize,
    entriesPerBundle: v.entriesPerBundle,
    heldOn: v.heldOn ? v.heldOn : null,
    venue: v.venue ? v.venue : null,
    countingCommittee: (v.committeeText ?? "")
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean)
      .map((l) => {
        const [fullName = "", role] = l.split("|").map((p) => p.trim());
        return { fullName, role: role || "Ủy viên" };
      }),
    candidates: parseCandidateLines(v.candidatesText ?? ""),
  };
}
