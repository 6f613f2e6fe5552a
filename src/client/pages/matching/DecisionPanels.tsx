import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Candidates, MatchPerson, SwapPreview } from '../../../shared/matching.ts';
import { api } from '../../api.ts';
import { CheckboxField, Form, RadioGroup, SubmitButton, TextAreaField } from '../../components/Form.tsx';
import { Loading } from '../../components/Page.tsx';
import { ProblemMessage } from '../../components/ProblemMessage.tsx';
import { useAction } from '../../hooks.ts';
import { useConstraintText, useScore } from './MatchParts.tsx';
import { candidatesSchema, decisionSchema, runSchema, swapPreviewSchema } from './matchingApi.ts';

/** The board's decisions, each in a panel that opens where it was asked for and asks why. */

interface PanelProps {
  programmeId: string;
  roundId: string | null;
  adept: MatchPerson;
  onDone(message: string): void;
  onCancel(): void;
}

/** A panel's frame: a heading that takes focus when the panel opens. */
function Panel({ title, children }: { title: string; children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="decision-panel">
      <h3 tabIndex={-1} ref={heading}>
        {title}
      </h3>
      {children}
    </div>
  );
}

function CancelButton({ onCancel }: { onCancel(): void }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="button" onClick={onCancel}>
      {t('matching.decide.cancel')}
    </button>
  );
}

/** Lock or forbid one pair, with a reason (required to forbid). */
export function DecisionPanel({
  kind,
  mentor,
  ...props
}: PanelProps & { kind: 'lock' | 'forbid'; mentor: MatchPerson }) {
  const { t } = useTranslation();
  const action = useAction();
  const [reason, setReason] = useState('');
  const names = { adept: props.adept.name, mentor: mentor.name };
  const lock = kind === 'lock';
  return (
    <Panel title={t(lock ? 'matching.decide.lockTitle' : 'matching.decide.forbidTitle', names)}>
      <p>{t(lock ? 'matching.decide.lockIntro' : 'matching.decide.forbidIntro')}</p>
      <Form
        action={action}
        idPrefix={`${kind}-${props.adept.id}`}
        onSubmit={async () => {
          await api.post(
            `/api/programmes/${props.programmeId}/matching/decisions`,
            { roundId: props.roundId, adeptId: props.adept.id, mentorId: mentor.id, kind, reason },
            decisionSchema,
          );
          props.onDone(t(lock ? 'matching.decide.locked' : 'matching.decide.forbidden', names));
        }}
      >
        <TextAreaField
          name="reason"
          label={t(lock ? 'matching.decide.lockReason' : 'matching.decide.forbidReason')}
          hint={lock ? undefined : t('matching.decide.forbidHint')}
          value={reason}
          onChange={setReason}
          rows={3}
        />
        <div className="form-actions">
          <SubmitButton action={action}>
            {t(lock ? 'matching.decide.lockSubmit' : 'matching.decide.forbidSubmit')}
          </SubmitButton>
          <CancelButton onCancel={props.onCancel} />
        </div>
      </Form>
    </Panel>
  );
}

/**
 * Choose another mentor for an adept by hand (a swap, or a mentor for an adept without a proposal):
 * the mentors best first with the rules each would break, then what the change costs the run, then
 * a lock with a reason, and the run again.
 */
