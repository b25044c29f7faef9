/**
 * How close each test comes to its time limit: `npm run timeout-margins -- REPORT.json... [--all] [--json]`.
 * REPORT.json is vitest's JSON report (`npx vitest run --reporter=json --outputFile=REPORT.json`). Each
 * test's limit is read from its source: the test call's third argument or `{ timeout }` option, else its
 * describe block's, else vitest.config.ts's testTimeout. Tests above 50 % of their limit are flagged: a
 * limit must hold with the whole suite running on 2 cores (issue #15), so run this on a full-suite report.
 * Hooks (beforeAll …) have no duration in the report: their limits are listed, not measured.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const FLAG_AT = 0.5;
const TEST_CALLS = new Set(['it', 'test']);
const HOOK_CALLS = new Set(['beforeAll', 'afterAll', 'beforeEach', 'afterEach']);

interface ReportTest {
  ancestorTitles: string[];
  title: string;
  fullName: string;
  status: string;
  duration?: number;
}
interface ReportFile {
  name: string;
  startTime: number;
  endTime: number;
  assertionResults: ReportTest[];
}

/** A test or describe call found in a source file, with the limit it sets (if any). */
interface Declared {
  kind: 'test' | 'describe';
  /** Title as a pattern: it.each titles carry %s / $name placeholders. */
  title: RegExp;
  ancestors: Declared[];
  timeout?: number;
}

export interface Margin {
  file: string;
  test: string;
  ms: number;
  limitMs: number;
  limitFrom: 'test' | 'describe' | 'config';
  share: number;
  status: string;
}

export interface HookLimits {
  file: string;
  /** Limits given to beforeAll/afterAll/beforeEach/afterEach in the file (ms). */
  limitsMs: number[];
}

function numberValue(node: ts.Expression, consts: Map<string, number>): number | undefined {
  if (ts.isNumericLiteral(node)) return Number(node.text.replace(/_/g, ''));
  if (ts.isIdentifier(node)) return consts.get(node.text);
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.AsteriskToken) {
    const a = numberValue(node.left, consts);
    const b = numberValue(node.right, consts);
    return a !== undefined && b !== undefined ? a * b : undefined;
  }
  return undefined;
}

