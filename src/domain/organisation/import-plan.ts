/**
 * Planning an organisation import: every row is checked against the hierarchy rules and the tree
 * already stored, and every problem is reported at once. Nothing is written unless the plan is
 * clean (the service applies it in one transaction).
 */

import { checkLength } from "../basics/limits.ts";
import { err, ok, type Result } from "../basics/result.ts";
import { formatDate, type IsoDate, isValidIsoDate, parseVietnameseDate } from "../format/date.ts";
import { foldDiacritics } from "../format/text.ts";
import { checkPlacement, describePlacementError } from "./rules.ts";
import { type Hierarchy, type OrgRow, orgCodeSchema, VILLAGE_KINDS } from "./types.ts";

export interface NumberedOrgRow {
  /** Row number in the user's file (1-based, header included), for error messages. */
  readonly rowNumber: number;
  readonly row: OrgRow;
}

/** An organisation already in the database, as the planner needs it. */
export interface ExistingOrg {
  readonly id: number;
  readonly code: string;
  readonly name: string;
  readonly level: string;
  readonly kind: string;
  readonly sector: string | null;
  readonly parentCode: string | null;
  readonly dissolved: boolean;
}

export interface ExistingVillage {
  readonly code: string;
  readonly name: string;
  readonly kind: string;
  readonly branchCode: string | null;
  readonly communeCode: string | null;
}

export type ImportField = keyof OrgRow;

export interface ImportIssue {
  readonly rowNumber: number;
  readonly field: ImportField | null;
  readonly rule: string;
  readonly message: string;
}

export interface OrgChange {
  readonly row: OrgRow;
  readonly rowNumber: number;
  readonly existing: ExistingOrg | null;
}

export interface ImportPlan {
  /** New organisations, parents before children. */
  readonly creates: readonly OrgChange[];
  /** Existing organisations whose name, kind, sector or parent the file changes. */
  readonly updates: readonly OrgChange[];
  readonly unchanged: number;
  /** Created organisations without a founding day: they count from the import day. */
  readonly withoutFoundingDay: number;
  /** Villages to create, rename or re-link (unchanged ones are left out), with the branch that serves them. */
  readonly villages: readonly {
    code: string;
    name: string;
    kind: string;
    branchCode: string;
    communeCode: string;
  }[];
}

const norm = (s: string | undefined) => (s ?? "").trim();

/** `dd/mm/yyyy` or `yyyy-mm-dd` → ISO; empty → undefined; anything else → null. */
function readDay(text: string | undefined): IsoDate | undefined | null {
  const t = norm(text);
  if (!t) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return isValidIsoDate(t) ? t : null;
  return parseVietnameseDate(t);
}

