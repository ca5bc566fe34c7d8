/**
 * Age and tenure on a day. Both are calendar facts, computed from ISO dates without time zones.
 */
import type { IsoDate } from "../format/date.ts";
import type { Post, PostKind } from "./types.ts";

/**
 * Full years of age on `day` ("tuổi tròn"). Someone born on 29/02 turns a year older on 01/03 in
 * a common year. Throws for a day before the birth date: that is a bug in the caller.
 */
export function ageOn(birthDate: IsoDate, day: IsoDate): number {
  if (day < birthDate) throw new Error(`ageOn: ${day} is before the birth date ${birthDate}`);
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5) >= birthDate.slice(5) ? years : years - 1;
}

/** In office on D: started on or before D, and not yet ended (the end day is the first day out). */
export function isInOffice(post: Pick<Post, "start" | "end">, day: IsoDate): boolean {
  return post.start <= day && (post.end === null || post.end > day);
}

/** The posts a person (or anyone) holds on D, optionally of some kinds only; several at once are normal. */
export function postsHeldOn<P extends Pick<Post, "start" | "end" | "kind">>(
  posts: Iterable<P>,
  day: IsoDate,
  kinds?: readonly PostKind[],
): P[] {
  const out: P[] = [];
  for (const p of posts) {
    if (kinds !== undefined && !kinds.includes(p.kind)) continue;
    if (isInOffice(p, day)) out.push(p);
  }
  return out;
}
