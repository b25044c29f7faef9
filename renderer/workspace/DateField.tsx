/** A date typed and shown as 2024年7月31日 (a browser date input shows mm/dd/yyyy); the value is ISO. */
import { useEffect, useState } from 'react';
import { t } from '../i18n';
import { formatChineseDate, parseChineseDate } from '../../common/text/dates';

export function DateField(props: { value: string; onChange: (iso: string) => void; testId?: string }) {
  const [text, setText] = useState(formatChineseDate(props.value));
  useEffect(() => setText(formatChineseDate(props.value)), [props.value]);
  const valid = parseChineseDate(text) !== null;
  return (
    <input
      type="text"
      inputMode="numeric"
      className={valid ? undefined : 'invalid'}
      value={text}
      placeholder="2024年7月31日"
      title={valid ? undefined : t.settings.dateHint}
      aria-invalid={!valid}
      data-testid={props.testId}
      onChange={(e) => {
        setText(e.target.value);
        const iso = parseChineseDate(e.target.value);
        if (iso) props.onChange(iso);
      }}
      onBlur={() => {
        const iso = parseChineseDate(text);
        if (iso) setText(formatChineseDate(iso));
      }}
    />
  );
}
