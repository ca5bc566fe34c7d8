/**
 * Hostile .xlsx files for the upload limits (issue 20, item 4), written as raw zips so a test never
 * holds the inflated content: a million rows, a zip bomb, and a zip whose entry lies about its size.
 */
import { createDeflateRaw } from "node:zlib";

async function deflateRepeated(chunks: () => Iterable<Buffer>): Promise<{ data: Buffer; size: number }> {
  const z = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  z.on("data", (b: Buffer) => out.push(b));
  const done = new Promise<void>((resolve, reject) => {
    z.on("end", resolve);
    z.on("error", reject);
  });
  let size = 0;
  for (const c of chunks()) {
    size += c.length;
    if (!z.write(c)) await new Promise((r) => z.once("drain", r));
  }
  z.end();
  await done;
  return { data: Buffer.concat(out), size };
}

interface Entry {
  readonly name: string;
  readonly data: Buffer;
  /** Inflated size written in the headers (a liar writes less than the truth). */
  readonly size: number;
  readonly deflated: boolean;
}

function zip(entries: readonly Entry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.deflated ? 8 : 0, 8);
    local.writeUInt32LE(0, 14); // CRC not checked by the limits; a reader would refuse it later
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(e.deflated ? 8 : 0, 10);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    centrals.push(central, name);
    offset += 30 + name.length + e.data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const stored = (name: string, text: string): Entry => {
  const data = Buffer.from(text);
  return { name, data, size: data.length, deflated: false };
};

function skeleton(): Entry[] {
  return [
    stored(
      "[Content_Types].xml",
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
    ),
    stored(
      "xl/workbook.xml",
      '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="Sheet1" sheetId="1"/></sheets></workbook>',
    ),
  ];
}

/** `rows` rows of two inline-string cells: 1.000.000 rows is ~18 MB on the wire. */
export async function manyRowsXlsx(rows: number): Promise<Buffer> {
  const head = Buffer.from(
    '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
  );
  const tail = Buffer.from("</sheetData></worksheet>");
  const sheet = await deflateRepeated(function* () {
    yield head;
    for (let r = 1; r <= rows; r += 1000) {
      let s = "";
      for (let k = r; k < Math.min(r + 1000, rows + 1); k++)
        s += `<row r="${k}"><c t="inlineStr"><is><t>Chi bộ ${k}</t></is></c><c><v>${k}</v></c></row>`;
      yield Buffer.from(s);
    }
    yield tail;
  });
  return zip([...skeleton(), { name: "xl/worksheets/sheet1.xml", ...sheet, deflated: true }]);
}

/** A small file that inflates to `megabytes` MB; `lie` writes a 1 KB size in the headers. */
export async function zipBombXlsx(megabytes: number, lie = false): Promise<Buffer> {
  const chunk = Buffer.alloc(1024 * 1024, 0x20);
  const sheet = await deflateRepeated(function* () {
    for (let i = 0; i < megabytes; i++) yield chunk;
  });
  return zip([
    ...skeleton(),
    { name: "xl/worksheets/sheet1.xml", data: sheet.data, size: lie ? 1024 : sheet.size, deflated: true },
  ]);
}
