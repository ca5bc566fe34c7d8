/**
 * A country for the national benchmarks: `provinces` copies of the demo province (each from its
 * own seed) under a national root, with the 2020 season's congresses; optionally each province's
 * people and posts, villages and territories, and party members without posts up to a total of
 * people. Bulk SQL (one JSON parameter per batch), no audit entries per row: the point is the size.
 */

import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import pg from "pg";
import { SYSTEM_ACTOR } from "../src/db/audit.ts";
import { createDb, type Database, type Db } from "../src/db/client.ts";
import { setOrgTerritories } from "../src/db/repositories/indicators.ts";
import { snapshotEveryVersion } from "../src/db/repositories/org-history.ts";
import { upsertVillages } from "../src/db/repositories/organisations.ts";
import { insertPosts, reservePersonIds, upsertPeople } from "../src/db/repositories/people.ts";
import {
  demoIndicatorOrgs,
  generateDemoPeople,
  generateDemoProvince,
  generateDemoSeason2020,
} from "../src/demo/index.ts";
import { HISTORY_START } from "../src/domain/organisation/index.ts";
import { createSeason, insertSeasonCongresses } from "../src/services/congresses/index.ts";
import { demoPersonValues } from "../src/services/demo-people.ts";

export const elapsed = (label: string, t0: number) =>
  console.log(`  ${label}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);

export interface BenchDatabase {
  readonly database: Database;
  readonly db: Db;
  readonly name: string;
  /** BENCH_DB: an existing database measured again, without the build. */
  readonly reuse: string | undefined;
  /** Drops the database unless KEEP_BENCH_DB or BENCH_DB is set. */
  close(): Promise<void>;
}

/** A new database on the server of DATABASE_URL (or the existing BENCH_DB). */
export async function openBenchDatabase(): Promise<BenchDatabase> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    console.error(
      "DATABASE_URL (a PostgreSQL server) is required: this benchmark measures the server engine.",
    );
    process.exit(1);
  }
  const reuse = process.env.BENCH_DB;
  const name = reuse ?? `daihoi_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  if (!reuse) await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await createDb({ kind: "postgres", url: url.toString() });
  return {
    database,
    db: database.db,
    name,
    reuse,
    async close() {
      await database.close();
      if (process.env.KEEP_BENCH_DB || reuse) console.log(`kept database ${name}`);
      else await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}

export interface Country {
  readonly seasonId: number;
  /** Organisation code ("P07.QN.HL") → id. */
  readonly ids: ReadonlyMap<string, number>;
}

export interface CountryOptions {
  readonly provinces: number;
  /** Each province's people and posts, villages and territories (the indicators' data). */
  readonly people?: boolean;
  /** Party members without posts added until the register holds this many people. */
  readonly totalPeople?: number;
}

export async function buildCountry(db: Db, options: CountryOptions): Promise<Country> {
  const { provinces } = options;
  console.log(`Building a country of ${provinces} provinces…`);
  let t0 = performance.now();
  // Levels are data: a national root above the provinces is one row.
  await db.execute(
    sql`insert into org_level (code, name, rank, allowed_parents, is_grassroots) values ('country', 'Toàn quốc', -1, '{}', false)`,
  );
  await db.execute(sql`update org_level set allowed_parents = '{country}' where code = 'province'`);
  await db.execute(
    sql`insert into org_kind (code, name, family) values ('country', 'Quốc gia', 'territorial')`,
  );

  type Row = {
    id: number;
    code: string;
    name: string;
    searchName: string;
    level: string;
    kind: string;
    sector: string | null;
    parentId: number | null;
    path: string;
    depth: number;
  };
  const rows: Row[] = [
    {
      id: 1,
      code: "VN",
      name: "Toàn quốc",
      searchName: "toan quoc",
      level: "country",
      kind: "country",
      sector: null,
      parentId: null,
      path: "1",
      depth: 0,
    },
  ];
  const idOf = new Map<string, Row>([["VN", rows[0]!]]);
  const generated = [];
  for (let p = 1; p <= provinces; p++) {
    const prefix = `P${String(p).padStart(2, "0")}`;
    const province = generateDemoProvince({ seed: p });
    for (const r of province.orgRows) {
      const parent = idOf.get(r.parentCode ? `${prefix}.${r.parentCode}` : "VN")!;
      const id = rows.length + 1;
      const row: Row = {
        id,
        code: `${prefix}.${r.code}`,
        name: r.level === "province" ? `${r.name} (${prefix})` : r.name,
        searchName: r.name.toLowerCase(),
        level: r.level,
        kind: r.kind,
        sector: r.sector ?? null,
        parentId: parent.id,
        path: `${parent.path}.${id}`,
        depth: parent.depth + 1,
      };
      rows.push(row);
      idOf.set(row.code, row);
    }
    generated.push({ prefix, province, season: generateDemoSeason2020(province, { seed: p }), seed: p });
  }
  for (let i = 0; i < rows.length; i += 20_000) {
    await db.execute(sql`
      insert into organisation (id, code, name, search_name, level_code, kind_code, sector, parent_id, path, depth)
      select x.id, x.code, x.name, x."searchName", x.level, x.kind, x.sector, x."parentId", x.path::ltree, x.depth
      from json_to_recordset(${JSON.stringify(rows.slice(i, i + 20_000))}::json)
        as x(id int, code text, name text, "searchName" text, level text, kind text, sector text, "parentId" int, path text, depth int)`);
  }
  await db.execute(sql`select setval(pg_get_serial_sequence('organisation', 'id'), ${rows.length})`);
  // Their dated history: every one stands from the history's start (the 2020 season sees them).
  await snapshotEveryVersion(db, HISTORY_START);
  elapsed(`${rows.length.toLocaleString("vi-VN")} organisations`, t0);

  t0 = performance.now();
  const demoSeason = generated[0]!.season.season;
  const created = await createSeason(db, SYSTEM_ACTOR, { ...demoSeason, pilotOrgIds: [] }, 1);
  if (!created.ok) throw new Error(created.error.message);
  const records = generated.flatMap(({ prefix, season }) =>
    season.congresses.map((c) => ({ ...c, orgId: idOf.get(`${prefix}.${c.orgId}`)!.id })),
  );
  await db.transaction((tx) => insertSeasonCongresses(tx, SYSTEM_ACTOR, created.value, records));
  elapsed(`${records.length.toLocaleString("vi-VN")} congresses, their audit entries and the roll-up`, t0);

  if (options.people) {
    t0 = performance.now();
    let people = 0;
    let posts = 0;
    for (const { prefix, province, season, seed } of generated) {
      const orgId = (code: string | number) => idOf.get(`${prefix}.${code}`)!.id;
      await upsertVillages(
        db,
        province.orgRows
          .filter((r) => r.villageCode)
          .map((r) => ({
            code: `${prefix}.${r.villageCode}`,
            name: r.villageName ?? r.name,
            kind: r.villageKind ?? "thôn",
            communeId: orgId(r.parentCode!),
            branchId: orgId(r.code),
          })),
      );
      const orgs = demoIndicatorOrgs(province.orgRows);
      const parentOf = new Map(province.orgRows.map((r) => [r.code, r.parentCode]));
      const byCode = new Map(orgs.map((o) => [String(o.id), o]));
      await setOrgTerritories(
        db,
        orgs.map((o) => {
          const parent = parentOf.get(String(o.id));
          const inherited = parent !== undefined && byCode.get(parent)?.territory === o.territory;
          return { id: orgId(o.id), territory: inherited ? null : (o.territory ?? null), tags: o.tags ?? [] };
        }),
      );
      const demo = generateDemoPeople(province, season, { seed });
      const personIds = await reservePersonIds(db, demo.people.length);
      const personId = new Map(demo.people.map((p, i) => [String(p.id), personIds[i]!]));
      await upsertPeople(
        db,
        demo.people.map((p) => ({
          id: personId.get(String(p.id))!,
          values: demoPersonValues(p, `${prefix}.${p.id}`),
        })),
      );
      await insertPosts(
        db,
        demo.posts.map((p) => ({
          personId: personId.get(String(p.personId))!,
          kind: p.kind,
          orgId: p.orgId === null ? null : orgId(p.orgId),
          villageCode: p.villageCode === null ? null : `${prefix}.${p.villageCode}`,
          term: p.term,
          title: p.title,
          start: p.start,
          end: p.end,
        })),
      );
      people += demo.people.length;
      posts += demo.posts.length;
    }
    elapsed(
      `${people.toLocaleString("vi-VN")} people holding ${posts.toLocaleString("vi-VN")} posts, villages, territories`,
      t0,
    );
    const extra = Math.max(0, (options.totalPeople ?? 0) - people);
    if (extra > 0) {
      t0 = performance.now();
      // Members without posts: they do not count in any structure indicator, but they are the
      // bulk of the register every query runs beside.
      for (let done = 0; done < extra; done += 500_000) {
        const n = Math.min(500_000, extra - done);
        await db.execute(sql`
          insert into person (code, full_name, search_name, duplicate_key, gender, birth_date, ethnicity,
            hometown_province_code, hometown_province_name, membership_status, joined_on)
          select 'DV' || (${done} + g), 'Đảng viên ' || (${done} + g), 'dang vien ' || (${done} + g),
            'dang vien ' || (${done} + g), case when g % 2 = 0 then 'female' else 'male' end,
            date '1950-01-01' + (g % 18000), 'Kinh', 'QN', 'Quảng Ninh', 'official',
            date '1975-01-01' + (g % 15000)
          from generate_series(1, ${n}) g`);
      }
      elapsed(`${extra.toLocaleString("vi-VN")} party members without posts`, t0);
    }
  }
  // What autovacuum does after a bulk load: visibility map and statistics, so index-only scans stay index-only.
  await db.execute(sql`vacuum analyze`);
  return { seasonId: created.value, ids: new Map([...idOf].map(([code, row]) => [code, row.id])) };
}
