import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type BookItem, type BookItemKind, BookLimits } from '../../../../shared/mentor-book.ts';
import {
  CheckboxField,
  Field,
  Form,
  goToField,
  problemBeforeSending,
  RadioGroup,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
} from '../../../components/Form.tsx';
import { formatDate } from '../../../format.ts';
import { useAction, useLocale } from '../../../hooks.ts';
import { bookApi } from './bookApi.ts';

type FieldType = 'text' | 'textarea' | 'date' | 'checkbox' | 'rating';
interface FieldSpec {
  key: string;
  type: FieldType;
  optional?: boolean;
  /** The text key when it differs from the field's name. */
  label?: string;
}

/** Each kind's fields, in the order a person answers them (the SMART goal: one question at a time). */
/** The steps of a new SMART goal: what exactly, how you will know, why realistic, why it matters, by when. */
const goalSteps: string[][] = [
  ['title', 'specific'],
  ['measurable'],
  ['achievable'],
  ['relevant'],
  ['timeBound', 'visibility'],
];

const fieldsOf: Record<BookItemKind, FieldSpec[]> = {
  goal: [
    { key: 'title', type: 'text' },
    { key: 'specific', type: 'textarea' },
    { key: 'measurable', type: 'textarea' },
    { key: 'achievable', type: 'textarea' },
    { key: 'relevant', type: 'textarea' },
    { key: 'timeBound', type: 'date' },
  ],
  action: [
    { key: 'what', type: 'text' },
    { key: 'dueOn', type: 'date' },
    { key: 'done', type: 'checkbox' },
  ],
  meeting_log: [
    { key: 'heldOn', type: 'date' },
    { key: 'sinceLastTime', type: 'textarea' },
    { key: 'dialogue', type: 'textarea' },
    { key: 'beforeNextTime', type: 'textarea' },
  ],
  progress: [
    { key: 'rating', type: 'rating' },
    { key: 'ratedOn', type: 'date' },
    { key: 'note', type: 'textarea', optional: true },
  ],
  reflection: [
    { key: 'prompt', type: 'textarea' },
    { key: 'dueOn', type: 'date', optional: true, label: 'promptDue' },
    { key: 'answer', type: 'textarea', optional: true },
  ],
  homework: [
    { key: 'prompt', type: 'textarea' },
    { key: 'dueOn', type: 'date', optional: true, label: 'promptDue' },
    { key: 'answer', type: 'textarea', optional: true },
  ],
  reading_note: [
    { key: 'book', type: 'text' },
    { key: 'note', type: 'textarea', optional: true },
  ],
};

type Values = Record<string, string | boolean | number | null>;

function initialValues(
  kind: BookItemKind,
  item: BookItem | undefined,
  preset: Values,
  today: string,
): Values {
  if (item) return { ...(item.content as Values) };
  const values: Values = {};
  for (const spec of fieldsOf[kind]) {
    values[spec.key] = spec.type === 'checkbox' ? false : spec.type === 'rating' ? null : '';
  }
  if (kind === 'meeting_log') values.heldOn = today;
  if (kind === 'progress') values.ratedOn = today;
  return { ...values, ...preset };
}

export interface ItemFormProps {
  pairId: string;
  kind: BookItemKind;
  /** The item to change; a new one when not given. */
  item?: BookItem;
  /** The other party's name, for the choice of who sees it. */
  otherName: string;
  /** The goals a step or rating can belong to. */
  goals?: { id: string; title: string; visibility: 'shared' | 'private' }[];
  /** The pair's meetings a meeting's notes can be tied to. */
  meetings?: { id: string; date: string; time: string; hasNotes?: boolean }[];
  /** Values to start a new item with (a goal chosen, a suggested question, a book). */
  preset?: Values;
  goalId?: string;
  today: string;
  onSaved(item: BookItem): void;
  onCancel(): void;
}

