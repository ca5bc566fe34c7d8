/**
 * Writes the small fixed corpus the tests read (test/fixtures/scan): a few generated scans of the
 * named lists with their ground truth. Run again only when the layout or the generator changes:
 * `node bench/scan-corpus.ts && npx biome format --write test/fixtures/scan`.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { layoutBallot } from "../src/domain/scan/layout.ts";
import { BRANCH_4_OF_4, COMMUNE_7_OF_9 } from "../src/io/scan/fixtures.ts";
import { generateScan } from "../src/io/scan/synthetic.ts";

const dir = "test/fixtures/scan";
mkdirSync(dir, { recursive: true });
const items = [
  { file: "commune-scanner-1.jpg", list: COMMUNE_7_OF_9, seed: 11, device: "scanner" as const },
  { file: "commune-scanner-2.jpg", list: COMMUNE_7_OF_9, seed: 12, device: "scanner" as const },
  { file: "commune-phone.jpg", list: COMMUNE_7_OF_9, seed: 13, device: "phone" as const },
  { file: "branch-phone.jpg", list: BRANCH_4_OF_4, seed: 14, device: "phone" as const },
];
const truth: Record<string, unknown> = {};
for (const item of items) {
  const scan = await generateScan(layoutBallot(item.list), {
    seed: item.seed,
    seats: item.list.seats,
    device: item.device,
    strayShare: 0,
    hardShare: 0,
    dpi: 150,
    quality: 55,
  });
  writeFileSync(`${dir}/${item.file}`, scan.jpeg);
  truth[item.file] = {
    list: item.list.electionId,
    ballot: scan.truth.ballot,
    device: scan.device,
    dpi: scan.dpi,
  };
  console.log(item.file, scan.jpeg.length, "B");
}
writeFileSync(`${dir}/truth.json`, `${JSON.stringify(truth, null, 2)}\n`);
