/**
 * One village's meeting to elect its head ("Dân tin – Đảng cử", BRIEF §6), as the commune officer
 * records it: the figures of the minutes are checked field by field (Vietnamese messages naming the
 * field), then the village-head rule set (`decideVillageHeadElection`) decides whether the meeting
 * stands and who is elected, with its explanation. A village's status follows from its rounds: the
 * first election, the re-election ordered by the commune People's Committee, then an interim head
 * appointed by the commune chair after a second failure.
 */
import { z } from "zod";
import { TEXT_LIMITS } from "../basics/limits.ts";
import { err, ok, type Result } from "../basics/result.ts";
import { VILLAGE_HEAD, type VillageHeadRuleSet } from "../election/rules.ts";
import { emptyInvalidByReason, type Tally } from "../election/tally.ts";
import { decideVillageHeadElection, type VillageHeadResult } from "../election/village-head.ts";
import { isValidIsoDate } from "../format/date.ts";
import { formatNumber } from "../format/number.ts";
import { checkProceduralVotes, type ProceduralVotes } from "./recognition.ts";

export const VOTING_METHODS = ["show-of-hands", "secret-ballot"] as const;
export type VotingMethod = (typeof VOTING_METHODS)[number];
export const VOTING_METHOD_LABELS: Readonly<Record<VotingMethod, string>> = {
  "show-of-hands": "Biểu quyết giơ tay",
  "secret-ballot": "Bỏ phiếu kín",
};

/**
 * How a candidate came to the list: agreed with the branch committee, nominated by the household
 * representatives at the meeting (Nghị định 59/2023), or self-nominated.
 */
export const NOMINATIONS = ["branch-committee", "households", "self"] as const;
export type Nomination = (typeof NOMINATIONS)[number];
export const NOMINATION_LABELS: Readonly<Record<Nomination, string>> = {
  "branch-committee": "Thống nhất với chi ủy chi bộ",
  households: "Đại diện hộ gia đình giới thiệu",
  self: "Tự ứng cử",
};

export interface VillageCandidateInput {
  readonly fullName: string;
  readonly nomination: Nomination;
  /** The person in the register, when known; a new person is registered when elected otherwise. */
  readonly personId: number | null;
  readonly gender: "male" | "female";
  readonly birthDate: string | null;
  readonly ethnicity: string;
  readonly votes: number;
}

export interface VillageMeetingInput {
  /** 1: the election; 2: the re-election ordered by the commune People's Committee. */
  readonly attempt: 1 | 2;
  readonly heldOn: string;
  /** All household representatives (or voters) on the list of the village. */
  readonly electorate: number;
  readonly present: number;
  readonly method: VotingMethod;
  /** Ballot figures: required for a secret ballot, empty for a show of hands. */
  readonly issued: number | null;
  readonly collected: number | null;
  readonly valid: number | null;
  readonly invalid: number | null;
  readonly candidates: readonly VillageCandidateInput[];
  /** The election team (tổ bầu cử): its members' names. */
  readonly team: readonly string[];
  /** The procedural votes (method, election team), when recorded: each needs > 1/2 of those present. */
  readonly proceduralVotes?: ProceduralVotes | null | undefined;
}

const whole = (what: string) =>
  z
    .number({ error: `${what}: phải là số` })
    .int(`${what}: phải là số nguyên`)
    .min(0, `${what}: không được là số âm`);

export const villageCandidateSchema = z.object({
  fullName: z
    .string()
    .trim()
    .min(1, "Họ và tên người ứng cử không được để trống")
    .max(TEXT_LIMITS.personName, `Họ và tên người ứng cử dài quá ${TEXT_LIMITS.personName} ký tự`),
  nomination: z.enum(NOMINATIONS, {
    error: "Hình thức giới thiệu phải là “chi ủy”, “đại diện hộ gia đình giới thiệu” hoặc “tự ứng cử”",
  }),
  personId: z.number().int().positive().nullable().default(null),
  gender: z.enum(["male", "female"], { error: "Giới tính phải là Nam hoặc Nữ" }),
  birthDate: z.string().refine(isValidIsoDate, "Ngày sinh không hợp lệ").nullable().default(null),
  ethnicity: z
    .string()
    .trim()
    .min(1, "Dân tộc không được để trống")
    .max(TEXT_LIMITS.ethnicity, `Dân tộc dài quá ${TEXT_LIMITS.ethnicity} ký tự`)
    .default("Kinh"),
  votes: whole("Số phiếu bầu"),
});

