import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProgrammeLimits, type Round, roundSchema } from '../../../shared/programme.ts';
import { api, roundListSchema } from '../../api.ts';
import { Form, SubmitButton, TextField } from '../../components/Form.tsx';
import { Loaded } from '../../components/Page.tsx';
import { ProblemMessage } from '../../components/ProblemMessage.tsx';
import { formatDate } from '../../format.ts';
import { useAction, useApiData, useLocale } from '../../hooks.ts';
import { useViewer } from '../../session.tsx';

/** Which round the form below the table is for: none, a new one, or an existing one. */
type Editing = null | 'new' | Round;

export function RoundsSection({ programmeId }: { programmeId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const viewer = useViewer();
  const rounds = useApiData(`/api/programmes/${programmeId}/rounds`, roundListSchema);
  const [editing, setEditing] = useState<Editing>(null);
  const remove = useAction();
  const date = (value: string | null) => (value ? formatDate(value, locale) : '–');

  function deleteRound(round: Round) {
    if (!window.confirm(t('programmes.rounds.confirmDelete', { name: round.name }))) return;
    void remove.run(async () => {
      await api.delete(`/api/rounds/${round.id}`);
      if (editing !== null && editing !== 'new' && editing.id === round.id) setEditing(null);
      rounds.reload();
    });
  }

  function saved() {
    setEditing(null);
    rounds.reload();
  }

  return (
    <section className="card rounds" aria-labelledby="rounds-heading">
      <div className="section-heading">
        <h2 id="rounds-heading" tabIndex={-1}>
          {t('programmes.rounds.title')}
        </h2>
        {viewer.isAdmin && editing === null && (
          <button type="button" className="button" onClick={() => setEditing('new')}>
            {t('programmes.rounds.add')}
          </button>
        )}
      </div>
      <p className="hint">{t('programmes.rounds.intro')}</p>
      {remove.problem && <ProblemMessage problem={remove.problem} />}
      <Loaded state={rounds}>
        {(list) =>
          list.length === 0 ? (
            <p>{t('programmes.rounds.none')}</p>
          ) : (
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">{t('programmes.rounds.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('programmes.rounds.name')}</th>
                    <th scope="col">{t('programmes.rounds.startsOn')}</th>
                    <th scope="col">{t('programmes.rounds.endsOn')}</th>
                    <th scope="col">{t('programmes.rounds.applications')}</th>
                    {viewer.isAdmin && (
                      <th scope="col">
                        <span className="visually-hidden">{t('common.actions')}</span>
                      </th>
                    )}
                  </tr>
                </thead>
                <tbody>
                  {list.map((round) => (
                    <tr key={round.id}>
                      <th scope="row">{round.name}</th>
                      <td>{date(round.startsOn)}</td>
                      <td>{date(round.endsOn)}</td>
                      <td>
                        {round.applicationsOpenOn || round.applicationsCloseOn
                          ? `${date(round.applicationsOpenOn)} – ${date(round.applicationsCloseOn)}`
                          : '–'}
                      </td>
                      {viewer.isAdmin && (
                        <td className="row-actions">
                          <button
                            type="button"
                            className="button button-small"
                            onClick={() => setEditing(round)}
                          >
                            {t('common.edit')}
                            <span className="visually-hidden"> {round.name}</span>
                          </button>
                          <button
                            type="button"
                            className="button button-small button-danger"
                            disabled={remove.pending}
                            onClick={() => deleteRound(round)}
                          >
                            {t('common.delete')}
                            <span className="visually-hidden"> {round.name}</span>
                          </button>
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </Loaded>
      {editing !== null && (
        <RoundForm
          key={editing === 'new' ? 'new' : editing.id}
          programmeId={programmeId}
          round={editing === 'new' ? null : editing}
          onSaved={saved}
          onCancel={() => setEditing(null)}
        />
      )}
    </section>
  );
}

interface RoundFormProps {
  programmeId: string;
  round: Round | null;
  onSaved(): void;
  onCancel(): void;
}

function RoundForm({ programmeId, round, onSaved, onCancel }: RoundFormProps) {
  const { t } = useTranslation();
  const [name, setName] = useState(round?.name ?? '');
  const [startsOn, setStartsOn] = useState(round?.startsOn ?? '');
  const [endsOn, setEndsOn] = useState(round?.endsOn ?? '');
  const [applicationsOpenOn, setApplicationsOpenOn] = useState(round?.applicationsOpenOn ?? '');
  const [applicationsCloseOn, setApplicationsCloseOn] = useState(round?.applicationsCloseOn ?? '');
  const save = useAction();

  async function submit() {
    const body = {
      name,
      startsOn,
      endsOn: endsOn || null,
      applicationsOpenOn: applicationsOpenOn || null,
      applicationsCloseOn: applicationsCloseOn || null,
    };
    if (round) await api.put(`/api/rounds/${round.id}`, body, roundSchema);
    else await api.post(`/api/programmes/${programmeId}/rounds`, body, roundSchema);
    onSaved();
  }

  return (
    <div className="subform">
      <h3>
        {round ? t('programmes.rounds.editTitle', { name: round.name }) : t('programmes.rounds.newTitle')}
      </h3>
      <Form action={save} onSubmit={submit} idPrefix="round">
        <TextField
          name="name"
          label={t('programmes.rounds.name')}
          required
          maxLength={ProgrammeLimits.nameMax}
          value={name}
          onChange={setName}
        />
        <div className="field-row">
          <TextField
            name="startsOn"
            label={t('programmes.rounds.startsOn')}
            type="date"
            required
            value={startsOn}
            onChange={setStartsOn}
          />
          <TextField
            name="endsOn"
            label={t('programmes.editor.optional', { label: t('programmes.rounds.endsOn') })}
            hint={t('programmes.rounds.endsOnHint')}
            type="date"
            value={endsOn}
            onChange={setEndsOn}
          />
        </div>
        <div className="field-row">
          <TextField
            name="applicationsOpenOn"
            label={t('programmes.editor.optional', { label: t('programmes.rounds.applicationsOpenOn') })}
            hint={t('programmes.editor.applicationsOpenOnHint')}
            type="date"
            value={applicationsOpenOn}
            onChange={setApplicationsOpenOn}
          />
          <TextField
            name="applicationsCloseOn"
            label={t('programmes.editor.optional', { label: t('programmes.rounds.applicationsCloseOn') })}
            hint={t('programmes.editor.applicationsCloseOnHint')}
            type="date"
            value={applicationsCloseOn}
            onChange={setApplicationsCloseOn}
          />
        </div>
        <div className="form-actions">
          <SubmitButton action={save}>
            {round ? t('common.save') : t('programmes.rounds.create')}
          </SubmitButton>
          <button type="button" className="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </Form>
    </div>
  );
}
