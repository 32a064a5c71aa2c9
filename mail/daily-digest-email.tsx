import { renderToStaticMarkup } from 'react-dom/server';
import { EmailLayout, emailColors } from './email-layout';
import type { RenderedEmail } from './buyer-matches-email';
import { timeInZone } from './notification-email';

export interface DigestLine {
  title: string;
  /** What it is about: "Ann Lee, 12 Elm St". */
  about: string | null;
  /** ISO instant, written in the reader's zone. */
  at: string;
  /** In-app path. */
  link: string;
  /** A lead's: how it became the reader's ("added" when absent). */
  how?: 'created' | 'reassigned';
  /** A task given to the reader: when it is due (`at` is when it was given). */
  dueAt?: string;
}

export interface DailyDigestInput {
  appUrl: string;
  userName: string;
  timeZone: string;
  /** "Tuesday, December 1" in the reader's zone. */
  day: string;
  overdue: DigestLine[];
  dueToday: DigestLine[];
  newLeads: DigestLine[];
  /** HIGH priority tasks given to the reader in the last day, for those who take assignments in the digest. */
  highPriorityAssigned?: DigestLine[];
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** The 07:00 e-mail: overdue tasks, tasks due today, HIGH priority tasks assigned and new leads assigned, each linking into the app. */
export function renderDailyDigestEmail(input: DailyDigestInput): RenderedEmail {
  const when = timeInZone(input.timeZone);
  const assigned = input.highPriorityAssigned ?? [];
  const sections = [
    { heading: 'Overdue', lines: input.overdue, at: (line: DigestLine) => `was due ${when(line.at)}` },
    { heading: 'Due today', lines: input.dueToday, at: (line: DigestLine) => `due ${when(line.at)}` },
    { heading: 'High priority tasks assigned to you', lines: assigned, at: (line: DigestLine) => `assigned ${when(line.at)}${line.dueAt ? `, due ${when(line.dueAt)}` : ''}` },
    { heading: 'New leads assigned to you', lines: input.newLeads, at: (line: DigestLine) => `${line.how === 'reassigned' ? 'reassigned to you' : 'added'} ${when(line.at)}` },
  ].filter((section) => section.lines.length > 0);
  const counts = [
    input.overdue.length ? plural(input.overdue.length, 'overdue task') : null,
    input.dueToday.length ? `${plural(input.dueToday.length, 'task')} due today` : null,
    assigned.length ? `${plural(assigned.length, 'high priority task')} assigned` : null,
    input.newLeads.length ? plural(input.newLeads.length, 'new lead') : null,
  ].filter(Boolean);
  const subject = `Your day: ${counts.join(', ')}`;
  const intro = `Good morning ${input.userName}, here is ${input.day} on Flipstackk.`;
  const settings = `${input.appUrl}/settings#notifications`;
  const footer = (
    <>
      You get this digest at 7 AM because of your notification settings. <a href={settings}>Change them</a>.
    </>
  );
  const html = renderToStaticMarkup(
    <EmailLayout appUrl={input.appUrl} preview={subject} footer={footer}>
      <h1 style={{ fontSize: 20, margin: '0 0 8px' }}>{subject}</h1>
      <p style={{ fontSize: 15, lineHeight: '22px', margin: '0 0 16px' }}>{intro}</p>
      {sections.map((section) => (
        <div key={section.heading} style={{ margin: '0 0 16px' }}>
          <h2 style={{ fontSize: 16, margin: '0 0 8px' }}>{section.heading}</h2>
          {section.lines.map((line) => (
            <p key={line.link + line.title} style={{ fontSize: 14, lineHeight: '20px', margin: '0 0 8px' }}>
              <a href={`${input.appUrl}${line.link}`} style={{ color: emailColors.primary, fontWeight: 600 }}>
                {line.title}
              </a>
              <br />
              <span style={{ color: emailColors.muted }}>{[line.about, section.at(line)].filter(Boolean).join(' · ')}</span>
            </p>
          ))}
        </div>
      ))}
    </EmailLayout>,
  );
  const text = [
    subject,
    '',
    intro,
    ...sections.flatMap((section) => ['', section.heading, ...section.lines.map((line) => `- ${line.title}${line.about ? ` (${line.about})` : ''}, ${section.at(line)}: ${input.appUrl}${line.link}`)]),
    '',
    `Change what you get by e-mail: ${settings}`,
  ].join('\n');
  return { subject, html: `<!DOCTYPE html>${html}`, text };
}
