import * as z from 'zod/mini';

/** The body of every CDF error response (OpenAPI `ErrorResponse`). */
export const apiErrorBody = z.object({
  error: z.looseObject({
    code: z.number().check(z.int()),
    message: z.string(),
    missing: z.optional(z.array(z.record(z.string(), z.unknown()))),
    duplicated: z.optional(z.array(z.record(z.string(), z.unknown()))),
    extra: z.optional(z.record(z.string(), z.unknown())),
  }),
});
export type ApiErrorBody = z.infer<typeof apiErrorBody>;
