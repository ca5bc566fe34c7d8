/**
 * The count file (docs/count-format.md): one election's count in JSON, complete enough for anyone
 * to recompute the result outside the product. This module is pure: it validates an already-parsed
 * value and turns it into the result JSON; reading the file is the CLI's job.
 */
import { z } from "zod";
import { throwIllegalValue } from "../basics/assert.ts";
import { err, ok, type Result } from "../basics/result.ts";
import { formatNumber } from "../format/number.ts";
import {
  type Ballot,
  ballotKindFor,
  ballotSchema,
  describeBallotEntryError,
  makeBallotSpec,
} from "./ballot.ts";
import { type BaseFigures, baseFiguresSchema, computeBase } from "./base.ts";
import { type Candidate, candidateSchema } from "./candidate-list.ts";
import { decideElection, type ElectionError, type PartyElectionResult } from "./decide.ts";
import {
  ALTERNATES_ONLY_FOR_DELEGATES,
  alternatesAllowed,
  type Office,
  officeSchema,
  type Party190Settings,
  party190SettingsSchema,
  type VillageHeadSettings,
  villageHeadSettingsSchema,
} from "./rules.ts";
import {
  type BundleTally,
  ballotFigureProblems,
  bundleTallySchema,
  countSchema,
  pathKey,
  type Tally,
  tallyBallots,
  tallyBundles,
} from "./tally.ts";
import { decideVillageHeadElection, type VillageHeadResult } from "./village-head.ts";

export const COUNT_FILE_FORMAT = "daihoi-count";
export const COUNT_RESULT_FORMAT = "daihoi-count-result";

interface CountFileCommon {
  readonly format: typeof COUNT_FILE_FORMAT;
  readonly version: 1;
  /** Free text for people: "Bầu Ban Chấp hành Đảng bộ tỉnh khóa XV". */
  readonly title?: string | undefined;
  readonly organisation?: string | undefined;
  readonly term?: string | undefined;
  /**
   * The audit log's head when the file was exported ("1234-9F3A-21C0-77DE-04B1"): kept with the file,
   * outside the database, for `daihoi audit verify --anchor` (README, "Nhật ký thay đổi").
   */
  readonly auditAnchor?: string | undefined;
  /** The list in ballot order: position p is `candidates[p - 1]`. */
  readonly candidates: readonly Candidate[];
  /** Members, delegates or household representatives present when ballots were issued. */
  readonly present: number;
  readonly ballotsIssued: number;
  readonly ballotsCollected: number;
  /** Either every ballot… */
  readonly ballots?: readonly Ballot[] | undefined;
  /** …or hand-entered totals per bundle. */
  readonly bundles?: readonly BundleTally[] | undefined;
}

export interface Party190CountFile extends CountFileCommon {
  readonly ruleSet: "party-190";
  readonly settings: Party190Settings;
  readonly election: {
    readonly office: Office;
    readonly seats: number;
    readonly alternateSeats: number;
    readonly round: number;
    readonly electingOrganisation: "branch" | "committee";
  };
  readonly base: BaseFigures;
}

export interface VillageHeadCountFile extends CountFileCommon {
  readonly ruleSet: "village-head";
  readonly settings: VillageHeadSettings;
  readonly election: { readonly villageKind: string; readonly attempt: number };
  /** All household representatives (or voters) of the village. */
  readonly electorate: number;
}

export type CountFile = Party190CountFile | VillageHeadCountFile;

const count = countSchema;

const commonShape = {
  format: z.literal(COUNT_FILE_FORMAT),
  version: z.literal(1),
  title: z.string().optional(),
  organisation: z.string().optional(),
  term: z.string().optional(),
  auditAnchor: z.string().max(40).optional(),
  candidates: z.array(candidateSchema).min(1, "Danh sách bầu cử không được để trống"),
  present: count,
  ballotsIssued: count,
  ballotsCollected: count,
  ballots: z.array(ballotSchema).optional(),
  bundles: z.array(bundleTallySchema).optional(),
};

