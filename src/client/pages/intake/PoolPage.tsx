import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { todayInSweden } from '../../../shared/calendar.ts';
import { type PoolMentor, trainingRecordSchema } from '../../../shared/intake.ts';
import type { Programme } from '../../../shared/programme.ts';
import { api, poolMentorListSchema, programmeListSchema, withQuery } from '../../api.ts';
import { Loaded, Page } from '../../components/Page.tsx';
import { ProblemMessage } from '../../components/ProblemMessage.tsx';
import { formatDate, localized } from '../../format.ts';
import { useAction, useApiData, useLocale } from '../../hooks.ts';
import { useViewer } from '../../session.tsx';
import { EligibilityBadge } from './ApplicationParts.tsx';

/** A recording or removal just made, said in words, and the call that takes it back. */
interface Change {
  message: string;
  undo(): Promise<unknown>;
}

/** The network's approved mentors: capacity, training and experience exchanges. */
export function PoolPage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const [params, setParams] = useSearchParams();
  const programmeId = params.get('programmeId') ?? '';
  const programmes = useApiData(`/api/networks/${viewer.networkId}/programmes`, programmeListSchema);
  const pool = useApiData(
    withQuery(`/api/networks/${viewer.networkId}/mentor-pool`, { programmeId }),
    poolMentorListSchema,
  );
  const action = useAction();
  // The last recording or removal, with its undo: every change here can be taken back.
  const [last, setLast] = useState<{ message: string; undo: Change['undo'] } | null>(null);
  const [undone, setUndone] = useState<string | null>(null);

  function chooseProgramme(value: string) {
    const next = new URLSearchParams(params);
    if (value) next.set('programmeId', value);
    else next.delete('programmeId');
    setParams(next, { replace: true });
  }

  function change(work: () => Promise<Change>) {
    void action.run(async () => {
      const done = await work();
      setUndone(null);
      setLast(done);
      pool.reload();
    });
  }

  function undo() {
    if (!last) return;
    void action.run(async () => {
      await last.undo();
      setUndone(t('intake.pool.undone', { what: last.message }));
      setLast(null);
      pool.reload();
    });
  }

  return (
    <Page title={t('intake.pool.title')}>
      <p>{t('intake.pool.intro')}</p>
      <search className="filters" aria-label={t('intake.pool.filters')}>
        <div className="field">
          <label htmlFor="filter-programme">{t('intake.fields.programme')}</label>
          <select id="filter-programme" value={programmeId} onChange={(e) => chooseProgramme(e.target.value)}>
            <option value="">{t('intake.pool.allProgrammes')}</option>
            {programmes.data?.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
      </search>
      {action.problem && <ProblemMessage problem={action.problem} />}
      <div role="status" className="pool-status">
        {last && (
          <div className="notice notice-success undo-notice">
            <p>{last.message}</p>
            <button type="button" className="button button-small" disabled={action.pending} onClick={undo}>
              {t('intake.pool.undo')}
            </button>
          </div>
        )}
        {undone && <p className="notice">{undone}</p>}
      </div>
      <Loaded state={pool}>
        {(mentors) => (
          <>
            <p className="result-count" role="status">
              {t('intake.pool.count', { count: mentors.length })}
            </p>
            {mentors.length === 0 ? (
              <p>{t('intake.pool.empty')}</p>
            ) : (
              <PoolTable
                mentors={mentors}
                programmes={programmes.data ?? []}
                busy={action.pending}
                onChange={change}
              />
            )}
          </>
        )}
      </Loaded>
    </Page>
  );
}

