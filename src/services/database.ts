/** The database handle the server and the command line open once and hand to every use-case. */
export type { Database, Db } from "../db/client.ts";
