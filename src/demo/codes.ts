/**
 * Short ASCII code segments for demo organisations ("Hồng Gai" → "HONGGAI", "Sở Y tế" → "SYT").
 * Codes are built from names only, never from the random stream, so they stay stable across seeds
 * wherever the names do.
 */
import { foldDiacritics } from "../domain/format/text.ts";

/** "Hồng Thái Đông" → "HONGTHAIDONG". */
export function slugOf(name: string): string {
  return foldDiacritics(name)
    .replace(/[^a-z0-9]/g, "")
    .toUpperCase();
}

const SKIPPED_WORDS = new Set(["va", "-", ","]);

/**
 * Initials of a name's words; words already written as initials or numbers ("THPT", "244") are
 * kept whole: "Trường THPT" → "TTHPT", "Trung đoàn 244" → "TD244".
 */
export function acronymOf(name: string): string {
  const words = name.split(/[\s,]+/).filter((w) => w && !SKIPPED_WORDS.has(foldDiacritics(w)));
  return words
    .map((w) => {
      const folded = slugOf(w);
      const isInitials = /^\p{Lu}{2,}$/u.test(w) || /^[0-9]+$/.test(w);
      return isInitials ? folded : folded.slice(0, 1);
    })
    .join("");
}
