#!/usr/bin/env node
// The `gazette` command: runs the TypeScript CLI through tsx's loader, so no compile step is needed.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../main/cli.ts');
process.exitCode = await main(process.argv.slice(2));
