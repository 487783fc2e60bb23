import type * as z from 'zod/mini';

/**
 * One readable sentence for why `value` fails `schema`, or `undefined` when it passes.
 * The numbers come from the zod issue (so from the model's schemas), never from here; custom
 * messages written in the model (metadata byte limits, rings) win over zod's generic ones.
 */
export function schemaMessage(schema: z.ZodMiniType, value: unknown, subject: string): string | undefined {
  const result = schema.safeParse(value);
  if (result.success) return undefined;
  const issues = result.error.issues;
  const custom = issues.find((i) => i.code === 'custom');
  if (custom) return custom.message;
  const issue = issues[0];
  if (!issue) return `${subject} is not valid`;
  const at = issue.path.length ? `${subject} (${issue.path.map(String).join('.')})` : subject;
  switch (issue.code) {
    case 'too_big':
      return issue.origin === 'string'
        ? `${at} is at most ${String(issue.maximum)} characters`
        : issue.origin === 'array'
          ? `${at} holds at most ${String(issue.maximum)} items`
          : `${at} is at most ${String(issue.maximum)}`;
    case 'too_small':
      return issue.origin === 'string' && issue.minimum === 1
        ? `${at} cannot be empty`
        : issue.origin === 'array'
          ? `${at} needs at least ${String(issue.minimum)} items`
          : `${at} is at least ${String(issue.minimum)}`;
    case 'invalid_type':
      return issue.expected === 'int' ? `${at} must be a whole number` : `${at} must be ${article(issue.expected)}`;
    default:
      return `${at}: ${issue.message}`;
  }
}

function article(noun: string): string {
  return /^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`;
}
