/**
 * Letters about the same matter (often sent to several bodies, or again and again) are grouped:
 * the officer confirms a group; the suggestions come from shared subjects and similar summaries.
 */
import { foldDiacritics } from "../format/text.ts";

export interface DuplicateFacts {
  readonly id: number;
  readonly summary: string;
  readonly personIds: readonly number[];
  readonly orgIds: readonly number[];
}

function words(text: string): Set<string> {
  return new Set(
    foldDiacritics(text)
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length >= 2),
  );
}

/** Jaccard similarity of the summaries' words, after folding diacritics. */
export function summarySimilarity(a: string, b: string): number {
  const wa = words(a);
  const wb = words(b);
  if (wa.size === 0 || wb.size === 0) return 0;
  let common = 0;
  for (const w of wa) if (wb.has(w)) common++;
  return common / (wa.size + wb.size - common);
}

/**
 * Letters that may be about the same matter as `target`: they concern one of the same people (or,
 * when no person is named, one of the same organisations) and their summaries are alike (≥ 0,3),
 * most similar first.
 */
export function suggestDuplicates(
  target: DuplicateFacts,
  others: readonly DuplicateFacts[],
  threshold = 0.3,
): { id: number; similarity: number }[] {
  const out: { id: number; similarity: number }[] = [];
  for (const o of others) {
    if (o.id === target.id) continue;
    const samePerson = o.personIds.some((p) => target.personIds.includes(p));
    const sameOrg =
      target.personIds.length === 0 &&
      o.personIds.length === 0 &&
      o.orgIds.some((p) => target.orgIds.includes(p));
    if (!samePerson && !sameOrg) continue;
    const similarity = summarySimilarity(target.summary, o.summary);
    if (similarity >= threshold) out.push({ id: o.id, similarity });
  }
  return out.sort((a, b) => b.similarity - a.similarity || a.id - b.id);
}

/**
 * Groups from confirmed "same matter" links (union–find): each group is named by its earliest
 * letter's id. Returns id → group id for every id mentioned.
 */
export function groupDuplicates(links: readonly (readonly [number, number])[]): Map<number, number> {
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    let r = x;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
    let c = x;
    while (c !== r) {
      const next = parent.get(c)!;
      parent.set(c, r);
      c = next;
    }
    return r;
  };
  for (const [a, b] of links) {
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(Math.max(ra, rb), Math.min(ra, rb));
  }
  const out = new Map<number, number>();
  for (const id of parent.keys()) out.set(id, find(id));
  return out;
}
