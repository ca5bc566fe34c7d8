/**
 * Nhập phiếu: one clerk's entry of one bundle, keyboard only. The clerk types the numbers of the
 * struck-through names (or the agree/disagree marks) and Enter; the names and the ballot's validity
 * show while typing; Backspace on an empty line undoes the last ballot and puts it back on the line
 * to correct; Enter on an empty line once the bundle is complete finishes the entry. Nothing to
 * click.
 *
 * Ballots are sent one after another in the order entered, each with its own idempotency key, and
 * retried with the same key after a dropped connection, so a retry never adds a ballot twice and a
 * ballot is never lost while the page is open.
 */
import { useQueryClient } from "@tanstack/react-query";
import { Alert, Breadcrumb, Card, Flex, Result, Skeleton, Tag, Typography } from "antd";
import { memo, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import {
  type Ballot,
  type BallotSpec,
  DEFAULT_EXTRA_INVALIDITY_GROUNDS,
  type ExtraInvalidityGrounds,
} from "../../domain/election/index.ts";
import { formatNumber } from "../../domain/format/number.ts";
import {
  appendBallot,
  type ElectionDto,
  type EntryDto,
  electionKeys,
  finishEntry,
  undoBallot,
  useElection,
  useEntry,
} from "../api/elections.ts";
import { errorMessage, isApiError } from "../api/index.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import {
  ballotToEntryText,
  DEFECT_LABELS,
  entryProblemMessage,
  MARK_LABELS,
  normaliseEntryText,
  parseEntry,
  positionWidth,
  validityLabel,
} from "../components/election/ballotEntry.ts";
import { paths } from "../paths.ts";

interface LocalBallot {
  readonly key: string;
  readonly ballot: Ballot;
  readonly text: string;
  readonly valid: boolean;
  readonly label: string;
  /** sending: queued or in flight; saved: the server has it; failed: refused (undo it). */
  readonly status: "sending" | "saved" | "failed";
  readonly error?: string;
}

type Op =
  | { readonly kind: "append"; readonly key: string; readonly ballot: Ballot }
  | { readonly kind: "undo"; readonly key: string };

export function ballotSpecOf(election: ElectionDto): BallotSpec {
  const grounds = (election.settings as { extraInvalidityGrounds?: Partial<ExtraInvalidityGrounds> })
    .extraInvalidityGrounds;
  return {
    candidateCount: election.candidates.length,
    seats: election.seats + election.alternateSeats,
    kind: election.ballotKind,
    extraInvalidityGrounds: { ...DEFAULT_EXTRA_INVALIDITY_GROUNDS, ...(grounds ?? {}) },
  };
}

const newKey = (): string =>
  typeof crypto !== "undefined" && "randomUUID" in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Network trouble and server errors are retried with the same key; a refusal (4xx) is not. */
const retriable = (e: unknown) => !isApiError(e) || e.status === 0 || e.status >= 500;

