/**
 * The authorisation matrix: every route the server registers, for every role, on a target inside
 * and a target outside the role's part of the tree. A route without a declared access rule fails
 * registration; a registered /api route without an entry in SPECS fails this test.
 *
 * Expected outcome per role (see `expected`): allowed (anything but 401/403/404), 401 without a
 * session, 403 when the role is insufficient, 404 where the target lies outside the caller's scope
 * (its existence must not leak).
 */

import { and, eq } from "drizzle-orm";
import Fastify from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildTestApp,
  loginAs,
  multipartFile,
  seedTestUsers,
  type TestApp,
  WRITE_HEADERS,
} from "../../test/app.ts";
import { realPng } from "../../test/attachments.ts";
import { ELECTION_SPECS, seedElectionTargets } from "../../test/authz-elections.ts";
import { seedSmallProvince, seedSmallSeason } from "../../test/factories.ts";
import { SYSTEM_ACTOR } from "../db/audit.ts";
import { ALL_SCOPE } from "../db/repositories/scope.ts";
import { congress } from "../db/schema.ts";
import { FULL_ACCESS } from "../services/access.ts";
import { DEFAULT_AUTH_POLICY } from "../services/accounts.ts";
import { changeCongress } from "../services/congresses/index.ts";
import { createIndicatorDefinition } from "../services/indicators/definitions.ts";
import { createOrg } from "../services/organisations/change.ts";
import { createPerson } from "../services/people.ts";
import {
  addPetitionAttachment,
  assignPetition,
  registerPetition,
  triagePetition,
} from "../services/petitions/index.ts";
import { createReportSnapshot } from "../services/reports/snapshots.ts";
import { createUser } from "../services/users.ts";
import { createElectionDay } from "../services/village-elections/index.ts";
import type { RouteAccess } from "./plugins/auth.ts";
import { registerAuth } from "./plugins/auth.ts";

type Role = "anonymous" | "admin" | "officerHL" | "petitionsHL" | "viewerProvince" | "viewerHL" | "counting";
type Outcome = "allowed" | 401 | 403 | 404;
type Where = "in" | "out";

interface Req {
  readonly method: string;
  readonly url: string;
  readonly payload?: unknown;
  /** Extra request headers (a multipart body's content type). */
  readonly headers?: Record<string, string>;
  /** A session of its own (logout ends the session it runs in). */
  readonly freshSession?: boolean;
}

interface Spec {
  /** Whether the route acts on a target in the tree (an organisation, a user, an audit subtree). */
  readonly targeted: boolean;
  readonly build: (where: Where) => Promise<Req> | Req;
  /**
   * For "session" routes whose service decides per target (elections): the outcome for each
   * signed-in role instead of the default table (anonymous still gets 401).
   */
  readonly expect?: (role: Exclude<Role, "anonymous">, where: Where) => Outcome;
}

let h: TestApp;
let ids: Map<string, number>;
const id = (code: string) => ids.get(code)!;
/** The district inside HL's subtree ("in") and the neighbouring one ("out"). */
const district = (w: Where) => (w === "in" ? "QN.HL" : "QN.CP");
const ward = (w: Where) => (w === "in" ? "QN.HL.HONGGAI" : "QN.CP.CONGHOA");
let seq = 0;

async function freshLeaf(w: Where): Promise<number> {
  const n = ++seq;
  const r = await createOrg(h.t.database.db, SYSTEM_ACTOR, ALL_SCOPE, {
    code: `${ward(w)}.M${n}`,
    name: `Chi bộ kiểm thử ${n}`,
    level: "branch",
    kind: "village",
    parentId: id(ward(w)),
  });
  if (!r.ok) throw new Error(r.error.message);
  return r.value.id;
}

/** A user whose only grant is a viewer grant in `w`'s district. */
async function freshUser(w: Where): Promise<{ userId: number; grantId: number }> {
  const n = ++seq;
  const r = await createUser(
    h.t.database.db,
    DEFAULT_AUTH_POLICY,
    { actor: SYSTEM_ACTOR, access: FULL_ACCESS, sessionId: null },
    {
      username: `matran.${n}`,
      displayName: `Người dùng ${n}`,
      grants: [{ role: "viewer", orgId: id(district(w)) }],
    },
  );
  if (!r.ok) throw new Error(r.error.message);
  return { userId: r.value.user.id, grantId: r.value.grants[0]!.id };
}

const users: Record<Where, number> = { in: 0, out: 0 };
let seasonId = 0;
const season = (path: string) => `/api/seasons/${seasonId}${path}`;

/** A fresh branch with a planned congress, for lifecycle events. */
async function plannedLeaf(w: Where): Promise<number> {
  const orgId = await freshLeaf(w);
  const plan = {
    type: "members" as const,
    pilot: false,
    plannedStart: "2020-02-10",
    plannedEnd: "2020-02-10",
    venue: null,
    contactName: null,
    contactPhone: null,
  };
  const r = await changeCongress(
    h.t.database.db,
    SYSTEM_ACTOR,
    ALL_SCOPE,
    seasonId,
    orgId,
    { kind: "plan", plan },
    "2020-01-01",
  );
  if (!r.ok) throw new Error(r.error.message);
  return orgId;
}

