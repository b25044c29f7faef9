import { readFileSync } from 'node:fs';
import { convertDocx } from '../main/import/docxWorker';
const r = await convertDocx(new Uint8Array(readFileSync(process.argv[2])));
for (const d of r.documents ?? [{ content: r.content! , title: r.title, docNumber: r.docNumber, section: ''}]) { console.log('## DOC', d.title, d.docNumber); d.content.blocks.slice(0, 14).forEach((b) => console.log(b.type, JSON.stringify('children' in b ? (b.children as any[]).map((c) => c.text ?? '[' + c.type + ']').join('|') : '').slice(0, 100))); }
console.log(r.warnings);
