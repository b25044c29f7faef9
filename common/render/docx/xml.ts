/** Small XML helpers for the parts of the DOCX the docx package does not model (fields, settings, styles). */
import { ImportedXmlComponent, type ParagraphChild } from 'docx';

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A raw run (w:r ...) as a paragraph child. */
export function rawRun(xml: string): ParagraphChild {
  return ImportedXmlComponent.fromXmlString(xml) as unknown as ParagraphChild;
}

export function fieldBegin(dirty = false): ParagraphChild {
  return rawRun(`<w:r><w:fldChar w:fldCharType="begin"${dirty ? ' w:dirty="true"' : ''}/></w:r>`);
}

export function fieldInstruction(instruction: string): ParagraphChild {
  return rawRun(`<w:r><w:instrText xml:space="preserve"> ${escapeXml(instruction)} </w:instrText></w:r>`);
}

export function fieldSeparate(): ParagraphChild {
  return rawRun('<w:r><w:fldChar w:fldCharType="separate"/></w:r>');
}

export function fieldEnd(): ParagraphChild {
  return rawRun('<w:r><w:fldChar w:fldCharType="end"/></w:r>');
}

/** A complete field with a cached result, e.g. PAGEREF with our page number. */
export function fieldWithResult(instruction: string, result: string): ParagraphChild[] {
  return [
    fieldBegin(),
    fieldInstruction(instruction),
    fieldSeparate(),
    rawRun(`<w:r><w:t xml:space="preserve">${escapeXml(result)}</w:t></w:r>`),
    fieldEnd(),
  ];
}
