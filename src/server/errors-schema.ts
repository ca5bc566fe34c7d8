import { z } from "zod";

/** Every error response has this shape: a stable code, a Vietnamese message, optional details. */
export const errorBodySchema = z.object({
  code: z.string(),
  message: z.string(),
  details: z.unknown().optional(),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;
