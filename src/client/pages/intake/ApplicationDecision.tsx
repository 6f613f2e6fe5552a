import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Application,
  applicationSchema,
  type bulkActions,
  IntakeLimits,
} from '../../../shared/intake.ts';
import { ApiError, api } from '../../api.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import {
  Form,
  problemBeforeSending,
  RadioGroup,
  SubmitButton,
  TextAreaField,
} from '../../components/Form.tsx';
import { useAction } from '../../hooks.ts';

type Action = (typeof bulkActions)[number];

/** Which decisions fit where the application stands (as the server has it). */
const fits: Record<Action, Application['status'][]> = {
  approve: ['pending_review'],
  reject: ['awaiting_approval', 'pending_review', 'completion_requested'],
  request_completion: ['awaiting_approval', 'pending_review'],
};
const order: Action[] = ['approve', 'reject', 'request_completion'];

/**
 * The coordinator's decision on the application's own page: admit, not admit (with a reason) or
 * ask for completion (with what to complete), each confirmed in words that say what follows.
 */
export function ApplicationDecision({
  application,
  onDecided,
}: {
  application: Application;
  /** The application as it now stands; `decided` is false when someone else had decided first. */
  onDecided(application: Application, decided: boolean): void;
}) {
  const { t } = useTranslation();
  const run = useAction();
  const [choice, setChoice] = useState<Action | null>(null);
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const available = order.filter((a) => fits[a].includes(application.status));
  if (available.length === 0) return null;
  const chosen = choice && available.includes(choice) ? choice : null;
  const name = application.applicant.name;
  const role = t(`common.roles.${application.role}`).toLowerCase();

  async function review() {
    const errors = [];
    if (!chosen) errors.push({ field: 'action', message: t('intake.decision.choose') });
    if (chosen && chosen !== 'approve' && !reason.trim())
      errors.push({ field: 'reason', message: t(`intake.decision.reasonRequired.${chosen}`) });
    if (errors.length > 0) throw problemBeforeSending(t('common.errors.validation'), errors);
    setConfirming(true);
  }

  function send() {
    if (!chosen) return;
    setConfirming(false);
    void run.run(async () => {
      try {
        const updated = await api.post(
          `/api/applications/${application.id}/decision`,
          { action: chosen, reason: reason.trim() || undefined },
          applicationSchema,
        );
        setReason('');
        setChoice(null);
        onDecided(updated, true);
      } catch (error) {
        if (!(error instanceof ApiError) || error.status !== 409) throw error;
        // Someone else decided first: show the application as it now stands, and say so.
        onDecided(await api.get(`/api/applications/${application.id}`, applicationSchema), false);
        const message = t('intake.decision.conflict');
        throw new ApiError({
          type: 'about:blank',
          title: message,
          detail: message,
          status: 409,
          code: 'conflict',
        });
      }
    });
  }

  return (
    <section className="card" aria-labelledby="decision-heading">
      <h2 id="decision-heading">{t('intake.decision.title')}</h2>
      {!available.includes('approve') && <p>{t('intake.decision.notYet')}</p>}
      <Form action={run} onSubmit={review} idPrefix="decision" className="form decision-form">
        <RadioGroup<Action>
          name="action"
          legend={t('intake.decision.legend', { name })}
          options={available.map((a) => ({ value: a, label: t(`intake.decision.actions.${a}`) }))}
          value={chosen}
          onChange={setChoice}
        />
        {chosen && (
          <TextAreaField
            name="reason"
            label={t(`intake.decision.reasonLabels.${chosen}`)}
            hint={t(`intake.decision.reasonHints.${chosen}`)}
            rows={3}
            maxLength={IntakeLimits.textMax}
            value={reason}
            onChange={setReason}
          />
        )}
        <div className="form-actions">
          <SubmitButton action={run}>{t('intake.decision.continue')}</SubmitButton>
        </div>
      </Form>
      {chosen && (
        <ConfirmDialog
          open={confirming}
          title={t(`intake.decision.confirm.${chosen}.title`, { name, role })}
          confirmLabel={t(`intake.decision.confirm.${chosen}.button`)}
          danger={chosen === 'reject'}
          onConfirm={send}
          onCancel={() => setConfirming(false)}
        >
          <p>{t(`intake.decision.confirm.${chosen}.body`, { name, programme: application.programmeName })}</p>
          {reason.trim() && (
            <p>
              {t(`intake.decision.reasonShort.${chosen}`)}: {reason.trim()}
            </p>
          )}
        </ConfirmDialog>
      )}
    </section>
  );
}
