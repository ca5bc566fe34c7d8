/**
 * People in and out as .xlsx (BRIEF §4): the template, the import of people and their posts (all or
 * nothing, every problem named by sheet, row and column; duplicates reported for the officer to
 * resolve) and the export of a subtree's people in the import's format.
 */
import { type Actor, type AuditEntryInput, appendAudit } from "../db/audit.ts";
import type { Db } from "../db/client.ts";
import { findOrgById, orgIdsByCode } from "../db/repositories/organisations.ts";
import * as repo from "../db/repositories/people.ts";
import type { Scope } from "../db/repositories/scope.ts";
import { err, ok, type Result } from "../domain/basics/result.ts";
import {
  checkDuplicatesResolved,
  type DuplicateResolution,
  duplicateKey,
  findDuplicatePeople,
} from "../domain/people/index.ts";
import type { FileIssue } from "../io/excel/org-sheet.ts";
import {
  PEOPLE_SHEET,
  POSTS_SHEET,
  readPeopleXlsx,
  writePeopleExport,
  writePeopleTemplate,
} from "../io/excel/people-sheet.ts";
import { type AppError, errors } from "./errors.ts";
import { auditView, type PostInput, valuesOf } from "./people.ts";

export interface PeopleImportSummary {
  readonly dryRun: boolean;
  readonly peopleCreated: number;
  readonly peopleUpdated: number;
  readonly postsCreated: number;
  readonly postsUpdated: number;
}

