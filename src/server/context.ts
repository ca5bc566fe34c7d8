/**
 * What a route handler knows about its caller. Accounts (issue "Accounts…") fill this from the
 * session; until a request is authenticated the caller is anonymous.
 */
import type { FastifyRequest } from "fastify";
import type { Actor } from "../db/audit.ts";
import { ALL_SCOPE, type Scope } from "../db/repositories/scope.ts";

export interface Caller {
  readonly actor: Actor;
  readonly scope: Scope;
}

declare module "fastify" {
  interface FastifyRequest {
    caller: Caller;
  }
}

export const ANONYMOUS_CALLER: Caller = {
  actor: { userId: null, label: "người dùng web" },
  scope: ALL_SCOPE,
};

export function callerOf(request: FastifyRequest): Caller {
  return request.caller ?? ANONYMOUS_CALLER;
}