/** The form for one item of any kind: all errors at once, optional fields marked, who sees it explained. */
export function ItemForm({
  pairId,
  kind,
  item,
  otherName,
  goals = [],
  meetings = [],
  preset = {},
  goalId: presetGoal,
  today,
  onSaved,
  onCancel,
}: ItemFormProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const action = useAction();
  const [values, setValues] = useState<Values>(() => initialValues(kind, item, preset, today));
  const [visibility, setVisibility] = useState<'shared' | 'private'>(item?.visibility ?? 'shared');
  const [goalId, setGoalId] = useState(item?.goalId ?? presetGoal ?? goals[0]?.id ?? '');
  const [meetingId, setMeetingId] = useState(item?.meetingId ?? '');
  const needsGoal = kind === 'action' || kind === 'progress';
  const canChooseVisibility = !item || item.author.isMe;
  const set = (key: string, value: string | boolean | number | null) =>
    setValues((v) => ({ ...v, [key]: value }));
  const idPrefix = `book-${kind}-${item?.id ?? 'new'}`;
  // A new SMART goal is written one part at a time (GOV.UK: one thing per page); changing one shows it whole.
  const stepped = kind === 'goal' && !item;
  const [step, setStep] = useState(0);
  const stepOf = (key: string) => goalSteps.findIndex((keys) => keys.includes(key));
  const lastStep = goalSteps.length - 1;

  function goTo(next: number) {
    setStep(next);
    const first = goalSteps[next]?.[0];
    if (first) goToField(`${idPrefix}-${first === 'visibility' ? 'visibility' : `content-${first}`}`);
  }

  /** "Continue": the parts of this step must be filled in before the next; the server checks all again. */
  function continueFrom(current: number) {
    void action.run(async () => {
      const missing = (goalSteps[current] ?? [])
        .filter((key) => key !== 'visibility' && String(values[key] ?? '').trim() === '')
        .map((key) => ({ field: `content.${key}`, message: t(`book.goalSteps.required.${key}`) }));
      if (missing.length > 0) throw problemBeforeSending(t('common.errors.validation'), missing);
      goTo(current + 1);
    });
  }

  function contentOf(): Values {
    const content: Values = {};
    for (const spec of fieldsOf[kind]) {
      const value = values[spec.key] ?? null;
      // An optional date left empty is no date; an optional text left empty is empty text.
      content[spec.key] = spec.type === 'date' && spec.optional && value === '' ? null : value;
    }
    return content;
  }

  async function submit() {
    const body = {
      kind,
      visibility,
      ...(needsGoal ? { goalId } : {}),
      ...(kind === 'meeting_log' ? { meetingId: meetingId || null } : {}),
      content: contentOf(),
    };
    const saved = item ? await bookApi.update(pairId, item.id, body) : await bookApi.create(pairId, body);
    onSaved(saved);
  }

  const label = (spec: FieldSpec) => t(`book.fields.${spec.label ?? spec.key}.label`);
  const hint = (spec: FieldSpec) => {
    const key = `book.fields.${spec.label ?? spec.key}.hint`;
    return t(key, { defaultValue: '' }) || undefined;
  };
  const name = (spec: FieldSpec) => `content.${spec.key}`;

  const renderField = (spec: FieldSpec) => {
    const value = values[spec.key];
    switch (spec.type) {
      case 'text':
        return (
          <TextField
            key={spec.key}
            name={name(spec)}
            label={label(spec)}
            hint={hint(spec)}
            optional={spec.optional}
            limit={spec.key === 'book' ? 300 : BookLimits.titleMax}
            value={String(value ?? '')}
            onChange={(v) => set(spec.key, v)}
          />
        );
      case 'textarea':
        return (
          <TextAreaField
            key={spec.key}
            name={name(spec)}
            label={label(spec)}
            hint={hint(spec)}
            optional={spec.optional}
            limit={spec.key === 'note' ? BookLimits.noteMax : BookLimits.textMax}
            rows={spec.key === 'dialogue' ? 6 : 3}
            value={String(value ?? '')}
            onChange={(v) => set(spec.key, v)}
          />
        );
      case 'date':
        return (
          <Field
            key={spec.key}
            name={name(spec)}
            label={label(spec)}
            hint={hint(spec)}
            optional={spec.optional}
          >
            {(control) => (
              <input
                type="date"
                {...control}
                value={String(value ?? '')}
                onChange={(e) => set(spec.key, e.target.value)}
              />
            )}
          </Field>
        );
      case 'checkbox':
        return (
          <CheckboxField
            key={spec.key}
            name={name(spec)}
            label={label(spec)}
            checked={value === true}
            onChange={(v) => set(spec.key, v)}
          />
        );
      case 'rating':
        return (
          <RadioGroup
            key={spec.key}
            name={name(spec)}
            legend={label(spec)}
            hint={hint(spec)}
            inline
            options={Array.from({ length: 10 }, (_, i) => ({ value: i + 1, label: String(i + 1) }))}
            value={typeof value === 'number' ? value : null}
            onChange={(v) => set(spec.key, v)}
          />
        );
      default:
        return null;
    }
  };

  return (
    <Form
      action={action}
      onSubmit={submit}
      idPrefix={idPrefix}
      className="form book-form"
      revealField={(field) => {
        const at = stepOf(field.replace(/^content\./, ''));
        if (stepped && at >= 0) setStep(at);
      }}
    >
      {stepped && (
        <p className="book-step" aria-live="polite">
          {t('book.goalSteps.step', { n: step + 1, total: goalSteps.length })}
        </p>
      )}
      {needsGoal && !item && (
        <SelectField
          name="goalId"
          label={t('book.fields.goalId.label')}
          value={goalId}
          onChange={setGoalId}
          options={goals.map((g) => ({ value: g.id, label: g.title }))}
        />
      )}
      {kind === 'meeting_log' && !item && meetings.length > 0 && (
        <SelectField
          name="meetingId"
          label={t('book.fields.meetingId.label')}
          hint={t('book.fields.meetingId.hint')}
          optional
          value={meetingId}
          onChange={(id) => {
            setMeetingId(id);
            const meeting = meetings.find((m) => m.id === id);
            if (meeting) set('heldOn', meeting.date);
          }}
          placeholder={t('book.fields.noMeeting')}
          options={meetings.map((m) => ({
            value: m.id,
            label: `${formatDate(m.date, locale)} ${m.time}${m.hasNotes ? ` ${t('book.fields.meetingId.hasNotes')}` : ''}`,
          }))}
        />
      )}
      {fieldsOf[kind].map((spec) =>
        stepped ? (
          <div key={spec.key} hidden={stepOf(spec.key) !== step}>
            {renderField(spec)}
          </div>
        ) : (
          renderField(spec)
        ),
      )}
      {canChooseVisibility && (
        <div hidden={stepped && step !== lastStep}>
          <RadioGroup<'shared' | 'private'>
            name="visibility"
            legend={t('book.visibility.legend')}
            hint={t('book.visibility.hint')}
            options={[
              { value: 'shared' as const, label: t('book.visibility.shared', { other: otherName }) },
              { value: 'private' as const, label: t('book.visibility.private', { other: otherName }) },
            ]}
            value={visibility}
            onChange={setVisibility}
          />
        </div>
      )}
      <div className="form-actions">
        {stepped && step > 0 && (
          <button type="button" className="button" onClick={() => goTo(step - 1)}>
            {t('book.goalSteps.back')}
          </button>
        )}
        {stepped && step < lastStep ? (
          <button type="button" className="button button-primary" onClick={() => continueFrom(step)}>
            {t('book.goalSteps.next')}
          </button>
        ) : (
          <SubmitButton action={action}>{item ? t('book.saveChanges') : t('book.save')}</SubmitButton>
        )}
        <button type="button" className="button" onClick={onCancel}>
          {t('book.cancel')}
        </button>
      </div>
    </Form>
  );
}