type Ctx = z.RefinementCtx;

/** Checks shared by both rule sets, each naming the exact path of the bad field. */
function refineCommon(f: z.infer<z.ZodObject<typeof commonShape>>, seats: number, ctx: Ctx): void {
  const n = f.candidates.length;
  const ids = new Set<string>();
  f.candidates.forEach((c, i) => {
    if (ids.has(c.id)) {
      ctx.addIssue({
        code: "custom",
        path: ["candidates", i, "id"],
        message: `Mã ứng cử viên "${c.id}" bị trùng`,
      });
    }
    ids.add(c.id);
  });
  const figures = { present: f.present, issued: f.ballotsIssued, collected: f.ballotsCollected };
  for (const p of ballotFigureProblems(figures))
    ctx.addIssue({
      code: "custom",
      path: [p.field === "issued" ? "ballotsIssued" : "ballotsCollected"],
      message: p.message,
    });
  if ((f.ballots === undefined) === (f.bundles === undefined)) {
    ctx.addIssue({
      code: "custom",
      path: ["ballots"],
      message: "Cần đúng một trong hai mục: ballots (từng phiếu) hoặc bundles (tổng theo tập phiếu)",
    });
    return;
  }
  const kind = ballotKindFor(n, seats);
  if (f.ballots) {
    const stamp = new Int32Array(n + 1).fill(-1);
    f.ballots.forEach((b, i) => {
      if (b.kind !== kind) {
        ctx.addIssue({
          code: "custom",
          path: ["ballots", i, "kind"],
          message: `Danh sách ${n} người cho ${seats} chỉ tiêu dùng ${kind === "cross-out" ? "phiếu gạch tên (cross-out)" : "phiếu đồng ý/không đồng ý (agree-disagree)"}`,
        });
        return;
      }
      if (b.kind === "cross-out") {
        b.crossedOut.forEach((p, j) => {
          if (p > n) {
            ctx.addIssue({
              code: "custom",
              path: ["ballots", i, "crossedOut", j],
              message: `Số thứ tự ${p} không có trong danh sách (1–${n})`,
            });
          } else if (stamp[p] === i) {
            ctx.addIssue({
              code: "custom",
              path: ["ballots", i, "crossedOut", j],
              message: `Số thứ tự ${p} được nhập hai lần trên cùng một phiếu`,
            });
          } else stamp[p] = i;
        });
      } else if (b.marks.length !== n) {
        ctx.addIssue({
          code: "custom",
          path: ["ballots", i, "marks"],
          message: `Có ${b.marks.length} dòng đánh dấu, danh sách có ${n} người`,
        });
      }
    });
    if (f.ballots.length !== f.ballotsCollected) {
      ctx.addIssue({
        code: "custom",
        path: ["ballotsCollected"],
        message: `Số phiếu thu vào (${formatNumber(f.ballotsCollected)}) khác số phiếu đã nhập (${formatNumber(f.ballots.length)})`,
      });
    }
  }
  if (f.bundles) {
    let collected = 0;
    f.bundles.forEach((b, i) => {
      collected += b.collected;
      if (b.votes.length !== n) {
        ctx.addIssue({
          code: "custom",
          path: ["bundles", i, "votes"],
          message: `Có ${b.votes.length} số phiếu, danh sách bầu cử có ${n} người`,
        });
      }
      const total = b.votes.reduce((a, v) => a + v, 0);
      if (total > b.valid * seats) {
        ctx.addIssue({
          code: "custom",
          path: ["bundles", i, "votes"],
          message: `Tổng số phiếu bầu (${formatNumber(total)}) vượt quá số phiếu hợp lệ nhân số lượng cần bầu (${formatNumber(b.valid)} × ${seats})`,
        });
      }
    });
    if (collected !== f.ballotsCollected) {
      ctx.addIssue({
        code: "custom",
        path: ["ballotsCollected"],
        message: `Số phiếu thu vào (${formatNumber(f.ballotsCollected)}) khác tổng số phiếu của các tập (${formatNumber(collected)})`,
      });
    }
  }
}

