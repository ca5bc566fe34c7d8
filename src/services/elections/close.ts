import type { Db } from "../../db/client.ts";
import * as repo from "../../db/repositories/elections.ts";
import { err, ok, type Result } from "../../domain/basics/result.ts";
import {
  isDirectSecretaryElection,
  type Office,
  type PartyElectionResult,
  planFurtherRound,
} from "../../domain/election/index.ts";
import { formatNumber } from "../../domain/format/number.ts";
import type { Principal } from "../access.ts";
import { amendCongressResults } from "../congresses/index.ts";
import type { ElectionDto, ElectionResultDto } from "../election-types.ts";
import { type AppError, appError } from "../errors.ts";
import { addPost } from "../people.ts";
import { auditElection, baseOf, countIncomplete, loadInStatus, log, notify, termOf } from "./access.ts";
import { currentElectionDto, toElectionDto } from "./present.ts";
import { computeResult, toResultDto } from "./result.ts";

const POST_KIND_OF: Partial<
  Record<Office, "committee_member" | "standing_committee_member" | "secretary" | "deputy_secretary">
> = {
  committee: "committee_member",
  standing_committee: "standing_committee_member",
  secretary: "secretary",
  deputy_secretary: "deputy_secretary",
};

/** Closes the count: fixes the result, then flows it into the congress record and the people register. */
export async function closeCount(
  db: Db,
  p: Principal,
  id: number,
  today: string,
): Promise<Result<ElectionResultDto & { flowed: string[] }, AppError>> {
  return db.transaction(async (tx) => {
    const l = await loadInStatus(tx, p, id, "manage", ["counting"]);
    if (!l.ok) return l;
    const { ctx } = l.value;
    const c = await computeResult(tx, ctx);
    if (!c.result) return err(countIncomplete("Chưa kết thúc kiểm phiếu được", c.dto.incompleteReasons));
    const result = toResultDto(c.result);
    await repo.updateElection(tx, id, {
      status: "closed",
      closedAt: new Date(),
      closedBy: p.actor.userId,
      result,
    });
    await auditElection(tx, p, {
      action: "election.close",
      entityId: id,
      orgId: ctx.org.id,
      before: { status: "counting" },
      after: {
        status: "closed",
        elected: result.elected,
        nextStep: result.nextStep,
        ballots: result.ballots,
      },
    });
    const flowed = await flowResults(tx, p, ctx, c.result, today);
    await log(
      tx,
      p,
      ctx,
      "closed",
      `Kết thúc kiểm phiếu${flowed.length > 0 ? `; ${flowed.join("; ")}` : ""}`,
    );
    await notify(tx, ctx, "closed");
    return ok({ ...c.dto, status: "closed" as const, result, flowed });
  });
}

/** What closing writes elsewhere; returns Vietnamese notes of what it did (for the log). */
async function flowResults(
  tx: Db,
  p: Principal,
  ctx: repo.ElectionContext,
  r: PartyElectionResult,
  today: string,
): Promise<string[]> {
  const notes: string[] = [];
  const e = ctx.election;
  // Congress record: the committee's seats and one-round fill; the directly elected secretary.
  let fields: Parameters<typeof amendCongressResults>[3] | null = null;
  if (e.office === "committee") {
    const firstRound = e.round === 1;
    fields = {
      committeeSeatsDecided: e.seats,
      committeeSeatsElected: r.elected.length + (await electedInEarlierRounds(tx, ctx)),
      ...(firstRound
        ? { electedInOneRoundFull: r.elected.length === e.seats }
        : { electedInOneRoundFull: false }),
    };
  } else if (r.elected.length > 0 && isDirectSecretaryElection(e.office, baseOf(e)?.kind)) {
    // Only an election at the congress itself is a direct one; a secretary elected at the
    // committee's first conference leaves the congress record's direct-election facts alone.
    fields = {
      secretaryElectedDirectly: true,
      secretaryVotes: r.elected[0]!.votes,
      secretaryVoteBase: r.base.n,
    };
  }
  if (fields) {
    const a = await amendCongressResults(tx, p.actor, ctx.congress.id, fields, today);
    notes.push(a.ok ? "đã ghi vào hồ sơ đại hội" : `chưa ghi vào hồ sơ đại hội (${a.error.message})`);
  }
  // People register: a post for each elected candidate linked to a person.
  const kind = POST_KIND_OF[e.office];
  if (kind) {
    const candidates = await repo.listCandidates(tx, [e.id]);
    let added = 0;
    for (const el of r.elected) {
      const cand = candidates[el.position - 1];
      if (!cand?.personId) continue;
      const res = await addPost(tx, p.actor, { kind: "all" }, cand.personId, {
        kind,
        orgId: ctx.org.id,
        villageCode: null,
        term: termOf(ctx),
        title: null,
        start: e.heldOn ?? today,
        end: null,
      });
      if (res.ok) added++;
    }
    if (added > 0) notes.push(`đã ghi chức vụ cho ${formatNumber(added)} người trong danh sách cán bộ`);
  }
  return notes;
}

/** Committee members elected in earlier rounds of the same congress (a further round fills the rest). */
async function electedInEarlierRounds(tx: Db, ctx: repo.ElectionContext): Promise<number> {
  let total = 0;
  let prev = ctx.election.previousElectionId;
  while (prev !== null) {
    const c = await repo.findElectionContext(tx, prev);
    if (!c) break;
    const res = c.election.result;
    total += res?.elected.length ?? 0;
    prev = c.election.previousElectionId;
  }
  return total;
}