/** `600_000` or `{ timeout: 600_000 }` among a call's arguments after the title. */
function timeoutOf(args: readonly ts.Expression[], consts: Map<string, number>): number | undefined {
  for (const arg of args) {
    const n = numberValue(arg, consts);
    if (n !== undefined) return n;
    if (ts.isObjectLiteralExpression(arg)) {
      for (const prop of arg.properties) {
        if (ts.isPropertyAssignment(prop) && prop.name.getText() === 'timeout') return numberValue(prop.initializer, consts);
      }
    }
  }
  return undefined;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A title as the report prints it: it.each placeholders (%s, %d, $name) match anything. */
function titlePattern(node: ts.Expression, each: boolean): RegExp | undefined {
  let text: string | undefined;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) text = node.text;
  else if (ts.isTemplateExpression(node)) {
    // `${name} …`: the substitutions match anything.
    const parts = [escapeRegExp(node.head.text), ...node.templateSpans.map((s) => `.*${escapeRegExp(s.literal.text)}`)];
    return new RegExp(`^${parts.join('')}$`, 's');
  }
  if (text === undefined) return undefined;
  const escaped = escapeRegExp(text);
  const pattern = each ? escaped.replace(/%[sdifjo#%]|\\\$[\w.]+/g, '.*') : escaped;
  return new RegExp(`^${pattern}$`, 's');
}

/** `it`, `it.skipIf(x)`, `it.each(rows)`, `describe.concurrent` … -> the base name and whether it is `.each`. */
function callee(expr: ts.Expression): { base: string; each: boolean } | undefined {
  let each = false;
  let node = expr;
  for (;;) {
    if (ts.isIdentifier(node)) return { base: node.text, each };
    if (ts.isPropertyAccessExpression(node)) {
      if (node.name.text === 'each' || node.name.text === 'for') each = true;
      node = node.expression;
    } else if (ts.isCallExpression(node)) {
      node = node.expression;
    } else return undefined;
  }
}

/** Module-level numeric constants (`const LONG = 600_000`), for limits given by name. */
function constants(source: ts.SourceFile): Map<string, number> {
  const consts = new Map<string, number>();
  const visit = (node: ts.Node) => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
      const n = numberValue(node.initializer, consts);
      if (n !== undefined) consts.set(node.name.text, n);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return consts;
}

export function declaredLimits(file: string, text: string): { tests: Declared[]; hookLimits: number[]; explicit: number } {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const consts = constants(source);
  const tests: Declared[] = [];
  const hookLimits: number[] = [];
  let explicit = 0;
  const visit = (node: ts.Node, ancestors: Declared[]) => {
    if (ts.isCallExpression(node)) {
      const name = callee(node.expression);
      if (name && HOOK_CALLS.has(name.base)) {
        const limit = timeoutOf(node.arguments.slice(1), consts);
        if (limit !== undefined) {
          hookLimits.push(limit);
          explicit++;
        }
      }
      if (name && (TEST_CALLS.has(name.base) || name.base === 'describe') && node.arguments.length >= 2) {
        const title = titlePattern(node.arguments[0], name.each);
        if (title) {
          const timeout = timeoutOf(node.arguments.slice(1), consts);
          if (timeout !== undefined) explicit++;
          const declared: Declared = { kind: name.base === 'describe' ? 'describe' : 'test', title, ancestors, timeout };
          if (declared.kind === 'test') tests.push(declared);
          for (const arg of node.arguments.slice(1)) visit(arg, declared.kind === 'describe' ? [...ancestors, declared] : ancestors);
          return;
        }
      }
    }
    ts.forEachChild(node, (child) => visit(child, ancestors));
  };
  visit(source, []);
  return { tests, hookLimits, explicit };
}

function matches(declared: Declared, test: ReportTest): boolean {
  if (!declared.title.test(test.title)) return false;
  if (declared.ancestors.length !== test.ancestorTitles.length) return false;
  return declared.ancestors.every((a, i) => a.title.test(test.ancestorTitles[i]));
}

function configDefaults(root: string): { testMs: number; hookMs: number } {
  const config = readFileSync(path.join(root, 'vitest.config.ts'), 'utf8');
  const read = (key: string, fallback: number) => {
    const m = new RegExp(`${key}:\\s*([\\d_]+)`).exec(config);
    return m ? Number(m[1].replace(/_/g, '')) : fallback;
  };
  // vitest's own defaults where the config says nothing.
  return { testMs: read('testTimeout', 5_000), hookMs: read('hookTimeout', 10_000) };
}

export function margins(report: { testResults: ReportFile[] }, root: string, readSource: (file: string) => string, defaults = configDefaults(root)) {
  const tests: Margin[] = [];
  const hooks: HookLimits[] = [];
  let explicit = 0;
  for (const file of report.testResults) {
    const rel = path.relative(root, file.name);
    const declared = declaredLimits(rel, readSource(file.name));
    explicit += declared.explicit;
    for (const test of file.assertionResults) {
      if (test.duration === undefined || test.status === 'skipped' || test.status === 'pending' || test.status === 'todo') continue;
      const found = declared.tests.find((d) => matches(d, test));
      const fromDescribe = found?.ancestors.slice().reverse().find((a) => a.timeout !== undefined)?.timeout;
      const [limitMs, limitFrom] =
        found?.timeout !== undefined ? [found.timeout, 'test' as const] : fromDescribe !== undefined ? [fromDescribe, 'describe' as const] : [defaults.testMs, 'config' as const];
      tests.push({ file: rel, test: test.fullName, ms: Math.round(test.duration), limitMs, limitFrom, share: test.duration / limitMs, status: test.status });
    }
    if (declared.hookLimits.length) hooks.push({ file: rel, limitsMs: declared.hookLimits });
  }
  tests.sort((a, b) => b.share - a.share);
  return { defaults, explicit, tests, hooks };
}

function percent(share: number): string {
  return `${(share * 100).toFixed(1)} %`;
}

function main(argv: string[]): void {
  const files = argv.filter((a) => !a.startsWith('--'));
  if (files.length === 0) {
    console.error('usage: npm run timeout-margins -- REPORT.json... [--all] [--json]   (REPORT.json: npx vitest run --reporter=json --outputFile=REPORT.json)');
    process.exit(2);
  }
  const root = path.resolve(import.meta.dirname, '..');
  // Several reports (runs of some files each) read as one.
  const report = { testResults: files.flatMap((f) => (JSON.parse(readFileSync(f, 'utf8')) as { testResults: ReportFile[] }).testResults) };
  const result = margins(report, root, (f) => readFileSync(f, 'utf8'));
  if (argv.includes('--json')) {
    console.log(JSON.stringify(result, null, 2));
    return;
  }
  const flagged = result.tests.filter((t) => t.share > FLAG_AT);
  const shown = argv.includes('--all') ? result.tests : result.tests.filter((t) => t.share > FLAG_AT || t.limitFrom !== 'config');
  console.log(`defaults: testTimeout ${result.defaults.testMs} ms, hookTimeout ${result.defaults.hookMs} ms; ${result.explicit} explicit limits in the ${report.testResults.length} files read`);
  console.log(`${result.tests.length} tests; ${flagged.length} above ${FLAG_AT * 100} % of their limit${argv.includes('--all') ? '' : ' (shown: those, and every test with a limit of its own; --all for all)'}`);
  console.log('');
  console.log('| flag | share | ms | limit ms | limit from | file | test |');
  console.log('|---|---:|---:|---:|---|---|---|');
  for (const t of shown) console.log(`| ${t.share > FLAG_AT ? '!!' : ''} | ${percent(t.share)} | ${t.ms} | ${t.limitMs} | ${t.limitFrom} | ${t.file} | ${t.test.replace(/\|/g, '\\|')} |`);
  console.log('');
  // vitest's JSON report gives hooks no duration (a file's start and end span its tests only).
  const hookFiles = [...new Map(result.hooks.map((h) => [h.file, `${h.file} ${h.limitsMs.join(', ')} ms`])).values()];
  console.log(`Hook limits (listed, not measured: vitest's JSON report has no hook durations): ${hookFiles.join('; ') || 'none'}; hookTimeout default ${result.defaults.hookMs} ms`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) main(process.argv.slice(2));
