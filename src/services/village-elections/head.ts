/** The elected (or appointed) village head into the people register. */
import type { AuditEntryInput } from "../../db/audit.ts";
import type { Db } from "../../db/client.ts";
import * as peopleRepo from "../../db/repositories/people.ts";
import * as repo from "../../db/repositories/village-elections.ts";
import { err, ok, type Result } from "../../domain/basics/result.ts";
import type { IsoDate } from "../../domain/format/date.ts";
import { foldDiacritics } from "../../domain/format/text.ts";
import { duplicateKey } from "../../domain/people/duplicates.ts";
import { type AppError, appError, errors } from "../errors.ts";

export interface HeadInput {
  readonly fullName: string;
  readonly personId: number | null;
  readonly gender: "male" | "female";
  readonly birthDate: string | null;
  readonly ethnicity: string;
}

/**
 * The elected (or appointed) head into the people register: the person (registered when new), and
 * a village-head post from `start` for the day's term; other heads of the village leave office on
 * `start`. An open post the person already holds for the village is kept (no duplicate).
 */
export async function registerHead(
  tx: Db,
  day: repo.ElectionDayRecord,
  village: repo.VillageRef,
  head: HeadInput,
  start: IsoDate,
  audit: AuditEntryInput[],
): Promise<Result<{ personId: number; postId: number }, AppError>> {
  const person = await registerPerson(tx, village, head, audit);
  if (!person.ok) return person;
  return ok(await openHeadPost(tx, day, village, person.value, start, audit));
}

/**
 * The elected head's person in the register (registered when new, with the birth date the minutes
 * give). The post waits for the commune People's Committee's recognition (`openHeadPost`).
 */
export async function registerPerson(
  tx: Db,
  village: repo.VillageRef,
  head: HeadInput,
  audit: AuditEntryInput[],
): Promise<Result<number, AppError>> {
  let personId = head.personId;
  if (personId !== null) {
    const found = await peopleRepo.findPerson(tx, { kind: "all" }, personId);
    if (!found) return err(errors.notFound("người", personId));
  } else {
    if (head.birthDate === null) {
      return err(
        appError(
          "VILLAGE_HEAD_NEEDS_PERSON",
          422,
          `${head.fullName} trúng cử nhưng chưa có trong danh sách nhân sự: cần ghi ngày sinh (hoặc chọn người có sẵn) để đăng ký chức vụ trưởng thôn`,
          { issues: [{ path: "candidates.birthDate", message: "Cần ngày sinh của người trúng cử" }] },
        ),
      );
    }
    const province = await repo.provinceOf(tx, village.communePath);
    const values = {
      fullName: head.fullName.trim().replace(/\s+/g, " "),
      gender: head.gender,
      birthDate: head.birthDate,
      ethnicity: head.ethnicity,
      hometown: {
        province: {
          code: province.code ?? "",
          name: province.name.replace(/^Đảng bộ (tỉnh|thành phố) /, ""),
        },
        district: null,
        commune: null,
      },
      membership: null,
    };
    const [id] = await peopleRepo.reservePersonIds(tx, 1);
    personId = id!;
    const code = `NS${String(personId).padStart(6, "0")}`;
    await peopleRepo.upsertPeople(tx, [
      {
        id: personId,
        values: {
          ...values,
          code,
          searchName: foldDiacritics(values.fullName),
          duplicateKey: duplicateKey(values),
          education: null,
          politicalTheory: null,
        },
      },
    ]);
    audit.push({
      action: "person.create",
      entity: "person",
      entityId: personId,
      orgId: village.branchId ?? village.communeId,
      before: null,
      after: { code, ...values, source: `Bầu trưởng thôn ${village.name}` },
    });
  }
  return ok(personId);
}

/**
 * The village-head post from `start` (the recognition day, or an interim head's appointment) for
 * the day's term; other heads of the village leave office on `start`. An open post the person
 * already holds for the village is kept (no duplicate).
 */
export async function openHeadPost(
  tx: Db,
  day: repo.ElectionDayRecord,
  village: repo.VillageRef,
  personId: number,
  start: IsoDate,
  audit: AuditEntryInput[],
): Promise<{ personId: number; postId: number }> {
  const open = await repo.openVillageHeadPosts(tx, [village.code]);
  const own = open.find((p) => p.personId === personId && p.start <= start);
  for (const p of open) {
    if (p === own || p.start >= start) continue;
    await peopleRepo.setPostEnd(tx, p.id, start);
    audit.push({
      action: "post.end",
      entity: "post",
      entityId: p.id,
      orgId: village.branchId ?? village.communeId,
      before: { end: null },
      after: { end: start, reason: `Trưởng thôn mới của ${village.name}` },
    });
  }
  if (own) return { personId, postId: own.id };
  const post = {
    personId,
    kind: "village_head" as const,
    orgId: null,
    villageCode: village.code,
    term: `${day.termStart}–${day.termEnd}`,
    title: null,
    start,
    end: null,
  };
  const [postId] = await peopleRepo.insertPosts(tx, [post]);
  audit.push({
    action: "post.create",
    entity: "post",
    entityId: postId!,
    orgId: village.branchId ?? village.communeId,
    before: null,
    after: post,
  });
  return { personId, postId: postId! };
}
