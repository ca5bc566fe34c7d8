export { acronymOf, slugOf } from "./codes.ts";
export {
  DEFAULT_DEMO_SEED,
  DEMO_PROVINCE_CODE,
  DEMO_PROVINCE_FACTS,
  type DemoFacts,
  type DemoOptions,
  type DemoProvince,
  generateDemoProvince,
} from "./province.ts";
export { allocate, createRandom, type Random } from "./random.ts";
