import { readFileSync } from 'node:fs';
import { importIssueFromText } from '../common/import/fromText';
const r = importIssueFromText(readFileSync(process.argv[2], 'utf8'));
const from = Number(process.argv[3] ?? 0), to = Number(process.argv[4] ?? 12);
for (const s of r.tree.sections) for (const d of s.documents) { console.log('## DOC', s.name, d.title, d.docNumber, JSON.stringify(d.content.meta ?? {})); d.content.blocks.slice(from, to).forEach((b) => console.log(b.type, JSON.stringify('children' in b ? (b.children as any[]).map((c) => c.text ?? '[' + c.type + ']').join('|') : '').slice(0, 100))); }
console.log(r.warnings.map((w) => `${w.code}@${w.line} ${w.text ?? ''}`).join('\n'));
