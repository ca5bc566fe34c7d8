/** The election day: creating it, the live dashboard, the communes' legal steps, the village picker. */
import { type Actor, appendAudit } from "../../db/audit.ts";
import type { Db } from "../../db/client.ts";
import * as orgRepo from "../../db/repositories/organisations.ts";
import type { Scope } from "../../db/repositories/scope.ts";
import * as repo from "../../db/repositories/village-elections.ts";
import { err, ok, type Result } from "../../domain/basics/result.ts";
import { formatDate, type IsoDate, isValidIsoDate } from "../../domain/format/date.ts";
import {
  type ChecklistStep,
  type ChecklistSummary,
  communeChecklist,
  type DashboardVillage,
  summariseChecklists,
  type VillageDashboard,
  villageDashboard,
} from "../../domain/village/index.ts";
import { type AppError, appError, errors } from "../errors.ts";
import { areaOf, loadDay, VILLAGE_EVENTS_CHANNEL } from "./access.ts";

export interface ElectionDayInput {
  readonly code: string;
  readonly name: string;
  readonly electionDate: IsoDate;
  readonly termStart: number;
  readonly termEnd: number;
  readonly rootOrgId: number;
  readonly seasonId: number | null;
  /**
   * Public holidays that are not working days when counting the commune's 5 working days to
   * recognise a result (weekends are skipped anyway). Optional data; default none.
   */
  readonly holidays?: readonly IsoDate[] | undefined;
}

export async function createElectionDay(
  db: Db,
  actor: Actor,
  input: ElectionDayInput,
): Promise<Result<repo.ElectionDayRecord, AppError>> {
  if (!isValidIsoDate(input.electionDate)) {
    return err(appError("VILLAGE_DAY_INVALID", 422, "Ngày bầu trưởng thôn không hợp lệ"));
  }
  const badHoliday = (input.holidays ?? []).find((h) => !isValidIsoDate(h));
  if (badHoliday !== undefined) {
    return err(appError("VILLAGE_DAY_INVALID", 422, `Ngày nghỉ lễ "${badHoliday}" không hợp lệ`));
  }
  if (input.termEnd <= input.termStart) {
    return err(appError("VILLAGE_DAY_INVALID", 422, "Năm kết thúc nhiệm kỳ phải sau năm bắt đầu"));
  }
  return db.transaction(async (tx) => {
    const root = await orgRepo.findOrgById(tx, { kind: "all" }, input.rootOrgId);
    if (!root) return err(errors.notFound("đơn vị", input.rootOrgId));
    if (await repo.findDayByCode(tx, input.code)) {
      return err(appError("VILLAGE_DAY_CODE_TAKEN", 409, `Ngày bầu trưởng thôn mã "${input.code}" đã có`));
    }
    const id = await repo.insertDay(tx, { ...input, holidays: [...(input.holidays ?? [])].sort() });
    await appendAudit(tx, actor, [
      {
        action: "village_election_day.create",
        entity: "village_election_day",
        entityId: id,
        orgId: root.id,
        before: null,
        after: input,
      },
    ]);
    return ok((await repo.findDay(tx, id))!);
  });
}

export async function listElectionDays(db: Db): Promise<repo.ElectionDayRecord[]> {
  return repo.listDays(db);
}

export interface DashboardView {
  readonly day: repo.ElectionDayRecord;
  readonly org: { readonly id: number; readonly name: string };
  readonly dashboard: VillageDashboard;
}

export async function getVillageDashboard(
  db: Db,
  scope: Scope,
  dayId: number,
  orgId: number | null,
): Promise<Result<DashboardView, AppError>> {
  const day = await loadDay(db, dayId);
  if (!day.ok) return day;
  const area = await areaOf(db, scope, day.value, orgId);
  if (!area.ok) return area;
  const rows = await repo.listVillagesUnder(db, scope, dayId, area.value.path);
  const villages: DashboardVillage[] = rows.map((r) => ({
    villageId: r.id,
    villageName: r.name,
    communeId: r.communeId,
    communeName: r.communeName,
    districtId: r.districtId,
    districtName: r.districtName,
    status: r.status ?? "not-reported",
    electorate: r.electorate,
    present: r.present,
    winnerVotes: r.winnerVotes,
    winnerElectorate: r.winnerElectorate,
    headName: r.headName,
    headGender: r.headGender === "female" ? "female" : r.headGender === "male" ? "male" : null,
    headEthnicity: r.headEthnicity,
    explanation: r.explanation,
  }));
  return ok({
    day: day.value,
    org: { id: area.value.id, name: area.value.name },
    dashboard: villageDashboard(villages),
  });
}

