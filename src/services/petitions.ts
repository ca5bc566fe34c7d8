/**
 * Letters (đơn thư) before the congresses (issue 9, BRIEF §7): register, triage, assign, steps,
 * conclusion, notice, attachments, the register and its dashboard and export, the settings, and the
 * existence-only questions other screens ask (is an open letter about this candidate? how many
 * bear on this congress?).
 *
 * Content is read and changed only in the petitions scope (officer grants carrying `petitions`,
 * administrators everywhere). Audit entries carry the letter but no organisation, so only
 * administrators read them in the audit log; the organisation's history shows nothing of them.
 */
import { type Actor, type AuditEntryInput, appendAudit } from "../db/audit.ts";
import type { Db } from "../db/client.ts";
import { findOrgById } from "../db/repositories/organisations.ts";
import * as repo from "../db/repositories/petitions.ts";
import type { Scope } from "../db/repositories/scope.ts";
import { err, ok, type Result } from "../domain/basics/result.ts";
import {
  aggregatePetitions,
  type CompetentBody,
  type Conclusion,
  computeDeadline,
  DEFAULT_PETITION_SETTINGS,
  daysOverdue,
  isOverdue,
  isRecordOnly,
  PETITION_KIND_LABELS,
  type PetitionAction,
  type PetitionDashboard,
  type PetitionKind,
  type PetitionSettings,
  suggestDuplicates,
  transition,
} from "../domain/complaints/index.ts";
import { formatDate } from "../domain/format/date.ts";
import { writePetitionsSheet } from "../io/excel/petitions-sheet.ts";
import { type Access, pathInScope } from "./access.ts";
import { type AppError, appError, errors } from "./errors.ts";

/** A letter, one of the people it concerns and one of its attachments, as the services return them. */
export type Petition = repo.PetitionRecord;
export type PetitionSubject = repo.SubjectRecord;
export type PetitionAttachment = repo.AttachmentRecord;

export const petitionErrors = {
  rule: (message: string, field?: string) =>
    appError("PETITION_RULE", 422, message, field ? { field } : undefined),
  recordOnly: () =>
    appError(
      "PETITION_RECORD_ONLY",
      422,
      "Đơn tố cáo nặc danh hoặc mạo danh chỉ được lưu, không xem xét giải quyết (theo cài đặt Đơn thư)",
    ),
  attachmentTooLarge: (max: number) =>
    appError("ATTACHMENT_TOO_LARGE", 413, `Tệp đính kèm vượt quá ${Math.round(max / 1024 / 1024)} MB`),
  attachmentType: (fileName: string) =>
    appError(
      "ATTACHMENT_TYPE",
      415,
      `Tệp "${fileName}" không phải PDF, JPEG hoặc PNG (kiểm tra theo nội dung tệp, không theo tên)`,
    ),
};

/** Scanned letters: up to 10 MB each. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** The file type from its first bytes (magic numbers), never from its name or declared type. */
export function sniffAttachmentType(data: Uint8Array): "application/pdf" | "image/jpeg" | "image/png" | null {
  const starts = (...bytes: number[]) => bytes.every((b, i) => data[i] === b);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return "application/pdf"; // %PDF-
  if (starts(0xff, 0xd8, 0xff)) return "image/jpeg";
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "image/png";
  return null;
}

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

// ---------------------------------------------------------------------------------------------
// Changes

export interface RegisterPetitionInput extends repo.PetitionLetter {
  /** The congress it bears on: by `congressId`, or by season and organisation (the form's way). */
  readonly congressOf?: { readonly seasonId: number; readonly orgId: number } | null | undefined;
  readonly personIds: readonly number[];
  readonly orgIds: readonly number[];
}

/** What the audit log keeps of a letter. */
function auditView(p: repo.PetitionRecord, subjects?: readonly repo.SubjectRecord[]) {
  const { orgPath: _p, createdAt: _c, updatedAt: _u, ...rest } = p;
  return subjects
    ? { ...rest, subjects: subjects.map((s) => ({ personId: s.personId, orgId: s.orgId })) }
    : rest;
}

