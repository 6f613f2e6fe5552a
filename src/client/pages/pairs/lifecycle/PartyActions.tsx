import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  LifecycleLimits,
  type PairLifecycle,
  type PairRequest,
  pairLifecycleSchema,
} from '../../../../shared/pair-lifecycle.ts';
import type { PairSummary } from '../../../../shared/pair-year.ts';
import { api } from '../../../api.ts';
import { ConfirmDialog } from '../../../components/ConfirmDialog.tsx';
import {
  Form,
  NumberField,
  problemBeforeSending,
  RadioGroup,
  SubmitButton,
  TextAreaField,
} from '../../../components/Form.tsx';
import { ProblemMessage } from '../../../components/ProblemMessage.tsx';
import { formatDate } from '../../../format.ts';
import { useAction, useLocale } from '../../../hooks.ts';

interface Props {
  pair: PairSummary;
  lifecycle: PairLifecycle;
  onChange(): void;
}

/** What waits for one of the two: saying yes, signing, requests, the closing conversation, an advisor. */
export function PartyActions({ pair, lifecycle, onChange }: Props) {
  const me = pair.viewerRole as 'adept' | 'mentor';
  const other = me === 'adept' ? pair.mentor : pair.adept;
  const beforeActive = lifecycle.status === 'introduced' || lifecycle.status === 'first_meeting_held';
  const underway = lifecycle.status === 'active' || lifecycle.status === 'ending';
  return (
    <>
      {beforeActive && <AcceptSection pair={pair} lifecycle={lifecycle} me={me} onChange={onChange} />}
      {underway && lifecycle.extension.monthsMax !== null && lifecycle.extension.max > 0 && (
        <ExtensionSection pair={pair} lifecycle={lifecycle} otherName={other.name} onChange={onChange} />
      )}
      {lifecycle.can.recordClosing && (
        <ClosingSection
          pair={pair}
          otherName={other.name}
          early={lifecycle.status !== 'ending'}
          onChange={onChange}
        />
      )}
      <ChangeSection pair={pair} lifecycle={lifecycle} otherName={other.name} onChange={onChange} />
      {lifecycle.can.contactAdvisor && <AdvisorSection pair={pair} lifecycle={lifecycle} />}
    </>
  );
}

function AcceptSection({ pair, lifecycle, me, onChange }: Props & { me: 'adept' | 'mentor' }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const action = useAction();
  const mine = lifecycle.acceptances.find((a) => a.role === me);
  const unsigned = (signatures: PairLifecycle['contract']['signatures']) =>
    !signatures.some((s) => s.role === me && s.current);
  const toSign =
    (lifecycle.contract.required && unsigned(lifecycle.contract.signatures)) ||
    (lifecycle.confidentiality.required && unsigned(lifecycle.confidentiality.signatures));
  return (
    <section aria-labelledby="pair-accept-title">
      <h3 id="pair-accept-title">{t('pair.lifecycle.accept.title')}</h3>
      {mine ? (
        <p>{t('pair.lifecycle.accept.done', { date: formatDate(mine.at, locale) })}</p>
      ) : (
        <>
          <p>{t('pair.lifecycle.accept.text')}</p>
          {action.problem && <ProblemMessage problem={action.problem} />}
          <button
            type="button"
            className="button button-primary"
            disabled={action.pending}
            onClick={() =>
              void action
                .run(() => api.post(`/api/pairs/${pair.id}/accept`, {}, pairLifecycleSchema))
                .then((ok) => ok && onChange())
            }
          >
            {t('pair.lifecycle.accept.button')}
          </button>
        </>
      )}
      {toSign && (
        <p>
          <Link to={`/pairs/${pair.id}/agreements`}>{t('pair.lifecycle.signLink')}</Link>
        </p>
      )}
    </section>
  );
}

function DecidedLine({ request }: { request: PairRequest }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (!request.decision || request.decision === 'withdrawn') return null;
  return (
    <p className="decision-line">
      {t('pair.lifecycle.manage.decidedBy', {
        decision: t(`pair.lifecycle.manage.decisions.${request.decision}`),
        name: request.decidedBy ?? '–',
        date: request.decidedAt ? formatDate(request.decidedAt, locale) : '',
      })}{' '}
      {request.decisionReason && t('pair.lifecycle.history.reason', { reason: request.decisionReason })}
    </p>
  );
}

