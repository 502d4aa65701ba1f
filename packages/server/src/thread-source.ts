// Worker threads of the server, which runs from its TypeScript sources under tsx: a worker does not inherit tsx's
// hooks, so its code registers them first, then loads the worker's module.
export function workerSource(module: URL): string {
  return `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
  .then(({ register }) => { register(); return import(${JSON.stringify(module.href)}); })`;
}
