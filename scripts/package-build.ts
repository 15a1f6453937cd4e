import type { Options } from 'tsup';

type Plugin = NonNullable<Options['esbuildPlugins']>[number];

// fp-ts 2 has no `exports` map: Node's ESM loader cannot import `fp-ts/Either` (a folder), so the
// built files import the module file itself, which works from ESM and CommonJS alike.
const fpTsModuleFiles: Plugin = {
  name: 'fp-ts-module-files',
  setup(build) {
    build.onResolve({ filter: /^fp-ts\/[A-Za-z]+$/ }, (args) => ({ path: `${args.path.replace('fp-ts/', 'fp-ts/lib/')}.js`, external: true }));
  },
};

/**
 * How every package builds: ESM (.mjs) and CommonJS (.js) with their declarations, one file per
 * entry point plus shared chunks, so a class is the same class whichever entry point it came from.
 */
export function packageBuild(entry: Record<string, string>): Options {
  return {
    entry,
    format: ['esm', 'cjs'],
    target: 'node20',
    platform: 'node',
    outDir: 'dist',
    tsconfig: '../../tsconfig.build.json',
    dts: true,
    splitting: true,
    shims: true,
    clean: true,
    sourcemap: false,
    // tsup would mark these external before the plugin sees them; the plugin marks them itself.
    noExternal: [/^fp-ts\//],
    esbuildPlugins: [fpTsModuleFiles],
  };
}
