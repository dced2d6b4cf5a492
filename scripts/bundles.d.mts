import type { BuildOptions } from 'esbuild';

export function bundleOptions(o: { root: string; outDir: string; production: boolean }): { extension: BuildOptions; webview: BuildOptions; callflow: BuildOptions };