const audit = (action: string, id: number, before: unknown, after: unknown): AuditEntryInput => ({
  action,
  entity: "petition",
  entityId: id,
  // No organisation: letters stay out of the organisation's history that plain officers read.
  orgId: null,
  before,
  after,
});

/**
 * Registers a letter. An anonymous or falsely named denunciation is recorded only (with the
 * setting on): it never enters processing.
 */
export async function registerPetition(
  db: Db,
  actor: Actor,
  scope: Scope,
  input: RegisterPetitionInput,
  today: string,
): Promise<Result<PetitionDetail, AppError>> {
  if (input.receivedOn > today)
    return err(
      petitionErrors.rule(`Ngày nhận đơn (${formatDate(input.receivedOn)}) sau ngày hôm nay`, "receivedOn"),
    );
  if (input.senderIdentity === "identified" && !input.senderName)
    return err(petitionErrors.rule("Đơn có họ tên người gửi: phải ghi họ tên người gửi", "senderName"));
  const hasCongress = input.congressId !== null || Boolean(input.congressOf);
  if (input.concernsPersonnel && (!hasCongress || input.personIds.length === 0))
    return err(
      petitionErrors.rule(
        "Đơn liên quan nhân sự đại hội phải chọn đại hội và ít nhất một người bị phản ánh",
        "concernsPersonnel",
      ),
    );
  const created = await db.transaction(async (tx) => {
    const org = await findOrgById(tx, scope, input.orgId);
    if (!org) return err(errors.notFound("đơn vị", input.orgId));
    let congressId: number | null = null;
    if (input.congressId !== null) {
      const c = await repo.findCongressRef(tx, scope, input.congressId);
      if (!c) return err(errors.notFound("đại hội", input.congressId));
      congressId = c.id;
    } else if (input.congressOf) {
      const c = await repo.findCongressRef(tx, scope, input.congressOf);
      if (!c)
        return err(
          petitionErrors.rule(
            "Đơn vị được chọn chưa có kế hoạch đại hội trong nhiệm kỳ này: hãy lập kế hoạch trước, hoặc bỏ chọn đại hội",
            "congressOrgId",
          ),
        );
      congressId = c.id;
    }
    const known = await repo.existingPersonIds(tx, input.personIds);
    const unknown = input.personIds.find((p) => !known.has(p));
    if (unknown !== undefined) return err(errors.notFound("người", unknown));
    for (const o of input.orgIds)
      if (!(await findOrgById(tx, { kind: "all" }, o))) return err(errors.notFound("đơn vị", o));
    const settings = await getPetitionSettings(tx);
    const recordOnly = isRecordOnly(input.kind, input.senderIdentity, settings);
    const id = await repo.insertPetition(tx, {
      orgId: input.orgId,
      receivedOn: input.receivedOn,
      channel: input.channel,
      senderType: input.senderType,
      senderIdentity: input.senderIdentity,
      senderName: input.senderIdentity === "anonymous" ? null : input.senderName,
      senderAddress: input.senderAddress,
      kind: input.kind,
      summary: input.summary,
      congressId,
      concernsPersonnel: input.concernsPersonnel,
      status: recordOnly ? "recorded_only" : "received",
      createdBy: actor.userId,
    });
    await repo.insertSubjects(tx, id, {
      personIds: [...new Set(input.personIds)],
      orgIds: [...new Set(input.orgIds)],
    });
    const p = (await repo.findPetition(tx, scope, id))!;
    const subjects = await repo.listSubjects(tx, [id]);
    await appendAudit(tx, actor, [audit("petition.register", id, null, auditView(p, subjects))]);
    return ok(id);
  });
  if (!created.ok) return created;
  return getPetition(db, scope, created.value, today);
}

