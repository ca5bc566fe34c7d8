import { currentAuditAnchorText } from "../../db/audit.ts";
import type { Db } from "../../db/client.ts";
import * as repo from "../../db/repositories/elections.ts";
import { err, ok, type Result } from "../../domain/basics/result.ts";
import {
  attendeeWordOf,
  localityPlaceName,
  MINUTES_NUMBER_SYMBOL,
  minutesOfficeLabel,
  minutesSuperiorBody,
  nextStepNotes,
  OUTCOME_LABELS,
  placeNameOf,
} from "../../domain/election/index.ts";
import { minutesToDocx } from "../../io/docx/minutes.ts";
import type { Principal } from "../access.ts";
import type { AppError } from "../errors.ts";
import { baseOf, countIncomplete, load, termOf } from "./access.ts";
import { computeResult } from "./result.ts";

/** Everything the minutes need (src/io/docx/minutes.ts). */
export async function minutesData(db: Db, p: Principal, id: number) {
  const l = await load(db, p, id, "read");
  if (!l.ok) return l;
  const { ctx } = l.value;
  const c = await computeResult(db, ctx);
  const result = ctx.election.status === "closed" && ctx.election.result ? ctx.election.result : c.dto.result;
  if (!result) return err(countIncomplete("Chưa lập được biên bản", c.dto.incompleteReasons));
  const logRows = await repo.listLog(db, id, 0, null);
  const chain = await repo.listOrgChain(db, ctx.org.path);
  return ok({
    place: localityPlaceName(chain) ?? placeNameOf(ctx.org.name),
    isBranch:
      ctx.election.electingOrganisation === "branch" ||
      ctx.org.level === "branch" ||
      ctx.org.level === "grassroots_branch",
    election: ctx.election,
    org: ctx.org,
    term: termOf(ctx),
    base: baseOf(ctx.election)!,
    result,
    countingCommittee: ctx.election.countingCommittee,
    log: logRows,
  });
}

const logTime = (d: Date) =>
  new Intl.DateTimeFormat("vi-VN", {
    timeZone: "Asia/Ho_Chi_Minh",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    hour12: false,
  }).format(d);

/** The counting minutes (.docx). */
export async function minutesDocx(
  db: Db,
  p: Principal,
  id: number,
): Promise<Result<{ data: Uint8Array; fileName: string }, AppError>> {
  const d = await minutesData(db, p, id);
  if (!d.ok) return d;
  const { election: e, result: r, base, isBranch } = d.value;
  const data = await minutesToDocx({
    organisation: d.value.org.name,
    superiorBody: minutesSuperiorBody(d.value.org.name, base.kind, isBranch),
    numberSymbol: MINUTES_NUMBER_SYMBOL,
    attendeeWord: attendeeWordOf(base.kind),
    term: d.value.term,
    title: e.title,
    officeLabel: minutesOfficeLabel(e.office, r.officeLabel, isBranch),
    seats: r.seats,
    alternateSeats: r.alternateSeats,
    round: r.round,
    place: d.value.place,
    date: e.heldOn ?? (e.closedAt ?? new Date()).toISOString().slice(0, 10),
    base: r.base,
    present: r.ballots.present,
    issued: r.ballots.issued,
    collected: r.ballots.collected,
    valid: r.ballots.valid,
    invalid: r.ballots.invalid,
    invalidByReason: r.ballots.invalidByReason,
    candidates: r.candidates.map((c) => ({
      position: c.position,
      name: c.name,
      votes: c.votes,
      percentOfBase: c.percentOfBase,
      outcomeLabel: OUTCOME_LABELS[c.outcome] ?? c.outcome,
      explanation: c.explanation,
    })),
    elected: r.elected.map((x) => ({
      name: x.name,
      votes: x.votes,
      percentOfBase: r.candidates[x.position - 1]?.percentOfBase ?? "",
    })),
    alternates: r.alternates.map((x) => ({
      name: x.name,
      votes: x.votes,
      percentOfBase: r.candidates[x.position - 1]?.percentOfBase ?? "",
    })),
    notes: nextStepNotes(r),
    countingCommittee: d.value.countingCommittee,
    log: d.value.log.map((l) => ({ at: logTime(l.at), userLabel: l.userLabel, text: l.text })),
    auditAnchor: await currentAuditAnchorText(db),
  });
  return ok({ data, fileName: `bien-ban-kiem-phieu-${id}-vong-${r.round}.docx` });
}
