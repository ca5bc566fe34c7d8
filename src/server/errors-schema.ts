import { z } from "zod";

/** Every error response has this shape: a stable code, a Vietnamese message, optional details. */
export const errorBodySchema = z.object({
  code: z.string(),
  message: z.string(),
  details: z.unknown().optional(),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** The error responses a route group declares, each with the one error body shape. */
export function errorResponsesFor<C extends number>(...codes: C[]): Record<C, typeof errorBodySchema> {
  return Object.fromEntries(codes.map((c) => [c, errorBodySchema])) as Record<C, typeof errorBodySchema>;
}
