/**
 * Reading letters: the settings, one letter, the register and its dashboard and export, and the
 * existence-only questions other screens ask (is an open letter about this candidate? how many bear
 * on this congress?).
 */
import { type Actor, appendAudit } from "../../db/audit.ts";
import type { Db } from "../../db/client.ts";
import { findOrgById } from "../../db/repositories/organisations.ts";
import * as repo from "../../db/repositories/petitions.ts";
import type { Scope } from "../../db/repositories/scope.ts";
import { err, ok, type Result } from "../../domain/basics/result.ts";
import {
  aggregatePetitions,
  DEFAULT_PETITION_SETTINGS,
  daysOverdue,
  isOverdue,
  PETITION_KIND_LABELS,
  type PetitionDashboard,
  type PetitionKind,
  type PetitionSettings,
  suggestDuplicates,
} from "../../domain/complaints/index.ts";
import { formatDate } from "../../domain/format/date.ts";
import { writePetitionsSheet } from "../../io/excel/petitions-sheet.ts";
import { type Access, pathInScope } from "../access.ts";
import { type AppError, errors } from "../errors.ts";
import { petitionErrors } from "./common.ts";

// ---------------------------------------------------------------------------------------------
// Settings

export async function getPetitionSettings(db: Db): Promise<PetitionSettings> {
  return (await repo.readSettings(db)) ?? DEFAULT_PETITION_SETTINGS;
}

export async function updatePetitionSettings(
  db: Db,
  actor: Actor,
  next: PetitionSettings,
): Promise<Result<PetitionSettings, AppError>> {
  if (next.personnelLeadDays < 0 || next.personnelLeadDays > 365)
    return err(petitionErrors.rule("Số ngày trước khai mạc phải từ 0 đến 365", "personnelLeadDays"));
  for (const [kind, days] of Object.entries(next.handlingDays))
    if (!Number.isInteger(days) || days < 1 || days > 365)
      return err(
        petitionErrors.rule(
          `Thời hạn giải quyết đơn ${PETITION_KIND_LABELS[kind as PetitionKind].toLowerCase()} phải từ 1 đến 365 ngày`,
          `handlingDays.${kind}`,
        ),
      );
  return db.transaction(async (tx) => {
    const before = await getPetitionSettings(tx);
    await repo.writeSettings(tx, next, actor.userId);
    await appendAudit(tx, actor, [
      { action: "petition_settings.update", entity: "petition_settings", entityId: 1, before, after: next },
    ]);
    return ok(next);
  });
}

// ---------------------------------------------------------------------------------------------
// Reading

export interface PetitionDetail {
  readonly petition: repo.PetitionRecord;
  readonly subjects: readonly repo.SubjectRecord[];
  readonly steps: readonly repo.StepRecord[];
  readonly attachments: readonly repo.AttachmentRecord[];
  /** Other letters in scope that may be about the same matter. */
  readonly duplicateSuggestions: readonly { id: number; code: string; summary: string; similarity: number }[];
  readonly overdueDays: number;
}

export async function getPetition(
  db: Db,
  scope: Scope,
  id: number,
  today: string,
): Promise<Result<PetitionDetail, AppError>> {
  const p = await repo.findPetition(db, scope, id);
  if (!p) return err(errors.notFound("đơn thư", id));
  const [subjects, steps, attachments] = await Promise.all([
    repo.listSubjects(db, [id]),
    repo.listSteps(db, id),
    repo.listAttachments(db, id),
  ]);
  const personIds = subjects.flatMap((s) => (s.personId ? [s.personId] : []));
  const orgIds = subjects.flatMap((s) => (s.orgId ? [s.orgId] : []));
  let duplicateSuggestions: PetitionDetail["duplicateSuggestions"] = [];
  if (personIds.length > 0 || orgIds.length > 0) {
    const others = [
      ...(personIds.length > 0
        ? await Promise.all(
            personIds.map((pid) =>
              repo.listPetitions(db, scope, { personId: pid }, { limit: 200, offset: 0 }),
            ),
          )
        : []),
    ].flatMap((r) => r.items);
    const byId = new Map(others.filter((o) => o.id !== id).map((o) => [o.id, o]));
    const otherSubjects = await repo.listSubjects(db, [...byId.keys()]);
    const facts = [...byId.values()].map((o) => ({
      id: o.id,
      summary: o.summary,
      personIds: otherSubjects.filter((s) => s.petitionId === o.id && s.personId).map((s) => s.personId!),
      orgIds: otherSubjects.filter((s) => s.petitionId === o.id && s.orgId).map((s) => s.orgId!),
    }));
    duplicateSuggestions = suggestDuplicates({ id, summary: p.summary, personIds, orgIds }, facts).map(
      (s) => ({
        ...s,
        code: byId.get(s.id)!.code,
        summary: byId.get(s.id)!.summary,
      }),
    );
  }
  return ok({
    petition: p,
    subjects,
    steps,
    attachments,
    duplicateSuggestions,
    overdueDays: daysOverdue(p, today),
  });
}