/** A fresh person holding the secretary post of `w`'s ward; returns the person's and the post's ids. */
async function freshPerson(w: Where): Promise<{ personId: number; postId: number }> {
  const n = ++seq;
  const r = await createPerson(h.t.database.db, SYSTEM_ACTOR, ALL_SCOPE, {
    fullName: `Nguyễn Văn Thử ${n}`,
    gender: "male",
    birthDate: "1975-01-01",
    ethnicity: "Kinh",
    hometown: { province: { code: "QN", name: "Quảng Ninh" }, district: null, commune: null },
    membership: null,
    posts: [personPost(w)],
  });
  if (!r.ok) throw new Error(r.error.message);
  return { personId: r.value.person.id, postId: r.value.posts[0]!.id };
}

const personPost = (w: Where) => ({
  kind: "secretary" as const,
  orgId: id(ward(w)),
  villageCode: null,
  term: "2020–2025",
  title: null,
  start: "2020-05-01",
  end: null,
});

/** A user-defined indicator belonging to `w`'s district. */
async function freshIndicator(w: Where): Promise<number> {
  const r = await createIndicatorDefinition(h.t.database.db, SYSTEM_ACTOR, ALL_SCOPE, {
    definition: indicatorDefinition(`matran_${++seq}`),
    orgId: id(district(w)),
  });
  if (!r.ok) throw new Error(r.error.message);
  return r.value.customId!;
}

/** A report snapshot of `w`'s district. */
async function freshReport(w: Where): Promise<number> {
  const r = await createReportSnapshot(h.t.database.db, SYSTEM_ACTOR, ALL_SCOPE, {
    orgId: id(district(w)),
    seasonId,
    asOf: "2020-07-25",
  });
  if (!r.ok) throw new Error(r.error.message);
  return r.value.id;
}

const indicatorDefinition = (code: string) => ({
  code,
  name: "Bí thư là nữ",
  description: "Bí thư đương nhiệm là nữ",
  population: { subject: "posts", postKinds: ["secretary"], org: {}, period: "in_office" },
  condition: { kind: "gender", gender: "female" },
});

const people: Record<Where, number> = { in: 0, out: 0 };

/** Village-head elections: the day, and a village inside ("in") and outside HL's subtree. */
let villageDayId = 0;
const villages: Record<Where, number> = { in: 0, out: 0 };
const vday = (path: string) => `/api/village-elections/${villageDayId}${path}`;
const villageMeeting = {
  attempt: 1,
  heldOn: "2020-01-05",
  electorate: 100,
  present: 80,
  method: "show-of-hands",
  issued: null,
  collected: null,
  valid: null,
  invalid: null,
  candidates: [
    {
      fullName: "Đinh Văn Thôn",
      nomination: "branch-committee",
      personId: null,
      gender: "male",
      birthDate: "1970-01-01",
      ethnicity: "Kinh",
      votes: 70,
    },
  ],
  team: [],
};
/** The congress of a fresh branch of `w`'s ward. */
async function freshCongress(w: Where): Promise<number> {
  const orgId = await plannedLeaf(w);
  const rows = await h.t.database.db
    .select({ id: congress.id })
    .from(congress)
    .where(and(eq(congress.seasonId, seasonId), eq(congress.orgId, orgId)));
  return rows[0]!.id;
}

/** A letter registered in `w`'s ward, optionally moved on to `until` (triaged or in handling). */
async function freshPetition(
  w: Where,
  until: "received" | "triaged" | "in_handling" = "received",
): Promise<number> {
  const db = h.t.database.db;
  const r = await registerPetition(
    db,
    SYSTEM_ACTOR,
    ALL_SCOPE,
    {
      orgId: id(ward(w)),
      receivedOn: "2020-01-15",
      channel: "post",
      senderType: "citizen",
      senderIdentity: "identified",
      senderName: "Người gửi thử",
      senderAddress: null,
      kind: "complaint",
      summary: `Khiếu nại kiểm thử ${++seq}`,
      congressId: null,
      concernsPersonnel: false,
      personIds: [people[w]],
      orgIds: [],
    },
    "2020-02-01",
  );
  if (!r.ok) throw new Error(r.error.message);
  const pid = r.value.petition.id;
  if (until !== "received") {
    const t = await triagePetition(
      db,
      SYSTEM_ACTOR,
      ALL_SCOPE,
      pid,
      { competentBody: "organisation_board", process: true, duplicateOf: null },
      "2020-02-01",
    );
    if (!t.ok) throw new Error(t.error.message);
  }
  if (until === "in_handling") {
    const a = await assignPetition(
      db,
      SYSTEM_ACTOR,
      ALL_SCOPE,
      pid,
      { assigneeName: "Cán bộ", deadline: null },
      "2020-02-01",
    );
    if (!a.ok) throw new Error(a.error.message);
  }
  return pid;
}

const petitionIds: Record<Where, number> = { in: 0, out: 0 };
const attachmentIds: Record<Where, number> = { in: 0, out: 0 };
const congressIds: Record<Where, number> = { in: 0, out: 0 };
/** A real image: attachments must decode, not only start like a PNG. */
const PNG = await realPng();