export interface ChecklistView {
  readonly day: repo.ElectionDayRecord;
  readonly org: { readonly id: number; readonly name: string };
  readonly asOf: IsoDate;
  readonly summary: ChecklistSummary;
  readonly communes: readonly (Omit<repo.CommuneStepsRow, "communePath"> & {
    readonly steps: readonly ChecklistStep[];
  })[];
}

export async function getChecklist(
  db: Db,
  scope: Scope,
  dayId: number,
  orgId: number | null,
  asOf: IsoDate,
): Promise<Result<ChecklistView, AppError>> {
  const day = await loadDay(db, dayId);
  if (!day.ok) return day;
  const area = await areaOf(db, scope, day.value, orgId);
  if (!area.ok) return area;
  const rows = await repo.listCommuneSteps(db, scope, dayId, area.value.path);
  const communes = rows.map(({ communePath: _, ...r }) => ({
    ...r,
    steps: communeChecklist(
      day.value.electionDate,
      { decision: r.decisionOn, team: r.teamOn, notice: r.noticeOn },
      asOf,
    ),
  }));
  return ok({
    day: day.value,
    org: { id: area.value.id, name: area.value.name },
    asOf,
    summary: summariseChecklists(communes.map((c) => c.steps)),
    communes,
  });
}

export interface StepDates {
  readonly decisionOn: IsoDate | null;
  readonly teamOn: IsoDate | null;
  readonly noticeOn: IsoDate | null;
}

export async function setCommuneSteps(
  db: Db,
  actor: Actor,
  scope: Scope,
  dayId: number,
  communeId: number,
  dates: StepDates,
): Promise<Result<StepDates, AppError>> {
  for (const [field, value] of Object.entries(dates)) {
    if (value !== null && value > "") {
      if (!isValidIsoDate(value))
        return err(appError("VILLAGE_STEP_INVALID", 422, `${field}: ngày không hợp lệ`));
    }
  }
  return db.transaction(async (tx) => {
    const day = await loadDay(tx, dayId);
    if (!day.ok) return day;
    const commune = await orgRepo.findOrgById(tx, scope, communeId);
    if (
      !commune ||
      !(commune.path === day.value.rootPath || commune.path.startsWith(`${day.value.rootPath}.`))
    ) {
      return err(errors.notFound("xã, phường, thị trấn", communeId));
    }
    const late = [dates.decisionOn, dates.teamOn, dates.noticeOn].find(
      (d) => d !== null && d > day.value.electionDate,
    );
    if (late) {
      return err(
        appError(
          "VILLAGE_STEP_INVALID",
          422,
          `Ngày ${formatDate(late)} sau ngày bầu ${formatDate(day.value.electionDate)}: các bước phải làm trước ngày bầu`,
        ),
      );
    }
    const before = (await repo.listCommuneSteps(tx, { kind: "all" }, dayId, commune.path)).find(
      (r) => r.communeId === communeId,
    );
    await repo.upsertSteps(tx, [{ dayId, communeId, ...dates }]);
    await appendAudit(tx, actor, [
      {
        action: "village_election_step.set",
        entity: "village_election_step",
        entityId: `${dayId}:${communeId}`,
        orgId: communeId,
        before: before
          ? { decisionOn: before.decisionOn, teamOn: before.teamOn, noticeOn: before.noticeOn }
          : null,
        after: dates,
      },
    ]);
    await repo.notifyVillageChange(tx, VILLAGE_EVENTS_CHANNEL, { dayId, path: commune.path });
    return ok(dates);
  });
}

/** The villages under an organisation with where each stands (the record page's picker). */
export async function listVillageStatuses(
  db: Db,
  scope: Scope,
  dayId: number,
  orgId: number | null,
): Promise<
  Result<
    { day: repo.ElectionDayRecord; org: { id: number; name: string }; villages: repo.VillageRow[] },
    AppError
  >
> {
  const day = await loadDay(db, dayId);
  if (!day.ok) return day;
  const area = await areaOf(db, scope, day.value, orgId);
  if (!area.ok) return area;
  return ok({
    day: day.value,
    org: { id: area.value.id, name: area.value.name },
    villages: await repo.listVillagesUnder(db, scope, dayId, area.value.path),
  });
}
