/**
 * Changing a congress record: planning it or one lifecycle event through the domain's
 * `transitionCongress`, the roll-up of every ancestor, the audit entry and the notice, in one
 * transaction; the results a closed election count writes into it.
 */
import { type Actor, appendAudit } from "../../db/audit.ts";
import type { Db } from "../../db/client.ts";
import * as repo from "../../db/repositories/congresses.ts";
import * as orgRepo from "../../db/repositories/organisations.ts";
import type { Scope } from "../../db/repositories/scope.ts";
import { err, ok, type Result } from "../../domain/basics/result.ts";
import {
  type CongressEvent,
  type CongressRecord,
  type CongressType,
  congressRecordIssues,
  plannedCongress,
  seasonLevelIndex,
  transitionCongress,
} from "../../domain/congress/index.ts";
import { type IsoDate, isValidIsoDate } from "../../domain/format/date.ts";
import { type AppError, appError, errors } from "../errors.ts";
import { CONGRESS_EVENTS_CHANNEL, congressDeltas, coveredBySeason, loadSeason } from "./access.ts";
import { rebuildRollup } from "./rollup.ts";

export interface PlanInput {
  readonly type: CongressType;
  readonly pilot: boolean;
  readonly plannedStart: IsoDate;
  readonly plannedEnd: IsoDate;
  readonly venue: string | null;
  readonly contactName: string | null;
  readonly contactPhone: string | null;
}

export type CongressChange =
  | { readonly kind: "plan"; readonly plan: PlanInput }
  | { readonly kind: "event"; readonly event: CongressEvent };

/** Plans a congress (creating its record) or applies one lifecycle event to it. */
export async function changeCongress(
  db: Db,
  actor: Actor,
  scope: Scope,
  seasonId: number,
  orgId: number,
  change: CongressChange,
  today: IsoDate,
): Promise<Result<repo.CongressRow, AppError>> {
  return db.transaction(async (tx) => {
    const loaded = await loadSeason(tx, seasonId);
    if (!loaded.ok) return loaded;
    const { season } = loaded.value;
    const org = await orgRepo.findOrgById(tx, scope, orgId);
    if (!org) return err(errors.notFound("đơn vị", orgId));
    const level = seasonLevelIndex(season).get(org.level);
    if (!level) {
      return err(appError("CONGRESS_LEVEL", 422, `${org.name} không thuộc cấp nào của ${season.name}`));
    }
    if (!(await coveredBySeason(tx, loaded.value, [orgId])).has(orgId)) {
      const root = (await orgRepo.findOrgById(tx, { kind: "all" }, loaded.value.rootOrgId))!;
      return err(
        appError(
          "CONGRESS_OUTSIDE_SEASON",
          422,
          `${org.name} không nằm trong ${root.name}: mùa "${season.name}" này chỉ gồm các đơn vị thuộc ${root.name}`,
        ),
      );
    }
    const existing = await repo.findCongress(tx, scope, seasonId, orgId, season.code);
    const before = existing?.record ?? null;
    let after: CongressRecord;
    let contact = { name: existing?.contactName ?? null, phone: existing?.contactPhone ?? null };
    if (change.kind === "plan") {
      const p = change.plan;
      if (!isValidIsoDate(p.plannedStart) || !isValidIsoDate(p.plannedEnd)) {
        return err(appError("CONGRESS_INVALID", 400, "Ngày dự kiến không hợp lệ"));
      }
      contact = { name: p.contactName, phone: p.contactPhone };
      if (before === null) {
        after = plannedCongress({
          orgId,
          seasonCode: season.code,
          type: p.type,
          pilot: p.pilot,
          plannedStart: p.plannedStart,
          plannedEnd: p.plannedEnd,
          venue: p.venue,
        });
      } else {
        const moved = transitionCongress(
          before,
          { type: "reschedule", plannedStart: p.plannedStart, plannedEnd: p.plannedEnd, venue: p.venue },
          { today },
        );
        if (!moved.ok)
          return err(
            appError("CONGRESS_TRANSITION", 422, moved.error.message, {
              field: moved.error.field,
              rule: moved.error.code,
            }),
          );
        after = { ...moved.value, type: p.type, pilot: p.pilot };
      }
      const issues = congressRecordIssues(after);
      if (issues.length > 0)
        return err(
          appError("CONGRESS_INVALID", 422, issues[0]!.message, { field: issues[0]!.path.join(".") }),
        );
    } else {
      if (before === null) {
        return err(
          appError(
            "CONGRESS_NOT_PLANNED",
            422,
            `${org.name} chưa có kế hoạch đại hội trong ${season.name}; hãy lập kế hoạch trước`,
          ),
        );
      }
      const next = transitionCongress(before, change.event, { today });
      if (!next.ok)
        return err(
          appError("CONGRESS_TRANSITION", 422, next.error.message, {
            field: next.error.field,
            rule: next.error.code,
          }),
        );
      after = next.value;
    }
    const id = await repo.upsertCongress(tx, seasonId, level.code, { ...after, orgId }, contact);
    await repo.applyRollup(tx, seasonId, await congressDeltas(tx, loaded.value, [{ orgId, before, after }]));
    await appendAudit(tx, actor, [
      {
        action: change.kind === "plan" ? "congress.plan" : `congress.${change.event.type}`,
        entity: "congress",
        entityId: id,
        orgId,
        before: before
          ? {
              ...before,
              contact: { name: existing?.contactName ?? null, phone: existing?.contactPhone ?? null },
            }
          : null,
        after: {
          ...after,
          contact,
          // A correction of recorded results carries its reason into the audit log.
          ...(change.kind === "event" && change.event.type === "correct_results"
            ? { reason: change.event.reason.trim() }
            : {}),
        },
      },
    ]);
    await repo.notifyCongressChange(tx, CONGRESS_EVENTS_CHANNEL, { seasonId, path: org.path });
    return ok((await repo.findCongress(tx, { kind: "all" }, seasonId, orgId, season.code))!);
  });
}