export async function reopenCount(
  db: Db,
  p: Principal,
  id: number,
  reason: string,
): Promise<Result<ElectionDto, AppError>> {
  return db.transaction(async (tx) => {
    const l = await loadInStatus(tx, p, id, "reopen", ["closed"]);
    if (!l.ok) return l;
    const { ctx, perms } = l.value;
    await repo.updateElection(tx, id, { status: "counting", closedAt: null, closedBy: null });
    await auditElection(tx, p, {
      action: "election.reopen",
      entityId: id,
      orgId: ctx.org.id,
      before: { status: "closed", result: ctx.election.result },
      after: { status: "counting", reason },
    });
    await log(tx, p, ctx, "reopened", `Mở lại kiểm phiếu: ${reason}`);
    await notify(tx, ctx, "reopened");
    return currentElectionDto(tx, id, perms);
  });
}

/**
 * A further round on the congress's explicit decision (Quyết định 190): a tie is voted on among the
 * tied only, open seats get a new ballot with candidates not yet elected. The new election starts in
 * setup with the previous one's setup, `round` + 1 and the chosen candidates (by ballot number).
 */
export async function createNextRound(
  db: Db,
  p: Principal,
  id: number,
  positions: readonly number[],
): Promise<Result<ElectionDto, AppError>> {
  return db.transaction(async (tx) => {
    const l = await loadInStatus(tx, p, id, "setup", ["closed"]);
    if (!l.ok) return l;
    const { ctx, perms } = l.value;
    const e = ctx.election;
    const previous = e.result;
    if (!previous) return err(appError("COUNT_INCOMPLETE", 422, "Cuộc bầu cử chưa có kết quả"));
    const list = await repo.listCandidates(tx, [id]);
    const unknown = positions.filter((x) => !list[x - 1]);
    if (unknown.length > 0)
      return err(
        appError("ELECTION_INVALID", 422, `Không có số ${unknown.join(", ")} trong danh sách bầu cử`, {
          field: "positions",
        }),
      );
    const chosen = [...new Set(positions)].sort((a, b) => a - b).map((x) => list[x - 1]!);
    const plan = planFurtherRound(
      previous,
      {
        office: e.office,
        seats: e.seats,
        alternateSeats: e.alternateSeats,
        candidates: list.map((c) => ({ id: String(c.position), name: c.fullName })),
        round: e.round,
        electingOrganisation: e.electingOrganisation,
      },
      { kind: "hold-round", candidates: chosen.map((c) => ({ id: String(c.position), name: c.fullName })) },
    );
    if (!plan.ok) {
      const x = plan.error;
      const name = (pid: string) => list[Number(pid) - 1]?.fullName ?? pid;
      const message =
        x.kind === "no-further-round"
          ? x.nextStep === "secretary-at-first-conference"
            ? "Đại hội không bầu lại bí thư: báo cáo cấp ủy cấp trên; bí thư được bầu tại hội nghị lần thứ nhất của cấp ủy khóa mới"
            : "Kết quả không cần bầu thêm (đã đủ số lượng hoặc cấp trên chỉ định)"
          : x.kind === "must-vote-again"
            ? `Phải bầu tiếp số còn thiếu; chỉ xem xét để thiếu từ lần bầu thứ ${x.roundsBeforeLeavingOpen}`
            : x.kind === "tie-vote-must-list-tied-only"
              ? `Bầu lại khi bằng phiếu chỉ gồm những người bằng phiếu: ${x.expected.map(name).join(", ")}`
              : x.kind === "candidate-already-elected"
                ? `${name(x.id)} đã trúng cử; không đưa vào danh sách bầu tiếp`
                : "Danh sách bầu tiếp không được để trống";
      return err(appError("NEXT_ROUND_INVALID", 422, message, { problem: x }));
    }
    if (plan.value.kind !== "round") return err(appError("NEXT_ROUND_INVALID", 422, "Không bầu tiếp"));
    const next = plan.value.election;
    const values = {
      congressId: ctx.congress.id,
      title: `${e.title.replace(/ \(bầu lần \d+\)$/, "")} (bầu lần ${next.round})`,
      office: e.office,
      ruleSet: e.ruleSet,
      settings: e.settings,
      seats: next.seats,
      alternateSeats: next.alternateSeats,
      round: next.round,
      previousElectionId: id,
      electingOrganisation: e.electingOrganisation,
      base: e.base,
      bundleSize: e.bundleSize,
      entriesPerBundle: e.entriesPerBundle,
      countingCommittee: e.countingCommittee,
      heldOn: e.heldOn,
      venue: e.venue,
      createdBy: p.actor.userId,
    };
    const newId = await repo.insertElection(tx, values);
    await repo.replaceCandidates(
      tx,
      newId,
      chosen.map((c) => ({
        fullName: c.fullName,
        personId: c.personId,
        nominatedBy: c.nominatedBy,
        floorApprovals: c.floorApprovals,
      })),
    );
    await auditElection(tx, p, {
      action: "election.next_round",
      entityId: newId,
      orgId: ctx.org.id,
      before: { previousElectionId: id, nextStep: previous.nextStep },
      after: { ...values, candidates: chosen.map((c) => c.fullName) },
    });
    await log(
      tx,
      p,
      ctx,
      "next-round",
      `Đại hội quyết định bầu lần ${next.round}: ${chosen.map((c) => c.fullName).join(", ")}`,
    );
    const fresh = (await repo.findElectionContext(tx, newId))!;
    await log(tx, p, fresh, "created", `Tạo cuộc bầu cử lần ${next.round} theo quyết định của đại hội`);
    return ok(toElectionDto(fresh, await repo.listCandidates(tx, [newId]), perms));
  });
}