const SPECS: Record<string, Spec> = {
  "GET /api/health": { targeted: false, build: () => ({ method: "GET", url: "/api/health" }) },
  "POST /api/auth/login": {
    targeted: false,
    build: () => ({
      method: "POST",
      url: "/api/auth/login",
      // Signing in again replaces the session the request carries: use a session of its own.
      payload: { username: "xem.tinh", password: "ChiXem#2025" },
      freshSession: true,
    }),
  },
  "POST /api/auth/logout": {
    targeted: false,
    build: () => ({ method: "POST", url: "/api/auth/logout", freshSession: true }),
  },
  "GET /api/auth/me": { targeted: false, build: () => ({ method: "GET", url: "/api/auth/me" }) },
  "POST /api/auth/password": {
    targeted: false,
    // A wrong current password: passes authorisation, changes nothing (422).
    build: () => ({
      method: "POST",
      url: "/api/auth/password",
      payload: { currentPassword: "khong-dung-1", newPassword: "MatKhauMoi#2026" },
    }),
  },
  "GET /api/users": { targeted: false, build: () => ({ method: "GET", url: "/api/users" }) },
  "POST /api/users": {
    targeted: true,
    build: (w) => ({
      method: "POST",
      url: "/api/users",
      payload: {
        username: `moi.${++seq}`,
        displayName: "Người dùng mới",
        grants: [{ role: "viewer", orgId: id(district(w)) }],
      },
    }),
  },
  "GET /api/users/:id": { targeted: true, build: (w) => ({ method: "GET", url: `/api/users/${users[w]}` }) },
  "PATCH /api/users/:id": {
    targeted: true,
    build: (w) => ({ method: "PATCH", url: `/api/users/${users[w]}`, payload: { displayName: "Tên mới" } }),
  },
  "POST /api/users/:id/reset-password": {
    targeted: true,
    build: async (w) => ({ method: "POST", url: `/api/users/${(await freshUser(w)).userId}/reset-password` }),
  },
  "POST /api/users/:id/grants": {
    targeted: true,
    build: async (w) => ({
      method: "POST",
      url: `/api/users/${(await freshUser(w)).userId}/grants`,
      payload: { role: "viewer", orgId: id(ward(w)) },
    }),
  },
  "DELETE /api/users/:id/grants/:grantId": {
    targeted: true,
    build: async (w) => {
      const u = await freshUser(w);
      return { method: "DELETE", url: `/api/users/${u.userId}/grants/${u.grantId}` };
    },
  },
  "GET /api/audit": {
    targeted: true,
    build: (w) => ({ method: "GET", url: `/api/audit?orgId=${id(district(w))}` }),
  },
  "GET /api/audit/export.xlsx": {
    targeted: true,
    build: (w) => ({ method: "GET", url: `/api/audit/export.xlsx?orgId=${id(district(w))}` }),
  },
  "GET /api/orgs/:id/history": {
    targeted: true,
    build: (w) => ({ method: "GET", url: `/api/orgs/${id(district(w))}/history` }),
  },
  "GET /api/meta/hierarchy": {
    targeted: false,
    build: () => ({ method: "GET", url: "/api/meta/hierarchy" }),
  },
  "GET /api/orgs/roots": { targeted: false, build: () => ({ method: "GET", url: "/api/orgs/roots" }) },
  "GET /api/orgs/search": {
    targeted: true,
    build: (w) => ({ method: "GET", url: `/api/orgs/search?q=chi&within=${id(district(w))}` }),
  },
  "GET /api/orgs/import/template.xlsx": {
    targeted: false,
    build: () => ({ method: "GET", url: "/api/orgs/import/template.xlsx" }),
  },
  "POST /api/orgs/import": {
    targeted: false,
    // Not multipart: refused as unreadable (400) once authorised; nothing is written.
    build: () => ({ method: "POST", url: "/api/orgs/import?dryRun=true", payload: {} }),
  },
  "POST /api/orgs/reorganisation": {
    targeted: false,
    // Not multipart: refused as unreadable (400) once authorised; nothing is written.
    build: () => ({ method: "POST", url: "/api/orgs/reorganisation?dryRun=true", payload: {} }),
  },
  "GET /api/orgs/:id": { targeted: true, build: (w) => ({ method: "GET", url: `/api/orgs/${id(ward(w))}` }) },
  "GET /api/orgs/:id/children": {
    targeted: true,
    build: (w) => ({ method: "GET", url: `/api/orgs/${id(ward(w))}/children` }),
  },
  "GET /api/orgs/:id/export.xlsx": {
    targeted: true,
    build: (w) => ({ method: "GET", url: `/api/orgs/${id(ward(w))}/export.xlsx` }),
  },
  "POST /api/orgs": {
    targeted: true,
    build: (w) => ({
      method: "POST",
      url: "/api/orgs",
      payload: {
        code: `${ward(w)}.N${++seq}`,
        name: `Chi bộ mới ${seq}`,
        level: "branch",
        kind: "village",
        parentId: id(ward(w)),
      },
    }),
  },
  "PATCH /api/orgs/:id": {
    targeted: true,
    build: async (w) => ({
      method: "PATCH",
      url: `/api/orgs/${await freshLeaf(w)}`,
      payload: { name: "Chi bộ đổi tên" },
    }),
  },
  "POST /api/orgs/:id/move": {
    targeted: true,
    build: async (w) => ({
      method: "POST",
      url: `/api/orgs/${await freshLeaf(w)}/move`,
      payload: { parentId: id(w === "in" ? "QN.HL.BACHDANG" : "QN.CP.CONGHOA") },
    }),
  },
  "GET /api/events": { targeted: false, build: () => ({ method: "GET", url: "/api/events?once=1" }) },
  "GET /api/seasons": { targeted: false, build: () => ({ method: "GET", url: "/api/seasons" }) },
  "POST /api/seasons": {
    targeted: false,
    build: () => ({
      method: "POST",
      url: "/api/seasons",
      payload: {
        code: `2025-2030-${++seq}`,
        name: "Đại hội nhiệm kỳ 2025–2030",
        rootOrgId: id("QN"),
        term: { startYear: 2025, endYear: 2030 },
        plan: { number: "12-KH/TU", date: "2025-06-01", issuer: "Tỉnh ủy Quảng Ninh" },
        directive: { number: "45-CT/TW", date: "2025-04-14", issuer: "Bộ Chính trị" },
        levels: [
          {
            code: "grassroots",
            name: "Tổ chức cơ sở đảng",
            order: 1,
            orgLevels: ["grassroots_committee", "grassroots_branch"],
            term: { startYear: 2025, endYear: 2030 },
            window: { start: "2025-07-01", end: "2025-08-31" },
            provinceDeadline: "2025-08-31",
            centralDeadline: "2025-08-31",
          },
        ],
      },
    }),
  },
  "PATCH /api/seasons/:seasonId/levels/:levelCode": {
    targeted: false,
    build: () => ({
      method: "PATCH",
      url: season("/levels/branch"),
      payload: { provinceDeadline: "2020-02-29" },
    }),
  },
  "GET /api/seasons/:seasonId/progress": {
    targeted: true,
    build: (w) => ({
      method: "GET",
      url: season(`/progress?orgId=${id(district(w))}&level=branch&asOf=2020-02-29`),
    }),
  },
  "GET /api/seasons/:seasonId/progress/children": {
    targeted: true,
    build: (w) => ({
      method: "GET",
      url: season(`/progress/children?orgId=${id(district(w))}&level=branch&asOf=2020-02-29`),
    }),
  },
  "GET /api/seasons/:seasonId/curves": {
    targeted: true,
    build: (w) => ({ method: "GET", url: season(`/curves?orgId=${id(district(w))}&asOf=2020-12-31`) }),
  },
  "GET /api/seasons/:seasonId/late": {
    targeted: true,
    build: (w) => ({ method: "GET", url: season(`/late?orgId=${id(district(w))}&asOf=2020-12-31`) }),
  },
  "GET /api/seasons/:seasonId/congresses": {
    targeted: true,
    build: (w) => ({ method: "GET", url: season(`/congresses?parentId=${id(ward(w))}`) }),
  },
  "GET /api/seasons/:seasonId/congresses/:orgId": {
    targeted: true,
    build: (w) => ({ method: "GET", url: season(`/congresses/${id(ward(w))}`) }),
  },
  "PUT /api/seasons/:seasonId/congresses/:orgId/plan": {
    targeted: true,
    build: async (w) => ({
      method: "PUT",
      url: season(`/congresses/${await freshLeaf(w)}/plan`),
      payload: { type: "members", plannedStart: "2020-02-10", plannedEnd: "2020-02-10" },
    }),
  },
  "POST /api/seasons/:seasonId/congresses/:orgId/events": {
    targeted: true,
    build: async (w) => ({
      method: "POST",
      url: season(`/congresses/${await plannedLeaf(w)}/events`),
      payload: {
        type: "reschedule",
        plannedStart: "2020-02-12",
        plannedEnd: "2020-02-12",
        venue: "Hội trường",
      },
    }),
  },
  "GET /api/seasons/:seasonId/progress/children.xlsx": {
    targeted: true,
    build: (w) => ({
      method: "GET",
      url: season(`/progress/children.xlsx?orgId=${id(district(w))}&level=branch&asOf=2020-02-29`),
    }),
  },
  "GET /api/seasons/:seasonId/late.xlsx": {
    targeted: true,
    build: (w) => ({ method: "GET", url: season(`/late.xlsx?orgId=${id(district(w))}&asOf=2020-12-31`) }),
  },
  "GET /api/seasons/:seasonId/congresses/import/template.xlsx": {
    targeted: true,
    build: (w) => ({
      method: "GET",
      url: season(`/congresses/import/template.xlsx?orgId=${id(district(w))}`),
    }),
  },
  "POST /api/seasons/:seasonId/congresses/import": {
    targeted: false,
    // Not multipart: refused as unreadable (400) once authorised; nothing is written.
    build: () => ({ method: "POST", url: season("/congresses/import?dryRun=true"), payload: {} }),
  },
  "GET /api/people": {
    targeted: true,
    build: (w) => ({ method: "GET", url: `/api/people?q=thu&within=${id(district(w))}` }),
  },
  "GET /api/people/import/template.xlsx": {
    targeted: false,
    build: () => ({ method: "GET", url: "/api/people/import/template.xlsx" }),
  },
  "POST /api/people/import": {
    targeted: false,
    // Not multipart: refused as unreadable (400) once authorised; nothing is written.
    build: () => ({ method: "POST", url: "/api/people/import?dryRun=true", payload: {} }),
  },
  "GET /api/people/export.xlsx": {
    targeted: true,
    build: (w) => ({ method: "GET", url: `/api/people/export.xlsx?orgId=${id(ward(w))}` }),
  },
  "GET /api/people/:id": {
    targeted: true,
    build: (w) => ({ method: "GET", url: `/api/people/${people[w]}` }),
  },
  "POST /api/people": {
    targeted: true,
    build: (w) => ({
      method: "POST",
      url: "/api/people",
      payload: {
        fullName: `Trần Thị Mới ${++seq}`,
        gender: "female",
        birthDate: "1980-02-02",
        ethnicity: "Kinh",
        hometown: { province: { code: "QN", name: "Quảng Ninh" }, district: null, commune: null },
        membership: null,
        posts: [personPost(w)],
      },
    }),
  },
  "PUT /api/people/:id": {
    targeted: true,
    build: async (w) => ({
      method: "PUT",
      url: `/api/people/${(await freshPerson(w)).personId}`,
      payload: {
        fullName: `Lê Văn Sửa ${++seq}`,
        gender: "male",
        birthDate: "1970-03-03",
        ethnicity: "Tày",
        hometown: { province: { code: "QN", name: "Quảng Ninh" }, district: null, commune: null },
        membership: null,
      },
    }),
  },
  "POST /api/people/:id/posts": {
    targeted: true,
    build: async (w) => ({
      method: "POST",
      url: `/api/people/${(await freshPerson(w)).personId}/posts`,
      payload: { ...personPost(w), kind: "people_committee_chair", term: null },
    }),
  },
  "POST /api/posts/:id/end": {
    targeted: true,
    build: async (w) => ({
      method: "POST",
      url: `/api/posts/${(await freshPerson(w)).postId}/end`,
      payload: { end: "2021-01-01" },
    }),
  },
  "GET /api/indicators/catalog": {
    targeted: false,
    build: () => ({ method: "GET", url: "/api/indicators/catalog" }),
  },
  "GET /api/indicators": {
    targeted: true,
    build: (w) => ({ method: "GET", url: `/api/indicators?orgId=${id(district(w))}&asOf=2020-07-25` }),
  },
  "GET /api/indicators/:code/members": {
    targeted: true,
    build: (w) => ({
      method: "GET",
      url: `/api/indicators/commune_secretary_not_local/members?orgId=${id(district(w))}&asOf=2020-07-25`,
    }),
  },
  "POST /api/indicators/definitions": {
    targeted: true,
    build: (w) => ({
      method: "POST",
      url: "/api/indicators/definitions",
      payload: { definition: indicatorDefinition(`moi_${++seq}`), orgId: id(district(w)) },
    }),
  },
  "PUT /api/indicators/definitions/:id": {
    targeted: true,
    build: async (w) => ({
      method: "PUT",
      url: `/api/indicators/definitions/${await freshIndicator(w)}`,
      payload: { definition: indicatorDefinition(`sua_${++seq}`), orgId: id(district(w)) },
    }),
  },
  "DELETE /api/indicators/definitions/:id": {
    targeted: true,
    build: async (w) => ({ method: "DELETE", url: `/api/indicators/definitions/${await freshIndicator(w)}` }),
  },
  "POST /api/orgs/:id/dissolve": {
    targeted: true,
    build: async (w) => ({
      method: "POST",
      url: `/api/orgs/${await freshLeaf(w)}/dissolve`,
      payload: { date: "2026-11-20", reason: "Sáp nhập" },
    }),
  },
  "GET /api/reports/templates": {
    targeted: false,
    build: () => ({ method: "GET", url: "/api/reports/templates" }),
  },
  "GET /api/reports": {
    targeted: false,
    build: () => ({ method: "GET", url: "/api/reports" }),
  },
  "POST /api/reports": {
    targeted: true,
    build: (w) => ({
      method: "POST",
      url: "/api/reports",
      payload: { orgId: id(district(w)), seasonId, asOf: "2020-07-25" },
    }),
  },
  "GET /api/reports/:id": {
    targeted: true,
    build: async (w) => ({ method: "GET", url: `/api/reports/${await freshReport(w)}` }),
  },
  "PATCH /api/reports/:id": {
    targeted: true,
    build: async (w) => ({
      method: "PATCH",
      url: `/api/reports/${await freshReport(w)}`,
      payload: { texts: { lessons_text: "Đoàn kết thống nhất." } },
    }),
  },
  "POST /api/reports/:id/regenerate": {
    targeted: true,
    build: async (w) => ({
      method: "POST",
      url: `/api/reports/${await freshReport(w)}/regenerate`,
      payload: {},
    }),
  },
  "GET /api/reports/:id/export.docx": {
    targeted: true,
    build: async (w) => ({ method: "GET", url: `/api/reports/${await freshReport(w)}/export.docx` }),
  },
  "GET /api/reports/:id/export.xlsx": {
    targeted: true,
    build: async (w) => ({ method: "GET", url: `/api/reports/${await freshReport(w)}/export.xlsx` }),
  },
  "GET /api/reports/:id/export.pdf": {
    targeted: true,
    build: async (w) => ({ method: "GET", url: `/api/reports/${await freshReport(w)}/export.pdf` }),
  },
  "GET /api/reports/:id/export.json": {
    targeted: true,
    build: async (w) => ({ method: "GET", url: `/api/reports/${await freshReport(w)}/export.json` }),
  },
  ...ELECTION_SPECS,
  "GET /api/village-elections": {
    targeted: false,
    build: () => ({ method: "GET", url: "/api/village-elections" }),
  },
  "POST /api/village-elections": {
    targeted: false,
    build: () => ({
      method: "POST",
      url: "/api/village-elections",
      payload: {
        code: `vday-${++seq}`,
        name: "Bầu trưởng thôn",
        electionDate: "2022-12-04",
        termStart: 2022,
        termEnd: 2025,
        rootOrgId: id("QN"),
      },
    }),
  },
  "GET /api/village-elections/:dayId/dashboard": {
    targeted: true,
    build: (w) => ({ method: "GET", url: vday(`/dashboard?orgId=${id(district(w))}`) }),
  },
  "GET /api/village-elections/:dayId/checklist": {
    targeted: true,
    build: (w) => ({ method: "GET", url: vday(`/checklist?orgId=${id(district(w))}&asOf=2020-01-05`) }),
  },
  "PUT /api/village-elections/:dayId/steps/:communeId": {
    targeted: true,
    build: (w) => ({
      method: "PUT",
      url: vday(`/steps/${id(ward(w))}`),
      payload: { decisionOn: "2019-12-10", teamOn: null, noticeOn: null },
    }),
  },
  "GET /api/village-elections/:dayId/villages": {
    targeted: true,
    build: (w) => ({ method: "GET", url: vday(`/villages?orgId=${id(ward(w))}`) }),
  },
  "GET /api/village-elections/:dayId/villages/:villageId": {
    targeted: true,
    build: (w) => ({ method: "GET", url: vday(`/villages/${villages[w]}`) }),
  },
  "GET /api/village-elections/branches/:orgId": {
    targeted: true,
    build: (w) => ({
      method: "GET",
      url: `/api/village-elections/branches/${id(w === "in" ? "QN.HL.HONGGAI.KP1" : "QN.CP.CONGHOA.T1")}`,
    }),
  },
  "POST /api/village-elections/:dayId/villages/:villageId/rounds": {
    targeted: true,
    // The same minutes again are accepted as a retry: every role may send them in turn.
    build: (w) => ({ method: "POST", url: vday(`/villages/${villages[w]}/rounds`), payload: villageMeeting }),
  },
  "POST /api/village-elections/:dayId/villages/:villageId/recognition": {
    targeted: true,
    // The same decision again is accepted as a retry: every role may send it in turn.
    build: (w) => ({
      method: "POST",
      url: vday(`/villages/${villages[w]}/recognition`),
      payload: { decisionNumber: "2/QĐ-UBND", recognisedOn: "2020-01-07", recognisedBy: "Chủ tịch UBND xã" },
    }),
  },
  "POST /api/village-elections/:dayId/villages/:villageId/interim": {
    targeted: true,
    // Not due (the village elected its head): refused with 422 once authorised.
    build: (w) => ({
      method: "POST",
      url: vday(`/villages/${villages[w]}/interim`),
      payload: {
        fullName: "Đinh Văn Tạm",
        personId: null,
        gender: "male",
        birthDate: "1970-01-01",
        appointedOn: "2020-01-20",
        decisionNumber: "1/QĐ-UBND",
      },
    }),
  },
  "GET /api/village-elections/:dayId/template.xlsx": {
    targeted: true,
    build: (w) => ({ method: "GET", url: vday(`/template.xlsx?orgId=${id(district(w))}`) }),
  },
  "GET /api/village-elections/:dayId/export.xlsx": {
    targeted: true,
    build: (w) => ({ method: "GET", url: vday(`/export.xlsx?orgId=${id(district(w))}`) }),
  },
  "POST /api/village-elections/:dayId/import": {
    targeted: false,
    // Not multipart: refused as unreadable (400) once authorised; nothing is written.
    build: () => ({ method: "POST", url: vday("/import?dryRun=true"), payload: {} }),
  },
  "GET /api/petitions": {
    targeted: true,
    build: (w) => ({ method: "GET", url: `/api/petitions?orgId=${id(district(w))}` }),
  },
  "GET /api/petitions/export.xlsx": {
    targeted: true,
    build: (w) => ({ method: "GET", url: `/api/petitions/export.xlsx?orgId=${id(district(w))}` }),
  },
  "GET /api/petitions/dashboard": {
    targeted: true,
    build: (w) => ({ method: "GET", url: `/api/petitions/dashboard?orgId=${id(district(w))}` }),
  },
  "GET /api/petitions/settings": {
    targeted: false,
    build: () => ({ method: "GET", url: "/api/petitions/settings" }),
  },
  "PUT /api/petitions/settings": {
    targeted: false,
    build: () => ({
      method: "PUT",
      url: "/api/petitions/settings",
      payload: {
        recordOnlyUnidentifiedDenunciations: true,
        personnelLeadDays: 5,
        handlingDays: { report: 30, recommendation: 30, complaint: 30, denunciation: 60 },
      },
    }),
  },
  "POST /api/petitions": {
    targeted: true,
    build: (w) => ({
      method: "POST",
      url: "/api/petitions",
      payload: {
        orgId: id(ward(w)),
        receivedOn: "2020-01-20",
        channel: "in_person",
        senderType: "member",
        senderIdentity: "identified",
        senderName: "Đảng viên gửi",
        kind: "recommendation",
        summary: "Kiến nghị kiểm thử",
      },
    }),
  },
  "GET /api/petitions/:id": {
    targeted: true,
    build: (w) => ({ method: "GET", url: `/api/petitions/${petitionIds[w]}` }),
  },
  "POST /api/petitions/:id/triage": {
    targeted: true,
    build: async (w) => ({
      method: "POST",
      url: `/api/petitions/${await freshPetition(w)}/triage`,
      payload: { competentBody: "inspection_commission", process: true },
    }),
  },
  "POST /api/petitions/:id/assign": {
    targeted: true,
    build: async (w) => ({
      method: "POST",
      url: `/api/petitions/${await freshPetition(w, "triaged")}/assign`,
      payload: { assigneeName: "Đ/c Kiểm Tra" },
    }),
  },
  "POST /api/petitions/:id/steps": {
    targeted: true,
    build: async (w) => ({
      method: "POST",
      url: `/api/petitions/${await freshPetition(w, "in_handling")}/steps`,
      payload: { on: "2020-01-20", description: "Xác minh" },
    }),
  },
  "POST /api/petitions/:id/conclude": {
    targeted: true,
    build: async (w) => ({
      method: "POST",
      url: `/api/petitions/${await freshPetition(w, "in_handling")}/conclude`,
      payload: { conclusion: "partly_founded", conclusionText: "Đúng một phần", concludedOn: "2020-01-25" },
    }),
  },
  "POST /api/petitions/:id/notify": {
    targeted: true,
    // Not yet concluded: refused by the lifecycle (422) once authorised; nothing is written.
    build: async (w) => ({
      method: "POST",
      url: `/api/petitions/${await freshPetition(w)}/notify`,
      payload: { noticeOn: "2020-01-26", noticeText: "Thông báo" },
    }),
  },
  "POST /api/petitions/:id/attachments": {
    targeted: true,
    build: (w) => ({
      method: "POST",
      url: `/api/petitions/${petitionIds[w]}/attachments`,
      ...multipartFile("file", "don.png", PNG, "image/png"),
    }),
  },
  "GET /api/petitions/:id/attachments/:attachmentId": {
    targeted: true,
    build: (w) => ({
      method: "GET",
      url: `/api/petitions/${petitionIds[w]}/attachments/${attachmentIds[w]}`,
    }),
  },
  "GET /api/seasons/:seasonId/congresses/:orgId/petitions": {
    targeted: true,
    build: (w) => ({ method: "GET", url: season(`/congresses/${id(ward(w))}/petitions`) }),
  },
  "GET /api/congresses/:id/complaint-flags": {
    targeted: true,
    build: (w) => ({
      method: "GET",
      url: `/api/congresses/${congressIds[w]}/complaint-flags?personIds=${people.in},${people.out}`,
    }),
  },
};

