export { importIssueFromText, importDocumentFromText, deriveIssueDate, type IssueImport, type DocumentImport } from './fromText';
export { frontMatterToText } from './frontMatterText';
