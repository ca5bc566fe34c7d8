export { acronymOf, slugOf } from "./codes.ts";
export {
  DEMO_SEASON_2020,
  DEMO_SEASON_2020_FACTS,
  type DemoSeason,
  demoCongressOrgs,
  generateDemoSeason2020,
} from "./congresses.ts";
export {
  DEMO_PEOPLE_AS_OF,
  DEMO_PEOPLE_FACTS,
  type DemoPeople,
  demoIndicatorData,
  demoIndicatorOrgs,
  demoVillages,
  generateDemoPeople,
} from "./people.ts";
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
export {
  DEMO_VILLAGE_DAY,
  type DemoVillageElections,
  generateDemoVillageElections,
} from "./village-elections.ts";
