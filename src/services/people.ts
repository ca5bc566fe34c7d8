/**
 * People register use-cases (BRIEF §4): search, read, create, edit, add and end posts, import and
 * export .xlsx. One transaction each; the person and post checks are the domain's schemas; every
 * change appends an audit entry in the same transaction. Duplicates (same folded name, birth date
 * and hometown) are reported for the officer to resolve, never merged silently.
 */
import { type Actor, appendAudit } from "../db/audit.ts";
import type { Db } from "../db/client.ts";
import * as repo from "../db/repositories/people.ts";
import type { Scope } from "../db/repositories/scope.ts";
import { err, ok, type Result } from "../domain/basics/result.ts";
import { foldDiacritics } from "../domain/format/text.ts";
import {
  duplicateKey,
  type Person,
  type PostKind,
  personSchema,
  postSchema,
} from "../domain/people/index.ts";
import { type AppError, appError, errors } from "./errors.ts";

/** A registered person and one of their posts, as the services return them. */
export type PersonView = repo.PersonRecord;
export type PostView = repo.PostRecord;

export type PersonInput = Omit<Person, "id" | "localOverrides"> & {
  readonly code?: string | undefined;
  readonly localOverrides?: readonly { orgId: number; local: boolean; reason: string }[] | undefined;
};

export interface PostInput {
  readonly kind: PostKind;
  readonly orgId: number | null;
  readonly villageCode: string | null;
  readonly term: string | null;
  readonly title: string | null;
  readonly start: string;
  readonly end: string | null;
}

export interface PersonDetail {
  readonly person: repo.PersonRecord;
  readonly posts: readonly repo.PostRecord[];
}

const codeFor = (id: number) => `NS${String(id).padStart(6, "0")}`;

export function valuesOf(code: string, p: Omit<Person, "id">): repo.PersonValues {
  return {
    code,
    fullName: p.fullName.trim().replace(/\s+/g, " "),
    searchName: foldDiacritics(p.fullName),
    duplicateKey: duplicateKey(p),
    gender: p.gender,
    birthDate: p.birthDate,
    ethnicity: p.ethnicity.trim(),
    hometown: p.hometown,
    membership: p.membership,
    education: p.education ?? null,
    politicalTheory: p.politicalTheory ?? null,
  };
}

/** The audited shape of a person and their posts. */
export function auditView(p: Omit<Person, "id">, code: string, posts: readonly PostInput[] = []) {
  return {
    code,
    fullName: p.fullName,
    gender: p.gender,
    birthDate: p.birthDate,
    ethnicity: p.ethnicity,
    hometown: p.hometown,
    membership: p.membership,
    education: p.education ?? null,
    politicalTheory: p.politicalTheory ?? null,
    localOverrides: p.localOverrides ?? [],
    ...(posts.length > 0 ? { posts } : {}),
  };
}

function schemaError(prefix: string, error: { issues: readonly { path: PropertyKey[]; message: string }[] }) {
  const issues = error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message }));
  return appError(
    "PERSON_INVALID",
    422,
    `${prefix}: ${issues.map((i) => `${i.path || "(gốc)"}: ${i.message}`).join("; ")}`,
    { issues },
  );
}

export async function searchPeople(
  db: Db,
  scope: Scope,
  q: { text?: string | undefined; withinPath?: string | undefined; limit: number; offset: number },
): Promise<{ total: number; items: PersonDetail[] }> {
  const found = await repo.searchPeople(db, scope, {
    foldedQuery: q.text ? foldDiacritics(q.text) : undefined,
    withinPath: q.withinPath,
    limit: q.limit,
    offset: q.offset,
  });
  const posts = await repo.listPostsOfPeople(
    db,
    found.items.map((p) => p.id),
  );
  return {
    total: found.total,
    items: found.items.map((person) => ({ person, posts: posts.filter((p) => p.personId === person.id) })),
  };
}

export async function getPerson(db: Db, scope: Scope, id: number): Promise<Result<PersonDetail, AppError>> {
  const person = await repo.findPerson(db, scope, id);
  if (!person) return err(errors.notFound("người", id));
  return ok({ person, posts: await repo.listPostsOfPeople(db, [id]) });
}