export interface PetitionListItem {
  readonly petition: repo.PetitionRecord;
  readonly subjects: readonly repo.SubjectRecord[];
  readonly overdueDays: number;
}

export async function listPetitionRegister(
  db: Db,
  scope: Scope,
  filter: repo.PetitionFilter & { withinOrgId?: number | null },
  page: { limit: number; offset: number } | null,
  today: string,
): Promise<Result<{ total: number; items: PetitionListItem[] }, AppError>> {
  let withinPath: string | null = null;
  if (filter.withinOrgId) {
    withinPath = await repo.orgPathOf(db, scope, filter.withinOrgId);
    if (!withinPath) return err(errors.notFound("đơn vị", filter.withinOrgId));
  }
  const found = await repo.listPetitions(db, scope, { ...filter, withinPath }, page);
  const subjects = await repo.listSubjects(
    db,
    found.items.map((p) => p.id),
  );
  return ok({
    total: found.total,
    items: found.items.map((p) => ({
      petition: p,
      subjects: subjects.filter((s) => s.petitionId === p.id),
      overdueDays: daysOverdue(p, today),
    })),
  });
}

export async function exportPetitionRegister(
  db: Db,
  scope: Scope,
  filter: repo.PetitionFilter & { withinOrgId?: number | null },
  today: string,
): Promise<Result<Uint8Array, AppError>> {
  const list = await listPetitionRegister(db, scope, filter, null, today);
  if (!list.ok) return list;
  const data = await writePetitionsSheet(
    list.value.items.map(({ petition: p, subjects, overdueDays }) => ({
      ...p,
      subjects: subjects.map((s) => s.personName ?? s.orgName ?? "").join("; "),
      overdueDays,
    })),
    `Sổ theo dõi đơn thư (${list.value.total} đơn, đến ngày ${formatDate(today)})`,
  );
  return ok(data);
}

export interface DashboardResult extends PetitionDashboard {
  readonly orgNames: ReadonlyMap<number, string>;
  readonly overdueList: readonly PetitionListItem[];
}

/**
 * The dashboard for an organisation's subtree (default: the whole scope): totals, by kind, by
 * child organisation (the letters of the organisation itself count under it), overdue letters.
 */
export async function petitionDashboard(
  db: Db,
  scope: Scope,
  orgId: number | null,
  today: string,
): Promise<Result<DashboardResult, AppError>> {
  let rootPath: string | null = null;
  if (orgId) {
    rootPath = await repo.orgPathOf(db, scope, orgId);
    if (!rootPath) return err(errors.notFound("đơn vị", orgId));
  }
  const { items } = await repo.listPetitions(db, scope, { withinPath: rootPath }, null);
  // Without an organisation: grouped under the organisations directly below the top.
  const rootDepth = rootPath ? rootPath.split(".").length : 1;
  const orgNames = new Map<number, string>();
  const groupOf = (p: repo.PetitionRecord): number => {
    const ids = p.orgPath.split(".").map(Number);
    // The child of the root on the way to the letter's organisation (or the root itself).
    return ids[Math.min(rootDepth, ids.length - 1)]!;
  };
  const groups = new Set(items.map(groupOf));
  for (const g of groups) {
    const o = await findOrgById(db, { kind: "all" }, g);
    if (o) orgNames.set(g, o.name);
  }
  const byRecord = new Map(items.map((p) => [p.id, p]));
  const d = aggregatePetitions(items, today, (f) => groupOf(byRecord.get(f.id)!));
  const overdue = items.filter((p) => isOverdue(p, today));
  const subjects = await repo.listSubjects(
    db,
    overdue.map((p) => p.id),
  );
  return ok({
    ...d,
    orgNames,
    overdueList: overdue.map((p) => ({
      petition: p,
      subjects: subjects.filter((s) => s.petitionId === p.id),
      overdueDays: daysOverdue(p, today),
    })),
  });
}

