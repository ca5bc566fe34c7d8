/** Reading a written .docx back in tests: its parts as XML and its paragraphs as plain text. */
import JSZip from "jszip";

const decodeXml = (t: string) =>
  t
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

export interface DocxParts {
  /** word/document.xml */
  readonly document: string;
  /** Every part by name (word/header1.xml …). */
  readonly parts: ReadonlyMap<string, string>;
  /** The body's paragraphs as text, in order (table cells included). */
  readonly paragraphs: readonly string[];
}

export function paragraphsOf(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decodeXml(m[1]!)).join(""),
  );
}

export async function readDocx(buf: Uint8Array): Promise<DocxParts> {
  const zip = await JSZip.loadAsync(buf);
  const parts = new Map<string, string>();
  for (const name of Object.keys(zip.files))
    if (name.endsWith(".xml") || name.endsWith(".rels"))
      parts.set(name, await zip.file(name)!.async("string"));
  const document = parts.get("word/document.xml") ?? "";
  return { document, parts, paragraphs: paragraphsOf(document) };
}

/** The run properties (w:rPr) of the first run whose text is exactly `text`. */
export function runPropertiesOf(xml: string, text: string): string | null {
  for (const m of xml.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)) {
    const t = /<w:t(?: [^>]*)?>([^<]*)<\/w:t>/.exec(m[1]!);
    if (t && decodeXml(t[1]!) === text) return /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(m[1]!)?.[1] ?? "";
  }
  return null;
}