export const party190CountFileSchema = z
  .object({
    ...commonShape,
    ruleSet: z.literal("party-190"),
    settings: party190SettingsSchema.prefault({}),
    election: z.object({
      office: officeSchema,
      seats: z.number().int().min(0),
      alternateSeats: count.default(0),
      round: z.number().int().min(1).default(1),
      electingOrganisation: z.enum(["branch", "committee"]).default("committee"),
    }),
    base: baseFiguresSchema,
  })
  .superRefine((f, ctx) => {
    const { seats, alternateSeats, office } = f.election;
    if (seats + alternateSeats < 1) {
      ctx.addIssue({
        code: "custom",
        path: ["election", "seats"],
        message: "Số lượng cần bầu phải từ 1 trở lên",
      });
    }
    if (!alternatesAllowed(office, alternateSeats)) {
      ctx.addIssue({
        code: "custom",
        path: ["election", "alternateSeats"],
        message: ALTERNATES_ONLY_FOR_DELEGATES,
      });
    }
    // Official and alternate delegates are elected on one ballot: a ballot may keep both.
    refineCommon(f, seats + alternateSeats, ctx);
  }) satisfies z.ZodType<Party190CountFile>;

export const villageHeadCountFileSchema = z
  .object({
    ...commonShape,
    ruleSet: z.literal("village-head"),
    settings: villageHeadSettingsSchema.prefault({}),
    election: z
      .object({
        villageKind: z.string().min(1).default("thôn"),
        attempt: z.number().int().min(1).default(1),
      })
      .default({ villageKind: "thôn", attempt: 1 }),
    electorate: z.number().int().min(1),
  })
  .superRefine((f, ctx) => {
    if (f.present > f.electorate) {
      ctx.addIssue({
        code: "custom",
        path: ["present"],
        message: `Số người có mặt (${formatNumber(f.present)}) lớn hơn tổng số của thôn (${formatNumber(f.electorate)})`,
      });
    }
    refineCommon(f, 1, ctx);
  }) satisfies z.ZodType<VillageHeadCountFile>;

export const countFileSchema = z.discriminatedUnion(
  "ruleSet",
  [party190CountFileSchema, villageHeadCountFileSchema],
  {
    error: (issue) =>
      issue.code === "invalid_union"
        ? 'Bộ quy tắc phải là "party-190" (Quyết định 190-QĐ/TW) hoặc "village-head" (bầu trưởng thôn)'
        : undefined,
  },
) satisfies z.ZodType<CountFile>;

