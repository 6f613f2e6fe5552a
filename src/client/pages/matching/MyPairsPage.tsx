import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MyPair } from '../../../shared/matching.ts';
import { api } from '../../api.ts';
import { Form, SubmitButton, TextAreaField, TextField } from '../../components/Form.tsx';
import { Loaded, Page } from '../../components/Page.tsx';
import { ProblemMessage } from '../../components/ProblemMessage.tsx';
import { formatDate } from '../../format.ts';
import { useAction, useApiData, useLocale } from '../../hooks.ts';
import { useViewer } from '../../session.tsx';
import { conflictListSchema, conflictSchema, myPairListSchema, myPairSchema } from './matchingApi.ts';

const current = new Set(['introduced', 'first_meeting_held', 'active', 'ending']);

/** The participant's page: whom they are matched with and how to reach them; declining; conflicts. */
export function MyPairsPage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const pairs = useApiData('/api/me/pairs', myPairListSchema);
  const [message, setMessage] = useState<string | null>(null);
  const banner = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (message) banner.current?.focus();
  }, [message]);
  const adept = viewer.hasRole('adept');
  const mentor = viewer.hasRole('mentor');
  const title = t(
    adept && mentor
      ? 'matching.mine.titleBoth'
      : mentor
        ? 'matching.mine.titleMentor'
        : 'matching.mine.titleAdept',
  );
  return (
    <Page title={title}>
      {message && (
        <div className="notice notice-success" role="status" tabIndex={-1} ref={banner}>
          <p>{message}</p>
        </div>
      )}
      <Loaded state={pairs}>
        {(list) => {
          const now = list.filter((p) => current.has(p.status));
          const ended = list.filter((p) => p.status !== 'declined' && !current.has(p.status));
          const earlier = list.filter((p) => p.status === 'declined');
          return (
            <>
              <p>
                {now.length > 0
                  ? t('matching.mine.intro')
                  : ended.length > 0
                    ? t('matching.mine.noneNow')
                    : t('matching.mine.none')}
              </p>
              {now.map((pair) => (
                <PairCard
                  key={pair.id}
                  pair={pair}
                  onDeclined={(text) => {
                    setMessage(text);
                    pairs.reload();
                  }}
                />
              ))}
              {ended.length > 0 && <Ended pairs={ended} />}
              {earlier.length > 0 && <Earlier pairs={earlier} />}
            </>
          );
        }}
      </Loaded>
      <Conflicts />
    </Page>
  );
}

