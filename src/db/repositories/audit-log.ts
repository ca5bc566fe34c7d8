/**
 * Reading the audit log (appending lives in ../audit.ts). Entries are scoped by the organisation
 * they belong to: a scoped caller sees only entries whose organisation lies in their subtrees.
 */
import { and, desc, eq, gte, lt, type SQL, sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import { auditLog, organisation } from "../schema.ts";
import { inScope, type Scope } from "./scope.ts";

export interface AuditRecord {
  readonly id: number;
  readonly at: Date;
  readonly actorId: number | null;
  readonly actorLabel: string;
  readonly action: string;
  readonly entity: string;
  readonly entityId: string;
  readonly orgId: number | null;
  readonly orgName: string | null;
  readonly before: unknown;
  readonly after: unknown;
}

export interface AuditFilter {
  readonly entity?: string | undefined;
  readonly entityId?: string | undefined;
  /** Entries of this organisation only. */
  readonly orgId?: number | undefined;
  /** Entries of organisations inside this ltree path. */
  readonly withinPath?: string | undefined;
  readonly actorId?: number | undefined;
  readonly from?: Date | undefined;
  /** Exclusive. */
  readonly to?: Date | undefined;
  readonly limit: number;
  readonly offset: number;
}

function conditions(scope: Scope, f: Omit<AuditFilter, "limit" | "offset">): SQL {
  const parts: (SQL | undefined)[] = [
    // Entries without an organisation (accounts, settings) are for administrators only.
    scope.kind === "all" ? undefined : inScope(scope, organisation.path),
    f.entity ? eq(auditLog.entity, f.entity) : undefined,
    f.entityId ? eq(auditLog.entityId, f.entityId) : undefined,
    f.orgId ? eq(auditLog.orgId, f.orgId) : undefined,
    f.withinPath ? sql`${organisation.path} <@ ${f.withinPath}::ltree` : undefined,
    f.actorId ? eq(auditLog.actorId, f.actorId) : undefined,
    f.from ? gte(auditLog.at, f.from) : undefined,
    f.to ? lt(auditLog.at, f.to) : undefined,
  ];
  return and(...parts.filter((p) => p !== undefined)) ?? sql`true`;
}

const columns = {
  id: auditLog.id,
  at: auditLog.at,
  actorId: auditLog.actorId,
  actorLabel: auditLog.actorLabel,
  action: auditLog.action,
  entity: auditLog.entity,
  entityId: auditLog.entityId,
  orgId: auditLog.orgId,
  orgName: organisation.name,
  before: auditLog.before,
  after: auditLog.after,
};

/** Newest first. */
export async function searchAudit(
  db: Db,
  scope: Scope,
  filter: AuditFilter,
): Promise<{ total: number; items: AuditRecord[] }> {
  const where = conditions(scope, filter);
  const [items, totals] = await Promise.all([
    db
      .select(columns)
      .from(auditLog)
      .leftJoin(organisation, eq(organisation.id, auditLog.orgId))
      .where(where)
      .orderBy(desc(auditLog.id))
      .limit(filter.limit)
      .offset(filter.offset),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditLog)
      .leftJoin(organisation, eq(organisation.id, auditLog.orgId))
      .where(where),
  ]);
  return { total: totals[0]?.n ?? 0, items };
}

/** The distinct people who appear in the entries a caller may see (for the "by user" filter). */
export async function listAuditActors(
  db: Db,
  scope: Scope,
  filter: Omit<AuditFilter, "limit" | "offset">,
): Promise<{ actorId: number | null; actorLabel: string }[]> {
  return db
    .selectDistinct({ actorId: auditLog.actorId, actorLabel: auditLog.actorLabel })
    .from(auditLog)
    .leftJoin(organisation, eq(organisation.id, auditLog.orgId))
    .where(conditions(scope, filter))
    .orderBy(auditLog.actorLabel)
    .limit(500);
}
