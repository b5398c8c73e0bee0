/**
 * Electron and Node need better-sqlite3 compiled for different ABIs. `npm test` and the CLI use the
 * Node build in node_modules; `npm start` prepares an Electron build outside node_modules and passes
 * its path in PLUMBLINE_SQLITE_BINDING, so the two never overwrite each other. Every connection the
 * core opens (local database, code set, CPT import) must go through this.
 */
export function resolveNativeBinding(): string | undefined {
  const fromEnv = process.env.PLUMBLINE_SQLITE_BINDING;
  return fromEnv && fromEnv.length > 0 ? fromEnv : undefined;
}

/** better-sqlite3 constructor options carrying the binding to load, when one is set. */
export function nativeBindingOption(): { nativeBinding?: string } {
  const nativeBinding = resolveNativeBinding();
  return nativeBinding ? { nativeBinding } : {};
}
