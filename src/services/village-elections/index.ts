/** An election day, one recorded round and a village with where it stands, as the services return them. */
export type ElectionDay = ElectionDayRecord;
export type VillageRound = RoundRow;
export type VillageStatus = VillageRow;

/**
 * Village-head election days ("Dân tin – Đảng cử", issue 8). Commune officers record each village's
 * meeting; the village-head rule set decides it (src/domain/village); an elected head, once the
 * commune People's Committee recognises the result, holds a village-head post in the people register (the post the indicator "branch secretaries who are
 * village heads" counts). Every write is one transaction with its audit entries and a NOTIFY on
 * the village channel, so every server process's live dashboard sees it.
 */
import type { ElectionDayRecord, RoundRow, VillageRow } from "../../db/repositories/village-elections.ts";

export { VILLAGE_EVENTS_CHANNEL } from "./access.ts";
export {
  type ChecklistView,
  createElectionDay,
  type DashboardView,
  type ElectionDayInput,
  getChecklist,
  getVillageDashboard,
  listElectionDays,
  listVillageStatuses,
  type StepDates,
  setCommuneSteps,
} from "./days.ts";
export {
  exportVillageFile,
  type ImportIssue,
  type ImportRound,
  importVillageFile,
  importVillageRounds,
  listRoundsForExport,
  villageTemplate,
} from "./files.ts";
export {
  appointInterimHead,
  getBranchVillageLink,
  getVillageElection,
  type InterimInput,
  recogniseVillageHead,
  recordVillageRound,
  type VillageElectionView,
} from "./record.ts";
