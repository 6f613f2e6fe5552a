import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Limits, sessionResponseSchema } from '../../shared/api.ts';
import { type Locale, locales } from '../../shared/roles.ts';
import { api } from '../api.ts';
import { Form, SelectField, SubmitButton, TextField } from '../components/Form.tsx';
import { Page } from '../components/Page.tsx';
import { useAction } from '../hooks.ts';
import { describeRole } from '../roles.ts';
import { useSession, useViewer } from '../session.tsx';
import { ConsentsSection, ProfileEditor } from './intake/ProfileSections.tsx';
import { CalendarFeedSection } from './pairs/meetings/CalendarFeedSection.tsx';

export function ProfilePage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const { signedIn } = useSession();
  const person = viewer.session.person;
  const [name, setName] = useState(person.name);
  const [locale, setLocale] = useState<Locale>(person.locale);
  const [saved, setSaved] = useState(false);
  const save = useAction();

  async function submit() {
    setSaved(false);
    signedIn(await api.patch('/api/me', { name, locale }, sessionResponseSchema));
    setSaved(true);
  }

  return (
    <Page title={t('profile.title')}>
      <section className="card narrow" aria-labelledby="profile-form">
        <h2 id="profile-form">{t('profile.details')}</h2>
        <p>{t('profile.email', { email: person.email })}</p>
        <Form action={save} onSubmit={submit}>
          <TextField
            name="name"
            label={t('profile.name')}
            autoComplete="name"
            required
            maxLength={Limits.nameMax}
            value={name}
            onChange={setName}
          />
          <SelectField
            name="locale"
            label={t('profile.language')}
            value={locale}
            options={locales.map((value) => ({ value, label: t(`common.languages.${value}`) }))}
            onChange={setLocale}
          />
          <div className="form-actions">
            <SubmitButton action={save}>{t('common.save')}</SubmitButton>
          </div>
          <div role="status">{saved && <p className="notice notice-success">{t('common.saved')}</p>}</div>
        </Form>
      </section>
      <section className="card narrow" aria-labelledby="profile-roles">
        <h2 id="profile-roles">{t('profile.roles')}</h2>
        {viewer.roles.length > 0 ? (
          <ul>
            {viewer.roles.map((role) => (
              <li key={role.id}>{describeRole(role, t, viewer.organisationName)}</li>
            ))}
          </ul>
        ) : (
          <p>{t('home.noRoles')}</p>
        )}
      </section>
      <ProfileEditor />
      <ConsentsSection />
      <CalendarFeedSection />
    </Page>
  );
}
