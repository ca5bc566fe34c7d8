/**
 * User-defined indicators: create, change, delete (each checked by the domain and audited).
 */

import { type Actor, appendAudit } from "../../db/audit.ts";
import type { Db } from "../../db/client.ts";
import * as repo from "../../db/repositories/indicators.ts";
import { findOrgById } from "../../db/repositories/organisations.ts";
import type { Scope } from "../../db/repositories/scope.ts";
import { err, ok, type Result } from "../../domain/basics/result.ts";
import {
  INDICATOR_CATALOG,
  type IndicatorDef,
  type IndicatorError,
  validateIndicatorDef,
} from "../../domain/indicators/index.ts";
import { type AppError, appError, errors } from "../errors.ts";
import type { IndicatorEntry } from "./context.ts";

export interface IndicatorDefinitionInput {
  readonly definition: unknown;
  /** The organisation it belongs to (an officer's); null: the whole province (administrators). */
  readonly orgId: number | null;
}

function invalid(e: IndicatorError): AppError {
  return appError(
    "INDICATOR_INVALID",
    422,
    e.message,
    e.code === "invalid_definition" ? { issues: e.issues } : undefined,
  );
}

async function checkDefinition(
  db: Db,
  scope: Scope,
  input: IndicatorDefinitionInput,
  currentId: number | null,
): Promise<Result<IndicatorDef, AppError>> {
  const checked = validateIndicatorDef(input.definition);
  if (!checked.ok) return err(invalid(checked.error));
  const def = checked.value;
  if (INDICATOR_CATALOG.some((c) => c.code === def.code)) {
    return err(appError("INDICATOR_CODE_TAKEN", 409, `Mã chỉ tiêu "${def.code}" trùng chỉ tiêu có sẵn`));
  }
  const same = await repo.findIndicatorDefinitionByCode(db, def.code);
  if (same && same.id !== currentId) {
    return err(appError("INDICATOR_CODE_TAKEN", 409, `Mã chỉ tiêu "${def.code}" đã được dùng`));
  }
  if (input.orgId === null) {
    if (scope.kind !== "all") {
      return err(errors.forbidden("định nghĩa chỉ tiêu chung cho cả tỉnh (hãy chọn đơn vị của bạn)"));
    }
  } else if (!(await findOrgById(db, scope, input.orgId))) {
    return err(errors.notFound("đơn vị", input.orgId));
  }
  return ok(def);
}

export async function createIndicatorDefinition(
  db: Db,
  actor: Actor,
  scope: Scope,
  input: IndicatorDefinitionInput,
): Promise<Result<IndicatorEntry, AppError>> {
  return db.transaction(async (tx) => {
    const checked = await checkDefinition(tx, scope, input, null);
    if (!checked.ok) return checked;
    const def = checked.value;
    const id = await repo.insertIndicatorDefinition(tx, {
      code: def.code,
      definition: def,
      orgId: input.orgId,
      createdBy: actor.userId,
    });
    await appendAudit(tx, actor, [
      {
        action: "indicator.create",
        entity: "indicator_definition",
        entityId: id,
        orgId: input.orgId,
        before: null,
        after: def,
      },
    ]);
    return ok({ def, customId: id, customOrgId: input.orgId });
  });
}

async function findEditable(
  db: Db,
  scope: Scope,
  id: number,
): Promise<Result<repo.IndicatorDefinitionRecord, AppError>> {
  const rec = await repo.findIndicatorDefinition(db, scope, id);
  if (!rec) return err(errors.notFound("chỉ tiêu", id));
  if (rec.orgId === null && scope.kind !== "all") {
    return err(errors.forbidden("sửa hoặc xóa chỉ tiêu chung của cả tỉnh"));
  }
  return ok(rec);
}

export async function updateIndicatorDefinition(
  db: Db,
  actor: Actor,
  scope: Scope,
  id: number,
  input: IndicatorDefinitionInput,
): Promise<Result<IndicatorEntry, AppError>> {
  return db.transaction(async (tx) => {
    const rec = await findEditable(tx, scope, id);
    if (!rec.ok) return rec;
    const checked = await checkDefinition(tx, scope, input, id);
    if (!checked.ok) return checked;
    const def = checked.value;
    await repo.updateIndicatorDefinition(tx, id, { code: def.code, definition: def });
    await appendAudit(tx, actor, [
      {
        action: "indicator.update",
        entity: "indicator_definition",
        entityId: id,
        orgId: rec.value.orgId,
        before: rec.value.definition,
        after: def,
      },
    ]);
    return ok({ def, customId: id, customOrgId: rec.value.orgId });
  });
}

export async function deleteIndicatorDefinition(
  db: Db,
  actor: Actor,
  scope: Scope,
  id: number,
): Promise<Result<void, AppError>> {
  return db.transaction(async (tx) => {
    const rec = await findEditable(tx, scope, id);
    if (!rec.ok) return rec;
    await repo.deleteIndicatorDefinition(tx, id);
    await appendAudit(tx, actor, [
      {
        action: "indicator.delete",
        entity: "indicator_definition",
        entityId: id,
        orgId: rec.value.orgId,
        before: rec.value.definition,
        after: null,
      },
    ]);
    return ok();
  });
}