export async function getAttachment(
  db: Db,
  scope: Scope,
  petitionId: number,
  attachmentId: number,
): Promise<Result<repo.AttachmentRecord & { data: Uint8Array }, AppError>> {
  const a = await repo.findAttachmentData(db, scope, petitionId, attachmentId);
  if (!a) return err(errors.notFound("tệp đính kèm", attachmentId));
  return ok(a);
}

// ---------------------------------------------------------------------------------------------
// Existence only: no content leaves these.

export interface PersonFlag {
  readonly personId: number;
  /** An unsettled (open) letter concerns this person. */
  readonly flagged: boolean;
  readonly openCases: number;
  /** Of those, bearing on the given congress. */
  readonly openCasesOnCongress: number;
}

/**
 * For each person, whether an unsettled letter concerns them — counts only, no content, no scope
 * check: callers must have checked that the caller may see the congress (or the people). The
 * candidate-list screen calls this (docs/complaints.md).
 */
export async function openCasesConcerningPeople(
  db: Db,
  personIds: readonly number[],
  options: { readonly congressId?: number | null } = {},
): Promise<PersonFlag[]> {
  const ids = [...new Set(personIds)];
  const counts = await repo.openCountsByPerson(db, ids, options.congressId ?? null);
  return ids.map((personId) => {
    const c = counts.get(personId) ?? { open: 0, onCongress: 0 };
    return { personId, flagged: c.open > 0, openCases: c.open, openCasesOnCongress: c.onCongress };
  });
}

/** Flags for a congress's candidate list: the congress must be in the caller's read scope. */
export async function complaintFlagsForCongress(
  db: Db,
  access: Access,
  congressId: number,
  personIds: readonly number[],
): Promise<Result<PersonFlag[], AppError>> {
  const c = await repo.findCongressRef(db, access.readScope, congressId);
  if (!c) return err(errors.notFound("đại hội", congressId));
  return ok(await openCasesConcerningPeople(db, personIds, { congressId }));
}

export interface CongressPetitions {
  /** null: no congress planned yet for this organisation in the season. */
  readonly congressId: number | null;
  readonly openCount: number;
  /** The open letters bearing on it, or null when the caller may not read letters there. */
  readonly items: readonly PetitionListItem[] | null;
}

/**
 * The congress page's panel for an organisation's congress in a season: the count for everyone who
 * sees the organisation, the content for petitions grants covering it.
 */
export async function congressPetitions(
  db: Db,
  access: Access,
  key: { readonly seasonId: number; readonly orgId: number },
  today: string,
): Promise<Result<CongressPetitions, AppError>> {
  const org = await repo.orgPathOf(db, access.readScope, key.orgId);
  if (!org) return err(errors.notFound("đơn vị", key.orgId));
  const mayRead = pathInScope(access.petitionsScope, org);
  const c = await repo.findCongressRef(db, access.readScope, key);
  if (!c) return ok({ congressId: null, openCount: 0, items: mayRead ? [] : null });
  const openCount = await repo.countOpenOnCongress(db, c.id);
  if (!mayRead) return ok({ congressId: c.id, openCount, items: null });
  const list = await listPetitionRegister(
    db,
    access.petitionsScope,
    { congressId: c.id, status: "open" },
    null,
    today,
  );
  return ok({ congressId: c.id, openCount, items: list.ok ? list.value.items : [] });
}
