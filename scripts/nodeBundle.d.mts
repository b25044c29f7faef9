import type { BuildResult } from 'esbuild';

/** Bundle `entry` (TypeScript) with its dependencies into one CommonJS file for Node 20 / Electron. */
export declare function bundleNode(entry: string, outfile: string): Promise<BuildResult>;
