/** Congress records in and out as .xlsx: the bulk import, the sheet, the late list, the children table. */
import { type Actor, appendAudit, canonicalJson } from "../../db/audit.ts";
import type { Db } from "../../db/client.ts";
import * as repo from "../../db/repositories/congresses.ts";
import * as orgRepo from "../../db/repositories/organisations.ts";
import type { Scope } from "../../db/repositories/scope.ts";
import { checkLength } from "../../domain/basics/limits.ts";
import { err, ok, type Result } from "../../domain/basics/result.ts";
import {
  type CongressRecord,
  congressRecordIssues,
  findSeasonLevel,
  LATE_REASON_LABELS,
  type LateAgainst,
  type SeasonLevel,
  seasonLevelIndex,
} from "../../domain/congress/index.ts";
import { formatDate, type IsoDate } from "../../domain/format/date.ts";
import { formatPercent } from "../../domain/format/number.ts";
import {
  type CongressRow,
  readCongressXlsx,
  writeChildrenProgressSheet,
  writeCongressSheet,
  writeLateSheet,
} from "../../io/excel/congress-sheet.ts";
import type { FileIssue } from "../../io/excel/org-sheet.ts";
import { type AppError, errors } from "../errors.ts";
import { CONGRESS_EVENTS_CHANNEL, congressDeltas, coveredBySeason, loadSeason } from "./access.ts";
import { getChildrenProgress, getLateList, type ProgressRequest } from "./progress.ts";

// ---------------------------------------------------------------------------------------------
// Files: bulk congress records, the late list

/** The sheet's column for a record issue's path (the confirmation is two columns). */
function sheetField(path: readonly (string | number)[]): string {
  if (path[0] === "confirmation") return path[1] === "date" ? "confirmationDate" : "confirmationNumber";
  return String(path[0] ?? "");
}

export interface CongressImportSummary {
  readonly dryRun: boolean;
  readonly rows: number;
  readonly changed: number;
  readonly unchanged: number;
}

/**
 * All-or-nothing bulk update of congress records from .xlsx: every row is checked (organisation in
 * scope and covered by the season — inside its root, at one of its levels — record coherent, no date after today) before anything is
 * written; unchanged rows are skipped, so a retried upload changes nothing.
 */
export async function importCongressFile(
  db: Db,
  actor: Actor,
  scope: Scope,
  seasonId: number,
  data: Uint8Array,
  options: { dryRun: boolean; today: IsoDate },
): Promise<Result<CongressImportSummary, AppError>> {
  const parsed = await readCongressXlsx(data);
  if (!parsed.ok) return err(errors.importInvalid(parsed.error, parsed.error.length));
  const { sheet, rows, columnOf } = parsed.value;
  return db.transaction(async (tx) => {
    const loaded = await loadSeason(tx, seasonId);
    if (!loaded.ok) return loaded;
    const { season } = loaded.value;
    const levelIndex = seasonLevelIndex(season);
    const issues: FileIssue[] = [];
    const bad = (row: number, field: string | null, rule: string, message: string) =>
      issues.push({ sheet, row, column: field ? columnOf(field) : null, field, rule, message });
    const seen = new Map<string, number>();
    const plan: {
      org: orgRepo.OrgRecord;
      level: SeasonLevel;
      before: repo.CongressRow | null;
      record: CongressRecord;
      row: CongressRow;
    }[] = [];
    for (const row of rows) {
      const first = seen.get(row.code);
      if (first !== undefined) {
        bad(row.rowNumber, "code", "duplicate_code", `Mã "${row.code}" trùng với dòng ${first}`);
        continue;
      }
      seen.set(row.code, row.rowNumber);
      const org = await orgRepo.findOrgByCode(tx, scope, row.code);
      if (!org) {
        bad(row.rowNumber, "code", "unknown_org", `Không có đơn vị mã "${row.code}" trong phạm vi của bạn`);
        continue;
      }
      const level = levelIndex.get(org.level);
      if (!level) {
        bad(row.rowNumber, "code", "not_in_season", `${org.name} không thuộc cấp nào của ${season.name}`);
        continue;
      }
      const record: CongressRecord = { ...row.record, orgId: org.id, seasonCode: season.code };
      for (const i of congressRecordIssues(record))
        bad(row.rowNumber, sheetField(i.path), "invalid_record", i.message);
      // The same limits as the plan form (TEXT_LIMITS): an import never stores what the form refuses.
      for (const [field, what, text] of [
        ["contactName", "Người phụ trách", row.contactName],
        ["contactPhone", "Điện thoại", row.contactPhone],
      ] as const) {
        const long = checkLength(what, field, text);
        if (long) bad(row.rowNumber, field, "too_long", long);
      }
      for (const [field, day] of [
        ["actualEnd", record.actualEnd],
        ["resultsRecordedOn", record.resultsRecordedOn],
        ["confirmationDate", record.confirmation?.date ?? null],
      ] as const) {
        if (day !== null && day > options.today)
          bad(row.rowNumber, field, "date_in_future", `Ngày ${formatDate(day)} ở sau hôm nay`);
      }
      plan.push({
        org,
        level,
        before: await repo.findCongress(tx, scope, seasonId, org.id, season.code),
        record,
        row,
      });
    }
    // Only organisations inside the season's root: a row of another province's organisation would
    // be written where no progress figure of this season counts it.
    const root = (await orgRepo.findOrgById(tx, { kind: "all" }, loaded.value.rootOrgId))!;
    const covered = await coveredBySeason(
      tx,
      loaded.value,
      plan.map((p) => p.org.id),
    );
    for (const p of plan)
      if (!covered.has(p.org.id))
        bad(
          p.row.rowNumber,
          "code",
          "outside_season",
          `${p.org.name} (mã "${p.row.code}") không nằm trong ${root.name}: mùa "${season.name}" này chỉ gồm các đơn vị thuộc ${root.name}; hãy bỏ dòng này hoặc nhập vào mùa đại hội của đơn vị đó`,
        );
    if (issues.length > 0) {
      issues.sort((a, b) => a.row - b.row);
      return err(errors.importInvalid(issues, issues.length));
    }
    const changes = plan.filter(
      (p) =>
        !p.before ||
        canonicalJson(p.before.record) !== canonicalJson(p.record) ||
        p.before.contactName !== p.row.contactName ||
        p.before.contactPhone !== p.row.contactPhone,
    );
    const summary = {
      dryRun: options.dryRun,
      rows: rows.length,
      changed: changes.length,
      unchanged: plan.length - changes.length,
    };
    if (options.dryRun || changes.length === 0) return ok(summary);
    for (const c of changes) {
      await repo.upsertCongress(
        tx,
        seasonId,
        c.level.code,
        { ...c.record, orgId: c.org.id },
        { name: c.row.contactName, phone: c.row.contactPhone },
      );
    }
    await repo.applyRollup(
      tx,
      seasonId,
      await congressDeltas(
        tx,
        loaded.value,
        changes.map((c) => ({ orgId: c.org.id, before: c.before?.record ?? null, after: c.record })),
      ),
    );
    await appendAudit(
      tx,
      actor,
      changes.map((c) => ({
        action: "congress.import",
        entity: "congress",
        entityId: `${seasonId}:${c.org.id}`,
        orgId: c.org.id,
        before: c.before?.record ?? null,
        after: { ...c.record, contact: { name: c.row.contactName, phone: c.row.contactPhone } },
      })),
    );
    await repo.notifyCongressChange(tx, CONGRESS_EVENTS_CHANNEL, { seasonId, path: root.path });
    return ok(summary);
  });
}

