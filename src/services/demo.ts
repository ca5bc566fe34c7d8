/** Creates the demo province (a Quảng Ninh-shaped tree) through the same import path users use. */

import { type Actor, SYSTEM_ACTOR } from "../db/audit.ts";
import type { Db } from "../db/client.ts";
import { countOrgs } from "../db/repositories/organisations.ts";
import { generateDemoProvince } from "../demo/index.ts";
import { seedDemoUsers } from "./demo-users.ts";
import { type ImportProgress, type ImportSummary, importOrgs } from "./organisations.ts";

export async function seedDemoProvince(
  db: Db,
  options: { actor?: Actor; onProgress?: ImportProgress } = {},
): Promise<ImportSummary> {
  const { orgRows } = generateDemoProvince();
  const rows = orgRows.map((row, i) => ({ rowNumber: i + 2, row }));
  const result = await importOrgs(db, options.actor ?? SYSTEM_ACTOR, rows, {
    dryRun: false,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  if (!result.ok) {
    // The generator's own tests check that its rows import cleanly; this is a bug.
    throw new Error(`demo province does not import: ${JSON.stringify(result.error.slice(0, 5))}`);
  }
  // One account of each role (README, "Tài khoản mẫu").
  await seedDemoUsers(db, options.actor ?? SYSTEM_ACTOR);
  return result.value;
}

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  return (await countOrgs(db)) === 0;
}
