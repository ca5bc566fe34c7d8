/**
 * Report snapshots: explicit columns, the caller's scope on the report's organisation in every
 * read. The report itself is stored as jsonb and parsed by the service (reportSchema).
 */
import { and, desc, eq } from "drizzle-orm";
import type { Report } from "../../domain/report/model.ts";
import type { Db } from "../client.ts";
import { organisation, reportSnapshot } from "../schema.ts";
import { inScope, type Scope } from "./scope.ts";

export interface ReportSnapshotRecord {
  readonly id: number;
  readonly template: string;
  readonly orgId: number;
  readonly seasonId: number;
  readonly asOf: string;
  readonly dataVersion: number;
  readonly report: unknown;
  readonly previousId: number | null;
  readonly createdBy: number | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

const columns = {
  id: reportSnapshot.id,
  template: reportSnapshot.template,
  orgId: reportSnapshot.orgId,
  seasonId: reportSnapshot.seasonId,
  asOf: reportSnapshot.asOf,
  dataVersion: reportSnapshot.dataVersion,
  report: reportSnapshot.report,
  previousId: reportSnapshot.previousId,
  createdBy: reportSnapshot.createdBy,
  createdAt: reportSnapshot.createdAt,
  updatedAt: reportSnapshot.updatedAt,
};

export async function insertReportSnapshot(
  db: Db,
  row: {
    template: string;
    orgId: number;
    seasonId: number;
    asOf: string;
    dataVersion: number;
    report: Report;
    previousId: number | null;
    createdBy: number | null;
  },
): Promise<number> {
  const [r] = await db.insert(reportSnapshot).values(row).returning({ id: reportSnapshot.id });
  return r!.id;
}

export async function findReportSnapshot(
  db: Db,
  scope: Scope,
  id: number,
): Promise<ReportSnapshotRecord | null> {
  const rows = await db
    .select(columns)
    .from(reportSnapshot)
    .innerJoin(organisation, eq(organisation.id, reportSnapshot.orgId))
    .where(and(eq(reportSnapshot.id, id), inScope(scope, organisation.path)));
  return rows[0] ?? null;
}

export async function listReportSnapshots(
  db: Db,
  scope: Scope,
  orgId: number | null,
  limit: number,
): Promise<ReportSnapshotRecord[]> {
  return db
    .select(columns)
    .from(reportSnapshot)
    .innerJoin(organisation, eq(organisation.id, reportSnapshot.orgId))
    .where(
      and(inScope(scope, organisation.path), orgId === null ? undefined : eq(reportSnapshot.orgId, orgId)),
    )
    .orderBy(desc(reportSnapshot.id))
    .limit(limit);
}

export async function updateReportSnapshotReport(db: Db, id: number, report: Report): Promise<void> {
  await db.update(reportSnapshot).set({ report, updatedAt: new Date() }).where(eq(reportSnapshot.id, id));
}