const ROLES: Record<Exclude<Role, "anonymous">, string> = {
  admin: "quantri",
  officerHL: "canbo.halong",
  petitionsHL: "thanhtra.halong",
  viewerProvince: "xem.tinh",
  viewerHL: "xem.halong",
  counting: "kiemphieu",
};

function expected(role: Role, access: RouteAccess, targeted: boolean, where: Where): Outcome {
  if (access === "public") return "allowed";
  if (role === "anonymous") return 401;
  if (access === "session" || role === "admin") return "allowed";
  if (access === "admin") return 403;
  if (access === "petitions") {
    // Letters: only a grant carrying `petitions` reads or changes them, inside its subtree.
    if (role !== "petitionsHL") return 403;
    return targeted && where === "out" ? 404 : "allowed";
  }
  if (access === "write") {
    if (role !== "officerHL" && role !== "petitionsHL") return 403;
    return targeted && where === "out" ? 404 : "allowed";
  }
  // read
  if (!targeted) return "allowed";
  switch (role) {
    case "viewerProvince":
      return "allowed";
    case "officerHL":
    case "petitionsHL":
    case "viewerHL":
      return where === "in" ? "allowed" : 404;
    case "counting":
      return 404;
  }
}

/** Passwords of the users this test creates (the demo users' come from DEMO_USERS). */
const TEST_PASSWORDS: Record<string, string> = {
  "xem.halong": "XemHaLong#2025",
  "thanhtra.halong": "DonThuHaLong#2025",
};

