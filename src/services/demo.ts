/** Creates the demo province (a Quảng Ninh-shaped tree) through the same import path users use. */

import { type Actor, SYSTEM_ACTOR } from "../db/audit.ts";
import type { Db } from "../db/client.ts";
import { countOrgs, orgIdsByCode } from "../db/repositories/organisations.ts";
import { generateDemoProvince, generateDemoSeason2020 } from "../demo/index.ts";
import { generateDemoReform2025, REFORM_2025_FILE } from "../demo/reform-2025.ts";

import { HISTORY_START } from "../domain/organisation/index.ts";
import { createSeason, insertSeasonCongresses } from "./congresses/index.ts";

import { seedDemoElection } from "./demo-elections.ts";
import { seedDemoPeople } from "./demo-people.ts";
import { seedDemoPetitions } from "./demo-petitions.ts";
import { seedDemoUsers } from "./demo-users.ts";
import { seedDemoVillageElections } from "./demo-village.ts";
import { type ImportProgress, type ImportSummary, importOrgs } from "./organisations/import.ts";
import { importReorganisationFile, type PlanSummary } from "./reorganisation/plan.ts";

export async function seedDemoProvince(
  db: Db,
  options: {
    actor?: Actor;
    onProgress?: ImportProgress;
    /**
     * Apply Quảng Ninh's 2025 reorganisation after the 2020–2025 season. The demo users open
     * (`daihoi start --demo`, `daihoi demo`) passes true; false (the default) keeps the 2020 tree as
     * today's, which most tests are written against.
     */
    reform2025?: boolean;
  } = {},
): Promise<ImportSummary> {
  const { orgRows } = generateDemoProvince();
  const rows = orgRows.map((row, i) => ({ rowNumber: i + 2, row }));
  const result = await importOrgs(db, options.actor ?? SYSTEM_ACTOR, rows, {
    dryRun: false,
    // The demo's tree is the one of the 2020–2025 season: it stands from the history's start.
    effectiveOn: HISTORY_START,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  if (!result.ok) {
    // The generator's own tests check that its rows import cleanly; this is a bug.
    throw new Error(`demo province does not import: ${JSON.stringify(result.error.slice(0, 5))}`);
  }
  // One account of each role (README, "Tài khoản mẫu").
  await seedDemoUsers(db, options.actor ?? SYSTEM_ACTOR);
  await seedDemoSeason2020(db, options.actor ?? SYSTEM_ACTOR);
  await seedDemoPeople(db, options.actor ?? SYSTEM_ACTOR);
  await seedDemoElection(db, options.actor ?? SYSTEM_ACTOR);
  await seedDemoVillageElections(db, options.actor ?? SYSTEM_ACTOR);
  await seedDemoPetitions(db, options.actor ?? SYSTEM_ACTOR);
  if (options.reform2025 ?? false) await applyDemoReform2025(db, options.actor ?? SYSTEM_ACTOR);
  return result.value;
}

/**
 * Quảng Ninh's 2025 reorganisation (docs/examples/quang-ninh-2025.csv, the same text) applied
 * through the documented plan format, as `daihoi import reorganisation` does: on 01/07/2025 the
 * 177 commune-level units merge into 54 directly under the provincial committee and the district
 * level of the localities ends. Nothing before that day changes.
 */
export async function applyDemoReform2025(db: Db, actor: Actor = SYSTEM_ACTOR): Promise<PlanSummary> {
  const text = generateDemoReform2025(generateDemoProvince());
  const applied = await importReorganisationFile(
    db,
    actor,
    { name: REFORM_2025_FILE, data: new TextEncoder().encode(text) },
    { dryRun: false },
  );
  if (!applied.ok) throw new Error(`demo reform 2025 does not apply: ${JSON.stringify(applied.error)}`);
  return applied.value;
}

/** The 2020–2025 season with every congress of the seed report's calendar. */
export async function seedDemoSeason2020(db: Db, actor: Actor = SYSTEM_ACTOR): Promise<number> {
  const province = generateDemoProvince();
  const demo = generateDemoSeason2020(province);
  const ids = await orgIdsByCode(db);
  const id = (code: string | number) => {
    const found = ids.get(String(code));
    if (found === undefined) throw new Error(`demo season names unknown organisation ${code}`);
    return found;
  };
  const created = await createSeason(
    db,
    actor,
    { ...demo.season, pilotOrgIds: demo.season.pilotOrgIds.map(id) },
    id("QN"),
  );
  if (!created.ok) throw new Error(`demo season does not load: ${created.error.message}`);
  await db.transaction(async (tx) => {
    await insertSeasonCongresses(
      tx,
      actor,
      created.value,
      demo.congresses.map((c) => ({ ...c, orgId: id(c.orgId) })),
    );
  });
  return created.value;
}

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  return (await countOrgs(db)) === 0;
}