/** Loads, checks the transition, applies the patch, audits: one transaction. */
async function change(
  db: Db,
  actor: Actor,
  scope: Scope,
  id: number,
  today: string,
  action: PetitionAction,
  decide: (
    p: repo.PetitionRecord,
    tx: Db,
  ) => Promise<Result<{ patch: repo.PetitionPatch; step?: string; recordOnly?: boolean }, AppError>>,
): Promise<Result<PetitionDetail, AppError>> {
  const done = await db.transaction(async (tx) => {
    const before = await repo.findPetition(tx, scope, id);
    if (!before) return err(errors.notFound("đơn thư", id));
    const d = await decide(before, tx);
    if (!d.ok) return d;
    const next = transition(before.status, action, { recordOnly: d.value.recordOnly ?? false });
    if (!next.ok) return err(petitionErrors.rule(next.error, "status"));
    await repo.updatePetition(tx, id, { ...d.value.patch, status: next.value });
    const after = (await repo.findPetition(tx, scope, id))!;
    await appendAudit(tx, actor, [audit(`petition.${action}`, id, auditView(before), auditView(after))]);
    return ok(undefined);
  });
  if (!done.ok) return done;
  return getPetition(db, scope, id, today);
}

const checkDay = (day: string, p: repo.PetitionRecord, today: string, field: string, what: string) => {
  if (day > today) return err(petitionErrors.rule(`${what} (${formatDate(day)}) sau ngày hôm nay`, field));
  if (day < p.receivedOn)
    return err(
      petitionErrors.rule(
        `${what} (${formatDate(day)}) trước ngày nhận đơn (${formatDate(p.receivedOn)})`,
        field,
      ),
    );
  return ok(undefined);
};

export interface TriageInput {
  readonly competentBody: CompetentBody;
  /** false: record only (the letter is not processed). */
  readonly process: boolean;
  /** Another letter about the same matter (its group), or null. */
  readonly duplicateOf: number | null;
}

export async function triagePetition(
  db: Db,
  actor: Actor,
  scope: Scope,
  id: number,
  input: TriageInput,
  today: string,
): Promise<Result<PetitionDetail, AppError>> {
  return change(db, actor, scope, id, today, "triage", async (p, tx) => {
    const settings = await getPetitionSettings(tx);
    if (input.process && isRecordOnly(p.kind, p.senderIdentity, settings))
      return err(petitionErrors.recordOnly());
    let duplicateOf: number | null = null;
    if (input.duplicateOf !== null) {
      if (input.duplicateOf === id)
        return err(petitionErrors.rule("Đơn không thể trùng với chính nó", "duplicateOf"));
      const other = await repo.findPetition(tx, scope, input.duplicateOf);
      if (!other) return err(errors.notFound("đơn thư", input.duplicateOf));
      duplicateOf = other.duplicateOf ?? other.id;
    }
    const deadline = input.process
      ? computeDeadline(
          {
            kind: p.kind,
            receivedOn: p.receivedOn,
            concernsPersonnel: p.concernsPersonnel,
            congressOpensOn: p.congressOpensOn,
          },
          settings,
        )
      : null;
    return ok({
      patch: {
        competentBody: input.competentBody,
        duplicateOf,
        deadline: deadline?.deadline ?? null,
        deadlineRule: deadline?.reason ?? null,
      },
      recordOnly: !input.process,
    });
  });
}

export async function assignPetition(
  db: Db,
  actor: Actor,
  scope: Scope,
  id: number,
  input: { readonly assigneeName: string; readonly deadline: string | null },
  today: string,
): Promise<Result<PetitionDetail, AppError>> {
  return change(db, actor, scope, id, today, "start", async (p) => {
    if (input.deadline && input.deadline !== p.deadline && input.deadline < p.receivedOn)
      return err(petitionErrors.rule("Thời hạn giải quyết trước ngày nhận đơn", "deadline"));
    return ok({
      patch: {
        assigneeName: input.assigneeName,
        ...(input.deadline && input.deadline !== p.deadline
          ? { deadline: input.deadline, deadlineRule: "Ấn định khi giao xử lý" }
          : {}),
      },
    });
  });
}