/** The last ballots entered, newest first (re-rendered only when the ballots change). */
const RecentBallots = memo(function RecentBallots({
  ballots,
  crossOut,
}: {
  ballots: readonly LocalBallot[];
  crossOut: boolean;
}) {
  const recent = ballots.slice(-8).map((b, i, arr) => ({ ...b, n: ballots.length - arr.length + i + 1 }));
  return (
    <Card size="small" title="Các phiếu vừa nhập">
      <table className="entry-recent" data-testid="entry-recent">
        <thead>
          <tr>
            <th>Phiếu</th>
            <th>{crossOut ? "Số bị gạch" : "Dấu"}</th>
            <th>Hiệu lực</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {recent.length === 0 && (
            <tr>
              <td colSpan={4}>Chưa nhập phiếu nào.</td>
            </tr>
          )}
          {[...recent].reverse().map((b) => (
            <tr key={b.key}>
              <td>{b.n}</td>
              <td>
                <code>{b.text || "—"}</code>
              </td>
              <td>
                <Tag color={b.valid ? "green" : "red"}>{b.label}</Tag>
              </td>
              <td>
                {b.status === "saved" ? (
                  <Typography.Text type="success">Đã lưu</Typography.Text>
                ) : b.status === "sending" ? (
                  <Typography.Text type="secondary">Đang gửi…</Typography.Text>
                ) : (
                  <Typography.Text type="danger" title={b.error}>
                    Bị từ chối: {b.error}
                  </Typography.Text>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
});

/** The list in ballot order with the names being struck out shown struck. */
const CandidateList = memo(function CandidateList({
  election,
  struck,
}: {
  election: ElectionDto;
  /** Positions struck, comma-separated. */
  struck: string;
}) {
  const set = new Set(struck ? struck.split(",").map(Number) : []);
  return (
    <Card size="small" title="Danh sách bầu cử" style={{ flex: "0 1 420px" }}>
      <ol
        data-testid="entry-list"
        style={{ columns: election.candidates.length > 20 ? 2 : 1, margin: 0, paddingLeft: 36, fontSize: 13 }}
      >
        {election.candidates.map((c) => (
          <li
            key={c.position}
            style={
              set.has(c.position)
                ? { textDecoration: "line-through", color: "#b71c1c", fontWeight: 600 }
                : undefined
            }
          >
            {c.fullName}
          </li>
        ))}
      </ol>
    </Card>
  );
});

const ENTRY_CSS = `
.entry-recent { width: 100%; border-collapse: collapse; font-size: 14px; }
.entry-recent th { text-align: left; font-weight: 600; background: #fafafa; padding: 4px 8px; border-bottom: 1px solid #f0f0f0; }
.entry-recent td { padding: 4px 8px; border-bottom: 1px solid #f0f0f0; }
`;

function EntryDesk({ election, entry }: { election: ElectionDto; entry: EntryDto }) {
  const navigate = useNavigate();
  const client = useQueryClient();
  const spec = useMemo(() => ballotSpecOf(election), [election]);
  const candidateCount = spec.candidateCount;
  const [ballots, setBallots] = useState<LocalBallot[]>(() =>
    entry.ballots.map((b) => ({
      key: b.idempotencyKey,
      ballot: b.ballot,
      text: ballotToEntryText(b.ballot, candidateCount),
      valid: b.validity.valid,
      label: b.validity.label,
      status: "saved",
    })),
  );
  const [text, setText] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const [finishing, setFinishing] = useState(false);
  const [finished, setFinished] = useState(entry.status === "finished");
  const [connection, setConnection] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const queue = useRef<Op[]>([]);
  const running = useRef(false);
  const idle = useRef<(() => void)[]>([]);

  const parsed = useMemo(() => parseEntry(text, spec), [text, spec]);
  const count = ballots.length;
  const expected = entry.expectedBallots;

  const setStatus = useCallback((key: string, patch: Partial<LocalBallot>) => {
    setBallots((list) => list.map((b) => (b.key === key ? { ...b, ...patch } : b)));
  }, []);

  const pump = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    try {
      while (queue.current.length > 0) {
        const op = queue.current[0]!;
        try {
          if (op.kind === "append") {
            const res = await appendBallot(election.id, entry.id, {
              idempotencyKey: op.key,
              ballot: op.ballot,
            });
            setStatus(op.key, {
              status: "saved",
              valid: res.ballot.validity.valid,
              label: res.ballot.validity.label,
            });
          } else {
            await undoBallot(election.id, entry.id, op.key);
          }
          setConnection(null);
          queue.current.shift();
        } catch (e) {
          if (retriable(e)) {
            setConnection(`${errorMessage(e)} Đang thử gửi lại…`);
            await sleep(1000);
            continue;
          }
          queue.current.shift();
          if (op.kind === "append") setStatus(op.key, { status: "failed", error: errorMessage(e) });
          setMessage(errorMessage(e));
        }
      }
    } finally {
      running.current = false;
      for (const resolve of idle.current.splice(0)) resolve();
    }
  }, [election.id, entry.id, setStatus]);

  const enqueue = (op: Op) => {
    queue.current.push(op);
    void pump();
  };
  const drained = () =>
    queue.current.length === 0 && !running.current
      ? Promise.resolve()
      : new Promise<void>((resolve) => idle.current.push(resolve));

  const finish = async () => {
    setFinishing(true);
    try {
      await drained();
      await finishEntry(election.id, entry.id);
      setFinished(true);
      // The bundles and totals read before the entry are out of date now.
      await client.invalidateQueries({ queryKey: electionKeys.one(election.id) });
      navigate(`${paths.election(election.id)}?tab=tap-phieu`);
    } catch (e) {
      setMessage(errorMessage(e));
    } finally {
      setFinishing(false);
    }
  };

  const submit = () => {
    if (text.trim() === "" && count >= expected) {
      void finish();
      return;
    }
    if (count >= expected) {
      setMessage(
        `Tập này có ${formatNumber(expected)} phiếu và đã nhập đủ. Nhấn Enter trên dòng trống để báo xong tập.`,
      );
      return;
    }
    if (parsed.problem) {
      setMessage(entryProblemMessage(parsed.problem));
      return;
    }
    const key = newKey();
    setBallots((list) => [
      ...list,
      {
        key,
        ballot: parsed.ballot,
        text: ballotToEntryText(parsed.ballot, candidateCount),
        valid: parsed.validity.valid,
        label: validityLabel(parsed.validity),
        status: "sending",
      },
    ]);
    setText("");
    setMessage(null);
    enqueue({ kind: "append", key, ballot: parsed.ballot });
  };

  const undo = () => {
    const last = ballots[ballots.length - 1];
    if (!last) return;
    setBallots((list) => list.slice(0, -1));
    setText(last.text);
    setMessage(`Đã bỏ phiếu ${formatNumber(ballots.length)}; sửa rồi nhấn Enter để nhập lại.`);
    if (last.status !== "failed") enqueue({ kind: "undo", key: last.key });
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "Enter") {
      e.preventDefault();
      submit();
    } else if ((e.key === "Backspace" && text === "") || (e.key === "z" && (e.ctrlKey || e.metaKey))) {
      e.preventDefault();
      undo();
    } else if (e.key === "Escape") {
      e.preventDefault();
      setText("");
      setMessage(null);
    }
  };

  useEffect(() => {
    input.current?.focus();
  }, []);

  // A string, so the list re-renders only when the struck names change, not on every key.
  const struckKey = parsed.positions.join(",");
  const width = positionWidth(candidateCount);
  const crossOut = spec.kind === "cross-out";

  return (
    <Flex gap={16} wrap align="flex-start">
      <style>{ENTRY_CSS}</style>
      <Flex vertical gap={12} style={{ flex: "1 1 520px", minWidth: 0 }}>
        <Card size="small">
          <Flex justify="space-between" align="baseline" wrap gap={8}>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="entry-counter">
              Phiếu {formatNumber(Math.min(count + 1, expected))} / {formatNumber(expected)}
            </Typography.Title>
            <Typography.Text type="secondary" data-testid="entry-count">
              Đã nhập {formatNumber(count)} phiếu
            </Typography.Text>
          </Flex>
          <label htmlFor="ballot-input" style={{ display: "block", margin: "8px 0 4px" }}>
            {crossOut
              ? `Gõ số thứ tự những người bị gạch, mỗi số ${width} chữ số (${"0".repeat(width - 1)}5 là số 5), rồi Enter`
              : "Gõ dấu từng dòng (1 đồng ý, 2 không đồng ý, 3 cả hai ô, 0 không đánh dấu), rồi Enter"}
          </label>
          <input
            id="ballot-input"
            ref={input}
            data-testid="ballot-input"
            autoComplete="off"
            spellCheck={false}
            inputMode="numeric"
            disabled={finished}
            value={text}
            onChange={(e) => {
              setText(normaliseEntryText(e.target.value, spec));
              setMessage(null);
            }}
            onKeyDown={onKeyDown}
            aria-describedby="ballot-preview"
            style={{
              width: "100%",
              fontSize: 32,
              fontFamily: "ui-monospace, Consolas, monospace",
              letterSpacing: 2,
              padding: "6px 12px",
              border: "2px solid #b71c1c",
              borderRadius: 6,
            }}
          />
          <div id="ballot-preview" aria-live="polite" style={{ minHeight: 64, marginTop: 8 }}>
            {/* The bundle is complete and the line empty: Enter reports the bundle done (the green
                note below says so); no ballot is being typed, so no ballot's verdict is shown. */}
            {count >= expected && text.trim() === "" ? null : (
              <>
                <Flex gap={8} align="center" wrap>
                  {parsed.problem ? (
                    <Tag color="orange" data-testid="entry-preview-validity">
                      {entryProblemMessage(parsed.problem)}
                    </Tag>
                  ) : (
                    <Tag color={parsed.validity.valid ? "green" : "red"} data-testid="entry-preview-validity">
                      {validityLabel(parsed.validity)}
                    </Tag>
                  )}
                  {(["notIssued", "addedName", "identifyingMark"] as const).map((d, i) =>
                    parsed.ballot[d] ? <Tag key={d}>{Object.values(DEFECT_LABELS)[i]}</Tag> : null,
                  )}
                </Flex>
                <Typography.Paragraph style={{ margin: "6px 0 0" }} data-testid="entry-preview-names">
                  {crossOut
                    ? parsed.positions.length === 0
                      ? "Chưa gạch ai."
                      : `Gạch ${formatNumber(parsed.positions.length)}: ${parsed.positions
                          .map((p) => `${p}. ${election.candidates[p - 1]?.fullName ?? "?"}`)
                          .join("; ")}${parsed.pending ? " …" : ""}`
                    : parsed.ballot.kind === "agree-disagree"
                      ? parsed.ballot.marks
                          .map(
                            (m, i) =>
                              `${i + 1}. ${election.candidates[i]?.fullName ?? "?"}: ${MARK_LABELS[m]}`,
                          )
                          .join("; ") || "Chưa gõ dấu nào."
                      : null}
                </Typography.Paragraph>
              </>
            )}
          </div>
          {message && (
            <Alert
              type="warning"
              showIcon
              title={message}
              data-testid="entry-message"
              style={{ marginTop: 4 }}
            />
          )}
          {connection && (
            <Alert
              type="error"
              showIcon
              title={connection}
              data-testid="entry-connection"
              style={{ marginTop: 4 }}
            />
          )}
          {count >= expected && !finished && (
            <Alert
              type="success"
              showIcon
              data-testid="entry-complete"
              style={{ marginTop: 4 }}
              title={`Đã nhập đủ ${formatNumber(expected)} phiếu. Nhấn Enter trên dòng trống để báo xong tập${finishing ? " (đang gửi…)" : ""}.`}
            />
          )}
          {finished && (
            <Alert type="info" showIcon title="Đã báo xong tập này." data-testid="entry-finished" />
          )}
          <Typography.Paragraph type="secondary" style={{ margin: "8px 0 0", fontSize: 13 }}>
            Enter: nhập phiếu · Backspace trên dòng trống (hoặc Ctrl+Z): bỏ phiếu vừa nhập để sửa · Esc: xóa
            dòng · p: phiếu không do Ban kiểm phiếu phát ra · t: ghi thêm tên · k: có ký tên, đánh dấu riêng
          </Typography.Paragraph>
        </Card>
        <RecentBallots ballots={ballots} crossOut={crossOut} />
      </Flex>
      <CandidateList election={election} struck={struckKey} />
    </Flex>
  );
}

export function ElectionEntryPage() {
  const params = useParams();
  const rawId = Number(params.id);
  const rawEntry = Number(params.entryId);
  const id = Number.isInteger(rawId) && rawId > 0 ? rawId : undefined;
  const entryId = Number.isInteger(rawEntry) && rawEntry > 0 ? rawEntry : undefined;
  const election = useElection(id);
  const entry = useEntry(id, entryId);

  useEffect(() => {
    document.title = "Nhập phiếu — Đại Hội";
  }, []);

  if (id === undefined || entryId === undefined) return <Result status="404" title="Không tìm thấy" />;
  const error = election.error ?? entry.error;
  return (
    <>
      <Breadcrumb
        items={[
          { key: "list", title: <Link to={paths.elections}>Bầu cử</Link> },
          {
            key: "e",
            title: <Link to={`${paths.election(id)}?tab=tap-phieu`}>{election.data?.title ?? "…"}</Link>,
          },
          { key: "self", title: entry.data ? `Nhập tập ${entry.data.bundleNumber}` : "Nhập phiếu" },
        ]}
      />
      <Typography.Title level={2} style={{ margin: "8px 0 12px" }} data-testid="entry-title">
        Nhập phiếu — Tập {entry.data?.bundleNumber ?? "…"}
        {entry.data ? ` (${entry.data.clerkLabel})` : ""}
      </Typography.Title>
      {error && <ErrorAlert error={error} />}
      {!error && (!election.data || !entry.data) && <Skeleton active paragraph={{ rows: 8 }} />}
      {election.data && entry.data && <EntryDesk election={election.data} entry={entry.data} />}
    </>
  );
}
