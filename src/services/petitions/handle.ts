/** Handling a letter: register, triage, assign, steps, conclusion, notice, attachments. */
import { type Actor, appendAudit } from "../../db/audit.ts";
import type { Db } from "../../db/client.ts";
import { findOrgById } from "../../db/repositories/organisations.ts";
import * as repo from "../../db/repositories/petitions.ts";
import type { Scope } from "../../db/repositories/scope.ts";
import { err, ok, type Result } from "../../domain/basics/result.ts";
import {
  type CompetentBody,
  type Conclusion,
  computeDeadline,
  isRecordOnly,
  type PetitionAction,
  transition,
} from "../../domain/complaints/index.ts";
import { formatDate } from "../../domain/format/date.ts";
import { checkAttachment } from "../../io/attachment.ts";
import { type AppError, errors } from "../errors.ts";
import { audit, auditView, MAX_ATTACHMENT_BYTES, petitionErrors, sniffAttachmentType } from "./common.ts";
import { getPetition, getPetitionSettings, type PetitionDetail } from "./read.ts";

// ---------------------------------------------------------------------------------------------
// Changes

export interface RegisterPetitionInput extends repo.PetitionLetter {
  /** The congress it bears on: by `congressId`, or by season and organisation (the form's way). */
  readonly congressOf?: { readonly seasonId: number; readonly orgId: number } | null | undefined;
  readonly personIds: readonly number[];
  readonly orgIds: readonly number[];
}

/** What the audit log keeps of a letter. */

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
  // The first bytes only say what the file claims to be: it must also decode as that.
  const decoded = await checkAttachment(file.fileName, file.data, contentType);
  if (!decoded.ok) return err(petitionErrors.attachmentUnreadable(decoded.error));
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
