/** Organisation files: import from .xlsx/.csv, export a subtree, the template. */

import type { Actor } from "../db/audit.ts";
import type { Db } from "../db/client.ts";
import * as repo from "../db/repositories/organisations.ts";
import type { Scope } from "../db/repositories/scope.ts";
import { err, ok, type Result } from "../domain/basics/result.ts";
import {
  type FileIssue,
  readOrgCsv,
  readOrgXlsx,
  writeOrgExport,
  writeOrgTemplate,
} from "../io/excel/org-sheet.ts";
import { type AppError, errors } from "./errors.ts";
import { loadHierarchy } from "./organisations/common.ts";
import { type ImportProgress, type ImportSummary, importOrgs } from "./organisations/import.ts";

export type OrgFileFormat = "xlsx" | "csv";

export function formatFromFileName(name: string): OrgFileFormat | null {
  const lower = name.toLowerCase();
  if (lower.endsWith(".xlsx")) return "xlsx";
  if (lower.endsWith(".csv")) return "csv";
  return null;
}

export async function importOrgFile(
  db: Db,
  actor: Actor,
  file: { name: string; data: Uint8Array },
  options: { dryRun: boolean; onProgress?: ImportProgress },
): Promise<Result<ImportSummary, AppError>> {
  const format = formatFromFileName(file.name);
  if (!format) return err(errors.importUnreadable(`Tệp "${file.name}" không phải .xlsx hoặc .csv`));
  const hierarchy = await loadHierarchy(db);
  const parsed =
    format === "xlsx" ? await readOrgXlsx(file.data, hierarchy) : readOrgCsv(file.data, hierarchy, file.name);
  if (!parsed.ok) return err(errors.importInvalid(parsed.error, parsed.error.length));
  const { sheet, rows, columnOf } = parsed.value;
  const result = await importOrgs(db, actor, rows, options);
  if (result.ok) return ok(result.value);
  const issues: FileIssue[] = result.error.map((i) => ({
    sheet,
    row: i.rowNumber,
    column: i.field ? (columnOf.get(i.field) ?? null) : null,
    field: i.field,
    rule: i.rule,
    message: i.message,
  }));
  return err(errors.importInvalid(issues, issues.length));
}

export async function exportOrgSubtree(
  db: Db,
  scope: Scope,
  id: number,
): Promise<Result<{ fileName: string; data: Uint8Array }, AppError>> {
  const org = await repo.findOrgById(db, scope, id);
  if (!org) return err(errors.notFound("đơn vị", id));
  const hierarchy = await loadHierarchy(db);
  const rows = await repo.listSubtreeForExport(db, org.path);
  // The top of an exported subtree keeps its parent code, so the file imports back in place.
  const data = await writeOrgExport(rows, hierarchy);
  return ok({ fileName: `to-chuc-${org.code}.xlsx`, data });
}

export async function orgTemplate(db: Db): Promise<Uint8Array> {
  return writeOrgTemplate(await loadHierarchy(db));
}

/** The organisation a command starts from: the one with `code`, or the first root when none is given. */
export async function findOrgToExport(
  db: Db,
  scope: Scope,
  code: string | undefined,
): Promise<{ id: number; name: string } | null> {
  const top = code ? await repo.findOrgByCode(db, scope, code) : (await repo.listScopeRoots(db, scope))[0];
  return top ? { id: top.id, name: top.name } : null;
}
