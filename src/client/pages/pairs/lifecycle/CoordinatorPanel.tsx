import { useState } from 'react';
import { useTranslation } from 'react-i18next';
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
  problemBeforeSending,
  RadioGroup,
  SubmitButton,
  TextAreaField,
} from '../../../components/Form.tsx';
import { formatDate } from '../../../format.ts';
import { useAction, useLocale } from '../../../hooks.ts';

interface Props {
  pair: PairSummary;
  lifecycle: PairLifecycle;
  onChange(): void;
}

/**
 * For those who run the programme: the pair's open requests, each decided with a reason, and ending
 * the pair (for a change of mentor, or cancelling it), with a reason and a confirmation.
 */
export function CoordinatorPanel({ pair, lifecycle, onChange }: Props) {
  const { t } = useTranslation();
  const open = lifecycle.requests.filter((r) => r.decision === null);
  return (
    <section aria-labelledby="pair-manage-title">
      <h2 id="pair-manage-title">{t('pair.lifecycle.manage.title')}</h2>
      <h3>{t('pair.lifecycle.manage.requestsTitle')}</h3>
      {open.length === 0 ? (
        <p>{t('pair.lifecycle.manage.noRequests')}</p>
      ) : (
        open.map((request) => (
          <RequestDecision key={request.id} pair={pair} request={request} onChange={onChange} />
        ))
      )}
      <EndPair pair={pair} onChange={onChange} />
    </section>
  );
}

type Choice = 'approved' | 'declined';

function RequestDecision({
  pair,
  request,
  onChange,
}: {
  pair: PairSummary;
  request: PairRequest;
  onChange(): void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const action = useAction();
  const [decision, setDecision] = useState<Choice | null>(null);
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const change = request.kind === 'change_of_mentor';
  const who = {
    name: request.requestedBy ?? '–',
    role: t(`pair.lifecycle.roles.${request.role}`),
    date: formatDate(request.createdAt, locale),
    months: request.months,
  };
  const send = () => {
    setConfirming(false);
    void action
      .run(() =>
        api.post(
          `/api/pairs/${pair.id}/requests/${request.id}/decide`,
          { decision, reason: reason.trim() },
          pairLifecycleSchema,
        ),
      )
      .then((ok) => ok && onChange());
  };
  return (
    <div className="card">
      <p>
        {change
          ? t('pair.lifecycle.manage.changeRequest', who)
          : t('pair.lifecycle.manage.extensionRequest', who)}
        {!change &&
          ` ${request.secondedAt ? t('pair.lifecycle.manage.seconded') : t('pair.lifecycle.manage.notSeconded')}`}
      </p>
      {request.reason && (
        <p className="pre-line">
          {t('pair.lifecycle.manage.reasonLabel')} {request.reason}
        </p>
      )}
      <Form
        action={action}
        idPrefix={`decide-${request.id}`}
        onSubmit={async () => {
          const errors = [
            ...(!decision ? [{ field: 'decision', message: t('pair.lifecycle.chooseDecision') }] : []),
            ...(!reason.trim() ? [{ field: 'reason', message: t('pair.lifecycle.reasonRequired') }] : []),
          ];
          if (errors.length > 0) throw problemBeforeSending(t('common.errors.validation'), errors);
          setConfirming(true);
        }}
      >
        <RadioGroup<Choice>
          name="decision"
          legend={t('pair.lifecycle.manage.decision')}
          options={[
            {
              value: 'approved',
              label: change
                ? t('pair.lifecycle.manage.approveChange')
                : t('pair.lifecycle.manage.approveExtension'),
            },
            { value: 'declined', label: t('pair.lifecycle.manage.decline') },
          ]}
          value={decision}
          onChange={setDecision}
        />
        <TextAreaField
          name="reason"
          label={t('pair.lifecycle.manage.decisionReason')}
          hint={change ? t('pair.lifecycle.manage.hintChange') : t('pair.lifecycle.manage.hintExtension')}
          rows={3}
          limit={LifecycleLimits.reasonMax}
          value={reason}
          onChange={setReason}
        />
        <div className="form-actions">
          <SubmitButton action={action}>{t('pair.lifecycle.manage.continue')}</SubmitButton>
        </div>
      </Form>
      <ConfirmDialog
        open={confirming}
        title={t('pair.lifecycle.manage.confirmTitle')}
        confirmLabel={t('pair.lifecycle.manage.confirm')}
        danger={change && decision === 'approved'}
        pending={action.pending}
        onConfirm={send}
        onCancel={() => setConfirming(false)}
      >
        <p>
          {decision === 'declined'
            ? t('pair.lifecycle.manage.confirmDecline')
            : change
              ? t('pair.lifecycle.manage.confirmApproveChange')
              : t('pair.lifecycle.manage.confirmApproveExtension', { months: request.months })}
        </p>
        <p>{t('pair.lifecycle.history.reason', { reason: reason.trim() })}</p>
      </ConfirmDialog>
    </div>
  );
}

type End = 'rematch' | 'cancel';

function EndPair({ pair, onChange }: { pair: PairSummary; onChange(): void }) {
  const { t } = useTranslation();
  const action = useAction();
  const [kind, setKind] = useState<End | null>(null);
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const send = () => {
    setConfirming(false);
    void action
      .run(() => api.post(`/api/pairs/${pair.id}/${kind}`, { reason: reason.trim() }, pairLifecycleSchema))
      .then((ok) => ok && onChange());
  };
  return (
    <>
      <h3>{t('pair.lifecycle.manage.endTitle')}</h3>
      <details>
        <summary>{t('pair.lifecycle.manage.endOpen')}</summary>
        <Form
          action={action}
          idPrefix="end-pair"
          onSubmit={async () => {
            const errors = [
              ...(!kind ? [{ field: 'kind', message: t('pair.lifecycle.chooseDecision') }] : []),
              ...(!reason.trim() ? [{ field: 'reason', message: t('pair.lifecycle.reasonRequired') }] : []),
            ];
            if (errors.length > 0) throw problemBeforeSending(t('common.errors.validation'), errors);
            setConfirming(true);
          }}
        >
          <p>{t('pair.lifecycle.manage.endText')}</p>
          <RadioGroup<End>
            name="kind"
            legend={t('pair.lifecycle.manage.endKind')}
            options={[
              { value: 'rematch', label: t('pair.lifecycle.manage.rematch') },
              { value: 'cancel', label: t('pair.lifecycle.manage.cancel') },
            ]}
            value={kind}
            onChange={setKind}
          />
          <TextAreaField
            name="reason"
            label={t('pair.lifecycle.manage.endReason')}
            rows={3}
            limit={LifecycleLimits.reasonMax}
            value={reason}
            onChange={setReason}
          />
          <div className="form-actions">
            <SubmitButton action={action}>{t('pair.lifecycle.manage.continue')}</SubmitButton>
          </div>
        </Form>
      </details>
      <ConfirmDialog
        open={confirming}
        title={
          kind === 'rematch'
            ? t('pair.lifecycle.manage.endConfirmTitleRematch')
            : t('pair.lifecycle.manage.endConfirmTitleCancel')
        }
        confirmLabel={t('pair.lifecycle.manage.endConfirm')}
        danger
        pending={action.pending}
        onConfirm={send}
        onCancel={() => setConfirming(false)}
      >
        <p>
          {kind === 'rematch'
            ? t('pair.lifecycle.manage.endConfirmRematch')
            : t('pair.lifecycle.manage.endConfirmCancel')}
        </p>
        <p>{t('pair.lifecycle.history.reason', { reason: reason.trim() })}</p>
      </ConfirmDialog>
    </>
  );
}