function PoolTable({
  mentors,
  programmes,
  busy,
  onChange,
}: {
  mentors: PoolMentor[];
  programmes: Programme[];
  busy: boolean;
  onChange(work: () => Promise<Change>): void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const year = new Date().getFullYear();
  const exchangePath = (mentor: PoolMentor, y?: number) =>
    `/api/people/${mentor.person.id}/experience-exchanges${y === undefined ? '' : `/${y}`}`;
  return (
    <div className="table-wrap">
      <table className="pool-table">
        <caption className="visually-hidden">{t('intake.pool.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('intake.pool.mentor')}</th>
            <th scope="col">{t('intake.pool.levels')}</th>
            <th scope="col">{t('intake.pool.competences')}</th>
            <th scope="col">{t('intake.pool.capacity')}</th>
            <th scope="col">{t('intake.pool.training')}</th>
            <th scope="col">{t('intake.pool.exchanges')}</th>
          </tr>
        </thead>
        <tbody>
          {mentors.map((mentor) => {
            const programme = programmes.find((p) => p.id === mentor.programmeId);
            const areaLabel = (key: string) => {
              const area = programme?.settings.developmentAreas.find((a) => a.key === key);
              return area ? localized(area.label, locale) : key;
            };
            return (
              <tr key={`${mentor.person.id}-${mentor.programmeId}`}>
                <th scope="row">
                  <Link to={`/applications/${mentor.applicationId}`}>{mentor.person.name}</Link>
                  <div className="hint">{mentor.organisation.name}</div>
                  <div className="hint">{programme?.name}</div>
                  <EligibilityBadge eligibility={mentor.eligibility} />
                </th>
                <td>{mentor.mentor.experienceLevels.map((l) => t(`intake.levels.${l}`)).join(', ')}</td>
                <td>{mentor.mentor.competences.map(areaLabel).join(', ') || '–'}</td>
                <td>
                  {t('intake.pool.free', { free: mentor.freeCapacity, capacity: mentor.capacity })}
                  {mentor.paused && <span className="badge badge-muted">{t('intake.pool.paused')}</span>}
                </td>
                <td>
                  <TrainingCell mentor={mentor} programme={programme} busy={busy} onChange={onChange} />
                </td>
                <td>
                  {mentor.experienceExchangeYears.length === 0 && '–'}
                  <ul className="compact-list">
                    {[...mentor.experienceExchangeYears].sort().map((y) => (
                      <li key={y}>
                        {y}{' '}
                        <button
                          type="button"
                          className="button button-small button-danger"
                          disabled={busy}
                          onClick={() =>
                            onChange(async () => {
                              await api.delete(exchangePath(mentor, y));
                              return {
                                message: t('intake.pool.exchangeRemoved', {
                                  year: y,
                                  name: mentor.person.name,
                                }),
                                undo: () => api.postVoid(exchangePath(mentor), { year: y }),
                              };
                            })
                          }
                        >
                          {t('intake.pool.removeRecord')}
                          <span className="visually-hidden">
                            {' '}
                            – {t('intake.pool.exchangeOf', { year: y, name: mentor.person.name })}
                          </span>
                        </button>
                      </li>
                    ))}
                  </ul>
                  {!mentor.experienceExchangeYears.includes(year) && (
                    <div>
                      <button
                        type="button"
                        className="button button-small"
                        disabled={busy}
                        onClick={() =>
                          onChange(async () => {
                            await api.postVoid(exchangePath(mentor), { year });
                            return {
                              message: t('intake.pool.exchangeRecorded', { year, name: mentor.person.name }),
                              undo: () => api.delete(exchangePath(mentor, year)),
                            };
                          })
                        }
                      >
                        {t('intake.pool.addExchange', { year })}
                        <span className="visually-hidden"> – {mentor.person.name}</span>
                      </button>
                    </div>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function TrainingCell({
  mentor,
  programme,
  busy,
  onChange,
}: {
  mentor: PoolMentor;
  programme: Programme | undefined;
  busy: boolean;
  onChange(work: () => Promise<Change>): void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const steps = programme?.settings.mentorTraining.steps ?? [];
  const stepTitle = (key: string) => {
    const step = steps.find((s) => s.key === key);
    return step ? localized(step.title, locale) : key;
  };
  const notDone = steps.filter((s) => !mentor.training.some((r) => r.stepKey === s.key));
  const [stepKey, setStepKey] = useState(notDone[0]?.key ?? '');
  const [completedOn, setCompletedOn] = useState(() => todayInSweden());
  const idBase = `training-${mentor.person.id}-${mentor.programmeId}`;
  const chosen = notDone.some((s) => s.key === stepKey) ? stepKey : (notDone[0]?.key ?? '');
  if (steps.length === 0 && mentor.training.length === 0) return <>{t('intake.pool.noTraining')}</>;
  return (
    <>
      <p className="training-summary">
        {t('intake.pool.stepsDone', { done: steps.length - notDone.length, total: steps.length })}
        {mentor.trainingComplete && <span className="badge badge-ok">{t('intake.pool.trained')}</span>}
      </p>
      <ul className="compact-list">
        {mentor.training.map((record) => {
          const title = stepTitle(record.stepKey);
          return (
            <li key={record.id}>
              {title}, {formatDate(record.completedOn, locale)}{' '}
              <button
                type="button"
                className="button button-small button-danger"
                disabled={busy}
                onClick={() =>
                  onChange(async () => {
                    await api.delete(`/api/training-records/${record.id}`);
                    return {
                      message: t('intake.pool.trainingRemoved', { step: title, name: mentor.person.name }),
                      // Undoing a removal records the step again, on the same date.
                      undo: () =>
                        api.post(
                          `/api/people/${mentor.person.id}/training`,
                          {
                            programmeId: mentor.programmeId,
                            stepKey: record.stepKey,
                            completedOn: record.completedOn,
                          },
                          trainingRecordSchema,
                        ),
                    };
                  })
                }
              >
                {t('intake.pool.removeRecord')}
                <span className="visually-hidden">
                  {' '}
                  – {title}, {mentor.person.name}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      {notDone.length > 0 && (
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            onChange(async () => {
              const record = await api.post(
                `/api/people/${mentor.person.id}/training`,
                { programmeId: mentor.programmeId, stepKey: chosen, completedOn },
                trainingRecordSchema,
              );
              return {
                message: t('intake.pool.trainingRecorded', {
                  step: stepTitle(chosen),
                  name: mentor.person.name,
                  date: formatDate(completedOn, locale),
                }),
                undo: () => api.delete(`/api/training-records/${record.id}`),
              };
            });
          }}
        >
          <div className="field">
            <label htmlFor={`${idBase}-step`}>{t('intake.pool.step')}</label>
            <select id={`${idBase}-step`} value={chosen} onChange={(e) => setStepKey(e.target.value)}>
              {notDone.map((s) => (
                <option key={s.key} value={s.key}>
                  {localized(s.title, locale)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${idBase}-date`}>{t('intake.pool.completedOn')}</label>
            <input
              id={`${idBase}-date`}
              type="date"
              required
              value={completedOn}
              onChange={(e) => setCompletedOn(e.target.value)}
            />
          </div>
          <button type="submit" className="button button-small" disabled={busy}>
            {t('intake.pool.record')}
            <span className="visually-hidden"> – {mentor.person.name}</span>
          </button>
        </form>
      )}
    </>
  );
}
