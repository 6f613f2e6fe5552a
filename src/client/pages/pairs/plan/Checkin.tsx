import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CheckinState, PlanLimits } from '../../../../shared/pair-plan.ts';
import { api } from '../../../api.ts';
import { CheckboxField, Form, RadioGroup, SubmitButton, TextAreaField } from '../../../components/Form.tsx';
import { formatDate } from '../../../format.ts';
import { useAction, useApiData, useLocale } from '../../../hooks.ts';
import { checkinPath, checkinStateSchema } from './planApi.ts';

const ratings = [1, 2, 3, 4, 5] as const;

/**
 * "How is it working?" after the third meeting (seed 004): each party answers once, 1–5 and an
 * optional comment that only its author sees, and the coordinator when marked so. Those who run the
 * pair see the ratings. Nothing shows for a programme without a check-in.
 */
export function CheckinSection({
  pairId,
  isParty,
  onAnswered,
}: {
  pairId: string;
  isParty: boolean;
  /** Called once an answer is saved: the checklist's check-in step may be done now. */
  onAnswered?(): void;
}) {
  const { t } = useTranslation();
  const state = useApiData(checkinPath(pairId), checkinStateSchema);
  const [sent, setSent] = useState<number | null>(null);
  if (!state.data?.applies) return null;
  const data = state.data;
  const notYet = isParty && !data.open && data.answers.length === 0;
  return (
    <section aria-labelledby="checkin-title" className="card checkin">
      <h2 id="checkin-title">{t('plan.checkin.title')}</h2>
      {sent !== null && (
        <div className="notice notice-success" role="status">
          <p>{t(sent <= PlanLimits.lowRatingMax ? 'plan.checkin.sentLow' : 'plan.checkin.sent')}</p>
        </div>
      )}
      {notYet && (
        <p>{t('plan.checkin.notYet', { number: data.afterMeeting ?? 1, held: data.meetingsHeld })}</p>
      )}
      {data.canAnswer && (
        <CheckinForm
          pairId={pairId}
          onSent={(next, rating) => {
            state.setData(next);
            setSent(rating);
            onAnswered?.();
          }}
        />
      )}
      {(data.open || data.answers.length > 0) && <Answers state={data} />}
    </section>
  );
}

function CheckinForm({
  pairId,
  onSent,
}: {
  pairId: string;
  onSent(state: CheckinState, rating: number): void;
}) {
  const { t } = useTranslation();
  const action = useAction();
  const [rating, setRating] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [forCoordinator, setForCoordinator] = useState(false);
  return (
    <>
      <p>{t('plan.checkin.intro')}</p>
      <Form
        action={action}
        idPrefix="checkin"
        onSubmit={async () => {
          const next = await api.post(
            checkinPath(pairId),
            { rating, comment, commentForCoordinator: forCoordinator },
            checkinStateSchema,
          );
          onSent(next, rating ?? 0);
        }}
      >
        <RadioGroup
          name="rating"
          legend={t('plan.checkin.rating')}
          hint={t('plan.checkin.ratingHint')}
          options={ratings.map((value) => ({ value, label: String(value) }))}
          value={rating}
          onChange={(value) => setRating(Number(value))}
          inline
        />
        <TextAreaField
          name="comment"
          label={t('plan.checkin.comment')}
          hint={t('plan.checkin.commentHint')}
          optional
          value={comment}
          onChange={setComment}
          limit={PlanLimits.checkinCommentMax}
          rows={3}
        />
        <CheckboxField
          name="commentForCoordinator"
          label={t('plan.checkin.forCoordinator')}
          checked={forCoordinator}
          onChange={setForCoordinator}
        />
        <div className="form-actions">
          <SubmitButton action={action}>{t('plan.checkin.submit')}</SubmitButton>
        </div>
      </Form>
    </>
  );
}

function Answers({ state }: { state: CheckinState }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <>
      <h3>{t('plan.checkin.answers')}</h3>
      {state.answers.length === 0 ? (
        <p>{t('plan.checkin.none')}</p>
      ) : (
        <ul className="plain-list">
          {state.answers.map((a) => (
            <li key={a.role}>
              <p>
                <strong>
                  {t('plan.checkin.answer', {
                    name: a.name,
                    role: t(`plan.checklist.roles.${a.role}`),
                    rating: a.rating,
                  })}
                </strong>{' '}
                {a.low && <span className="badge badge-failed">{t('plan.checkin.low')}</span>}{' '}
                <span className="hint">{formatDate(a.answeredAt, locale)}</span>
              </p>
              {a.comment !== null ? (
                <blockquote className="checkin-comment">{a.comment}</blockquote>
              ) : (
                a.hasComment && <p className="hint">{t('plan.checkin.commentHidden')}</p>
              )}
              {a.comment !== null && a.commentForCoordinator && (
                <p className="hint">{t('plan.checkin.commentMarked')}</p>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