/** Checks posts' places: every organisation and village must exist in the scope. */
async function checkPostPlaces(
  db: Db,
  scope: Scope,
  posts: readonly PostInput[],
): Promise<Result<void, AppError>> {
  for (const [i, p] of posts.entries()) {
    const parsed = postSchema.safeParse({ ...p, id: 0, personId: 0 });
    if (!parsed.success) return err(schemaError(`Chức vụ thứ ${i + 1}`, parsed.error));
  }
  const orgIds = [...new Set(posts.flatMap((p) => (p.orgId === null ? [] : [p.orgId])))];
  const orgs = await repo.orgsInScope(db, scope, orgIds);
  for (const id of orgIds) if (!orgs.has(id)) return err(errors.notFound("đơn vị", id));
  const codes = [...new Set(posts.flatMap((p) => (p.villageCode === null ? [] : [p.villageCode])))];
  const villages = await repo.villagesInScope(db, scope, codes);
  for (const c of codes) if (!villages.has(c)) return err(errors.notFound("thôn, khu phố", c));
  return ok();
}

function checkPerson(input: Omit<Person, "id">): Result<Omit<Person, "id">, AppError> {
  const parsed = personSchema.safeParse({ ...input, id: 0 });
  if (!parsed.success) return err(schemaError("Thông tin người không hợp lệ", parsed.error));
  const { id: _id, ...person } = parsed.data;
  return ok(person);
}

export async function createPerson(
  db: Db,
  actor: Actor,
  scope: Scope,
  input: PersonInput & { readonly posts: readonly PostInput[]; readonly differentPerson?: boolean },
): Promise<Result<PersonDetail, AppError>> {
  const checked = checkPerson(input);
  if (!checked.ok) return checked;
  const person = checked.value;
  if (scope.kind !== "all" && input.posts.length === 0) {
    return err(
      appError(
        "PERSON_NEEDS_POST",
        422,
        "Phải ghi ít nhất một chức vụ thuộc phạm vi của bạn khi thêm người (người không có chức vụ chỉ quản trị viên thêm được)",
      ),
    );
  }
  return db.transaction(async (tx) => {
    const places = await checkPostPlaces(tx, scope, input.posts);
    if (!places.ok) return places;
    const values = valuesOf("", person);
    if (!input.differentPerson) {
      const same = await repo.findPeopleByDuplicateKeys(tx, [values.duplicateKey]);
      if (same.length > 0) {
        return err(
          appError(
            "PERSON_POSSIBLE_DUPLICATE",
            409,
            `Có thể trùng người: ${person.fullName} đã có (mã ${same.map((s) => s.code).join(", ")}) cùng ngày sinh và quê quán. Nếu là người khác, hãy xác nhận "khác người"`,
            { personIds: same.map((s) => s.id), codes: same.map((s) => s.code) },
          ),
        );
      }
    }
    const code = input.code?.trim();
    if (code && (await repo.findPeopleByCodes(tx, [code])).size > 0) {
      return err(appError("PERSON_CODE_TAKEN", 409, `Mã người "${code}" đã được dùng`));
    }
    const [id] = await repo.reservePersonIds(tx, 1);
    const finalCode = code || codeFor(id!);
    await repo.upsertPeople(tx, [{ id: id!, values: { ...values, code: finalCode } }]);
    await repo.replaceLocalOverrides(
      tx,
      [id!],
      (input.localOverrides ?? []).map((o) => ({ ...o, personId: id! })),
    );
    await repo.insertPosts(
      tx,
      input.posts.map((p) => ({ ...p, personId: id! })),
    );
    const posts = await repo.listPostsOfPeople(tx, [id!]);
    await appendAudit(tx, actor, [
      {
        action: "person.create",
        entity: "person",
        entityId: id!,
        orgId: posts[0]?.scopeOrgId ?? null,
        before: null,
        after: auditView(input, finalCode, input.posts),
      },
    ]);
    const created = await repo.findPerson(tx, { kind: "all" }, id!);
    return ok({ person: created!, posts });
  });
}

