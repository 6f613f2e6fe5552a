import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Confidentiality,
  type Contract,
  confidentialitySchema,
  contractSchema,
  LifecycleLimits,
} from '../../../shared/pair-lifecycle.ts';
import { api } from '../../api.ts';
import { Form, SubmitButton, TextAreaField } from '../../components/Form.tsx';
import { Loaded } from '../../components/Page.tsx';
import { formatDate, formatDateTime, localized } from '../../format.ts';
import { useAction, useApiData, useLocale } from '../../hooks.ts';
import { Signatures, SignForm } from './lifecycle/SignForm.tsx';
import type { PairTabProps } from './PairPage.tsx';

/**
 * The pair's agreements (the two only): the collaboration contract, answered together one question
 * at a time, checked and signed with a typed name; and the confidentiality agreement, read and signed.
 * An edit after a signature makes a new version that both sign again, and the page says so.
 */
export function AgreementsTab({ pair, reload }: PairTabProps) {
  const { t } = useTranslation();
  const role = pair.viewerRole as 'adept' | 'mentor';
  return (
    <div className="agreements">
      <p className="lead">{t('pair.agreements.intro')}</p>
      {pair.features.contract && <ContractSection pairId={pair.id} role={role} onSigned={reload} />}
      {pair.features.confidentialityAgreement && (
        <ConfidentialitySection pairId={pair.id} role={role} onSigned={reload} />
      )}
    </div>
  );
}

function ContractSection({
  pairId,
  role,
  onSigned,
}: {
  pairId: string;
  role: 'adept' | 'mentor';
  onSigned(): void;
}) {
  const state = useApiData(`/api/pairs/${pairId}/contract`, contractSchema);
  return (
    <Loaded state={state}>
      {(contract) => (
        <ContractEditor
          key={`${contract.textVersion}-${contract.signatures.length}`}
          pairId={pairId}
          role={role}
          initial={contract}
          onSigned={() => {
            state.reload();
            onSigned();
          }}
        />
      )}
    </Loaded>
  );
}

type Mode = { kind: 'check' } | { kind: 'step'; index: number };

