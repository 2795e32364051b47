// Every action the server writes to the audit log has a Chinese label in @civic/contracts (the
// audit admin reads labels, not codes), and so does every kind of object an entry points at. The
// actions are read from the server's code: the literals handed to an audit call (appendAudit,
// auditAction and the modules' audit helpers), `action:` properties, and any literal in an audit
// action's namespace (auth., order., …) that is not a permission, a notification kind, an
// outbound event or a domain event's type — which catches actions routed through a helper by a variable. A template such as
// `order.${action}` must be listed in TEMPLATES with what it can become.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import {
  ACTIVITY_ACTIONS,
  AUDIT_ACTION_GROUP_LABELS,
  AUDIT_ACTION_LABELS,
  AUDIT_PERMISSION_LABELS,
  AUDIT_RESOURCE_LABELS,
  PERMISSIONS,
  describeAuditSummary,
} from '@civic/contracts';

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** What each templated action can become (the template with each ${…} written as *). */
const TEMPLATES: Record<string, readonly string[]> = {
  // orders.service dispatch: 派单, or 改派 of a dispatched order
  'order.*': ['order.dispatch', 'order.redispatch'],
  // activities.service act(): every lifecycle action but cancel (audited on its own)
  'activity.*': Object.keys(ACTIVITY_ACTIONS)
    .filter((a) => a !== 'cancel')
    .map((a) => `activity.${a}`),
  // team-members.service decide()
  'team.member.*': ['team.member.approve', 'team.member.reject'],
};

const ACTION_LIKE = /^[a-z_]+(\.[a-z_]+)+$/;
const AUDIT_CALL = /^(appendAudit|auditAction|audit|audit[A-Z]\w*)$/;
/** Kysely calls whose string arguments are column references ('team.id'), not actions. */
const SQL_CALLS = new Set([
  'leftJoin',
  'innerJoin',
  'rightJoin',
  'fullJoin',
  'join',
  'on',
  'onRef',
  'where',
  'whereRef',
  'select',
  'orderBy',
  'groupBy',
  'distinctOn',
  'ref',
  'returning',
]);
const NAMESPACES = new Set(Object.keys(AUDIT_ACTION_GROUP_LABELS));
const PERMISSION_SET = new Set<string>(PERMISSIONS);

interface Found {
  actions: { action: string; at: string }[];
  templates: { template: string; at: string }[];
  resourceTypes: { type: string; at: string }[];
}

function calleeName(call: ts.CallExpression): string | null {
  const callee = call.expression;
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return null;
}

function propertyName(node: ts.Node): string | null {
  const parent = node.parent;
  if (parent && ts.isPropertyAssignment(parent) && parent.initializer === node) {
    const name = parent.name;
    if (ts.isIdentifier(name) || ts.isStringLiteral(name)) return name.text;
  }
  return null;
}

/**
 * A domain event's type (platform/events.ts), not an audit action: `type: '…'` in the event's type or
 * in an emitted event, and a handler named after it (`async 'order.closed'(tx, e)`).
 */
function isEventType(node: ts.Node): boolean {
  const parent = node.parent;
  if (!parent) return false;
  if (ts.isMethodDeclaration(parent) && parent.name === node) return true;
  const signature = ts.isLiteralTypeNode(parent) ? parent.parent : null;
  return !!signature && ts.isPropertySignature(signature) && signature.name.getText() === 'type';
}

/** The nearest enclosing call the node is an argument of (through ternaries and parentheses). */
function enclosingCall(node: ts.Node): ts.CallExpression | null {
  let current: ts.Node = node;
  while (
    current.parent &&
    (ts.isConditionalExpression(current.parent) || ts.isParenthesizedExpression(current.parent))
  )
    current = current.parent;
  const parent = current.parent;
  return parent && ts.isCallExpression(parent) && parent.arguments.includes(current as ts.Expression)
    ? parent
    : null;
}

function insideAuditCall(node: ts.Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isCallExpression(current)) {
      const name = calleeName(current);
      if (name && AUDIT_CALL.test(name) && name !== 'auditActor') return true;
    }
    if (ts.isFunctionLike(current) || ts.isSourceFile(current)) return false;
  }
  return false;
}