export async function updatePerson(
  db: Db,
  actor: Actor,
  scope: Scope,
  id: number,
  input: PersonInput,
): Promise<Result<PersonDetail, AppError>> {
  const checked = checkPerson(input);
  if (!checked.ok) return checked;
  return db.transaction(async (tx) => {
    const before = await repo.findPerson(tx, scope, id);
    if (!before) return err(errors.notFound("người", id));
    const overrides = input.localOverrides ?? before.localOverrides;
    if (input.localOverrides) {
      const orgs = await repo.orgsInScope(
        tx,
        scope,
        input.localOverrides.map((o) => o.orgId),
      );
      for (const o of input.localOverrides)
        if (!orgs.has(o.orgId)) return err(errors.notFound("đơn vị", o.orgId));
    }
    const code = input.code?.trim() || before.code;
    if (code !== before.code && (await repo.findPeopleByCodes(tx, [code])).size > 0) {
      return err(appError("PERSON_CODE_TAKEN", 409, `Mã người "${code}" đã được dùng`));
    }
    await repo.upsertPeople(tx, [{ id, values: valuesOf(code, checked.value) }]);
    await repo.replaceLocalOverrides(
      tx,
      [id],
      overrides.map((o) => ({ personId: id, orgId: o.orgId, local: o.local, reason: o.reason })),
    );
    const posts = await repo.listPostsOfPeople(tx, [id]);
    await appendAudit(tx, actor, [
      {
        action: "person.update",
        entity: "person",
        entityId: id,
        orgId: posts[0]?.scopeOrgId ?? null,
        before: auditView(before, before.code),
        after: auditView({ ...checked.value, localOverrides: overrides }, code),
      },
    ]);
    return ok({ person: (await repo.findPerson(tx, { kind: "all" }, id))!, posts });
  });
}

export async function addPost(
  db: Db,
  actor: Actor,
  scope: Scope,
  personId: number,
  input: PostInput,
): Promise<Result<PersonDetail, AppError>> {
  return db.transaction(async (tx) => {
    const person = await repo.findPerson(tx, scope, personId);
    if (!person) return err(errors.notFound("người", personId));
    const places = await checkPostPlaces(tx, scope, [input]);
    if (!places.ok) return places;
    const [postId] = await repo.insertPosts(tx, [{ ...input, personId }]);
    const [created] = await repo.findPostsByIds(tx, [postId!]);
    await appendAudit(tx, actor, [
      {
        action: "post.create",
        entity: "post",
        entityId: postId!,
        orgId: created?.scopeOrgId ?? null,
        before: null,
        after: { personId, personCode: person.code, ...input },
      },
    ]);
    return ok({ person, posts: await repo.listPostsOfPeople(tx, [personId]) });
  });
}

/** Ends a post on `end` (the first day out of office); null reopens it. */
export async function endPost(
  db: Db,
  actor: Actor,
  scope: Scope,
  postId: number,
  end: string | null,
): Promise<Result<PersonDetail, AppError>> {
  return db.transaction(async (tx) => {
    const post = await repo.findPost(tx, scope, postId);
    if (!post) return err(errors.notFound("chức vụ", postId));
    if (end !== null && end <= post.start) {
      return err(
        appError("POST_INVALID", 422, "Ngày thôi giữ chức vụ phải sau ngày bắt đầu", {
          issues: [{ path: "end", message: "Ngày thôi giữ chức vụ phải sau ngày bắt đầu" }],
        }),
      );
    }
    await repo.setPostEnd(tx, postId, end);
    await appendAudit(tx, actor, [
      {
        action: "post.end",
        entity: "post",
        entityId: postId,
        orgId: post.scopeOrgId,
        before: { end: post.end },
        after: { end },
      },
    ]);
    const person = await repo.findPerson(tx, { kind: "all" }, post.personId);
    return ok({ person: person!, posts: await repo.listPostsOfPeople(tx, [post.personId]) });
  });
}
