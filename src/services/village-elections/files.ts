/** Meetings in and out as .xlsx: the template, the all-or-nothing import, the export. */
import { type Actor, type AuditEntryInput, appendAudit } from "../../db/audit.ts";
import type { Db } from "../../db/client.ts";
import * as peopleRepo from "../../db/repositories/people.ts";
import type { Scope } from "../../db/repositories/scope.ts";
import * as repo from "../../db/repositories/village-elections.ts";
import { err, ok, type Result } from "../../domain/basics/result.ts";
import type { IsoDate } from "../../domain/format/date.ts";
import type { Nomination } from "../../domain/village/index.ts";
import type { FileIssue } from "../../io/excel/org-sheet.ts";
import { readVillageXlsx, VILLAGE_SHEET, writeVillageSheet } from "../../io/excel/village-sheet.ts";
import { type AppError, errors } from "../errors.ts";
import { areaOf, loadDay, meetingOf, Refused, VILLAGE_EVENTS_CHANNEL } from "./access.ts";
import { applyRecognition, applyRound } from "./record.ts";

/** Figures decided elsewhere for the import: each row a village's meeting. */
export interface ImportRound {
  readonly rowNumber: number;
  readonly villageCode: string;
  readonly meeting: unknown;
  /** The commune's recognition of the head the meeting elects (optional). */
  readonly recognition?: unknown;
}

export interface ImportIssue {
  readonly row: number;
  readonly field: string | null;
  readonly message: string;
}

/**
 * Records many meetings at once, all or nothing: every row is checked and decided (in file order,
 * so a failed first round and its re-election may come in one file); one problem anywhere writes
 * nothing and every problem is reported with its row.
 */
export async function importVillageRounds(
  db: Db,
  actor: Actor,
  scope: Scope,
  dayId: number,
  rows: readonly ImportRound[],
  options: { dryRun: boolean; today: IsoDate },
): Promise<Result<{ rows: number; elected: number; reElection: number; unchanged: number }, AppError>> {
  // A dry run makes the same checks and writes in a transaction that is then rolled back.
  let dryRunSummary: { rows: number; elected: number; reElection: number; unchanged: number } | null = null;
  const ROLLBACK = new Error("dry-run rollback");
  try {
    return await db.transaction(async (tx) => {
      const day = await loadDay(tx, dayId);
      if (!day.ok) return day;
      const villages = await repo.findVillagesByCodes(tx, scope, day.value.rootPath, [
        ...new Set(rows.map((r) => r.villageCode)),
      ]);
      const issues: ImportIssue[] = [];
      const audit: AuditEntryInput[] = [];
      const summary = { rows: rows.length, elected: 0, reElection: 0, unchanged: 0 };
      const touched = new Set<string>();
      for (const row of rows) {
        const village = villages.get(row.villageCode);
        if (!village) {
          issues.push({
            row: row.rowNumber,
            field: "villageCode",
            message: `Không tìm thấy thôn, khu phố mã "${row.villageCode}" trong phạm vi của bạn`,
          });
          continue;
        }
        // A savepoint per row: a refused row leaves nothing behind, the others are still checked.
        const r = await tx
          .transaction(async (sp) => {
            const applied = await applyRound(sp, actor, day.value, village, row.meeting, audit);
            if (!applied.ok) throw new Refused(applied.error);
            if (row.recognition !== undefined && row.recognition !== null) {
              const recognised = await applyRecognition(
                sp,
                day.value,
                village,
                row.recognition,
                options.today,
                audit,
              );
              if (!recognised.ok) throw new Refused(recognised.error);
              if (recognised.value) return { ...applied.value, replay: false };
            }
            return applied.value;
          })
          .then(
            (v) => ({ ok: true as const, value: v }),
            (e: unknown) => {
              if (e instanceof Refused) return { ok: false as const, error: e.error };
              throw e;
            },
          );
        if (!r.ok) {
          const details = r.error.details as { issues?: { path: string; message: string }[] } | undefined;
          if (details?.issues?.length) {
            for (const i of details.issues)
              issues.push({ row: row.rowNumber, field: i.path || null, message: i.message });
          } else issues.push({ row: row.rowNumber, field: null, message: r.error.message });
          continue;
        }
        if (r.value.replay) summary.unchanged++;
        else if (r.value.outcome === "elected") summary.elected++;
        else summary.reElection++;
        touched.add(village.communePath);
      }
      if (issues.length > 0) throw new Refused(errors.importInvalid(issues, issues.length));
      if (options.dryRun) {
        dryRunSummary = summary;
        throw ROLLBACK;
      }
      await appendAudit(tx, actor, audit);
      for (const path of touched) await repo.notifyVillageChange(tx, VILLAGE_EVENTS_CHANNEL, { dayId, path });
      return ok(summary);
    });
  } catch (e) {
    if (e === ROLLBACK && dryRunSummary) return ok(dryRunSummary);
    if (e instanceof Refused) return err(e.error);
    throw e;
  }
}

/** Every recorded round under an organisation, for the export (the import's format). */
export async function listRoundsForExport(
  db: Db,
  scope: Scope,
  dayId: number,
  orgId: number | null,
): Promise<
  Result<
    {
      day: repo.ElectionDayRecord;
      orgName: string;
      rows: { village: repo.VillageRow; round: repo.RoundRow | null; result: repo.ResultValues | null }[];
    },
    AppError
  >
