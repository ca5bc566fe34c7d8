/**
 * Congress season use-cases. Every change to a congress goes through the domain's lifecycle
 * (`transitionCongress`), updates the progress roll-up of every ancestor, appends an audit entry and
 * notifies listening servers, all in one transaction (records.ts). One module per use-case group.
 */
export { CONGRESS_EVENTS_CHANNEL, type CongressFilter } from "./access.ts";
export {
  type CongressImportSummary,
  exportChildrenProgress,
  exportCongressFile,
  exportLateList,
  importCongressFile,
} from "./files.ts";
export {
  type ChildProgressRow,
  type CurvePoint,
  getChildrenProgress,
  getCurves,
  getLateList,
  getProgress,
  getProgressNaive,
  type LateRow,
  type ProgressRequest,
} from "./progress.ts";
export {
  amendCongressResults,
  type CongressChange,
  type CongressResultFields,
  changeCongress,
  insertSeasonCongresses,
  type PlanInput,
} from "./records.ts";
export { rebuildAllRollups, rebuildRollup, syncOrgInRollups } from "./rollup.ts";
export { createSeason, listSeasons, type SeasonLevelChange, updateSeasonLevel } from "./seasons.ts";
export { type CongressView, getCongress, listChildCongresses } from "./view.ts";