export async function importPeopleFile(
  db: Db,
  actor: Actor,
  scope: Scope,
  file: { name: string; data: Uint8Array },
  options: { dryRun: boolean },
): Promise<Result<PeopleImportSummary, AppError>> {
  if (!file.name.toLowerCase().endsWith(".xlsx")) {
    return err(errors.importUnreadable(`Tệp "${file.name}" không phải .xlsx (tải mẫu nhập nhân sự)`));
  }
  const parsed = await readPeopleXlsx(file.data);
  if (!parsed.ok) return err(errors.importInvalid(parsed.error, parsed.error.length));
  const { people, posts, columnOf } = parsed.value;
  const issues: FileIssue[] = [];
  const issue = (sheet: string, row: number, field: string | null, rule: string, message: string) =>
    issues.push({
      sheet,
      row,
      column: field ? (columnOf.get(sheet)?.get(field) ?? null) : null,
      field,
      rule,
      message,
    });

  return db.transaction(async (tx) => {
    // 1. Who is who: a code of the register updates that person (who must be in the scope).
    const codes = [...new Set([...people.map((p) => p.code), ...posts.map((p) => p.personCode)])];
    const existing = await repo.findPeopleByCodes(tx, codes);
    const visible =
      scope.kind === "all"
        ? new Set([...existing.values()].map((p) => p.id))
        : new Set(
            (
              await repo.findPeopleByIds(
                tx,
                scope,
                [...existing.values()].map((p) => p.id),
              )
            ).map((p) => p.id),
          );
    const fileCodes = new Set(people.map((p) => p.code));
    for (const row of people) {
      const e = existing.get(row.code);
      if (e && !visible.has(e.id)) {
        issue(
          PEOPLE_SHEET,
          row.rowNumber,
          "code",
          "out_of_scope",
          `Người mã "${row.code}" không thuộc phạm vi của bạn; không thể cập nhật`,
        );
      }
    }

    // 2. Possible duplicates among new rows and against the register: resolved in the file.
    const newRows = people.filter((p) => !existing.has(p.code));
    const register = await repo.findPeopleByDuplicateKeys(tx, [
      ...new Set(newRows.map((r) => duplicateKey(r.person))),
    ]);
    const groups = findDuplicatePeople(
      newRows.map((r) => r.person),
      register,
      0,
    );
    const rowAt = (i: number) => newRows[i]!;
    const resolutions: DuplicateResolution[] = groups
      .filter((g) => g.members.every((m) => m.source === "register" || rowAt(m.row).differentPerson))
      .map((g) => ({ key: g.key, decision: "different_people" }));
    const resolved = checkDuplicatesResolved(groups, resolutions);
    if (!resolved.ok) {
      const codeOf = new Map(register.map((r) => [String(r.id), r.code]));
      for (const u of resolved.error) {
        const others = u.group.members.map((m) =>
          m.source === "import"
            ? `dòng ${rowAt(m.row).rowNumber}`
            : `người đã có mã ${codeOf.get(String(m.personId)) ?? m.personId}`,
        );
        for (const m of u.group.members) {
          if (m.source !== "import" || rowAt(m.row).differentPerson) continue;
          const row = rowAt(m.row);
          issue(
            PEOPLE_SHEET,
            row.rowNumber,
            "code",
            "possible_duplicate",
            `Có thể trùng người: ${u.group.fullName}, sinh ${row.person.birthDate.split("-").reverse().join("/")}, cùng quê quán (${others.filter((o) => o !== `dòng ${row.rowNumber}`).join(", ")}). Nếu là cùng một người, ghi mã người đã có vào cột "Mã người"; nếu là người khác, ghi x vào cột "Khác người"`,
          );
        }
      }
    }

    // 3. Posts: the holder must be in the file or the register, the place in the scope.
    const orgIds = await orgIdsByCode(tx);
    const orgsOk = await repo.orgsInScope(tx, scope, [
      ...new Set(posts.flatMap((p) => (p.orgCode && orgIds.has(p.orgCode) ? [orgIds.get(p.orgCode)!] : []))),
    ]);
    const villages = await repo.villagesInScope(tx, scope, [
      ...new Set(posts.flatMap((p) => (p.villageCode ? [p.villageCode] : []))),
    ]);
    const postsOf = new Map<string, number>();
    for (const p of posts) {
      if (!fileCodes.has(p.personCode) && !existing.has(p.personCode)) {
        issue(
          POSTS_SHEET,
          p.rowNumber,
          "personCode",
          "unknown_person",
          `Mã người "${p.personCode}" không có ở trang ${PEOPLE_SHEET} và chưa có trong phần mềm`,
        );
      } else if (!fileCodes.has(p.personCode)) {
        const e = existing.get(p.personCode)!;
        if (!visible.has(e.id))
          issue(
            POSTS_SHEET,
            p.rowNumber,
            "personCode",
            "out_of_scope",
            `Người mã "${p.personCode}" không thuộc phạm vi của bạn`,
          );
      }
      if (p.orgCode !== null) {
        const id = orgIds.get(p.orgCode);
        if (id === undefined)
          issue(POSTS_SHEET, p.rowNumber, "orgCode", "unknown_org", `Mã đơn vị "${p.orgCode}" không có`);
        else if (!orgsOk.has(id))
          issue(
            POSTS_SHEET,
            p.rowNumber,
            "orgCode",
            "out_of_scope",
            `Đơn vị "${p.orgCode}" không thuộc phạm vi của bạn`,
          );
      }
      if (p.villageCode !== null && !villages.has(p.villageCode)) {
        issue(
          POSTS_SHEET,
          p.rowNumber,
          "villageCode",
          "unknown_village",
          `Mã thôn, khu phố "${p.villageCode}" không có hoặc không thuộc phạm vi của bạn`,
        );
      }
      postsOf.set(p.personCode, (postsOf.get(p.personCode) ?? 0) + 1);
    }
    if (scope.kind !== "all") {
      for (const row of newRows) {
        if (!postsOf.has(row.code)) {
          issue(
            PEOPLE_SHEET,
            row.rowNumber,
            "code",
            "needs_post",
            `Người mới "${row.person.fullName}" phải có ít nhất một chức vụ ở trang ${POSTS_SHEET} thuộc phạm vi của bạn`,
          );
        }
      }
    }
    if (issues.length > 0) {
      issues.sort((a, b) => (a.sheet === b.sheet ? a.row - b.row : a.sheet === PEOPLE_SHEET ? -1 : 1));
      return err(errors.importInvalid(issues, issues.length));
    }

    // 4. Write: new people get reserved ids; posts already recorded (same kind, place and start) are updated.
    const ids = await repo.reservePersonIds(tx, newRows.length);
    const idOf = new Map<string, number>();
    for (const [code, p] of existing) idOf.set(code, p.id);
    newRows.forEach((r, i) => {
      idOf.set(r.code, ids[i]!);
    });
    const existingPosts = await repo.listPostsOfPeople(
      tx,
      [...existing.values()].map((p) => p.id),
    );
    const postKey = (p: {
      personId: number;
      kind: string;
      orgId: number | null;
      villageCode: string | null;
      start: string;
    }) => `${p.personId}|${p.kind}|${p.orgId ?? ""}|${p.villageCode ?? ""}|${p.start}`;
    const known = new Map(existingPosts.map((p) => [postKey(p), p]));
    const toInsert: repo.NewPost[] = [];
    const toEnd: { id: number; end: string | null }[] = [];
    const postsByPerson = new Map<number, PostInput[]>();
    for (const p of posts) {
      const personId = idOf.get(p.personCode)!;
      const np: repo.NewPost = {
        personId,
        kind: p.kind,
        orgId: p.orgCode === null ? null : orgIds.get(p.orgCode)!,
        villageCode: p.villageCode,
        term: p.term,
        title: p.title,
        start: p.start,
        end: p.end,
      };
      const k = known.get(postKey(np));
      if (k) {
        if (k.end !== np.end) toEnd.push({ id: k.id, end: np.end });
      } else toInsert.push(np);
      const list = postsByPerson.get(personId) ?? [];
      list.push(np);
      postsByPerson.set(personId, list);
    }
    const summary: PeopleImportSummary = {
      dryRun: options.dryRun,
      peopleCreated: newRows.length,
      peopleUpdated: people.length - newRows.length,
      postsCreated: toInsert.length,
      postsUpdated: toEnd.length,
    };
    if (options.dryRun) return ok(summary);
    await repo.upsertPeople(
      tx,
      people.map((r) => ({ id: idOf.get(r.code)!, values: valuesOf(r.code, r.person) })),
    );
    await repo.insertPosts(tx, toInsert);
    for (const e of toEnd) await repo.setPostEnd(tx, e.id, e.end);
    const audit: AuditEntryInput[] = people.map((r) => {
      const id = idOf.get(r.code)!;
      const before = existing.get(r.code);
      return {
        action: before ? "person.import_update" : "person.import_create",
        entity: "person",
        entityId: id,
        orgId: postsByPerson.get(id)?.[0]?.orgId ?? null,
        before: before ? auditView(before, before.code) : null,
        after: auditView(r.person, r.code, postsByPerson.get(id) ?? []),
      };
    });
    for (const [personId, list] of postsByPerson) {
      if (people.some((r) => idOf.get(r.code) === personId)) continue;
      audit.push({
        action: "post.import",
        entity: "person",
        entityId: personId,
        orgId: list[0]?.orgId ?? null,
        before: null,
        after: { posts: list },
      });
    }
    await appendAudit(tx, actor, audit);
    return ok(summary);
  });
}

