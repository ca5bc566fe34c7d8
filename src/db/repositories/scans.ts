/** Scanned pages of election bundles (issue 18). */
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Ballot } from "../../domain/election/index.ts";
import type { Db } from "../client.ts";
import { electionScanPage } from "../schema.ts";

export type ScanPageRow = typeof electionScanPage.$inferSelect;
export type ScanPageInsert = typeof electionScanPage.$inferInsert;

const listColumns = {
  id: electionScanPage.id,
  electionId: electionScanPage.electionId,
  bundleId: electionScanPage.bundleId,
  entryId: electionScanPage.entryId,
  seq: electionScanPage.seq,
  hash: electionScanPage.hash,
  fileName: electionScanPage.fileName,
  page: electionScanPage.page,
  status: electionScanPage.status,
  proposed: electionScanPage.proposed,
  reading: electionScanPage.reading,
  decided: electionScanPage.decided,
  createdAt: electionScanPage.createdAt,
};
export type ScanPageListRow = Omit<ScanPageRow, "image">;

export async function findHashes(
  db: Db,
  electionId: number,
  hashes: readonly string[],
): Promise<Set<string>> {
  if (hashes.length === 0) return new Set();
  const rows = await db
    .select({ hash: electionScanPage.hash })
    .from(electionScanPage)
    .where(and(eq(electionScanPage.electionId, electionId), inArray(electionScanPage.hash, [...hashes])));
  return new Set(rows.map((r) => r.hash));
}

export async function insertScanPage(db: Db, values: ScanPageInsert): Promise<number> {
  const rows = await db.insert(electionScanPage).values(values).returning({ id: electionScanPage.id });
  return rows[0]!.id;
}

export async function listScanPages(
  db: Db,
  electionId: number,
  filter: { entryId?: number | undefined; status?: ScanPageRow["status"] | undefined } = {},
): Promise<ScanPageListRow[]> {
  return db
    .select(listColumns)
    .from(electionScanPage)
    .where(
      and(
        eq(electionScanPage.electionId, electionId),
        filter.entryId === undefined ? undefined : eq(electionScanPage.entryId, filter.entryId),
        filter.status === undefined ? undefined : eq(electionScanPage.status, filter.status),
      ),
    )
    .orderBy(asc(electionScanPage.bundleId), asc(electionScanPage.seq));
}

export async function findScanPage(
  db: Db,
  electionId: number,
  id: number,
  lock = false,
): Promise<ScanPageRow | null> {
  const q = db
    .select()
    .from(electionScanPage)
    .where(and(eq(electionScanPage.electionId, electionId), eq(electionScanPage.id, id)));
  const rows = lock ? await q.for("update") : await q;
  return rows[0] ?? null;
}

export async function setScanPageDecided(db: Db, id: number, decided: Ballot): Promise<void> {
  await db
    .update(electionScanPage)
    .set({ status: "adjudicated", decided })
    .where(eq(electionScanPage.id, id));
}