export async function addPetitionStep(
  db: Db,
  actor: Actor,
  scope: Scope,
  id: number,
  input: { readonly on: string; readonly description: string },
  today: string,
): Promise<Result<PetitionDetail, AppError>> {
  const done = await db.transaction(async (tx) => {
    const p = await repo.findPetition(tx, scope, id);
    if (!p) return err(errors.notFound("đơn thư", id));
    const next = transition(p.status, "add_step");
    if (!next.ok) return err(petitionErrors.rule(next.error, "status"));
    const day = checkDay(input.on, p, today, "on", "Ngày thực hiện");
    if (!day.ok) return day;
    const step = await repo.insertStep(tx, { petitionId: id, ...input, byLabel: actor.label });
    await repo.updatePetition(tx, id, {});
    await appendAudit(tx, actor, [
      {
        ...audit("petition.step", id, null, { on: step.on, description: step.description }),
        entity: "petition_step",
        entityId: step.id,
      },
    ]);
    return ok(undefined);
  });
  if (!done.ok) return done;
  return getPetition(db, scope, id, today);
}

export async function concludePetition(
  db: Db,
  actor: Actor,
  scope: Scope,
  id: number,
  input: { readonly conclusion: Conclusion; readonly conclusionText: string; readonly concludedOn: string },
  today: string,
): Promise<Result<PetitionDetail, AppError>> {
  return change(db, actor, scope, id, today, "conclude", async (p) => {
    const day = checkDay(input.concludedOn, p, today, "concludedOn", "Ngày kết luận");
    if (!day.ok) return day;
    return ok({ patch: { ...input } });
  });
}

export async function notifyPetitionSender(
  db: Db,
  actor: Actor,
  scope: Scope,
  id: number,
  input: { readonly noticeOn: string; readonly noticeText: string },
  today: string,
): Promise<Result<PetitionDetail, AppError>> {
  return change(db, actor, scope, id, today, "notify", async (p) => {
    if (p.senderIdentity !== "identified")
      return err(
        petitionErrors.rule("Đơn không rõ người gửi: không có nơi gửi thông báo kết quả", "noticeOn"),
      );
    const day = checkDay(input.noticeOn, p, today, "noticeOn", "Ngày thông báo");
    if (!day.ok) return day;
    if (p.concludedOn && input.noticeOn < p.concludedOn)
      return err(petitionErrors.rule("Ngày thông báo trước ngày kết luận", "noticeOn"));
    return ok({ patch: { ...input } });
  });
}

export async function addPetitionAttachment(
  db: Db,
  actor: Actor,
  scope: Scope,
  id: number,
  file: { readonly fileName: string; readonly data: Uint8Array },
): Promise<Result<repo.AttachmentRecord, AppError>> {
  if (file.data.byteLength > MAX_ATTACHMENT_BYTES)
    return err(petitionErrors.attachmentTooLarge(MAX_ATTACHMENT_BYTES));
  const contentType = sniffAttachmentType(file.data);
  if (!contentType) return err(petitionErrors.attachmentType(file.fileName));
  return db.transaction(async (tx) => {
    const p = await repo.findPetition(tx, scope, id);
    if (!p) return err(errors.notFound("đơn thư", id));
    const a = await repo.insertAttachment(tx, {
      petitionId: id,
      fileName: file.fileName.slice(0, 200),
      contentType,
      data: file.data,
      createdBy: actor.userId,
    });
    await repo.updatePetition(tx, id, {});
    await appendAudit(tx, actor, [
      {
        ...audit("petition.attach", id, null, { fileName: a.fileName, contentType, size: a.size }),
        entity: "petition_attachment",
        entityId: a.id,
      },
    ]);
    return ok(a);
  });
}
