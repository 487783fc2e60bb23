import { z } from 'zod';

/** The body of every CDF error response (OpenAPI `ErrorResponse`). */
export const apiErrorBody = z.object({
  error: z.looseObject({
    code: z.number().int(),
    message: z.string(),
    missing: z.array(z.record(z.string(), z.unknown())).optional(),
    duplicated: z.array(z.record(z.string(), z.unknown())).optional(),
    extra: z.record(z.string(), z.unknown()).optional(),
  }),
});
export type ApiErrorBody = z.infer<typeof apiErrorBody>;