function PairCard({ pair, onDeclined }: { pair: MyPair; onDeclined(message: string): void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [declining, setDeclining] = useState(false);
  const other = pair.other;
  const otherIsMentor = pair.role === 'adept';
  const headingId = `pair-${pair.id}`;
  return (
    <section className="card pair-card" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {t(otherIsMentor ? 'matching.mine.yourMentor' : 'matching.mine.yourAdept', {
          programme: pair.programme.name,
        })}
        : {other.name}
      </h2>
      {pair.status === 'introduced' && (
        <p className="lead">
          {pair.youMakeContact
            ? t('matching.mine.youContact', { name: other.name })
            : t('matching.mine.theyContact', { name: other.name })}
        </p>
      )}
      <p>
        <Link to={`/pairs/${pair.id}`}>{t('matching.mine.openPair')}</Link>
      </p>
      <dl className="facts">
        {other.title && (
          <>
            <dt>{t('matching.mine.title')}</dt>
            <dd>{other.title}</dd>
          </>
        )}
        <dt>{t('matching.mine.organisation')}</dt>
        <dd>{other.organisation}</dd>
        {other.managementLevel && (
          <>
            <dt>{t('matching.mine.level')}</dt>
            <dd>{t(`intake.levels.${other.managementLevel}`)}</dd>
          </>
        )}
        {other.areas.length > 0 && (
          <>
            <dt>{t(otherIsMentor ? 'matching.mine.competences' : 'matching.mine.wantsToDevelop')}</dt>
            <dd>{other.areas.join(', ')}</dd>
          </>
        )}
        {other.about && (
          <>
            <dt>{t(otherIsMentor ? 'matching.mine.aboutMentor' : 'matching.mine.goals')}</dt>
            <dd className="keep-lines">{other.about}</dd>
          </>
        )}
        {other.meetingPreferences && (
          <>
            <dt>{t('matching.mine.meetings')}</dt>
            <dd>{other.meetingPreferences}</dd>
          </>
        )}
        <dt>{t('matching.mine.email')}</dt>
        <dd>
          <a href={`mailto:${other.email}`}>{other.email}</a>
        </dd>
        {other.phone && (
          <>
            <dt>{t('matching.mine.phone')}</dt>
            <dd>
              <a href={`tel:${other.phone.replace(/\s/g, '')}`}>{other.phone}</a>
            </dd>
          </>
        )}
      </dl>
      <p className="match-meta">
        {t('matching.mine.introduced', { when: formatDate(pair.publishedAt, locale) })}
      </p>
      {/* Declining is for the start; later, the pair's page asks for another mentor. */}
      {(pair.status === 'introduced' || pair.status === 'first_meeting_held') &&
        (declining ? (
          <DeclineForm pair={pair} onCancel={() => setDeclining(false)} onDeclined={onDeclined} />
        ) : (
          <button type="button" className="button" onClick={() => setDeclining(true)}>
            {t('matching.mine.decline')}
            <span className="visually-hidden"> – {other.name}</span>
          </button>
        ))}
    </section>
  );
}

function DeclineForm({
  pair,
  onCancel,
  onDeclined,
}: {
  pair: MyPair;
  onCancel(): void;
  onDeclined(message: string): void;
}) {
  const { t } = useTranslation();
  const action = useAction();
  const [reason, setReason] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const next = t(
    pair.role === 'adept' ? 'matching.mine.declineNextAdept' : 'matching.mine.declineNextMentor',
  );
  return (
    <div className="decision-panel">
      <h3 tabIndex={-1} ref={heading}>
        {t('matching.mine.declineTitle', { name: pair.other.name })}
      </h3>
      <p>{t('matching.mine.declineIntro')}</p>
      <p>{next}</p>
      <Form
        action={action}
        idPrefix={`decline-${pair.id}`}
        onSubmit={async () => {
          await api.post(`/api/pairs/${pair.id}/decline`, { reason }, myPairSchema);
          onDeclined(t('matching.mine.declined', { next }));
        }}
      >
        <TextAreaField
          name="reason"
          label={t('matching.mine.declineReason')}
          hint={t('matching.mine.declineHint', { name: pair.other.name })}
          value={reason}
          onChange={setReason}
          rows={4}
        />
        <div className="form-actions">
          <SubmitButton action={action}>{t('matching.mine.declineSubmit')}</SubmitButton>
          <button type="button" className="button" onClick={onCancel}>
            {t('matching.decide.cancel')}
          </button>
        </div>
      </Form>
    </div>
  );
}

/** Mentorships that ran and ended: their page stays, with the mentor book to read and download. */
function Ended({ pairs }: { pairs: MyPair[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="ended-title">
      <h2 id="ended-title">{t('matching.mine.ended')}</h2>
      <ul>
        {pairs.map((pair) => (
          <li key={pair.id}>
            {pair.programme.name}: {pair.other.name} (
            {t(`matching.pairs.statuses.${pair.status}`).toLowerCase()}).{' '}
            <Link to={`/pairs/${pair.id}`}>
              {t('matching.mine.openEnded')}
              <span className="visually-hidden"> – {pair.other.name}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Proposals declined before the mentorship began. */
function Earlier({ pairs }: { pairs: MyPair[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <section aria-labelledby="earlier-title">
      <h2 id="earlier-title">{t('matching.mine.earlier')}</h2>
      <ul>
        {pairs.map((pair) => (
          <li key={pair.id}>
            {pair.programme.name}: {pair.other.name}.{' '}
            {pair.declinedAt &&
              (pair.declinedBy === 'you'
                ? t('matching.mine.declinedByYou', { when: formatDate(pair.declinedAt, locale) })
                : t('matching.mine.declinedByOther', {
                    name: pair.other.name,
                    when: formatDate(pair.declinedAt, locale),
                  }))}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** "I should not be matched with X": who and why, seen by the coordinators only. */
function Conflicts() {
  const { t } = useTranslation();
  const conflicts = useApiData('/api/me/conflicts', conflictListSchema);
  const action = useAction();
  const removing = useAction();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  return (
    <section aria-labelledby="conflicts-title">
      <h2 id="conflicts-title">{t('matching.myConflicts.title')}</h2>
      <p>{t('matching.myConflicts.intro')}</p>
      {message && (
        <p className="notice notice-success" role="status">
          {message}
        </p>
      )}
      {removing.problem && <ProblemMessage problem={removing.problem} />}
      <Loaded state={conflicts}>
        {(list) =>
          list.length === 0 ? (
            <p>{t('matching.myConflicts.none')}</p>
          ) : (
            <ul className="card-list card-stack">
              {list.map((c) => (
                <li key={c.id} className="card">
                  <p>
                    <strong>{c.name}</strong>
                    {c.email && ` (${c.email})`}
                  </p>
                  <p>{c.reason}</p>
                  <button
                    type="button"
                    className="button button-small"
                    disabled={removing.pending}
                    onClick={() =>
                      void removing.run(async () => {
                        await api.delete(`/api/me/conflicts/${c.id}`);
                        setMessage(t('matching.myConflicts.removed'));
                        conflicts.reload();
                      })
                    }
                  >
                    {t('matching.myConflicts.remove')}
                    <span className="visually-hidden"> – {c.name}</span>
                  </button>
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
      <h3>{t('matching.myConflicts.add')}</h3>
      <Form
        action={action}
        idPrefix="conflict"
        onSubmit={async () => {
          const added = await api.post(
            '/api/me/conflicts',
            { name, ...(email.trim() ? { email } : {}), reason },
            conflictSchema,
          );
          setMessage(t('matching.myConflicts.added', { name: added.name }));
          setName('');
          setEmail('');
          setReason('');
          conflicts.reload();
        }}
      >
        <TextField
          name="name"
          label={t('matching.myConflicts.name')}
          value={name}
          onChange={setName}
          autoComplete="off"
        />
        <TextField
          name="email"
          type="email"
          label={t('matching.myConflicts.email')}
          hint={t('matching.myConflicts.emailHint')}
          value={email}
          onChange={setEmail}
          autoComplete="off"
        />
        <TextAreaField
          name="reason"
          label={t('matching.myConflicts.reason')}
          value={reason}
          onChange={setReason}
          rows={3}
        />
        <div className="form-actions">
          <SubmitButton action={action}>{t('matching.myConflicts.submit')}</SubmitButton>
        </div>
      </Form>
    </section>
  );
}
