// Development/test entry for the .docx worker: loads the TypeScript worker through tsx.
// A built app bundles main/import/docxWorker.ts to docxWorker.cjs beside importDocx (see importDocx.ts).
import { tsImport } from 'tsx/esm/api';

await tsImport('./docxWorker.ts', import.meta.url);
