import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { advisorsSchema } from '../../../../shared/pair-lifecycle.ts';
import type { Programme } from '../../../../shared/programme.ts';
import { api, personListSchema } from '../../../api.ts';
import { Form, problemBeforeSending, SelectField, SubmitButton } from '../../../components/Form.tsx';
import { Loaded } from '../../../components/Page.tsx';
import { ProblemMessage } from '../../../components/ProblemMessage.tsx';
import { useAction, useApiData } from '../../../hooks.ts';

/**
 * The programme's advisors (seed 001: the division chair without an adept of their own), for its
 * administrators: the pairs can write to them from their page, and they see the pairs' metadata only.
 */
export function AdvisorsSection({ programme }: { programme: Programme }) {
  const { t } = useTranslation();
  const advisors = useApiData(`/api/programmes/${programme.id}/advisors`, advisorsSchema);
  const people = useApiData(`/api/networks/${programme.networkId}/people`, personListSchema);
  const action = useAction();
  const removing = useAction();
  const [personId, setPersonId] = useState('');
  const save = (ids: string[]) =>
    api
      .put(`/api/programmes/${programme.id}/advisors`, { personIds: ids }, advisorsSchema)
      .then(() => advisors.reload());
  return (
    <section className="card" aria-labelledby="advisors-heading">
      <h2 id="advisors-heading">{t('pair.advisors.title')}</h2>
      <p>{t('pair.advisors.text')}</p>
      {programme.settings.matching.advisorRole && (
        <p className="hint">{programme.settings.matching.advisorRole}</p>
      )}
      <Loaded state={advisors}>
        {(list) => (
          <>
            {list.length === 0 ? (
              <p>{t('pair.advisors.none')}</p>
            ) : (
              <ul className="plain-list">
                {list.map((advisor) => (
                  <li key={advisor.id}>
                    {advisor.name}
                    {advisor.organisation ? `, ${advisor.organisation}` : ''} ({advisor.email}){' '}
                    <button
                      type="button"
                      className="button button-small"
                      disabled={removing.pending}
                      aria-label={t('pair.advisors.removeNamed', { name: advisor.name })}
                      onClick={() =>
                        void removing.run(() =>
                          save(list.filter((a) => a.id !== advisor.id).map((a) => a.id)),
                        )
                      }
                    >
                      {t('pair.advisors.remove')}
                    </button>
                  </li>
                ))}
              </ul>
            )}
            {removing.problem && <ProblemMessage problem={removing.problem} />}
            <Loaded state={people}>
              {(everyone) => (
                <Form
                  action={action}
                  idPrefix="advisors"
                  onSubmit={async () => {
                    if (!personId)
                      throw problemBeforeSending(t('common.errors.validation'), [
                        { field: 'personIds', message: t('pair.advisors.choose') },
                      ]);
                    await save([...list.map((a) => a.id), personId]);
                    setPersonId('');
                  }}
                >
                  <SelectField
                    name="personIds"
                    label={t('pair.advisors.add')}
                    placeholder={t('pair.advisors.placeholder')}
                    value={personId}
                    options={everyone
                      .filter((p) => !p.disabled && !list.some((a) => a.id === p.id))
                      .map((p) => ({ value: p.id, label: `${p.name} (${p.email})` }))}
                    onChange={setPersonId}
                  />
                  <div className="form-actions">
                    <SubmitButton action={action}>{t('pair.advisors.submit')}</SubmitButton>
                  </div>
                </Form>
              )}
            </Loaded>
          </>
        )}
      </Loaded>
    </section>
  );
}
