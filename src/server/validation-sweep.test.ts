/**
 * Every JSON 400 a user can see is Vietnamese and names the field (issue 20 item 9: 652 of 949
 * bad-input answers carried the validator's English, "username: Invalid input: expected string,
 * received number"). The sweep reads the API's own OpenAPI document and sends each route with a
 * JSON body or typed query wrong bodies: the wrong top-level type, each property with the wrong
 * type, an empty object, unknown enum values, and a number that is not a number.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, loginAs, seedTestUsers, type TestApp } from "../../test/app.ts";
import { seedSmallProvince } from "../../test/factories.ts";

let h: TestApp;
let admin: Record<string, string>;
beforeAll(async () => {
  h = await buildTestApp();
  await seedSmallProvince(h.t.database.db);
  await seedTestUsers(h.app);
  admin = await loginAs(h.app, "quantri");
});
afterAll(async () => h.close());

/** The validator's and Fastify's English; none may reach a user. */
const ENGLISH =
  /\b(Invalid|invalid input|expected|received|Required|must|string|number|boolean|object|array|Unexpected|Body|Too (big|small)|Unrecognized|option|characters?|discriminator)\b/i;

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  items?: JsonSchema;
}

/** A value of the wrong type for the schema. */
function wrongValue(s: JsonSchema): unknown {
  const types = [s.type ?? []].flat();
  if (s.enum) return "khong-co-gia-tri-nay";
  if (types.includes("string")) return 12345;
  if (types.includes("number") || types.includes("integer")) return "mười hai";
  if (types.includes("boolean")) return "có";
  if (types.includes("array")) return { not: "a list" };
  if (types.includes("object")) return 7;
  return [1, 2, 3];
}

function bodiesFor(schema: JsonSchema): unknown[] {
  const props = schema.properties ?? {};
  const out: unknown[] = [[], 42, {}];
  for (const [name, p] of Object.entries(props)) out.push({ [name]: wrongValue(p) });
  out.push(Object.fromEntries(Object.entries(props).map(([n, p]) => [n, wrongValue(p)])));
  return out;
}

interface Operation {
  parameters?: { in: string; name: string; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

describe("every validation answer is Vietnamese and names the field", () => {
  it("sweeps the routes of the OpenAPI document with bad bodies and queries", async () => {
    const spec = h.app.swagger() as { paths: Record<string, Record<string, Operation>> };
    let checked = 0;
    const english: string[] = [];
    const unnamed: string[] = [];
    for (const [path, ops] of Object.entries(spec.paths)) {
      if (path.includes("/auth/logout")) continue; // would end the session the sweep uses
      for (const [method, op] of Object.entries(ops)) {
        const url = path.replace(/\{[^}]+\}/g, "1");
        const requests: { url: string; payload?: unknown }[] = [];
        const json = op.requestBody?.content?.["application/json"]?.schema;
        if (json && ["post", "put", "patch"].includes(method))
          for (const payload of bodiesFor(json)) requests.push({ url, payload });
        for (const p of op.parameters ?? [])
          if (p.in === "query" && p.schema) {
            const types = [p.schema.type ?? []].flat();
            const bad = p.schema.enum
              ? "khong-co"
              : types.includes("number") || types.includes("integer")
                ? "abc"
                : null;
            if (bad !== null) requests.push({ url: `${url}?${p.name}=${bad}` });
          }
        for (const r of requests) {
          const res = await h.app.inject({
            method: method.toUpperCase() as "GET",
            url: r.url,
            headers: admin,
            ...(r.payload !== undefined ? { payload: r.payload as object } : {}),
          });
          if (res.statusCode !== 400 || !res.headers["content-type"]?.toString().includes("json")) continue;
          checked++;
          const body = res.json() as {
            message: string;
            details?: { issues?: { field: string | null; message: string }[] };
          };
          const what = `${method.toUpperCase()} ${r.url} ${JSON.stringify(r.payload ?? null).slice(0, 80)}`;
          // Field names and quoted values (enum values such as "received") are not prose.
          const issues = body.details?.issues ?? [];
          const prose = (
            issues.length > 0
              ? [body.message.replace(/:.*$/s, ""), ...issues.map((i) => i.message)]
              : [body.message]
          ).map((m) => m.replace(/"[^"]*"|“[^”]*”/g, ""));
          if (prose.some((m) => ENGLISH.test(m))) english.push(`${what} → ${body.message}`);
          // A property of the wrong type is named in the answer.
          if (r.payload && typeof r.payload === "object" && !Array.isArray(r.payload)) {
            const keys = Object.keys(r.payload);
            if (keys.length === 1 && !body.message.includes(keys[0]!))
              unnamed.push(`${what} → ${body.message}`);
          }
        }
      }
    }
    // The sweep really ran over many routes.
    expect(checked).toBeGreaterThan(300);
    expect(english).toEqual([]);
    expect(unnamed).toEqual([]);
  });
});
