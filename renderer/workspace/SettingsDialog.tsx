/** Issue settings: numbers and date, front matter, editorial committee, print options. */
import { useState } from 'react';
import type { FrontMatter, Issue, IssueStatus, PrintSettings, RoleLine } from '../../common/model';
import type { IssueMetaPatch } from '../api';
import { t } from '../i18n';
import { DateField } from './DateField';

const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);
const rolesToText = (roles: RoleLine[]) => roles.map((r) => `${r.label}：${r.names.join(' ')}`).join('\n');
const textToRoles = (text: string): RoleLine[] =>
  lines(text).map((line) => {
    const [label, ...rest] = line.split(/[:：]/);
    return { label: label.trim(), names: rest.join('：').split(/[\s\u3000]+/).filter(Boolean) };
  });

export function SettingsDialog(props: { issue: Issue; onSave: (patch: IssueMetaPatch) => void; onClose: () => void }) {
  const { issue } = props;
  const fm = issue.frontMatter;
  const [year, setYear] = useState(issue.year);
  const [number, setNumber] = useState(issue.number);
  const [cumulative, setCumulative] = useState(issue.cumulativeNumber);
  const [date, setDate] = useState(issue.date);
  const [status, setStatus] = useState<IssueStatus>(issue.status);
  const [journalName, setJournalName] = useState(fm.journalNameLines.join('\n'));
  const [tagline, setTagline] = useState(fm.tagline);
  const [supervisor, setSupervisor] = useState(fm.supervisor);
  const [sponsor, setSponsor] = useState(fm.sponsor);
  const [permit, setPermit] = useState(fm.permitNumber);
  const [committeeTitle, setCommitteeTitle] = useState(fm.committeeTitle);
  const [roles, setRoles] = useState(rolesToText(fm.committeeRoles));
  const [membersNote, setMembersNote] = useState(fm.membersNote);
  const [members, setMembers] = useState(fm.members.join(' '));
  const [staff, setStaff] = useState(rolesToText(fm.staff));
  const [colophon, setColophon] = useState(fm.colophon.map((c) => `${c.label}：${c.value}`).join('\n'));
  const [settings, setSettings] = useState<PrintSettings>(issue.settings);

  const save = () => {
    const frontMatter: FrontMatter = {
      ...fm,
      journalNameLines: lines(journalName),
      tagline,
      supervisor,
      sponsor,
      permitNumber: permit,
      committeeTitle,
      committeeRoles: textToRoles(roles),
      membersNote,
      members: members.split(/[\s\u3000]+/).filter(Boolean),
      staff: textToRoles(staff),
      colophon: lines(colophon).map((line) => {
        const [label, ...rest] = line.split(/[:：]/);
        return { label: label.trim(), value: rest.join('：').trim() };
      }),
    };
    props.onSave({ year, number, cumulativeNumber: cumulative, date, status, frontMatter, settings });
  };

  const num = (value: number, set: (n: number) => void, testId?: string) => (
    <input type="number" value={value} data-testid={testId} onChange={(e) => set(Number(e.target.value) || 0)} />
  );

  return (
    <div className="modal-backdrop">
      <div className="modal settings" role="dialog" aria-label={t.settings.title} data-testid="settings-dialog">
        <h2>{t.settings.title}</h2>
        <div className="settings-grid">
          <fieldset>
            <legend>{t.settings.numbers}</legend>
            <label>{t.settings.year}{num(year, setYear)}</label>
            <label>{t.settings.number}{num(number, setNumber)}</label>
            <label>{t.settings.cumulative}{num(cumulative, setCumulative)}</label>
            <label>
              {t.settings.date}
              <DateField value={date} onChange={setDate} testId="settings-date" />
            </label>
            <label>
              {t.settings.status}
              <select value={status} onChange={(e) => setStatus(e.target.value as IssueStatus)}>
                {(['draft', 'final', 'published'] as const).map((s) => (
                  <option key={s} value={s}>{t.status[s]}</option>
                ))}
              </select>
            </label>
          </fieldset>
          <fieldset>
            <legend>{t.settings.print}</legend>
            <label>
              {t.settings.fonts}
              <select value={settings.fonts} onChange={(e) => setSettings({ ...settings, fonts: e.target.value as PrintSettings['fonts'] })}>
                <option value="bundled">{t.settings.fontsBundled}</option>
                <option value="office">{t.settings.fontsOffice}</option>
              </select>
            </label>
            <label className="check">
              <input type="checkbox" checked={settings.bleed} onChange={(e) => setSettings({ ...settings, bleed: e.target.checked })} />
              {t.settings.bleed}
            </label>
            <label className="check">
              <input type="checkbox" checked={settings.padToMultipleOf4} onChange={(e) => setSettings({ ...settings, padToMultipleOf4: e.target.checked })} />
              {t.settings.pad}
            </label>
            <label>
              {t.settings.runningHead}
              <input value={settings.evenRunningHead} onChange={(e) => setSettings({ ...settings, evenRunningHead: e.target.value })} />
            </label>
          </fieldset>
          <fieldset className="wide">
            <legend>{t.settings.frontMatter}</legend>
            <label>{t.settings.journalName}<textarea rows={2} value={journalName} onChange={(e) => setJournalName(e.target.value)} /></label>
            <label>{t.settings.tagline}<input value={tagline} onChange={(e) => setTagline(e.target.value)} /></label>
            <label>{t.settings.supervisor}<input value={supervisor} onChange={(e) => setSupervisor(e.target.value)} /></label>
            <label>{t.settings.sponsor}<input value={sponsor} onChange={(e) => setSponsor(e.target.value)} /></label>
            <label>{t.settings.permit}<input value={permit} onChange={(e) => setPermit(e.target.value)} /></label>
            <label>{t.settings.colophon}<textarea rows={4} value={colophon} onChange={(e) => setColophon(e.target.value)} /></label>
          </fieldset>
          <fieldset className="wide">
            <legend>{t.settings.committee}</legend>
            <label>{t.settings.committeeTitle}<input value={committeeTitle} onChange={(e) => setCommitteeTitle(e.target.value)} /></label>
            <label>{t.settings.roles}<textarea rows={3} value={roles} onChange={(e) => setRoles(e.target.value)} /></label>
            <label>{t.settings.membersNote}<input value={membersNote} onChange={(e) => setMembersNote(e.target.value)} /></label>
            <label>{t.settings.members}<textarea rows={3} value={members} onChange={(e) => setMembers(e.target.value)} /></label>
            <label>{t.settings.staff}<textarea rows={4} value={staff} onChange={(e) => setStaff(e.target.value)} /></label>
          </fieldset>
        </div>
        <div className="modal-actions">
          <button type="button" className="btn" onClick={props.onClose}>{t.settings.cancel}</button>
          <button type="button" className="btn primary" onClick={save}>{t.settings.save}</button>
        </div>
      </div>
    </div>
  );
}
