/** 全刊检查 state for the workspace: every document's findings, minus those ignored in this session. */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { countByDocument, issueFindingKey, lintIssue, type IssueFinding } from '../../common/lint/issue';
import type { IssueTree } from '../../common/model';
import { imagePixels, knownPixelSizes, loadImages } from './printImages';

/**
 * Fetch the issue's pictures (once each, shared with the preview) so that the checks know their pixel
 * sizes; the number returned grows when new sizes become known, for the checks to run again.
 */
export function useImagePixels(tree: IssueTree | null): number {
  const [known, setKnown] = useState(knownPixelSizes);
  useEffect(() => {
    if (!tree) return;
    let live = true;
    void loadImages(tree).then(() => {
      if (live) setKnown(knownPixelSizes());
    });
    return () => {
      live = false;
    };
  }, [tree]);
  return known;
}

export function useIssueChecks(tree: IssueTree | null) {
  const [ignored, setIgnored] = useState<ReadonlySet<string>>(new Set());
  const imagesKnown = useImagePixels(tree);
  const all = useMemo(
    () => (tree ? lintIssue(tree, imagePixels).filter((f) => !ignored.has(issueFindingKey(f))) : []),
    // imagesKnown: the pictures' sizes arrived, so pictures scaled down to fit are found now.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [tree, ignored, imagesKnown],
  );
  const counts = useMemo(() => countByDocument(all), [all]);
  const ignore = useCallback((f: IssueFinding) => setIgnored((s) => new Set(s).add(issueFindingKey(f))), []);
  return { all, counts, ignore, imagesKnown };
}