function ContractEditor({
  pairId,
  role,
  initial,
  onSigned,
}: {
  pairId: string;
  role: 'adept' | 'mentor';
  initial: Contract;
  onSigned(): void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const action = useAction();
  const [contract, setContract] = useState(initial);
  const [draft, setDraft] = useState<Record<string, string>>(initial.answers);
  const [mode, setMode] = useState<Mode>({ kind: 'check' });
  const [saved, setSaved] = useState(false);
  const questions = contract.questions;
  const answered = questions.some((q) => (contract.answers[q.key] ?? '').trim() !== '');
  const stale = contract.signatures.filter((s) => !s.current);
  const current = contract.signatures.filter((s) => s.current);
  const signedByMe = current.some((s) => s.role === role);
  const bothSigned = (['adept', 'mentor'] as const).every((r) => current.some((s) => s.role === r));

  async function save(next: Mode) {
    const updated = await api.put(`/api/pairs/${pairId}/contract`, { answers: draft }, contractSchema);
    setContract(updated);
    setSaved(next.kind === 'check');
    setMode(next);
  }

  if (mode.kind === 'step') {
    const question = questions[mode.index]!;
    const last = mode.index === questions.length - 1;
    return (
      <section aria-labelledby="contract-title">
        <h2 id="contract-title">{t('pair.agreements.contract.title')}</h2>
        <p className="section-step-label">
          {t('pair.agreements.contract.step', { n: mode.index + 1, total: questions.length })}
        </p>
        <Form
          action={action}
          idPrefix="contract"
          onSubmit={() => save(last ? { kind: 'check' } : { kind: 'step', index: mode.index + 1 })}
          labelFor={(field) => {
            const key = field.replace(/^answers\./, '');
            const q = questions.find((item) => item.key === key);
            return q ? localized(q.label, locale) : undefined;
          }}
        >
          <TextAreaField
            key={question.key}
            name={`answers.${question.key}`}
            label={localized(question.label, locale)}
            optional
            rows={6}
            limit={LifecycleLimits.answerMax}
            value={draft[question.key] ?? ''}
            onChange={(value) => setDraft({ ...draft, [question.key]: value })}
          />
          <div className="form-actions">
            <SubmitButton action={action}>
              {last ? t('pair.agreements.contract.toCheck') : t('pair.agreements.contract.next')}
            </SubmitButton>
            <button
              type="button"
              className="button"
              onClick={() =>
                setMode(mode.index === 0 ? { kind: 'check' } : { kind: 'step', index: mode.index - 1 })
              }
            >
              {t('pair.agreements.contract.back')}
            </button>
          </div>
        </Form>
      </section>
    );
  }

  return (
    <section aria-labelledby="contract-title">
      <h2 id="contract-title">{t('pair.agreements.contract.title')}</h2>
      <p>{t('pair.agreements.contract.text')}</p>
      {contract.rules.length > 0 && (
        <>
          <h3>{t('pair.agreements.contract.rules')}</h3>
          <ul>
            {contract.rules.map((rule) => (
              <li key={rule.sv}>{localized(rule, locale)}</li>
            ))}
          </ul>
        </>
      )}
      {saved && (
        <p className="notice notice-success" role="status">
          {t('pair.agreements.contract.saved')}
        </p>
      )}
      {stale.length > 0 && !bothSigned && (
        <div className="notice notice-warning">
          <p>
            {t('pair.agreements.contract.staleWarning', {
              names: [...new Set(stale.map((s) => s.name))].join(', '),
            })}
          </p>
        </div>
      )}
      {bothSigned && <p className="notice notice-success">{t('pair.agreements.contract.signed')}</p>}
      <h3>{answered ? t('pair.agreements.contract.checkTitle') : t('pair.agreements.contract.start')}</h3>
      {answered && (
        <dl className="summary-list">
          {questions.map((q, index) => (
            <div key={q.key} className="summary-row">
              <dt>{localized(q.label, locale)}</dt>
              <dd className="pre-line">
                {(contract.answers[q.key] ?? '').trim() || (
                  <span className="hint">{t('pair.agreements.contract.unanswered')}</span>
                )}
              </dd>
              {contract.canEdit && (
                <dd className="summary-action">
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => setMode({ kind: 'step', index })}
                    aria-label={t('pair.agreements.contract.changeAnswer', {
                      question: localized(q.label, locale),
                    })}
                  >
                    {t('pair.agreements.contract.change')}
                  </button>
                </dd>
              )}
            </div>
          ))}
        </dl>
      )}
      {contract.updatedAt && contract.updatedBy && (
        <p className="hint">
          {t('pair.agreements.contract.updated', {
            date: formatDateTime(contract.updatedAt, locale),
            name: contract.updatedBy,
          })}
        </p>
      )}
      {contract.canEdit && (
        <p>
          <button
            type="button"
            className={answered ? 'button' : 'button button-primary'}
            onClick={() => setMode({ kind: 'step', index: 0 })}
          >
            {answered ? t('pair.agreements.contract.edit') : t('pair.agreements.contract.start')}
          </button>
        </p>
      )}
      <Signatures signatures={contract.signatures} />
      {signedByMe ? (
        <p>
          {t('pair.agreements.sign.you', {
            date: formatDate(current.find((s) => s.role === role)!.signedAt, locale),
          })}
        </p>
      ) : (
        contract.canEdit && (
          <SignForm
            path={`/api/pairs/${pairId}/contract/sign`}
            idPrefix="contract-sign"
            textVersion={contract.textVersion}
            onSigned={onSigned}
          />
        )
      )}
    </section>
  );
}

function ConfidentialitySection({
  pairId,
  role,
  onSigned,
}: {
  pairId: string;
  role: 'adept' | 'mentor';
  onSigned(): void;
}) {
  const state = useApiData(`/api/pairs/${pairId}/confidentiality`, confidentialitySchema);
  return (
    <Loaded state={state}>
      {(agreement) => (
        <ConfidentialityView
          pairId={pairId}
          role={role}
          agreement={agreement}
          onSigned={() => {
            state.reload();
            onSigned();
          }}
        />
      )}
    </Loaded>
  );
}

function ConfidentialityView({
  pairId,
  role,
  agreement,
  onSigned,
}: {
  pairId: string;
  role: 'adept' | 'mentor';
  agreement: Confidentiality;
  onSigned(): void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const mine = agreement.signatures.find((s) => s.role === role && s.current);
  return (
    <section aria-labelledby="confidentiality-title">
      <h2 id="confidentiality-title">{t('pair.agreements.confidentiality.title')}</h2>
      <p>{t('pair.agreements.confidentiality.text')}</p>
      <div className="prose pre-line card">{localized(agreement.text, locale)}</div>
      <Signatures signatures={agreement.signatures} />
      {mine ? (
        <p>{t('pair.agreements.sign.you', { date: formatDate(mine.signedAt, locale) })}</p>
      ) : (
        <SignForm
          path={`/api/pairs/${pairId}/confidentiality/sign`}
          idPrefix="confidentiality-sign"
          textVersion={agreement.textVersion}
          onSigned={onSigned}
        />
      )}
    </section>
  );
}