> {
  const day = await loadDay(db, dayId);
  if (!day.ok) return day;
  const area = await areaOf(db, scope, day.value, orgId);
  if (!area.ok) return area;
  const villages = await repo.listVillagesUnder(db, scope, dayId, area.value.path);
  const rounds = await repo.listRounds(
    db,
    dayId,
    villages.map((v) => v.id),
  );
  const results = await repo.listResults(
    db,
    dayId,
    villages.map((v) => v.id),
  );
  const byVillage = new Map<number, repo.RoundRow[]>();
  for (const r of rounds) byVillage.set(r.villageId, [...(byVillage.get(r.villageId) ?? []), r]);
  return ok({
    day: day.value,
    orgName: area.value.name,
    rows: villages.flatMap((v) => {
      const list = byVillage.get(v.id) ?? [];
      const result = results.get(v.id) ?? null;
      return list.length === 0
        ? [{ village: v, round: null as repo.RoundRow | null, result }]
        : list.map((round) => ({ village: v, round: round as repo.RoundRow | null, result }));
    }),
  });
}

/** Reads a .xlsx of meetings, resolves person codes, and imports all or nothing. */
export async function importVillageFile(
  db: Db,
  actor: Actor,
  scope: Scope,
  dayId: number,
  data: Uint8Array,
  options: { dryRun: boolean; today: IsoDate },
): Promise<Result<{ rows: number; elected: number; reElection: number; unchanged: number }, AppError>> {
  const parsed = await readVillageXlsx(data);
  if (!parsed.ok) return err(errors.importInvalid(parsed.error, parsed.error.length));
  const { rows, columnOf } = parsed.value;
  const codes = [
    ...new Set(rows.flatMap((r) => r.meeting.candidates.map((c) => c.personCode).filter((c) => c !== null))),
  ];
  const people = await peopleRepo.findPeopleByCodes(db, codes);
  const issues: FileIssue[] = [];
  const rounds: ImportRound[] = rows.map((r) => ({
    rowNumber: r.rowNumber,
    villageCode: r.villageCode,
    recognition: r.recognition,
    meeting: {
      ...r.meeting,
      candidates: r.meeting.candidates.map(({ personCode, ...c }, i) => {
        const found = personCode === null ? null : people.get(personCode);
        if (personCode !== null && !found) {
          issues.push({
            sheet: VILLAGE_SHEET,
            row: r.rowNumber,
            column: columnOf(`personCode${i + 1}`),
            field: `personCode${i + 1}`,
            rule: "unknown_person",
            message: `Không có người mã "${personCode}" trong danh sách nhân sự`,
          });
        }
        return { ...c, personId: found?.id ?? null };
      }),
    },
  }));
  if (issues.length > 0) return err(errors.importInvalid(issues, issues.length));
  const result = await importVillageRounds(db, actor, scope, dayId, rounds, options);
  if (result.ok) return result;
  const details = result.error.details as { issues?: ImportIssue[] } | undefined;
  if (result.error.code !== "IMPORT_INVALID" || !details?.issues) return result;
  const withColumns: FileIssue[] = details.issues.map((i) => ({
    sheet: VILLAGE_SHEET,
    row: i.row,
    column: i.field ? columnOf(i.field) : null,
    field: i.field,
    rule: "village_meeting",
    message: i.message,
  }));
  return err(errors.importInvalid(withColumns, withColumns.length));
}

/** The template: the villages under the organisation, one row each, figures to fill in. */
export async function villageTemplate(
  db: Db,
  scope: Scope,
  dayId: number,
  orgId: number | null,
): Promise<Result<{ fileName: string; data: Uint8Array }, AppError>> {
  const listed = await listRoundsForExport(db, scope, dayId, orgId);
  if (!listed.ok) return listed;
  const seen = new Set<number>();
  const data = await writeVillageSheet(
    listed.value.rows
      .filter((r) => !seen.has(r.village.id) && seen.add(r.village.id))
      .map((r) => ({
        villageCode: r.village.code,
        villageName: r.village.name,
        communeName: r.village.communeName,
        meeting: null,
      })),
  );
  return ok({ fileName: "mau-bau-truong-thon.xlsx", data });
}

export async function exportVillageFile(
  db: Db,
  scope: Scope,
  dayId: number,
  orgId: number | null,
): Promise<Result<{ fileName: string; data: Uint8Array }, AppError>> {
  const listed = await listRoundsForExport(db, scope, dayId, orgId);
  if (!listed.ok) return listed;
  const personIds = [
    ...new Set(listed.value.rows.flatMap((r) => r.round?.candidates.map((c) => c.personId) ?? [])),
  ].filter((x): x is number => x !== null);
  const people = await peopleRepo.findPeopleByIds(db, { kind: "all" }, personIds);
  const codeOf = new Map(people.map((p) => [p.id, p.code]));
  const data = await writeVillageSheet(
    listed.value.rows.map(({ village, round, result }) => ({
      villageCode: village.code,
      recognition:
        round?.outcome === "elected" &&
        result?.recognisedOn &&
        result.recognitionDecision !== null &&
        result.recognisedBy !== null
          ? {
              decisionNumber: result.recognitionDecision,
              recognisedOn: result.recognisedOn,
              recognisedBy: result.recognisedBy,
            }
          : null,
      villageName: village.name,
      communeName: village.communeName,
      meeting: round
        ? {
            ...meetingOf(round),
            candidates: round.candidates.map((c) => ({
              fullName: c.fullName,
              nomination: c.nomination as Nomination,
              gender: c.gender as "male" | "female",
              birthDate: c.birthDate,
              ethnicity: c.ethnicity,
              votes: c.votes,
              personCode: c.personId === null ? null : (codeOf.get(c.personId) ?? null),
            })),
          }
        : null,
    })),
  );
  return ok({ fileName: `bau-truong-thon-${listed.value.day.code}.xlsx`, data });
}