const sessions = new Map<Role, Record<string, string>>();

beforeAll(async () => {
  h = await buildTestApp();
  ids = await seedSmallProvince(h.t.database.db);
  seasonId = await seedSmallSeason(h.t.database.db, ids);
  await seedTestUsers(h.app);
  const r = await createUser(
    h.t.database.db,
    DEFAULT_AUTH_POLICY,
    { actor: SYSTEM_ACTOR, access: FULL_ACCESS, sessionId: null },
    {
      username: "xem.halong",
      displayName: "Xem Hạ Long",
      password: "XemHaLong#2025",
      mustChangePassword: false,
      grants: [{ role: "viewer", orgId: id("QN.HL") }],
    },
  );
  if (!r.ok) throw new Error(r.error.message);
  const p = await createUser(
    h.t.database.db,
    DEFAULT_AUTH_POLICY,
    { actor: SYSTEM_ACTOR, access: FULL_ACCESS, sessionId: null },
    {
      username: "thanhtra.halong",
      displayName: "Thanh tra Hạ Long",
      password: "DonThuHaLong#2025",
      mustChangePassword: false,
      grants: [{ role: "officer", orgId: id("QN.HL"), petitions: true }],
    },
  );
  if (!p.ok) throw new Error(p.error.message);
  users.in = (await freshUser("in")).userId;
  users.out = (await freshUser("out")).userId;
  people.in = (await freshPerson("in")).personId;
  people.out = (await freshPerson("out")).personId;
  await seedElectionTargets(h, ids, seasonId);
  const vd = await createElectionDay(h.t.database.db, SYSTEM_ACTOR, {
    code: "2020",
    name: "Bầu trưởng thôn 05/01/2020",
    electionDate: "2020-01-05",
    termStart: 2020,
    termEnd: 2022,
    rootOrgId: id("QN"),
    seasonId,
  });
  if (!vd.ok) throw new Error(vd.error.message);
  villageDayId = vd.value.id;
  const { village } = await import("../db/schema.ts");
  const vs = await h.t.database.db.select({ id: village.id, code: village.code }).from(village);
  villages.in = vs.find((v) => v.code === "V.HONGGAI.KP1")!.id;
  villages.out = vs.find((v) => v.code === "V.CONGHOA.T1")!.id;
  for (const w of ["in", "out"] as const) {
    petitionIds[w] = await freshPetition(w);
    const a = await addPetitionAttachment(h.t.database.db, SYSTEM_ACTOR, ALL_SCOPE, petitionIds[w], {
      fileName: "don.png",
      data: PNG,
    });
    if (!a.ok) throw new Error(a.error.message);
    attachmentIds[w] = a.value.id;
    congressIds[w] = await freshCongress(w);
  }
  sessions.set("anonymous", { ...WRITE_HEADERS });
  for (const [role, username] of Object.entries(ROLES))
    sessions.set(role as Role, await loginAs(h.app, username, TEST_PASSWORDS[username]));
});
afterAll(async () => h.close());