/** The congress sheet for a subtree: the template to fill, with what is already known. */
export async function exportCongressFile(
  db: Db,
  scope: Scope,
  seasonId: number,
  orgId: number,
): Promise<Result<{ fileName: string; data: Uint8Array }, AppError>> {
  const s = await loadSeason(db, seasonId);
  if (!s.ok) return s;
  const org = await orgRepo.findOrgById(db, scope, orgId);
  if (!org) return err(errors.notFound("đơn vị", orgId));
  const levelIndex = seasonLevelIndex(s.value.season);
  const orgs = (await repo.listOrgsForSeason(db, org.path, [...levelIndex.keys()])).filter(
    (o) => o.dissolvedOn === null,
  );
  const congresses = new Map(
    (await repo.listCongressesInSubtree(db, seasonId, s.value.season.code, org.path)).map((c) => [
      c.orgId,
      c,
    ]),
  );
  orgs.sort((a, b) => (a.path < b.path ? -1 : 1));
  const data = await writeCongressSheet(
    orgs.map((o) => {
      const c = congresses.get(o.id);
      return {
        code: o.code,
        name: o.name,
        record: c?.record ?? null,
        contactName: c?.contactName ?? null,
        contactPhone: c?.contactPhone ?? null,
      };
    }),
  );
  return ok({ fileName: `dai-hoi-${s.value.season.code}-${org.code}.xlsx`, data });
}

export async function exportLateList(
  db: Db,
  scope: Scope,
  req: { seasonId: number; orgId: number; asOf: IsoDate; level?: string | undefined; against: LateAgainst },
): Promise<Result<{ fileName: string; data: Uint8Array }, AppError>> {
  const late = await getLateList(db, scope, req);
  if (!late.ok) return late;
  const org = (await orgRepo.findOrgById(db, scope, req.orgId))!;
  const data = await writeLateSheet(
    late.value.map((e) => ({ ...e, reasonText: LATE_REASON_LABELS[e.reason] })),
    `Đơn vị chậm tiến độ đại hội — ${org.name} — tính đến ngày ${formatDate(req.asOf)}`,
  );
  return ok({ fileName: `cham-tien-do-${org.code}-${req.asOf}.xlsx`, data });
}

/** The children table of the dashboard as .xlsx. */
export async function exportChildrenProgress(
  db: Db,
  scope: Scope,
  req: ProgressRequest,
): Promise<Result<{ fileName: string; data: Uint8Array }, AppError>> {
  const rows = await getChildrenProgress(db, scope, req);
  if (!rows.ok) return rows;
  const org = (await orgRepo.findOrgById(db, scope, req.orgId))!;
  const season = (await repo.findSeason(db, req.seasonId))!;
  const level = findSeasonLevel(season.season, req.level)!;
  const data = await writeChildrenProgressSheet(
    rows.value.map((r) => ({ ...r, heldPercent: formatPercent(r.held, r.total) })),
    `Tiến độ đại hội ${level.name.toLowerCase()} — ${org.name} — tính đến ngày ${formatDate(req.asOf)}`,
  );
  return ok({ fileName: `tien-do-${level.code}-${org.code}-${req.asOf}.xlsx`, data });
}
