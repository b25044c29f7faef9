/** `gazette import FILE.docx` (and .doc/.wps through LibreOffice): its documents in a new draft issue. */
import type { ImportWarning } from '../../common/model/index';
import { importDocxIntoLibrary } from '../import/docxIntoLibrary';
import type { Library } from '../store/index';
import { CliError } from './shared';

export async function importDocxCommand(library: Library, file: string): Promise<{ issueId: string; documents: number; warnings: ImportWarning[] }> {
  const result = await importDocxIntoLibrary(library, file);
  if (!result.ok) throw new CliError(result.error.message);
  return { issueId: result.issueId, documents: result.documentIds.length, warnings: result.warnings };
}
