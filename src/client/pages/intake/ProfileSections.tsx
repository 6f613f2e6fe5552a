import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { consentSchema, type Profile, profileSchema } from '../../../shared/intake.ts';
import { defaultDevelopmentAreas } from '../../../shared/programme.ts';
import { api, consentListSchema } from '../../api.ts';
import { CheckboxField, Form, SubmitButton } from '../../components/Form.tsx';
import { Loaded } from '../../components/Page.tsx';
import { ProblemMessage } from '../../components/ProblemMessage.tsx';
import { formatDate, localized } from '../../format.ts';
import { useAction, useApiData, useLocale } from '../../hooks.ts';
import {
  BasicsFields,
  emptyBasics,
  emptyMentor,
  emptyNeeds,
  MentorFields,
  NeedsFields,
} from './ProfileFields.tsx';

/** The profile reused by every application: basics, needs, mentor profile and the mentor's pause. */
export function ProfileEditor() {
  const { t } = useTranslation();
  const profile = useApiData('/api/me/profile', profileSchema);
  return (
    <section className="card" aria-labelledby="profile-editor">
      <h2 id="profile-editor">{t('intake.profile.title')}</h2>
      <p className="hint">{t('intake.profile.intro')}</p>
      <Loaded state={profile}>{(data) => <ProfileForm profile={data} onSaved={profile.setData} />}</Loaded>
    </section>
  );
}

function ProfileForm({ profile, onSaved }: { profile: Profile; onSaved(profile: Profile): void }) {
  const { t } = useTranslation();
  const save = useAction();
  const [basics, setBasics] = useState(profile.basics ?? emptyBasics);
  const [needs, setNeeds] = useState(profile.needs ?? emptyNeeds);
  const [mentor, setMentor] = useState(profile.mentor ?? emptyMentor);
  const [hasNeeds, setHasNeeds] = useState(profile.needs !== null);
  const [hasMentor, setHasMentor] = useState(profile.mentor !== null);
  const [mentorPaused, setMentorPaused] = useState(profile.mentorPaused);
  const [saved, setSaved] = useState(false);
  // Outside a programme the network's own list is not at hand; the default list names the usual areas.
  const areas = defaultDevelopmentAreas;

  async function submit() {
    setSaved(false);
    const body = {
      basics,
      needs: hasNeeds ? needs : undefined,
      mentor: hasMentor ? mentor : undefined,
      mentorPaused,
    };
    onSaved(await api.put('/api/me/profile', body, profileSchema));
    setSaved(true);
  }

  return (
    <Form action={save} onSubmit={submit} idPrefix="profile">
      <fieldset className="section">
        <legend>{t('intake.apply.basicsLegend')}</legend>
        <BasicsFields value={basics} path="basics" onChange={setBasics} />
      </fieldset>
      <fieldset className="section">
        <legend>{t('intake.apply.needsLegend')}</legend>
        <CheckboxField
          name="hasNeeds"
          label={t('intake.profile.hasNeeds')}
          checked={hasNeeds}
          onChange={setHasNeeds}
        />
        {hasNeeds && <NeedsFields value={needs} path="needs" onChange={setNeeds} areas={areas} />}
      </fieldset>
      <fieldset className="section">
        <legend>{t('intake.apply.mentorLegend')}</legend>
        <CheckboxField
          name="hasMentor"
          label={t('intake.profile.hasMentor')}
          checked={hasMentor}
          onChange={setHasMentor}
        />
        {hasMentor && (
          <>
            <MentorFields value={mentor} path="mentor" onChange={setMentor} areas={areas} />
            <CheckboxField
              name="mentorPaused"
              label={t('intake.profile.mentorPaused')}
              checked={mentorPaused}
              onChange={setMentorPaused}
            />
            <p className="hint">{t('intake.profile.mentorPausedHint')}</p>
          </>
        )}
      </fieldset>
      <div className="form-actions">
        <SubmitButton action={save}>{t('intake.profile.save')}</SubmitButton>
        <span role="status">{saved && t('common.saved')}</span>
      </div>
    </Form>
  );
}

/** Consents given for optional purposes, each withdrawable. */
export function ConsentsSection() {
  const { t } = useTranslation();
  const locale = useLocale();
  const consents = useApiData('/api/me/consents', consentListSchema);
  const withdraw = useAction();
  const [withdrawn, setWithdrawn] = useState<string | null>(null);

  function withdrawConsent(id: string, label: string) {
    if (!window.confirm(t('intake.consents.confirmWithdraw', { purpose: label }))) return;
    void withdraw.run(async () => {
      const updated = await api.post(`/api/me/consents/${id}/withdraw`, {}, consentSchema);
      consents.setData((consents.data ?? []).map((c) => (c.id === id ? updated : c)));
      setWithdrawn(label);
    });
  }

  return (
    <section className="card" aria-labelledby="consents-heading">
      <h2 id="consents-heading">{t('intake.consents.title')}</h2>
      <p>{t('intake.consents.intro')}</p>
      <div role="status">
        {withdrawn && (
          <p className="notice notice-success">{t('intake.consents.withdrawn', { purpose: withdrawn })}</p>
        )}
      </div>
      {withdraw.problem && <ProblemMessage problem={withdraw.problem} />}
      <Loaded state={consents}>
        {(list) =>
          list.length === 0 ? (
            <p>{t('intake.consents.empty')}</p>
          ) : (
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">{t('intake.consents.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('intake.notice.purpose')}</th>
                    <th scope="col">{t('intake.fields.programme')}</th>
                    <th scope="col">{t('intake.consents.granted')}</th>
                    <th scope="col">{t('intake.fields.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((consent) => {
                    const label = localized(consent.label, locale);
                    return (
                      <tr key={consent.id}>
                        <th scope="row">{label}</th>
                        <td>
                          {consent.programmeName}
                          <div className="hint">
                            {t('intake.consents.noticeVersion', { version: consent.noticeVersion })}
                          </div>
                        </td>
                        <td>{formatDate(consent.grantedAt, locale)}</td>
                        <td>
                          {consent.withdrawnAt ? (
                            t('intake.consents.withdrawnAt', {
                              date: formatDate(consent.withdrawnAt, locale),
                            })
                          ) : (
                            <button
                              type="button"
                              className="button button-small button-danger"
                              disabled={withdraw.pending}
                              onClick={() => withdrawConsent(consent.id, label)}
                            >
                              {t('intake.consents.withdraw')}
                              <span className="visually-hidden"> – {label}</span>
                            </button>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )
        }
      </Loaded>
    </section>
  );
}
