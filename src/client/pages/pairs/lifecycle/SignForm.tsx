import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LifecycleLimits, pairLifecycleSchema, type Signature } from '../../../../shared/pair-lifecycle.ts';
import { api } from '../../../api.ts';
import { Form, problemBeforeSending, SubmitButton, TextField } from '../../../components/Form.tsx';
import { formatDateTime } from '../../../format.ts';
import { useAction, useLocale } from '../../../hooks.ts';

/** Who signed which version when; an earlier version's signature is said to be one. */
export function Signatures({ signatures }: { signatures: Signature[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <>
      <h4>{t('pair.agreements.sign.signatures')}</h4>
      {signatures.length === 0 ? (
        <p>{t('pair.agreements.sign.none')}</p>
      ) : (
        <ul className="plain-list">
          {signatures.map((s) => (
            <li key={`${s.role}-${s.signedAt}`}>
              {t('pair.lifecycle.signedBy', {
                name: s.name,
                role: t(`pair.lifecycle.roles.${s.role}`),
                date: formatDateTime(s.signedAt, locale),
              })}{' '}
              {!s.current && <span className="hint">{t('pair.agreements.sign.old')}</span>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** Signing a text with one's typed name, of the version read (a newer version is refused by the server). */
export function SignForm({
  path,
  idPrefix,
  textVersion,
  onSigned,
}: {
  path: string;
  idPrefix: string;
  textVersion: string;
  onSigned(): void;
}) {
  const { t } = useTranslation();
  const action = useAction();
  const [name, setName] = useState('');
  return (
    <Form
      action={action}
      idPrefix={idPrefix}
      onSubmit={async () => {
        if (!name.trim())
          throw problemBeforeSending(t('common.errors.validation'), [
            { field: 'name', message: t('pair.agreements.sign.nameRequired') },
          ]);
        await api.post(path, { name: name.trim(), textVersion }, pairLifecycleSchema);
        setName('');
        onSigned();
      }}
    >
      <h4>{t('pair.agreements.sign.title')}</h4>
      <TextField
        name="name"
        label={t('pair.agreements.sign.name')}
        hint={t('pair.agreements.sign.hint')}
        autoComplete="name"
        limit={LifecycleLimits.signedNameMax}
        value={name}
        onChange={setName}
      />
      <div className="form-actions">
        <SubmitButton action={action}>{t('pair.agreements.sign.submit')}</SubmitButton>
      </div>
    </Form>
  );
}