export interface CountFileProblem {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/** "ballots[12].crossedOut[1]"; the whole file is "(toàn bộ tệp)". */
export function formatIssuePath(path: readonly (string | number)[]): string {
  if (path.length === 0) return "(toàn bộ tệp)";
  return path.reduce<string>(
    (acc, key) => (typeof key === "number" ? `${acc}[${key}]` : acc === "" ? key : `${acc}.${key}`),
    "",
  );
}

/** "Trường ballots[12].crossedOut[1]: Số thứ tự 72 không có trong danh sách (1–71)". */
export function describeCountFileProblem(p: CountFileProblem): string {
  return `Trường ${formatIssuePath(p.path)}: ${p.message}`;
}

const vietnameseLocale = z.locales.vi().localeError;

/** zod's Vietnamese messages, with a plainer one for a field left out. */
const vietnameseErrors: z.core.$ZodErrorMap = (issue) =>
  issue.code === "invalid_type" && issue.input === undefined
    ? `Thiếu trường bắt buộc (kiểu ${issue.expected})`
    : vietnameseLocale(issue);

/** Validates a parsed JSON value as a count file; messages are in Vietnamese and name the path. */
export function parseCountFile(value: unknown): Result<CountFile, readonly CountFileProblem[]> {
  const parsed = countFileSchema.safeParse(value, { error: vietnameseErrors });
  if (parsed.success) return ok(parsed.data);
  return err(parsed.error.issues.map((i) => ({ path: i.path.map(pathKey), message: i.message })));
}

interface ResultHeader {
  readonly format: typeof COUNT_RESULT_FORMAT;
  readonly version: 1;
  readonly title: string | null;
  readonly organisation: string | null;
  readonly term: string | null;
}

export type CountResult = ResultHeader & (PartyElectionResult | VillageHeadResult);

function tallyFromCountFile(file: CountFile, seats: number): Result<Tally, readonly CountFileProblem[]> {
  const n = file.candidates.length;
  if (file.ballots) {
    const spec = makeBallotSpec(n, seats, file.settings.extraInvalidityGrounds);
    const r = tallyBallots(file.ballots, spec);
    if (!r.ok)
      return err([{ path: ["ballots", r.error.ballot], message: describeBallotEntryError(r.error) }]);
    return r;
  }
  const r = tallyBundles(file.bundles ?? [], { candidateCount: n, seats });
  if (!r.ok) return err(r.error.map((i) => ({ path: ["bundles", ...i.path], message: i.message })));
  return r;
}

const FIGURE_PATHS: Readonly<Record<string, readonly (string | number)[]>> = {
  present: ["present"],
  issued: ["ballotsIssued"],
  collected: ["ballotsCollected"],
  invalid: ["ballots"],
  invalidByReason: ["ballots"],
  votes: ["ballots"],
};

function electionProblems(e: ElectionError): CountFileProblem[] {
  switch (e.kind) {
    case "invalid-spec":
      return e.issues.map((i) => ({ path: ["election", ...i.path], message: i.message }));
    case "votes-length":
      return [{ path: ["candidates"], message: `Có ${e.actual} số phiếu cho ${e.expected} người` }];
    case "count-invariant":
      return e.issues.map((i) => ({
        path: [...(FIGURE_PATHS[String(i.path[0])] ?? i.path)],
        message: i.message,
      }));
    default:
      return throwIllegalValue(e, "election error");
  }
}

/** Recomputes the result of a validated count file. */
export function computeCountResult(file: CountFile): Result<CountResult, readonly CountFileProblem[]> {
  const header: ResultHeader = {
    format: COUNT_RESULT_FORMAT,
    version: 1,
    title: file.title ?? null,
    organisation: file.organisation ?? null,
    term: file.term ?? null,
  };
  switch (file.ruleSet) {
    case "party-190": {
      const settings = file.settings;
      const base = computeBase(file.base, settings);
      if (!base.ok) {
        return err([
          {
            path: ["base", "convened"],
            message: `Số được triệu tập (${base.error.convened}) phải lớn hơn tổng số được trừ (${base.error.subtracted})`,
          },
        ]);
      }
      const tally = tallyFromCountFile(file, file.election.seats + file.election.alternateSeats);
      if (!tally.ok) return tally;
      const result = decideElection({
        ruleSet: { kind: "party-190", settings },
        election: { ...file.election, candidates: file.candidates },
        base: base.value,
        tally: tally.value,
        hall: { present: file.present, issued: file.ballotsIssued },
      });
      if (!result.ok) return err(electionProblems(result.error));
      return ok({ ...header, ...result.value });
    }
    case "village-head": {
      const tally = tallyFromCountFile(file, 1);
      if (!tally.ok) return tally;
      const result = decideVillageHeadElection({
        ruleSet: { kind: "village-head", settings: file.settings },
        villageKind: file.election.villageKind,
        candidates: file.candidates,
        electorate: file.electorate,
        present: file.present,
        issued: file.ballotsIssued,
        tally: tally.value,
        attempt: file.election.attempt,
      });
      if (!result.ok) return err(electionProblems(result.error));
      return ok({ ...header, ...result.value });
    }
    default:
      return throwIllegalValue(file, "count file");
  }
}

/** Parse and compute in one step, for the CLI and for re-verification. */
export function verifyCountFile(value: unknown): Result<CountResult, readonly CountFileProblem[]> {
  const file = parseCountFile(value);
  return file.ok ? computeCountResult(file.value) : file;
}