/** Audit actions, templated actions and resource types written in one source file. */
export function scanAuditWrites(file: string, text: string): Found {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: Found = { actions: [], templates: [], resourceTypes: [] };
  const at = (node: ts.Node) => `${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;

  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      const value = node.text;
      const property = propertyName(node);
      if (property === 'resourceType') found.resourceTypes.push({ type: value, at: at(node) });
      const call = enclosingCall(node);
      if (call && calleeName(call) === 'auditAction' && call.arguments[3] === node)
        found.resourceTypes.push({ type: value, at: at(node) });
      if (ACTION_LIKE.test(value)) {
        const namespace = value.slice(0, value.indexOf('.'));
        const direct = property === 'action' || insideAuditCall(node);
        const byNamespace =
          NAMESPACES.has(namespace) &&
          !PERMISSION_SET.has(value) &&
          property !== 'kind' &&
          property !== 'event' &&
          property !== 'type' &&
          !isEventType(node) &&
          !(call && SQL_CALLS.has(calleeName(call) ?? ''));
        if (direct || byNamespace) found.actions.push({ action: value, at: at(node) });
      }
    } else if (ts.isTemplateExpression(node)) {
      const template = node.head.text + node.templateSpans.map((span) => `*${span.literal.text}`).join('');
      if (/^[a-z_]+\.[a-z_.*]*$/.test(template) && (propertyName(node) === 'action' || insideAuditCall(node)))
        found.templates.push({ template, at: at(node) });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function serverSources(): { file: string; text: string }[] {
  return fs
    .readdirSync(SRC, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('.d.ts'))
    .filter((f) => !f.includes('schema.generated'))
    .map((f) => ({ file: f, text: fs.readFileSync(path.join(SRC, f), 'utf8') }));
}

describe('audit labels', () => {
  const all = serverSources().map(({ file, text }) => scanAuditWrites(file, text));
  const actions = all.flatMap((f) => f.actions);
  const templates = all.flatMap((f) => f.templates);

  it('finds the actions the server writes', () => {
    // the scan sees helpers' literals, templates and the refusals' map
    const seen = new Set(actions.map((a) => a.action));
    for (const action of [
      'auth.login',
      'hours.confirm',
      'access.denied',
      'access.csrf_failed',
      'user.unlock',
    ])
      expect(seen, action).toContain(action);
    expect(templates.map((t) => t.template)).toContain('order.*');
  });

  it('has a Chinese label for every action written', () => {
    const unknownTemplates = templates.filter((t) => !TEMPLATES[t.template]);
    expect(unknownTemplates, 'list what these templates can become in TEMPLATES').toEqual([]);
    const written = [
      ...actions,
      ...templates.flatMap((t) => (TEMPLATES[t.template] ?? []).map((action) => ({ action, at: t.at }))),
    ];
    const missing = written.filter((w) => !Object.hasOwn(AUDIT_ACTION_LABELS, w.action));
    expect(missing, 'add these actions to AUDIT_ACTION_LABELS in packages/contracts/src/audit.ts').toEqual(
      [],
    );
  });

  it('has a Chinese label for every permission a refusal may name', () => {
    expect(PERMISSIONS.filter((p) => !AUDIT_PERMISSION_LABELS[p])).toEqual([]);
  });

  it('has a Chinese label for every kind of object an entry points at', () => {
    const types = all.flatMap((f) => f.resourceTypes);
    expect(types.length).toBeGreaterThan(5);
    const missing = types.filter((t) => !Object.hasOwn(AUDIT_RESOURCE_LABELS, t.type));
    expect(missing, 'add these to AUDIT_RESOURCE_LABELS').toEqual([]);
  });

  it('fails for an action without a label, however it is written', () => {
    const snippet = `
      const ACTIONS = { a: 'order.teleport' };
      async function f(tx, actor, row) {
        await appendAudit(tx, { action: 'volunteer.clone', resourceType: 'spaceship' });
        await auditAction(tx, actor, 'team.split', 'fleet', row, {}, now);
        await audit(tx, actor, \`order.\${verb}\`, row);
        await setFlags(actor, 1, 'user.teleport', {});
        await tx.selectFrom('teams as team').where('team.name', '=', 'x');
        notify({ kind: 'order.offered', event: 'activity.reminder' });
        requirePermission(actor, 'order.read');
      }`;
    const found = scanAuditWrites('snippet.ts', snippet);
    expect(found.actions.map((a) => a.action).sort()).toEqual(
      ['order.teleport', 'team.split', 'user.teleport', 'volunteer.clone'].sort(),
    );
    expect(found.templates.map((t) => t.template)).toEqual(['order.*']);
    expect(found.resourceTypes.map((t) => t.type).sort()).toEqual(['fleet', 'spaceship']);
  });

  it('describes a summary in words, with names the server resolved', () => {
    expect(describeAuditSummary({ fields: ['name', 'contactPhone'], reason: 'wrong_password' })).toBe(
      '修改内容：名称、联系电话；原因：密码错误',
    );
    expect(describeAuditSummary({ volunteerId: 7, minor: false }, { volunteers: { '7': 'ZY0007' } })).toBe(
      '志愿者：ZY0007；未成年人：否',
    );
    expect(describeAuditSummary({ permission: 'org.read|account.manage' })).toBe(
      '所需权限：查看组织 或 管理账号',
    );
  });
});
