/**
 * What a route handler knows about its caller, filled by the auth plugin (plugins/auth.ts) from the
 * session cookie. Without a session the caller is anonymous and sees nothing.
 */
import type { FastifyRequest } from "fastify";
import { type Access, type Actor, NO_ACCESS, type Principal, type Scope } from "../services/access.ts";
import type { Grant, User } from "../services/accounts.ts";

export interface Caller {
  readonly actor: Actor;
  /**
   * The subtrees this request may touch: the read scope, or on "write" routes the write scope (an
   * officer's subtrees, not a viewer's), so services scope their queries by it either way.
   */
  readonly scope: Scope;
  readonly access: Access;
  readonly user: User | null;
  readonly grants: readonly Grant[];
  /** sha256 of the cookie token (the session's id), null when anonymous. */
  readonly sessionId: string | null;
  readonly sessionExpiresAt: Date | null;
}

declare module "fastify" {
  interface FastifyRequest {
    caller: Caller;
  }
}

export const ANONYMOUS_CALLER: Caller = {
  actor: { userId: null, label: "khách (chưa đăng nhập)" },
  scope: NO_ACCESS.readScope,
  access: NO_ACCESS,
  user: null,
  grants: [],
  sessionId: null,
  sessionExpiresAt: null,
};

export function callerOf(request: FastifyRequest): Caller {
  return request.caller ?? ANONYMOUS_CALLER;
}

/** The caller as services take it. */
export function principalOf(request: FastifyRequest): Principal {
  const c = callerOf(request);
  return { actor: c.actor, access: c.access, sessionId: c.sessionId };
}