export const villageMeetingSchema = z
  .object({
    attempt: z.union([z.literal(1), z.literal(2)], { error: "Lần bầu phải là 1 hoặc 2 (bầu lại)" }),
    heldOn: z.string().refine(isValidIsoDate, "Ngày tổ chức hội nghị không hợp lệ"),
    electorate: whole("Tổng số đại diện hộ gia đình").min(1, "Tổng số đại diện hộ gia đình phải lớn hơn 0"),
    present: whole("Số đại diện hộ gia đình có mặt"),
    method: z.enum(VOTING_METHODS, { error: "Hình thức bầu phải là giơ tay hoặc bỏ phiếu kín" }),
    issued: whole("Số phiếu phát ra").nullable().default(null),
    collected: whole("Số phiếu thu vào").nullable().default(null),
    valid: whole("Số phiếu hợp lệ").nullable().default(null),
    invalid: whole("Số phiếu không hợp lệ").nullable().default(null),
    candidates: z
      .array(villageCandidateSchema)
      .min(1, "Phải có ít nhất một người ứng cử")
      .max(10, "Nhiều nhất 10 người ứng cử"),
    team: z
      .array(
        z
          .string()
          .trim()
          .min(1, "Tên thành viên tổ bầu cử không được để trống")
          .max(TEXT_LIMITS.personName, `Tên thành viên tổ bầu cử dài quá ${TEXT_LIMITS.personName} ký tự`),
      )
      .default([]),
    proceduralVotes: z
      .object({ method: whole("Số tán thành hình thức bầu"), team: whole("Số tán thành tổ bầu cử") })
      .nullable()
      .default(null),
  })
  .superRefine((m, ctx) => {
    const issue = (path: (string | number)[], message: string) =>
      ctx.addIssue({ code: "custom", path, message });
    if (m.present > m.electorate) {
      issue(
        ["present"],
        `Số có mặt (${formatNumber(m.present)}) lớn hơn tổng số đại diện hộ gia đình (${formatNumber(m.electorate)})`,
      );
    }
    if (m.proceduralVotes)
      for (const p of checkProceduralVotes(m.present, m.proceduralVotes, m.team.length))
        issue(p.field.split("."), p.message);
    const names = new Set<string>();
    m.candidates.forEach((c, i) => {
      const key = c.fullName.trim().toLocaleLowerCase("vi");
      if (names.has(key)) issue(["candidates", i, "fullName"], `Người ứng cử “${c.fullName}” bị ghi hai lần`);
      names.add(key);
    });
    const totalVotes = m.candidates.reduce((s, c) => s + c.votes, 0);
    if (m.method === "secret-ballot") {
      const fields = ["issued", "collected", "valid", "invalid"] as const;
      const labels = {
        issued: "Số phiếu phát ra",
        collected: "Số phiếu thu vào",
        valid: "Số phiếu hợp lệ",
        invalid: "Số phiếu không hợp lệ",
      };
      let missing = false;
      for (const f of fields) {
        if (m[f] === null && quorumMet(m.present, m.electorate)) {
          issue([f], `${labels[f]}: phải ghi khi bỏ phiếu kín`);
          missing = true;
        }
      }
      if (missing || m.issued === null || m.collected === null || m.valid === null || m.invalid === null)
        return;
      if (m.issued > m.present) {
        issue(
          ["issued"],
          `Số phiếu phát ra (${formatNumber(m.issued)}) lớn hơn số có mặt (${formatNumber(m.present)})`,
        );
      }
      if (m.collected > m.issued) {
        issue(
          ["collected"],
          `Số phiếu thu vào (${formatNumber(m.collected)}) lớn hơn số phiếu phát ra (${formatNumber(m.issued)})`,
        );
      }
      if (m.valid + m.invalid !== m.collected) {
        issue(
          ["invalid"],
          `Số phiếu hợp lệ (${formatNumber(m.valid)}) cộng số phiếu không hợp lệ (${formatNumber(m.invalid)}) khác số phiếu thu vào (${formatNumber(m.collected)})`,
        );
      }
      if (totalVotes > m.valid) {
        issue(
          ["candidates"],
          `Tổng số phiếu bầu của các người ứng cử (${formatNumber(totalVotes)}) lớn hơn số phiếu hợp lệ (${formatNumber(m.valid)}): mỗi phiếu chỉ bầu một người`,
        );
      }
    } else if (totalVotes > m.present) {
      issue(
        ["candidates"],
        `Tổng số biểu quyết cho các người ứng cử (${formatNumber(totalVotes)}) lớn hơn số có mặt (${formatNumber(m.present)})`,
      );
    }
  });

