/**
 * Remembers what ts-node compiled, per file and source text. The gate runs the program once per
 * stack, and runProgram drops the project's modules between runs so each stack composes afresh;
 * without this, ts-node transpiles every project file again for every stack (the largest single
 * cost of a cold `npm start`). The output for the same text, file and compiler options is the
 * same, so this changes nothing but time. A no-op when the process was not started under
 * ts-node (for example compiled JavaScript).
 */

interface TsNodeService {
  compile(code: string, fileName: string, lineOffset?: number): string;
  previewCompileCache?: Map<string, { code: string; output: string }>;
}

/** Installs the cache on the process's registered ts-node service (once). */
export function cacheTsNodeCompiles(): void {
  const service = (process as unknown as Record<symbol, TsNodeService | undefined>)[
    Symbol.for("ts-node.register.instance")
  ];
  if (!service || service.previewCompileCache) return;
  const cache = new Map<string, { code: string; output: string }>();
  const compile = service.compile.bind(service);
  service.previewCompileCache = cache;
  service.compile = (code: string, fileName: string, lineOffset?: number): string => {
    const hit = cache.get(fileName);
    if (hit && hit.code === code && !lineOffset) return hit.output;
    const output = compile(code, fileName, lineOffset);
    if (!lineOffset) cache.set(fileName, { code, output });
    return output;
  };
}
