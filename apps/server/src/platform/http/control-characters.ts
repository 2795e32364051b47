// Control characters are refused at the boundary, for every string a request carries. NUL above all:
// PostgreSQL cannot store it in text (22021) or jsonb (22P05), so without this a NUL in any field
// became a 500. The others (ESC, DEL, C1 …) are never part of legitimate text and only hide things
// (terminal escapes in logs, invisible differences between names); an unpaired surrogate would be
// silently turned into U+FFFD on its way to the database, and noncharacters are not text either.
//
// It is a hook on the root instance, not a string schema each module must remember to use: every
// route — with a schema for that part of the request or without, in any module, Open311 included —
// gets it, so a new route or a hand-written z.string() cannot forget it.
import type { FastifyInstance } from 'fastify';
import { Invalid } from '../errors.ts';

// Multi-line text (descriptions, reasons, summaries) keeps tab, line feed and carriage return; a
// path segment or query value is one line, so there they are refused too.
/* eslint-disable no-control-regex -- matching control characters is the point */
const NOT_IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const NOT_IN_LINE = /[\u0000-\u001f\u007f-\u009f]/;
/* eslint-enable no-control-regex */
// with the u flag a well-formed surrogate pair is one code point, so \p{Cs} matches only a lone half
const NOT_WELL_FORMED = /[\p{Cs}\p{Noncharacter_Code_Point}]/u;

export type TextKind = 'text' | 'line';

/** Why `value` is not acceptable text (a Chinese phrase), or null when it is. */
export function textProblem(value: string, kind: TextKind): string | null {
  if ((kind === 'text' ? NOT_IN_TEXT : NOT_IN_LINE).test(value)) return '不能包含控制字符';
  if (NOT_WELL_FORMED.test(value)) return '含有无效字符';
  return null;
}

/**
 * The first string in `value` (its keys included, at any depth) that is not acceptable text, with
 * its path as the error handler names fields (`items.0.name`). Walks with its own stack: a deeply
 * nested JSON body must not overflow the call stack.
 */
export function findBadText(value: unknown, kind: TextKind): { path: string; problem: string } | null {
  const stack: Array<{ value: unknown; path: string }> = [{ value, path: '' }];
  while (stack.length > 0) {
    const { value: current, path } = stack.pop()!;
    if (typeof current === 'string') {
      const problem = textProblem(current, kind);
      if (problem) return { path, problem };
    } else if (current !== null && typeof current === 'object' && !Buffer.isBuffer(current)) {
      const entries = Object.entries(current as Record<string, unknown>);
      // pushed in reverse so the first field is reported first
      for (let i = entries.length - 1; i >= 0; i -= 1) {
        const [key, child] = entries[i]!;
        const keyProblem = textProblem(key, 'line');
        if (keyProblem) return { path, problem: `名称${keyProblem}` };
        stack.push({ value: child, path: path ? `${path}.${key}` : key });
      }
    }
  }
  return null;
}

/** The 400 for a bad string at `path`. */
export function badTextError(found: { path: string; problem: string }): Invalid {
  return new Invalid(found.path ? `参数 ${found.path}：${found.problem}` : `参数${found.problem}`);
}

/**
 * Refuses, before validation, any request whose path parameters, query or parsed body holds a
 * control character (multipart parts are read by the handler: `readUploadedFile` checks them).
 */
export function refuseControlCharacters(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const found =
      findBadText(request.params, 'line') ??
      findBadText(request.query, 'line') ??
      findBadText(request.body, 'text');
    if (found) throw badTextError(found);
  });
}
