import type { z } from 'zod';
import { issueCode, localizeIssue } from '../../../shared/src/platform/issue-message.rules.ts';
import type { Language } from '../../../shared/src/platform/language.ts';
import type { FieldError } from '../../../shared/src/platform/problem.ts';

/** One field's error as react-hook-form keeps it: a stable type (the issue code) and the message. */
export type FormFieldError = { type: string; message: string };

/**
 * A form's own wording for zod's built-in checks ("too short", "wrong type"), whose generic
 * messages are technical; our refinements carry their own translations and never reach it.
 */
export type IssueMessages = (issue: z.core.$ZodIssue, path: string) => string | undefined;

/**
 * Zod issues as form field errors in the reader's language, keyed by dotted path (`roles.0.team`);
 * the first issue of a field wins, as the person fixes one thing at a time. Issues of the whole
 * form (empty path) go to react-hook-form's `root`.
 */
export const issuesToFieldErrors = (issues: readonly z.core.$ZodIssue[], language: Language, messages?: IssueMessages): Record<string, FormFieldError> => {
  const errors: Record<string, FormFieldError> = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join('.') || 'root';
    if (errors[path]) continue;
    const own = (issue as { params?: { messages?: unknown } }).params?.messages;
    const message = (own ? undefined : messages?.(issue, path)) ?? localizeIssue(issue, language);
    errors[path] = { type: issueCode(issue), message };
  }
  return errors;
};

/**
 * The server's field errors split into those a form shows next to a field (`accept`) and the rest,
 * which the form shows in its general message. A field error without a message of its own (the
 * server then repeats the code) takes the problem's title, which is always in the reader's language.
 */
export const splitServerFieldErrors = (
  problem: { fieldErrors: readonly FieldError[]; title: string },
  accept: (field: string) => boolean,
): { fields: { field: string; error: FormFieldError }[]; rest: string[] } => {
  const fields: { field: string; error: FormFieldError }[] = [];
  const rest: string[] = [];
  for (const item of problem.fieldErrors) {
    const message = item.message && item.message !== item.code ? item.message : problem.title;
    if (accept(item.field) && !fields.some((f) => f.field === item.field)) fields.push({ field: item.field, error: { type: item.code, message } });
    else rest.push(message);
  }
  return { fields, rest };
};

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/**
 * react-hook-form's nested errors (`{ roles: [{ team: { message } }] }`) as a flat list of dotted
 * paths and messages, in the order of `order` (the form's fields from top to bottom; a path is
 * placed by its first segment), for the error summary.
 */
export const flattenFieldErrors = (errors: unknown, order: readonly string[] = []): { path: string; message: string }[] => {
  const found: { path: string; message: string }[] = [];
  const walk = (node: unknown, path: string) => {
    if (!isRecord(node)) return;
    if (typeof node.message === 'string' && typeof node.type === 'string') {
      if (node.message) found.push({ path, message: node.message });
      return;
    }
    for (const [key, child] of Object.entries(node)) {
      // `ref` is the DOM element react-hook-form keeps beside the message; never walk into it.
      if (key === 'ref') continue;
      walk(child, path ? `${path}.${key}` : key);
    }
  };
  walk(errors, '');
  const rank = (path: string) => {
    const index = order.indexOf(path.split('.')[0] ?? path);
    return index === -1 ? order.length : index;
  };
  return found
    .map((item, index) => ({ item, index }))
    .sort((a, b) => rank(a.item.path) - rank(b.item.path) || a.index - b.index)
    .map(({ item }) => item);
};

/** The DOM id of a form control for a dotted field path: `staff-form` + `roles.0.team` -> `staff-form-roles-0-team`. */
export const fieldDomId = (formId: string, path: string): string => `${formId}-${path.replace(/\./g, '-')}`;