export interface MeetingIssue {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/** Quorum with the default rule set: strictly more than half present. */
function quorumMet(present: number, electorate: number): boolean {
  return present * 2 > electorate;
}

export type VillageRoundOutcome = "elected" | "re-election-needed" | "interim-needed";

export const ROUND_OUTCOME_LABELS: Readonly<Record<VillageRoundOutcome, string>> = {
  elected: "Bầu được trưởng thôn",
  "re-election-needed": "Phải bầu lại",
  "interim-needed": "UBND xã cử trưởng thôn lâm thời",
};

export interface VillageMeetingDecision {
  readonly outcome: VillageRoundOutcome;
  /** Index (0-based) of the elected candidate, null when none. */
  readonly electedIndex: number | null;
  readonly result: VillageHeadResult;
  readonly explanation: string;
}

/**
 * Checks a meeting's figures and decides it with the village-head rule set. Figures that break the
 * minutes' arithmetic come back as issues naming the field; nothing is decided from them.
 */
export function decideVillageMeeting(
  raw: unknown,
  villageKind: string,
  ruleSet: VillageHeadRuleSet = VILLAGE_HEAD,
): Result<VillageMeetingDecision & { readonly meeting: VillageMeetingInput }, readonly MeetingIssue[]> {
  const parsed = villageMeetingSchema.safeParse(raw);
  if (!parsed.success) {
    return err(
      parsed.error.issues.map((i) => ({
        path: i.path.map((p) => (typeof p === "number" ? p : String(p))),
        message: i.message,
      })),
    );
  }
  const m = parsed.data;
  const secret = m.method === "secret-ballot";
  const tally: Tally = {
    collected: secret ? (m.collected ?? 0) : m.present,
    valid: secret ? (m.valid ?? 0) : m.present,
    invalid: secret ? (m.invalid ?? 0) : 0,
    // The minutes of a village meeting give invalid ballots as one figure; the reasons are not kept.
    invalidByReason: { ...emptyInvalidByReason(), "identifying-mark": secret ? (m.invalid ?? 0) : 0 },
    votes: m.candidates.map((c) => c.votes),
    rowsForNobody: null,
  };
  const decided = decideVillageHeadElection({
    ruleSet,
    villageKind,
    candidates: m.candidates.map((c, i) => ({ id: String(i + 1), name: c.fullName })),
    electorate: m.electorate,
    present: m.present,
    issued: secret ? (m.issued ?? 0) : m.present,
    tally,
    attempt: m.attempt,
  });
  if (!decided.ok) {
    const e = decided.error;
    const issues: MeetingIssue[] =
      e.kind === "votes-length"
        ? [{ path: ["candidates"], message: `Cần số phiếu của ${e.expected} người ứng cử` }]
        : e.issues.map((i) => ({ path: i.path, message: i.message }));
    return err(issues);
  }
  const result = decided.value;
  const outcome: VillageRoundOutcome =
    result.nextStep.kind === "complete"
      ? "elected"
      : result.nextStep.kind === "interim-head-appointed-by-commune"
        ? "interim-needed"
        : "re-election-needed";
  return ok({
    // The procedural votes are checked and stored with the round (issue 17): a retry of the same
    // minutes, votes included, compares equal to the stored round.
    meeting: m as VillageMeetingInput,
    outcome,
    electedIndex: result.elected ? result.elected.position - 1 : null,
    result,
    explanation: result.explanation,
  });
}

export type VillageElectionStatus =
  | "not-reported"
  | "elected"
  | "re-election-needed"
  | "interim-needed"
  | "interim-appointed";

export const VILLAGE_STATUS_LABELS: Readonly<Record<VillageElectionStatus, string>> = {
  "not-reported": "Chưa báo cáo",
  elected: "Đã bầu được trưởng thôn",
  "re-election-needed": "Phải bầu lại (UBND xã chỉ đạo)",
  "interim-needed": "Bầu lại không thành: chờ UBND xã cử trưởng thôn lâm thời",
  "interim-appointed": "Trưởng thôn lâm thời do UBND xã cử",
};

/** A village's status from the outcomes of its rounds (in attempt order) and any interim appointment. */
export function villageStatus(
  rounds: readonly { readonly attempt: number; readonly outcome: VillageRoundOutcome }[],
  interimAppointed: boolean,
): VillageElectionStatus {
  if (interimAppointed) return "interim-appointed";
  const last = [...rounds].sort((a, b) => a.attempt - b.attempt).at(-1);
  return last ? last.outcome : "not-reported";
}

/** Which round a village may record next, or why it may not. */
export function nextAttempt(
  rounds: readonly { readonly attempt: number; readonly outcome: VillageRoundOutcome }[],
  interimAppointed: boolean,
): { readonly attempt: 1 | 2 } | { readonly closed: string } {
  const status = villageStatus(rounds, interimAppointed);
  switch (status) {
    case "not-reported":
      return { attempt: 1 };
    case "re-election-needed":
      return { attempt: 2 };
    case "elected":
      return { closed: "Thôn đã bầu được trưởng thôn; không ghi thêm lần bầu" };
    case "interim-needed":
      return { closed: "Đã bầu lại không thành; UBND xã cử trưởng thôn lâm thời, không bầu lần thứ ba" };
    case "interim-appointed":
      return { closed: "Thôn đã có trưởng thôn lâm thời do UBND xã cử" };
  }
}
