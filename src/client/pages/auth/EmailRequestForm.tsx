import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Limits } from '../../../shared/api.ts';
import { api } from '../../api.ts';
import { Form, SubmitButton, TextField } from '../../components/Form.tsx';
import { useAction } from '../../hooks.ts';

interface EmailRequestFormProps {
  /** Where the address is posted, e.g. "/api/auth/password-reset". */
  endpoint: string;
  submitLabel: string;
  /** Says, once the request went through, where the mail was sent. */
  sentMessage(email: string): string;
  /** Prefix for the field's id; needed when the page has another form. */
  idPrefix?: string;
  /** Further actions beside the submit button, e.g. a link back. */
  children?: ReactNode;
}

/** Asks for an e-mail address to mail a link to, and then says where it went. */
export function EmailRequestForm({
  endpoint,
  submitLabel,
  sentMessage,
  idPrefix,
  children,
}: EmailRequestFormProps) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const request = useAction();

  async function submit() {
    await api.postVoid(endpoint, { email });
    setSentTo(email);
  }

  return (
    <>
      <Form action={request} onSubmit={submit} idPrefix={idPrefix}>
        <TextField
          name="email"
          label={t('auth.email')}
          type="email"
          autoComplete="email"
          required
          maxLength={Limits.emailMax}
          value={email}
          onChange={setEmail}
        />
        <div className="form-actions">
          <SubmitButton action={request}>{submitLabel}</SubmitButton>
          {children}
        </div>
      </Form>
      <div role="status">{sentTo && <p className="notice notice-success">{sentMessage(sentTo)}</p>}</div>
    </>
  );
}