/** Loads a season's congresses for organisations (by code) in one go: the demo and bulk imports. */
export async function insertSeasonCongresses(
  db: Db,
  actor: Actor,
  seasonId: number,
  records: readonly (CongressRecord & { orgId: number })[],
): Promise<void> {
  const s = (await repo.findSeason(db, seasonId))!;
  const levelIndex = seasonLevelIndex(s.season);
  const orgs = new Map(
    (
      await repo.listOrgsForSeason(db, (await orgRepo.findOrgById(db, { kind: "all" }, s.rootOrgId))!.path, [
        ...levelIndex.keys(),
      ])
    ).map((o) => [o.id, o]),
  );
  await repo.insertCongresses(
    db,
    records.map((r) => ({ seasonId, levelCode: levelIndex.get(orgs.get(r.orgId)!.level)!.code, record: r })),
  );
  await rebuildRollup(db, seasonId);
  await appendAudit(
    db,
    actor,
    records.map((r) => ({
      action: "congress.load",
      entity: "congress",
      entityId: `${seasonId}:${r.orgId}`,
      orgId: r.orgId,
      before: null,
      after: r,
    })),
  );
}

/** Results a closed election count writes into its congress's record (services/elections.ts). */
export type CongressResultFields = Partial<
  Pick<
    CongressRecord,
    | "committeeSeatsDecided"
    | "committeeSeatsElected"
    | "electedInOneRoundFull"
    | "secretaryElectedDirectly"
    | "secretaryVotes"
    | "secretaryVoteBase"
  >
>;

/**
 * Writes an election's results into the congress record: records the results when the congress is
 * held, or amends the recorded ones (a secretary elected after the committee). Audited; the rollup
 * follows. A congress not yet recorded as held is left alone (an error value says why).
 */
export async function amendCongressResults(
  db: Db,
  actor: Actor,
  congressId: number,
  fields: CongressResultFields,
  today: IsoDate,
): Promise<Result<repo.CongressRow, AppError>> {
  const ref = await repo.findCongressRef(db, congressId);
  if (!ref) return err(errors.notFound("đại hội", congressId));
  const loaded = await loadSeason(db, ref.seasonId);
  if (!loaded.ok) return loaded;
  const { season } = loaded.value;
  const existing = await repo.findCongress(db, { kind: "all" }, ref.seasonId, ref.orgId, season.code);
  if (!existing) return err(errors.notFound("đại hội", congressId));
  const before = existing.record;
  if (before.status === "planned")
    return err(
      appError(
        "CONGRESS_NOT_HELD",
        422,
        "Đại hội chưa được ghi nhận là đã tổ chức; hãy ghi nhận rồi nhập kết quả",
      ),
    );
  if (before.status === "held") {
    return changeCongress(
      db,
      actor,
      { kind: "all" },
      ref.seasonId,
      ref.orgId,
      {
        kind: "event",
        event: {
          type: "record_results",
          recordedOn: today,
          committeeSeatsDecided: fields.committeeSeatsDecided ?? before.committeeSeatsDecided,
          committeeSeatsElected: fields.committeeSeatsElected ?? before.committeeSeatsElected,
          electedInOneRoundFull: fields.electedInOneRoundFull ?? before.electedInOneRoundFull,
          secretaryElectedDirectly:
            fields.secretaryElectedDirectly ?? before.secretaryElectedDirectly ?? false,
          secretaryVotes: fields.secretaryVotes ?? before.secretaryVotes,
          secretaryVoteBase: fields.secretaryVoteBase ?? before.secretaryVoteBase,
        },
      },
      today,
    );
  }
  const after: CongressRecord = { ...before, ...fields };
  const issues = congressRecordIssues(after);
  if (issues.length > 0)
    return err(appError("CONGRESS_INVALID", 422, issues[0]!.message, { field: issues[0]!.path.join(".") }));
  const org = await orgRepo.findOrgById(db, { kind: "all" }, ref.orgId);
  const level = seasonLevelIndex(season).get(org!.level);
  if (!org || !level) return err(errors.notFound("đại hội", congressId));
  const contact = { name: existing.contactName, phone: existing.contactPhone };
  await repo.upsertCongress(db, ref.seasonId, level.code, { ...after, orgId: ref.orgId }, contact);
  await repo.applyRollup(
    db,
    ref.seasonId,
    await congressDeltas(db, (await repo.findSeason(db, ref.seasonId))!, [
      { orgId: ref.orgId, before, after },
    ]),
  );
  await appendAudit(db, actor, [
    {
      action: "congress.amend_results",
      entity: "congress",
      entityId: congressId,
      orgId: ref.orgId,
      before,
      after,
    },
  ]);
  await repo.notifyCongressChange(db, CONGRESS_EVENTS_CHANNEL, { seasonId: ref.seasonId, path: org.path });
  return ok((await repo.findCongress(db, { kind: "all" }, ref.seasonId, ref.orgId, season.code))!);
}