function ExtensionSection({ pair, lifecycle, otherName, onChange }: Props & { otherName: string }) {
  const { t } = useTranslation();
  const action = useAction();
  const monthsMax = lifecycle.extension.monthsMax ?? 1;
  const [months, setMonths] = useState<number | null>(monthsMax);
  const [reason, setReason] = useState('');
  const extensions = lifecycle.requests.filter((r) => r.kind === 'extension');
  const open = extensions.find((r) => r.decision === null);
  const lastDecided = extensions.filter((r) => r.decision === 'approved' || r.decision === 'declined').at(-1);
  const run = (work: () => Promise<unknown>) => void action.run(work).then((ok) => ok && onChange());
  return (
    <section aria-labelledby="pair-extension-title">
      <h3 id="pair-extension-title">{t('pair.lifecycle.extension.title')}</h3>
      {lastDecided && <DecidedLine request={lastDecided} />}
      {open && action.problem && <ProblemMessage problem={action.problem} />}
      {open ? (
        open.secondedAt ? (
          <p>{t('pair.lifecycle.extension.waitingForDecision', { months: open.months })}</p>
        ) : open.isMine ? (
          <>
            <p>{t('pair.lifecycle.extension.waitingForOther', { months: open.months, name: otherName })}</p>
            <button
              type="button"
              className="button"
              disabled={action.pending}
              onClick={() =>
                run(() =>
                  api.post(`/api/pairs/${pair.id}/requests/${open.id}/withdraw`, {}, pairLifecycleSchema),
                )
              }
            >
              {t('pair.lifecycle.withdraw')}
            </button>
          </>
        ) : (
          <>
            <p>
              {t('pair.lifecycle.extension.askedBy', {
                name: open.requestedBy ?? otherName,
                months: open.months,
              })}
            </p>
            {open.reason && <p className="pre-line">{open.reason}</p>}
            <button
              type="button"
              className="button button-primary"
              disabled={action.pending}
              onClick={() =>
                run(() =>
                  api.post(`/api/pairs/${pair.id}/requests/${open.id}/second`, {}, pairLifecycleSchema),
                )
              }
            >
              {t('pair.lifecycle.extension.second')}
            </button>
          </>
        )
      ) : lifecycle.can.requestExtension ? (
        <Form
          action={action}
          idPrefix="extension"
          onSubmit={async () => {
            await api.post(
              `/api/pairs/${pair.id}/requests/extension`,
              { months, ...(reason.trim() ? { reason: reason.trim() } : {}) },
              pairLifecycleSchema,
            );
            onChange();
          }}
        >
          <p>{t('pair.lifecycle.extension.text', { months: monthsMax })}</p>
          <NumberField
            name="months"
            label={t('pair.lifecycle.extension.months')}
            value={months}
            onChange={setMonths}
            min={1}
            max={monthsMax}
          />
          <TextAreaField
            name="reason"
            label={t('pair.lifecycle.extension.reason')}
            optional
            rows={3}
            limit={LifecycleLimits.reasonMax}
            value={reason}
            onChange={setReason}
          />
          <div className="form-actions">
            <SubmitButton action={action}>{t('pair.lifecycle.extension.submit')}</SubmitButton>
          </div>
        </Form>
      ) : (
        lifecycle.extension.used >= lifecycle.extension.max && <p>{t('pair.lifecycle.extension.used')}</p>
      )}
    </section>
  );
}

