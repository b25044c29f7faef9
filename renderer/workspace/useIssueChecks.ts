/** 全刊检查 state for the workspace: every document's findings, minus those ignored in this session. */
import { useCallback, useMemo, useState } from 'react';
import { countByDocument, issueFindingKey, lintIssue, type IssueFinding } from '../../common/lint/issue';
import type { IssueTree } from '../../common/model';

export function useIssueChecks(tree: IssueTree | null) {
  const [ignored, setIgnored] = useState<ReadonlySet<string>>(new Set());
  const all = useMemo(() => (tree ? lintIssue(tree).filter((f) => !ignored.has(issueFindingKey(f))) : []), [tree, ignored]);
  const counts = useMemo(() => countByDocument(all), [all]);
  const ignore = useCallback((f: IssueFinding) => setIgnored((s) => new Set(s).add(issueFindingKey(f))), []);
  return { all, counts, ignore };
}