/** People with a post in the subtree, and all their posts, in the import format. */
export async function exportPeople(
  db: Db,
  scope: Scope,
  orgId: number,
): Promise<Result<{ fileName: string; data: Uint8Array }, AppError>> {
  const root = await findOrgById(db, scope, orgId);
  if (!root) return err(errors.notFound("đơn vị", orgId));
  const { people, posts } = await repo.loadPeopleAndPostsInSubtree(db, root.path);
  const visible =
    scope.kind === "all"
      ? null
      : new Set(
          (
            await repo.findPeopleByIds(
              db,
              scope,
              people.map((p) => p.id),
            )
          ).map((p) => p.id),
        );
  const shown = people.filter((p) => visible === null || visible.has(p.id));
  const codeOf = new Map(shown.map((p) => [p.id, p.code]));
  const orgCodes = new Map([...(await orgIdsByCode(db))].map(([code, id]) => [id, code]));
  const data = await writePeopleExport(
    shown.map((p) => ({ code: p.code, person: p })),
    posts
      .filter((p) => codeOf.has(Number(p.personId)))
      .map((p) => ({
        personCode: codeOf.get(Number(p.personId))!,
        kind: p.kind,
        orgCode: p.orgId === null ? null : (orgCodes.get(Number(p.orgId)) ?? null),
        villageCode: p.villageCode,
        term: p.term,
        title: p.title,
        start: p.start,
        end: p.end,
      })),
  );
  return ok({ fileName: `nhan-su-${root.code}.xlsx`, data });
}

export const peopleTemplate = writePeopleTemplate;