function apiRoutes() {
  return h.app.registeredRoutes.filter(
    (r) => r.url.startsWith("/api/") && !r.url.startsWith("/api/docs") && r.method !== "HEAD",
  );
}

describe("authorisation matrix", () => {
  it("every /api route has a matrix entry (add one to SPECS for a new route)", () => {
    const missing = apiRoutes()
      .map((r) => `${r.method} ${r.url}`)
      .filter((k) => !SPECS[k]);
    expect(missing).toEqual([]);
    expect(apiRoutes().length).toBe(Object.keys(SPECS).length);
  });

  it("a route without a declared access rule makes registration fail", async () => {
    const app = Fastify();
    app.decorate("deps", { database: h.t.database });
    await registerAuth(app, DEFAULT_AUTH_POLICY);
    expect(() => app.get("/api/undeclared", async () => "x")).toThrow(/declares no access rule/);
    await app.close();
  });

  it("each role gets exactly its part: allowed, 401, 403, or 404 outside its scope", async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const route of apiRoutes()) {
      const key = `${route.method} ${route.url}`;
      const spec = SPECS[key]!;
      for (const role of sessions.keys()) {
        for (const where of spec.targeted ? (["in", "out"] as const) : (["in"] as const)) {
          const req = await spec.build(where);
          let headers = sessions.get(role)!;
          if (req.freshSession && role !== "anonymous")
            headers = await loginAs(h.app, ROLES[role], TEST_PASSWORDS[ROLES[role]]);
          const r = await h.app.inject({
            method: req.method as "GET",
            url: req.url,
            headers: { ...headers, ...req.headers },
            ...(req.payload !== undefined ? { payload: req.payload as object } : {}),
          });
          const want =
            spec.expect && role !== "anonymous"
              ? spec.expect(role, where)
              : expected(role, route.access, spec.targeted, where);
          const got = r.statusCode;
          const ok = want === "allowed" ? ![401, 403, 404].includes(got) && got < 500 : got === want;
          checked++;
          if (!ok)
            failures.push(
              `${key} as ${role} (${where}): expected ${want}, got ${got} ${r.body.slice(0, 160)}`,
            );
        }
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(200);
  }, 240_000); // every route × six roles × in/out of scope: hundreds of requests
});