export function planOrgImport(
  rows: readonly NumberedOrgRow[],
  existing: readonly ExistingOrg[],
  existingVillages: readonly ExistingVillage[],
  hierarchy: Hierarchy,
  /** Today in Vietnam (the caller's clock): founding and end days may not be after it. */
  today?: IsoDate,
): Result<ImportPlan, ImportIssue[]> {
  const issues: ImportIssue[] = [];
  const add = (rowNumber: number, field: ImportField | null, rule: string, message: string) =>
    issues.push({ rowNumber, field, rule, message });

  const existingByCode = new Map(existing.map((o) => [o.code, o]));
  const fileByCode = new Map<string, NumberedOrgRow>();

  // Pass 1: each row alone, and duplicate codes.
  for (const nr of rows) {
    const { row, rowNumber } = nr;
    const code = norm(row.code);
    const codeCheck = orgCodeSchema.safeParse(code);
    if (!codeCheck.success) add(rowNumber, "code", "invalid_code", codeCheck.error.issues[0]!.message);
    if (!norm(row.name)) add(rowNumber, "name", "missing_name", "Tên đơn vị không được để trống");
    // The form's limits (TEXT_LIMITS): an import never stores what the form refuses.
    for (const [field, what, limit] of [
      ["name", "Tên đơn vị", "orgName"],
      ["sector", "Mã ngành", "sector"],
      ["villageName", "Tên thôn/khu phố", "orgName"],
    ] as const) {
      const long = checkLength(what, limit, norm(row[field]));
      if (long) add(rowNumber, field, "too_long", long);
    }
    if (!hierarchy.levels.has(norm(row.level))) {
      add(
        rowNumber,
        "level",
        "unknown_level",
        describePlacementError({ rule: "unknown_level", level: norm(row.level) }, hierarchy),
      );
    }
    if (!hierarchy.kinds.has(norm(row.kind))) {
      add(
        rowNumber,
        "kind",
        "unknown_kind",
        describePlacementError({ rule: "unknown_kind", kind: norm(row.kind) }, hierarchy),
      );
    }
    if (code) {
      const first = fileByCode.get(code);
      if (first) add(rowNumber, "code", "duplicate_code", `Mã "${code}" trùng với dòng ${first.rowNumber}`);
      else fileByCode.set(code, nr);
    }
    const founded = readDay(row.foundedOn);
    const ended = readDay(row.endedOn);
    for (const [field, day, label] of [
      ["foundedOn", founded, "Ngày thành lập"],
      ["endedOn", ended, "Ngày kết thúc"],
    ] as const) {
      if (day === null)
        add(rowNumber, field, "invalid_date", `${label} "${norm(row[field])}" không hợp lệ (dd/mm/yyyy)`);
      else if (day !== undefined && today !== undefined && day > today)
        add(rowNumber, field, "future_date", `${label} ${formatDate(day)} ở sau ngày hôm nay`);
    }
    if (founded && ended && ended <= founded)
      add(
        rowNumber,
        "endedOn",
        "end_before_founding",
        `Ngày kết thúc ${formatDate(ended)} phải sau ngày thành lập ${formatDate(founded)}`,
      );
    const ex = existingByCode.get(code);
    if (ex && (founded || ended))
      add(
        rowNumber,
        founded ? "foundedOn" : "endedOn",
        "dates_of_existing",
        `Đơn vị "${code}" đã có trong cơ sở dữ liệu; ngày thành lập, ngày kết thúc chỉ dùng khi tạo mới (đổi bằng thao tác có ngày hiệu lực hoặc phương án sắp xếp)`,
      );
    if (ex && hierarchy.levels.has(norm(row.level)) && ex.level !== norm(row.level)) {
      add(
        rowNumber,
        "level",
        "level_change",
        `Đơn vị "${code}" đã có với cấp "${hierarchy.levels.get(ex.level)?.name ?? ex.level}"; không đổi cấp qua nhập tệp`,
      );
    }
  }

  // The merged tree: stored organisations overlaid with the file.
  const levelOf = (code: string): string | undefined =>
    fileByCode.has(code) ? norm(fileByCode.get(code)!.row.level) : existingByCode.get(code)?.level;
  const parentOf = (code: string): string | null => {
    const f = fileByCode.get(code);
    if (f) return norm(f.row.parentCode) || null;
    return existingByCode.get(code)?.parentCode ?? null;
  };
  const kindOf = (code: string): string | undefined =>
    fileByCode.has(code) ? norm(fileByCode.get(code)!.row.kind) : existingByCode.get(code)?.kind;

  // Pass 2: parents, placement and cycles.
  for (const [code, { row, rowNumber }] of fileByCode) {
    const parentCode = norm(row.parentCode) || null;
    const level = norm(row.level);
    if (parentCode !== null && !fileByCode.has(parentCode) && !existingByCode.has(parentCode)) {
      add(
        rowNumber,
        "parentCode",
        "unknown_parent",
        `Mã cấp trên "${parentCode}" không có trong tệp và trong cơ sở dữ liệu`,
      );
      continue;
    }
    if (parentCode !== null && existingByCode.get(parentCode)?.dissolved && !fileByCode.has(parentCode)) {
      add(
        rowNumber,
        "parentCode",
        "parent_dissolved",
        describePlacementError({ rule: "parent_dissolved", parentCode }, hierarchy),
      );
      continue;
    }
    if (!hierarchy.levels.has(level)) continue;
    const parentLevel = parentCode === null ? null : (levelOf(parentCode) ?? null);
    if (parentCode !== null && parentLevel !== null && !hierarchy.levels.has(parentLevel)) continue;
    const placement = checkPlacement(hierarchy, level, parentLevel);
    if (!placement.ok) {
      add(
        rowNumber,
        parentCode === null ? "parentCode" : "parentCode",
        placement.error.rule,
        describePlacementError(placement.error, hierarchy),
      );
      continue;
    }
    // A child cannot exist outside its parent's life (parents in the file with their days).
    const parentRow = parentCode === null ? undefined : fileByCode.get(parentCode)?.row;
    if (parentRow) {
      const mine = { founded: readDay(row.foundedOn), ended: readDay(row.endedOn) };
      const theirs = { founded: readDay(parentRow.foundedOn), ended: readDay(parentRow.endedOn) };
      if (mine.founded && theirs.founded && mine.founded < theirs.founded)
        add(
          rowNumber,
          "foundedOn",
          "founded_before_parent",
          `Ngày thành lập ${formatDate(mine.founded)} ở trước ngày thành lập của đơn vị cấp trên "${parentCode}" (${formatDate(theirs.founded)})`,
        );
      if (theirs.ended && (!mine.ended || mine.ended > theirs.ended))
        add(
          rowNumber,
          "endedOn",
          "outlives_parent",
          `Đơn vị cấp trên "${parentCode}" kết thúc ngày ${formatDate(theirs.ended)}; đơn vị này phải kết thúc muộn nhất cùng ngày`,
        );
    }
    // Walk up; a chain that comes back to this code is a cycle.
    const seen = [code];
    let cursor = parentCode;
    while (cursor !== null) {
      if (cursor === code) {
        add(
          rowNumber,
          "parentCode",
          "cycle",
          describePlacementError({ rule: "cycle", codes: [...seen, code] }, hierarchy),
        );
        break;
      }
      if (seen.length > 10_000) break;
      seen.push(cursor);
      cursor = parentOf(cursor);
    }
  }

  // Pass 3: villages.
  const villageCodes = new Map<string, number>();
  const villages: { code: string; name: string; kind: string; branchCode: string; communeCode: string }[] =
    [];
  const existingVillageByCode = new Map(existingVillages.map((v) => [v.code, v]));
  for (const [code, { row, rowNumber }] of fileByCode) {
    const vName = norm(row.villageName);
    const vCode = norm(row.villageCode);
    const vKind = norm(row.villageKind);
    if (!vName && !vCode && !vKind) continue;
    if (!vName)
      add(
        rowNumber,
        "villageName",
        "missing_village_name",
        "Có mã thôn/khu phố nhưng thiếu tên thôn/khu phố",
      );
    if (!vCode)
      add(
        rowNumber,
        "villageCode",
        "missing_village_code",
        "Có tên thôn/khu phố nhưng thiếu mã thôn/khu phố",
      );
    else if (!orgCodeSchema.safeParse(vCode).success)
      add(
        rowNumber,
        "villageCode",
        "invalid_code",
        "Mã thôn/khu phố chỉ gồm chữ không dấu, số và các ký tự . _ -",
      );
    if (!(VILLAGE_KINDS as readonly string[]).includes(vKind)) {
      add(
        rowNumber,
        "villageKind",
        "unknown_village_kind",
        `Loại thôn/khu phố "${vKind}" không hợp lệ (${VILLAGE_KINDS.join(", ")})`,
      );
    }
    if (vCode) {
      const dup = villageCodes.get(vCode);
      if (dup !== undefined)
        add(
          rowNumber,
          "villageCode",
          "duplicate_village_code",
          `Mã thôn/khu phố "${vCode}" trùng với dòng ${dup}`,
        );
      villageCodes.set(vCode, rowNumber);
      const ev = existingVillageByCode.get(vCode);
      if (ev && ev.branchCode !== null && ev.branchCode !== code && !fileByCode.has(ev.branchCode)) {
        add(
          rowNumber,
          "villageCode",
          "village_taken",
          `Thôn/khu phố "${vCode}" đã do chi bộ "${ev.branchCode}" phụ trách`,
        );
      }
    }
    // The village belongs to the nearest commune-level ancestor.
    let cursor = norm(row.parentCode) || null;
    let commune: string | null = null;
    for (let guard = 0; cursor !== null && guard < 100; guard++) {
      const k = kindOf(cursor);
      if (k && hierarchy.kinds.get(k)?.isCommuneLevel) {
        commune = cursor;
        break;
      }
      cursor = parentOf(cursor);
    }
    if (commune === null) {
      add(
        rowNumber,
        "villageCode",
        "village_without_commune",
        "Chi bộ phụ trách thôn/khu phố phải thuộc một đảng bộ xã, phường hoặc thị trấn",
      );
    } else if (vCode && vName) {
      const ev = existingVillageByCode.get(vCode);
      const same =
        ev && ev.name === vName && ev.kind === vKind && ev.branchCode === code && ev.communeCode === commune;
      if (!same)
        villages.push({ code: vCode, name: vName, kind: vKind, branchCode: code, communeCode: commune });
    }
  }

  if (issues.length > 0) {
    issues.sort((a, b) => a.rowNumber - b.rowNumber);
    return err(issues);
  }

  // Order creates parents-first (depth in the merged tree).
  const depthCache = new Map<string, number>();
  const depthOf = (code: string): number => {
    const cached = depthCache.get(code);
    if (cached !== undefined) return cached;
    const p = parentOf(code);
    const d = p === null ? 0 : depthOf(p) + 1;
    depthCache.set(code, d);
    return d;
  };
  const creates: OrgChange[] = [];
  const updates: OrgChange[] = [];
  let unchanged = 0;
  let withoutFoundingDay = 0;
  for (const [code, { row, rowNumber }] of fileByCode) {
    const ex = existingByCode.get(code) ?? null;
    const clean: OrgRow = {
      code,
      name: norm(row.name).replace(/\s+/g, " "),
      level: norm(row.level),
      kind: norm(row.kind),
      sector: norm(row.sector) || undefined,
      parentCode: norm(row.parentCode) || undefined,
      villageCode: norm(row.villageCode) || undefined,
      villageName: norm(row.villageName) || undefined,
      villageKind: norm(row.villageKind) || undefined,
      foundedOn: readDay(row.foundedOn) ?? undefined,
      endedOn: readDay(row.endedOn) ?? undefined,
    };
    if (!ex) {
      creates.push({ row: clean, rowNumber, existing: null });
      if (!clean.foundedOn) withoutFoundingDay++;
    } else if (
      ex.name !== clean.name ||
      ex.kind !== clean.kind ||
      (ex.sector ?? undefined) !== clean.sector ||
      (ex.parentCode ?? undefined) !== clean.parentCode
    ) {
      updates.push({ row: clean, rowNumber, existing: ex });
    } else unchanged++;
  }
  creates.sort((a, b) => depthOf(a.row.code) - depthOf(b.row.code));
  updates.sort((a, b) => depthOf(a.row.code) - depthOf(b.row.code));
  return ok({ creates, updates, unchanged, withoutFoundingDay, villages });
}

/** The search key stored beside each name. */
export function searchKey(name: string): string {
  return foldDiacritics(name);
}