function ChangeSection({ pair, lifecycle, otherName, onChange }: Props & { otherName: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const action = useAction();
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const mine = lifecycle.requests.filter((r) => r.kind === 'change_of_mentor' && r.isMine);
  const open = mine.find((r) => r.decision === null);
  const lastDeclined = mine.filter((r) => r.decision === 'declined').at(-1);
  if (!open && !lifecycle.can.requestChangeOfMentor && !lastDeclined) return null;
  const send = () => {
    setConfirming(false);
    void action
      .run(() =>
        api.post(
          `/api/pairs/${pair.id}/requests/change-of-mentor`,
          { reason: reason.trim() },
          pairLifecycleSchema,
        ),
      )
      .then((ok) => ok && onChange());
  };
  return (
    <section aria-labelledby="pair-change-title">
      <h3 id="pair-change-title">{t('pair.lifecycle.change.title')}</h3>
      {lastDeclined && !open && <DecidedLine request={lastDeclined} />}
      {open ? (
        <>
          <p>{t('pair.lifecycle.change.sent', { date: formatDate(open.createdAt, locale) })}</p>
          <p className="pre-line">
            {t('pair.lifecycle.change.yourReason')} {open.reason}
          </p>
          {action.problem && <ProblemMessage problem={action.problem} />}
          <button
            type="button"
            className="button"
            disabled={action.pending}
            onClick={() =>
              void action
                .run(() =>
                  api.post(`/api/pairs/${pair.id}/requests/${open.id}/withdraw`, {}, pairLifecycleSchema),
                )
                .then((ok) => ok && onChange())
            }
          >
            {t('pair.lifecycle.withdraw')}
          </button>
        </>
      ) : (
        lifecycle.can.requestChangeOfMentor && (
          <details>
            <summary>{t('pair.lifecycle.change.open')}</summary>
            <Form
              action={action}
              idPrefix="change"
              onSubmit={async () => {
                if (!reason.trim())
                  throw problemBeforeSending(t('common.errors.validation'), [
                    { field: 'reason', message: t('pair.lifecycle.reasonRequired') },
                  ]);
                setConfirming(true);
              }}
            >
              <p>{t('pair.lifecycle.change.text', { name: otherName })}</p>
              <TextAreaField
                name="reason"
                label={t('pair.lifecycle.change.reason')}
                rows={4}
                limit={LifecycleLimits.reasonMax}
                value={reason}
                onChange={setReason}
              />
              <div className="form-actions">
                <SubmitButton action={action}>{t('pair.lifecycle.change.submit')}</SubmitButton>
              </div>
            </Form>
          </details>
        )
      )}
      <ConfirmDialog
        open={confirming}
        title={t('pair.lifecycle.change.confirmTitle')}
        confirmLabel={t('pair.lifecycle.change.confirm')}
        pending={action.pending}
        onConfirm={send}
        onCancel={() => setConfirming(false)}
      >
        <p>{t('pair.lifecycle.change.confirmBody', { name: otherName })}</p>
      </ConfirmDialog>
    </section>
  );
}

function ClosingSection({
  pair,
  otherName,
  early,
  onChange,
}: {
  pair: PairSummary;
  otherName: string;
  /** Before the year is ending, closing is there but folded away: few pairs end early. */
  early: boolean;
  onChange(): void;
}) {
  const { t } = useTranslation();
  const action = useAction();
  const [confirming, setConfirming] = useState(false);
  const body = (
    <>
      <p>{t('pair.lifecycle.closing.text')}</p>
      {action.problem && <ProblemMessage problem={action.problem} />}
      <button type="button" className="button" onClick={() => setConfirming(true)}>
        {t('pair.lifecycle.closing.button')}
      </button>
    </>
  );
  return (
    <section aria-labelledby="pair-closing-title">
      <h3 id="pair-closing-title">{t('pair.lifecycle.closing.title')}</h3>
      {early ? (
        <details>
          <summary>{t('pair.lifecycle.closing.earlySummary')}</summary>
          {body}
        </details>
      ) : (
        body
      )}
      <ConfirmDialog
        open={confirming}
        title={t('pair.lifecycle.closing.confirmTitle')}
        confirmLabel={t('pair.lifecycle.closing.confirm')}
        danger
        pending={action.pending}
        onConfirm={() => {
          setConfirming(false);
          void action
            .run(() => api.post(`/api/pairs/${pair.id}/close`, { held: true }, pairLifecycleSchema))
            .then((ok) => ok && onChange());
        }}
        onCancel={() => setConfirming(false)}
      >
        <p>{t('pair.lifecycle.closing.confirmBody', { name: otherName })}</p>
      </ConfirmDialog>
    </section>
  );
}

function AdvisorSection({ pair, lifecycle }: { pair: PairSummary; lifecycle: PairLifecycle }) {
  const { t } = useTranslation();
  const action = useAction();
  const [advisorId, setAdvisorId] = useState<string | null>(
    lifecycle.advisors.length === 1 ? lifecycle.advisors[0]!.id : null,
  );
  const [message, setMessage] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  return (
    <section aria-labelledby="pair-advisor-title">
      <h3 id="pair-advisor-title">{t('pair.lifecycle.advisor.title')}</h3>
      {sentTo && (
        <p className="notice notice-success" role="status">
          {t('pair.lifecycle.advisor.sent', { name: sentTo })}
        </p>
      )}
      <details>
        <summary>{t('pair.lifecycle.advisor.open')}</summary>
        <Form
          action={action}
          idPrefix="advisor"
          onSubmit={async () => {
            const errors = [
              ...(!advisorId ? [{ field: 'advisorId', message: t('pair.lifecycle.chooseAdvisor') }] : []),
              ...(!message.trim()
                ? [{ field: 'message', message: t('pair.lifecycle.messageRequired') }]
                : []),
            ];
            if (errors.length > 0) throw problemBeforeSending(t('common.errors.validation'), errors);
            await api.postVoid(`/api/pairs/${pair.id}/advisor-contact`, {
              advisorId,
              message: message.trim(),
            });
            setSentTo(lifecycle.advisors.find((a) => a.id === advisorId)?.name ?? '');
            setMessage('');
          }}
        >
          <p>{t('pair.lifecycle.advisor.text')}</p>
          <RadioGroup<string>
            name="advisorId"
            legend={t('pair.lifecycle.advisor.who')}
            options={lifecycle.advisors.map((a) => ({ value: a.id, label: a.name }))}
            value={advisorId}
            onChange={setAdvisorId}
          />
          <TextAreaField
            name="message"
            label={t('pair.lifecycle.advisor.message')}
            rows={5}
            limit={LifecycleLimits.messageMax}
            value={message}
            onChange={setMessage}
          />
          <div className="form-actions">
            <SubmitButton action={action}>{t('pair.lifecycle.advisor.submit')}</SubmitButton>
          </div>
        </Form>
      </details>
    </section>
  );
}
