/**
 * The demo province's fixed accounts, one of each role, with documented passwords (README, "Tài
 * khoản mẫu"). They do not have to change their password: they exist to be tried.
 */
import type { Actor } from "../db/audit.ts";
import type { Db } from "../db/client.ts";
import { findOrgByCode } from "../db/repositories/organisations.ts";
import { ALL_SCOPE } from "../db/repositories/scope.ts";
import { findUserByUsername } from "../db/repositories/users.ts";
import type { Role } from "../domain/accounts/index.ts";
import { FULL_ACCESS } from "./access.ts";
import { DEFAULT_AUTH_POLICY } from "./accounts.ts";
import { createUser } from "./users.ts";

export interface DemoUser {
  readonly username: string;
  readonly password: string;
  readonly displayName: string;
  readonly role: Role;
  /** Code of the granted organisation (none for the administrator). */
  readonly orgCode: string | null;
  /** The grant also covers letters (đơn thư). */
  readonly petitions?: boolean;
}

export const DEMO_USERS: readonly DemoUser[] = [
  {
    username: "quantri",
    password: "BanToChuc#2025",
    displayName: "Quản trị Ban Tổ chức",
    role: "admin",
    orgCode: null,
  },
  {
    username: "canbo.halong",
    password: "VinhHaLong#2025",
    displayName: "Cán bộ tổ chức Hạ Long",
    role: "officer",
    orgCode: "QN.HL",
  },
  {
    username: "canbo.campha",
    password: "VungThan#2025",
    displayName: "Cán bộ tổ chức Cẩm Phả",
    role: "officer",
    orgCode: "QN.CP",
  },
  {
    username: "thanhtra.tinh",
    password: "DonThu#2025",
    displayName: "Cán bộ kiểm tra, giải quyết đơn thư (tỉnh)",
    role: "officer",
    orgCode: "QN",
    petitions: true,
  },
  {
    username: "xem.tinh",
    password: "ChiXem#2025",
    displayName: "Lãnh đạo tỉnh (chỉ xem)",
    role: "viewer",
    orgCode: "QN",
  },
  {
    username: "kiemphieu",
    password: "HomPhieu#2025",
    displayName: "Thành viên ban kiểm phiếu",
    role: "counting_member",
    orgCode: "QN",
  },
  // Two more counting-committee members, so three clerks can enter the demo count in parallel.
  {
    username: "kiemphieu2",
    password: "HomPhieu2#2025",
    displayName: "Thành viên ban kiểm phiếu 2",
    role: "counting_member",
    orgCode: "QN",
  },
  {
    username: "kiemphieu3",
    password: "HomPhieu3#2025",
    displayName: "Thành viên ban kiểm phiếu 3",
    role: "counting_member",
    orgCode: "QN",
  },
];

/** Creates the demo accounts that do not exist yet (skipping any whose organisation is missing). */
export async function seedDemoUsers(db: Db, actor: Actor): Promise<string[]> {
  const created: string[] = [];
  for (const u of DEMO_USERS) {
    if (await findUserByUsername(db, u.username)) continue;
    const org = u.orgCode ? await findOrgByCode(db, ALL_SCOPE, u.orgCode) : null;
    if (u.orgCode && !org) continue;
    const result = await createUser(
      db,
      DEFAULT_AUTH_POLICY,
      { actor, access: FULL_ACCESS, sessionId: null },
      {
        username: u.username,
        displayName: u.displayName,
        password: u.password,
        mustChangePassword: false,
        grants: [{ role: u.role, orgId: org?.id ?? null, petitions: u.petitions ?? false }],
      },
    );
    if (!result.ok) throw new Error(`demo user ${u.username}: ${result.error.message}`);
    created.push(u.username);
  }
  return created;
}