export function ChooseMentorPanel({
  runId,
  currentMentorId,
  ...props
}: PanelProps & { runId: string; currentMentorId: string | null }) {
  const { t } = useTranslation();
  const score = useScore();
  const constraintText = useConstraintText();
  const [candidates, setCandidates] = useState<Candidates | null>(null);
  const load = useAction();
  const [mentorId, setMentorId] = useState<string | null>(null);
  const [preview, setPreview] = useState<SwapPreview | null>(null);
  const previewing = useAction();
  const action = useAction();
  const [acknowledge, setAcknowledge] = useState(false);
  const [reason, setReason] = useState('');

  // biome-ignore lint/correctness/useExhaustiveDependencies: loads once per adept
  useEffect(() => {
    void load.run(async () =>
      setCandidates(
        await api.post(
          `/api/programmes/${props.programmeId}/matching/candidates`,
          { adeptId: props.adept.id, roundId: props.roundId },
          candidatesSchema,
        ),
      ),
    );
  }, [props.adept.id]);

  function choose(id: string) {
    setMentorId(id);
    setPreview(null);
    void previewing.run(async () =>
      setPreview(
        await api.post(
          `/api/matching-runs/${runId}/swap-preview`,
          { adeptId: props.adept.id, mentorId: id },
          swapPreviewSchema,
        ),
      ),
    );
  }

  const options = (candidates?.candidates ?? [])
    .filter((c) => c.mentor.id !== currentMentorId && !c.constraints.includes('forbidden'))
    .filter((c) => !c.constraints.includes('no_free_capacity'))
    .map((c) => ({
      value: c.mentor.id,
      label: [
        t('matching.decide.swapOption', {
          name: c.mentor.name,
          organisation: c.mentor.organisation.name,
          score: score(c.score),
        }),
        c.constraints.length > 0
          ? ` (${t('matching.decide.swapBreaks', { constraints: constraintText(c.constraints) })})`
          : '',
      ].join(''),
    }));
  const breaks = preview !== null && preview.constraints.length > 0;

  return (
    <Panel title={t('matching.decide.swapTitle', { adept: props.adept.name })}>
      <p>{t('matching.decide.swapIntro')}</p>
      {load.problem && <ProblemMessage problem={load.problem} />}
      {candidates === null && !load.problem && <Loading />}
      {candidates !== null && (
        <Form
          action={action}
          idPrefix={`choose-${props.adept.id}`}
          onSubmit={async () => {
            if (mentorId === null) return;
            await api.post(
              `/api/programmes/${props.programmeId}/matching/decisions`,
              {
                roundId: props.roundId,
                adeptId: props.adept.id,
                mentorId,
                kind: 'lock',
                reason,
                acknowledgeWarnings: acknowledge,
              },
              decisionSchema,
            );
            await api.post(
              `/api/programmes/${props.programmeId}/matching/runs`,
              { roundId: props.roundId },
              runSchema,
            );
            props.onDone(t('matching.decide.done'));
          }}
        >
          <RadioGroup
            name="mentorId"
            legend={t('matching.decide.swapMentor')}
            options={options}
            value={mentorId}
            onChange={choose}
          />
          <div aria-live="polite">
            {previewing.pending && <p className="loading">{t('matching.decide.previewLoading')}</p>}
            {previewing.problem && <ProblemMessage problem={previewing.problem} />}
            {preview && <PreviewFacts preview={preview} />}
          </div>
          {preview?.possible && (
            <>
              {breaks && (
                <CheckboxField
                  name="acknowledgeWarnings"
                  label={t('matching.decide.acknowledge')}
                  checked={acknowledge}
                  onChange={setAcknowledge}
                />
              )}
              <TextAreaField
                name="reason"
                label={t(breaks ? 'matching.decide.swapReason' : 'matching.decide.swapReasonOptional')}
                value={reason}
                onChange={setReason}
                rows={3}
              />
            </>
          )}
          <div className="form-actions">
            {preview?.possible && (
              <SubmitButton action={action}>{t('matching.decide.swapSubmit')}</SubmitButton>
            )}
            <CancelButton onCancel={props.onCancel} />
          </div>
        </Form>
      )}
    </Panel>
  );
}

function PreviewFacts({ preview }: { preview: SwapPreview }) {
  const { t } = useTranslation();
  const score = useScore();
  const constraintText = useConstraintText();
  if (!preview.possible) {
    return (
      <div className="notice notice-error">
        <p>
          {t('matching.decide.previewImpossible', {
            constraints: constraintText(preview.constraints) || '–',
          })}
        </p>
      </div>
    );
  }
  return (
    <div className={preview.constraints.length > 0 ? 'notice notice-warning' : 'notice'}>
      <p>{t('matching.decide.previewScore', { score: score(preview.score) })}</p>
      {preview.constraints.length > 0 && (
        <p>
          <strong>
            {t('matching.decide.previewWarning', { constraints: constraintText(preview.constraints) })}
          </strong>
        </p>
      )}
      {preview.after && (
        <>
          <p>
            {preview.scoreCost !== null && preview.scoreCost > 0
              ? t('matching.decide.previewCost', { cost: score(preview.scoreCost) })
              : t('matching.decide.previewNoCost')}
          </p>
          <p>
            {t('matching.decide.previewMatched', {
              matched: preview.after.matched,
              before: preview.before.matched,
            })}
          </p>
        </>
      )}
    </div>
  );
}
