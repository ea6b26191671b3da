/**
 * The layers, checked on the import graph of server/src (test files excluded):
 * - no import circle, type-only imports included (a circle of types still ties two layers together);
 * - graphql/ sits above the domains: nothing outside it imports from it, except the composition root
 *   (app.ts, main.ts, the test harness) and the schema emitters (cli/);
 * - services, routers and the rest of the domain logic reach type-graphql through no runtime import:
 *   only resolvers, GraphQL types (`*.types.ts`, `*.type.ts`), `common/graphql-enums.ts`,
 *   `common/connection.types.ts`, graphql/ and the schema emitters may.
 */
import fs from 'node:fs';
import path from 'node:path';

const ROOT = __dirname;

interface Import {
  target: string; // a path relative to ROOT, or a package name
  typeOnly: boolean;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

const IMPORT = /^\s*(import|export)\s+(type\s+)?([^'";]*?\sfrom\s+)?'([^']+)'|import\(\s*'([^']+)'\s*\)/gm;

export function importsOf(file: string, source: string): Import[] {
  const found: Import[] = [];
  for (const match of source.matchAll(IMPORT)) {
    const specifier = match[4] ?? match[5]!;
    // `import { type A, type B }` is as type-only as `import type { A, B }`.
    const names = match[3]?.match(/\{([^}]*)\}/)?.[1];
    const allTypeNames =
      names !== undefined &&
      !/^\s*\*/.test(match[3] ?? '') &&
      names
        .split(',')
        .map((n) => n.trim())
        .filter(Boolean)
        .every((n) => n.startsWith('type '));
    const typeOnly = Boolean(match[2]) || (allTypeNames && !/^[^{]*\w[^{]*\{/.test(match[3] ?? ''));
    if (!specifier.startsWith('.')) {
      found.push({ target: specifier, typeOnly });
      continue;
    }
    const base = path.resolve(path.dirname(file), specifier);
    const resolved = [`${base}.ts`, path.join(base, 'index.ts')].find((p) => fs.existsSync(p));
    if (resolved) found.push({ target: path.relative(ROOT, resolved), typeOnly });
  }
  return found;
}

const graph = new Map<string, Import[]>(
  sourceFiles(ROOT).map((file) => [path.relative(ROOT, file), importsOf(file, fs.readFileSync(file, 'utf8'))]),
);

/** Strongly connected components of more than one module (Tarjan). */
function circles(edges: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!edges.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (edges.get(v) ?? []).includes(v)) found.push(component.sort());
    }
  };
  for (const v of edges.keys()) if (!index.has(v)) visit(v);
  return found;
}

/** The composition root (app.ts, and what starts it: main.ts, the test harness) and the schema emitters. */
const MAY_IMPORT_GRAPHQL_LAYER = (file: string) =>
  file.startsWith('graphql/') ||
  ['app.ts', 'main.ts', 'test-support/test-app.ts'].includes(file) ||
  /^cli\/(emit|print)-schema\.ts$/.test(file);

const MAY_IMPORT_TYPE_GRAPHQL = (file: string) =>
  MAY_IMPORT_GRAPHQL_LAYER(file) ||
  /\.(resolver|types?)\.ts$/.test(file) ||
  file === 'common/graphql-enums.ts' ||
  file === 'common/connection.types.ts';

describe('layers of server/src', () => {
  it('reads the import graph (the walker sees the imports it must see)', () => {
    expect(graph.size).toBeGreaterThan(100);
    expect(graph.get('app.ts')!.map((i) => i.target)).toContain('graphql/schema.ts');
    expect(
      importsOf(path.join(ROOT, 'x.ts'), "import type { A } from './a';\nimport { type B, C } from './b';"),
    ).toEqual([]); // neither file exists, so neither resolves
    expect(importsOf(path.join(ROOT, 'x.ts'), "import { type A, type B } from 'p';\nimport { C } from 'q';")).toEqual([
      { target: 'p', typeOnly: true },
      { target: 'q', typeOnly: false },
    ]);
  });

  it('has no import circle', () => {
    const edges = new Map([...graph].map(([file, imports]) => [file, imports.map((i) => i.target)]));
    expect(circles(edges)).toEqual([]);
  });

  it('keeps graphql/ above the domains: only the composition root and the schema emitters import it', () => {
    const offenders = [...graph].flatMap(([file, imports]) =>
      MAY_IMPORT_GRAPHQL_LAYER(file)
        ? []
        : imports.filter((i) => i.target.startsWith('graphql/')).map((i) => `${file} → ${i.target}`),
    );
    expect(offenders).toEqual([]);
  });

  it('maps rows to GraphQL nodes in *.nodes.ts files, never inside a service', () => {
    const offenders = [...graph.keys()]
      .filter((file) => file.endsWith('.service.ts'))
      .filter((file) => /^(export )?function \w+Node\(/m.test(fs.readFileSync(path.join(ROOT, file), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('keeps type-graphql out of services, routers and rules, even through a runtime import', () => {
    const reachesTypeGraphql = new Map<string, string | null>();
    const via = (file: string, seen = new Set<string>()): string | null => {
      if (reachesTypeGraphql.has(file)) return reachesTypeGraphql.get(file)!;
      if (seen.has(file)) return null;
      seen.add(file);
      let path: string | null = null;
      for (const i of graph.get(file) ?? []) {
        if (i.typeOnly) continue;
        if (i.target === 'type-graphql') path = file;
        else if (graph.has(i.target)) {
          const deeper = via(i.target, seen);
          if (deeper) path = `${file} → ${deeper}`;
        }
        if (path) break;
      }
      reachesTypeGraphql.set(file, path);
      return path;
    };
    const offenders = [...graph.keys()]
      .filter((file) => !MAY_IMPORT_TYPE_GRAPHQL(file))
      .map((file) => via(file))
      .filter((p): p is string => p !== null);
    expect(offenders).toEqual([]);
  });
});
