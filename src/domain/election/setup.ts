/**
 * The setup of one Party-190 election before its count starts, as the service stores it: whether the
 * candidate list may be printed, whether counting may start, and the figures clerks type in while
 * counting. Rules and their Vietnamese wording live here so the service, the count file and the web
 * give one verdict in the same words.
 */
import { type BaseFigures, computeBase } from "./base.ts";
import {
  type CandidateListProblem,
  checkCandidateList,
  checkConveningSurplus,
  computeSurplusLimits,
  describeCandidateListProblem,
  describeCandidateListWarning,
  describeFloorRejection,
  findOrderBreak,
} from "./candidate-list.ts";
import {
  ALTERNATES_ONLY_FOR_DELEGATES,
  alternatesAllowed,
  type Office,
  type Party190Settings,
  party190SettingsSchema,
} from "./rules.ts";

/** A problem with one field of the setup (`field` is the API field's path). */
export interface SetupProblem {
  readonly field: string;
  readonly message: string;
}

/** The settings parse and alternates are allowed for the office. */
export function checkSetupShape(v: {
  readonly office: string;
  readonly alternateSeats: number;
  readonly settings?: unknown;
}): SetupProblem | null {
  const settings = party190SettingsSchema.safeParse(v.settings ?? {});
  if (!settings.success) {
    const i = settings.error.issues[0]!;
    return {
      field: `settings.${i.path.join(".")}`,
      message: `Thiết lập "${i.path.join(".")}" không hợp lệ: ${i.message}`,
    };
  }
  if (!alternatesAllowed(v.office, v.alternateSeats))
    return { field: "alternateSeats", message: ALTERNATES_ONLY_FOR_DELEGATES };
  return null;
}

/** The setup of an election as far as the list and the start of counting are concerned. */
export interface ElectionSetup {
  readonly office: string;
  readonly seats: number;
  readonly alternateSeats: number;
  readonly present: number | null;
  /** A further round's list is the congress's decision (planFurtherRound), not a new nomination. */
  readonly furtherRound: boolean;
  readonly settings: Party190Settings;
  readonly base: BaseFigures | null;
}

/** One name on the ballot, at its position (1-based, the ballot number). */
export interface ListedCandidate {
  readonly position: number;
  readonly fullName: string;
  readonly nominatedBy: string;
  readonly floorApprovals: number | null;
}

/** Problems of the list under the rule set, in Vietnamese (empty: the list may be printed). */
export function listProblemsOf(e: ElectionSetup, candidates: readonly ListedCandidate[]): string[] {
  if (candidates.length === 0) return ["Danh sách bầu cử chưa có ai"];
  const { settings } = e;
  const problems: string[] = [];
  const places = e.seats + e.alternateSeats;
  if (e.office === "secretary" && candidates.length > settings.secretaryCandidatesMax) {
    problems.push(
      `Bầu trực tiếp bí thư chỉ được có tối đa ${settings.secretaryCandidatesMax} người trong danh sách (có ${candidates.length})`,
    );
  } else if (e.office !== "secretary" && !e.furtherRound) {
    const r = checkCandidateList(
      {
        office: e.office as Office,
        seats: places,
        present: e.present ?? 0,
        nominees: candidates.map((c) => ({
          id: String(c.position),
          name: c.fullName,
          source: c.nominatedBy === "floor" ? ("floor" as const) : ("convening-committee" as const),
          ...(c.floorApprovals !== null ? { approvals: c.floorApprovals } : {}),
        })),
      },
      settings,
    );
    if (!r.ok) problems.push(...r.error.map((x) => describeListProblemByPosition(x, candidates)));
    else {
      const kept = new Set(r.value.candidates.map((c) => c.id));
      for (const f of r.value.floor) {
        if (!f.admitted) {
          const c = candidates[Number(f.id) - 1];
          problems.push(describeFloorRejection(c?.fullName ?? f.id, f, settings));
        }
      }
      if (kept.size !== candidates.length && problems.length === 0)
        problems.push("Danh sách có người không đủ điều kiện đưa vào danh sách bầu cử");
    }
  }
  const broken = findOrderBreak(candidates.map((c) => ({ id: String(c.position), name: c.fullName })));
  if (broken !== null)
    problems.push(
      `Danh sách chưa theo thứ tự a, b, c của tên: số ${broken} (${candidates[broken - 1]!.fullName}) phải đứng trước số ${broken - 1}`,
    );
  return problems;
}

/**
 * Guidance the list is outside of, in Vietnamese: shown with the list, never a reason to refuse it
 * (the convening committee's 10–15% surplus, issue 17). Further rounds carry no new nomination.
 */
export function listWarningsOf(e: ElectionSetup, candidates: readonly ListedCandidate[]): string[] {
  if (e.office === "secretary" || e.furtherRound || candidates.length === 0) return [];
  const places = e.seats + e.alternateSeats;
  const convening = candidates.filter((c) => c.nominatedBy !== "floor").length;
  const w = checkConveningSurplus(
    places,
    convening,
    computeSurplusLimits(e.office as Office, places, e.settings),
  );
  return w ? [describeCandidateListWarning(w)] : [];
}

function describeListProblemByPosition(
  x: CandidateListProblem,
  candidates: readonly ListedCandidate[],
): string {
  // The domain names candidates by id; ids here are ballot positions: name the person instead.
  const text = describeCandidateListProblem(x);
  return text.replace(/người có mã (\d+)/g, (_, pos: string) => {
    const c = candidates[Number(pos) - 1];
    return c ? `${c.fullName} (số ${pos})` : `số ${pos}`;
  });
}

/** Why counting may not start yet (empty: it may). */
export function startProblemsOf(e: ElectionSetup, candidates: readonly ListedCandidate[]): string[] {
  const problems = listProblemsOf(e, candidates);
  if (!e.base) problems.push("Chưa nhập số được triệu tập và các trường hợp được trừ (cơ sở tính N)");
  else if (!computeBase(e.base, e.settings).ok)
    problems.push("Số được triệu tập phải lớn hơn tổng số được trừ");
  if (!alternatesAllowed(e.office, e.alternateSeats)) problems.push(ALTERNATES_ONLY_FOR_DELEGATES);
  return problems;
}
