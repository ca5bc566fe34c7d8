/**
 * Elections at a congress (issue 5): setup, counting in bundles entered independently by 2–3
 * clerks, reconciliation, release to the hall, closing (results flow into the congress record and
 * the people register) and reopening by an administrator. Every decision is the pure domain's
 * (src/domain/election); the result is always recomputed from the count file this service builds,
 * so what the product shows is exactly what `daihoi tally` prints for the exported file.
 *
 * One module per use-case group; who may do what is decided per election in access.ts
 * (`permissionsFor`: the routes are "session" routes).
 */
export { ELECTION_EVENTS_CHANNEL, type ElectionPermissions, permissionsFor } from "./access.ts";
export { acceptBundle, compareBundle, reenterBundle } from "./bundles.ts";
export { closeCount, createNextRound, reopenCount } from "./close.ts";
export {
  appendBallot,
  createBundles,
  finishEntry,
  getEntry,
  listBundles,
  startEntry,
  undoBallot,
} from "./entry.ts";
export { minutesData, minutesDocx } from "./minutes.ts";
export { exportCountFile, getLog, getProjection, getResult, release } from "./result.ts";
export { authoriseScan, ballotLayoutOf, type ScanPageDto, type ScanReport, scanBundle } from "./scan.ts";
export { adjudicateScanPage, listScanPages, scanPageImage } from "./scan-pages.ts";
export {
  createElection,
  getBallotPrint,
  getElection,
  listElections,
  startCounting,
  updateElection,
  updateFigures,
} from "./setup.ts";
