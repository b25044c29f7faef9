import { useEffect, useState } from 'react';
import { Transforms } from 'slate';
import { ReactEditor, useSelected, useSlateStatic, type RenderElementProps } from 'slate-react';
import type { ImageElement } from '../../../common/model';
import { figureSize, FIGURE_MAX_WIDTH_PT, type PixelSize } from '../../../common/render/figureSize';
import { api } from '../../api';
import { t } from '../../i18n';
import type { ElementPlugin } from './plugin';

const cache = new Map<string, string>();

/** Print widths offered for an image (pt): the type area is 420 pt, one text column 199.5 pt. */
const IMAGE_WIDTHS: Array<[number, string]> = [
  [100, t.editor.imageWidthSmall],
  [199.5, t.editor.imageWidthColumn],
  [300, t.editor.imageWidthLarge],
  [420, t.editor.imageWidthFull],
];

/** Width and description of the selected image, written to the model (the print page and DOCX use both). */
function ImageTools({ element }: { element: ImageElement }) {
  const editor = useSlateStatic();
  const set = (props: Partial<ImageElement>) => Transforms.setNodes(editor, props, { at: ReactEditor.findPath(editor, element) });
  return (
    <div className="image-tools" contentEditable={false} data-testid="image-tools">
      <select
        className="tb-select"
        data-testid="image-width"
        value={element.width ?? ''}
        onChange={(e) => (e.target.value ? set({ width: Number(e.target.value) }) : Transforms.unsetNodes(editor, 'width', { at: ReactEditor.findPath(editor, element) }))}
      >
        <option value="">{t.editor.imageWidthAuto}</option>
        {IMAGE_WIDTHS.map(([pt, label]) => (
          <option key={pt} value={pt}>
            {label}
          </option>
        ))}
      </select>
      <input
        className="image-alt"
        data-testid="image-alt"
        placeholder={t.editor.imageAltPlaceholder}
        value={element.alt ?? ''}
        onChange={(e) => set({ alt: e.target.value })}
      />
    </div>
  );
}

/** An image stored as an asset in the library; shown from a data URL fetched through the contract. */
function Image({ attributes, children, element }: RenderElementProps) {
  const selected = useSelected();
  const assetId = element.type === 'image' ? element.assetId : '';
  const [src, setSrc] = useState(cache.get(assetId) ?? '');
  // Pixel size as the browser reads the picture: the print sizes it from that (common/render/figureSize.ts).
  const [natural, setNatural] = useState<PixelSize | undefined>();
  useEffect(() => {
    if (!assetId || cache.has(assetId)) return;
    let live = true;
    api
      .getAsset(assetId)
      .then((a) => {
        const url = `data:${a.mime};base64,${a.dataBase64}`;
        cache.set(assetId, url);
        if (live) setSrc(url);
      })
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [assetId]);
  const asked = element.type === 'image' ? element.width : undefined;
  // As printed: its own size at 96 dpi when no width is set, never wider than the type area nor taller than 640 pt.
  const printWidthPt = natural && natural.width > 0 ? figureSize(natural, asked).widthPt : asked;
  return (
    <div {...attributes} className={`el-image${selected ? ' selected' : ''}`}>
      <div contentEditable={false}>
        {src ? (
          <img
            src={src}
            alt={element.type === 'image' ? element.alt ?? '' : ''}
            // Shown at its print width relative to the 420 pt type area.
            style={printWidthPt ? { width: `${Math.min(100, (printWidthPt / FIGURE_MAX_WIDTH_PT) * 100)}%` } : undefined}
            onLoad={(e) => setNatural({ width: e.currentTarget.naturalWidth, height: e.currentTarget.naturalHeight })}
          />
        ) : (
          <div className="image-placeholder">{t.editor.imageAlt}</div>
        )}
        {selected && element.type === 'image' ? <ImageTools element={element} /> : null}
      </div>
      {children}
    </div>
  );
}

export const imagePlugin: ElementPlugin = {
  type: 'image',
  isVoid: true,
  render: (props) => <Image {...props} />,
};
