import { useTranslation } from 'react-i18next';
import {
  approvers,
  eventKinds,
  milestoneRoles,
  type PlannedEvent,
  ProgrammeLimits,
  type ProgrammeSettings,
} from '../../../shared/programme.ts';
import { participantRoles } from '../../../shared/roles.ts';
import {
  CheckboxField,
  CheckboxGroup,
  FieldGroup,
  NumberField,
  SelectField,
  TextField,
} from '../../components/Form.tsx';
import { formatNumber } from '../../format.ts';
import { useLocale } from '../../hooks.ts';
import {
  freshKey,
  ItemControls,
  LocalizedTextFields,
  move,
  removeAt,
  replaceAt,
  type SectionProps,
} from './editing.tsx';

type Settings = ProgrammeSettings;

const keyPattern = '[a-z0-9_\\-]+';

export function KeyField({
  path,
  value,
  onChange,
}: {
  path: string;
  value: string;
  onChange(key: string): void;
}) {
  const { t } = useTranslation();
  return (
    <TextField
      name={`${path}.key`}
      label={t('programmes.key')}
      hint={t('programmes.keyHint')}
      required
      pattern={keyPattern}
      maxLength={ProgrammeLimits.keyMax}
      value={value}
      onChange={onChange}
    />
  );
}

export function ApprovalStepsSection({ value, path, onChange }: SectionProps<Settings['approvalSteps']>) {
  const { t } = useTranslation();
  const participantOptions = participantRoles.map((role) => ({
    value: role,
    label: t(`common.roles.${role}`),
  }));
  return (
    <fieldset className="section">
      <legend>{t('programmes.approval.legend')}</legend>
      <p className="hint">{t('programmes.approval.intro')}</p>
      {value.length === 0 && <p>{t('programmes.approval.none')}</p>}
      {value.map((step, index) => {
        const itemPath = `${path}.${index}`;
        const itemLabel = t('programmes.approval.item', { n: index + 1 });
        const set = (patch: Partial<typeof step>) => onChange(replaceAt(value, index, { ...step, ...patch }));
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: an item's only identity is its editable key
          <fieldset key={index} className="list-item">
            <legend>{itemLabel}</legend>
            <FieldGroup label={itemLabel}>
              <ItemControls
                index={index}
                count={value.length}
                itemLabel={itemLabel}
                onMove={(from, to) => onChange(move(value, from, to))}
                onRemove={() => onChange(removeAt(value, index))}
              />
              <div className="field-row">
                <KeyField path={itemPath} value={step.key} onChange={(key) => set({ key })} />
                <SelectField
                  name={`${itemPath}.approver`}
                  label={t('programmes.approval.approver')}
                  value={step.approver}
                  options={approvers.map((a) => ({
                    value: a,
                    label: t(`programmes.approval.approvers.${a}`),
                  }))}
                  onChange={(approver) => set({ approver })}
                />
              </div>
              <CheckboxGroup
                name={`${itemPath}.appliesTo`}
                legend={t('programmes.approval.appliesTo')}
                options={participantOptions}
                value={step.appliesTo}
                onChange={(appliesTo) => set({ appliesTo })}
              />
              <LocalizedTextFields
                path={`${itemPath}.label`}
                label={t('programmes.approval.label')}
                value={step.label}
                onChange={(label) => set({ label })}
              />
            </FieldGroup>
          </fieldset>
        );
      })}
      {value.length < ProgrammeLimits.approvalStepsMax && (
        <button
          type="button"
          className="button"
          onClick={() =>
            onChange([
              ...value,
              {
                key: freshKey('approval', value),
                approver: 'manager',
                appliesTo: ['adept'],
                label: { sv: '', en: '' },
              },
            ])
          }
        >
          {t('programmes.approval.add')}
        </button>
      )}
    </fieldset>
  );
}

export function TrainingSection({ value, path, onChange }: SectionProps<Settings['mentorTraining']>) {
  const { t } = useTranslation();
  const steps = value.steps;
  const setSteps = (next: typeof steps) => onChange({ ...value, steps: next });
  return (
    <fieldset className="section">
      <legend>{t('programmes.training.legend')}</legend>
      {steps.length === 0 && <p>{t('programmes.training.none')}</p>}
      {steps.map((step, index) => {
        const itemPath = `${path}.steps.${index}`;
        const itemLabel = t('programmes.training.item', { n: index + 1 });
        const set = (patch: Partial<typeof step>) => setSteps(replaceAt(steps, index, { ...step, ...patch }));
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: an item's only identity is its editable key
          <fieldset key={index} className="list-item">
            <legend>{itemLabel}</legend>
            <FieldGroup label={itemLabel}>
              <ItemControls
                index={index}
                count={steps.length}
                itemLabel={itemLabel}
                onMove={(from, to) => setSteps(move(steps, from, to))}
                onRemove={() => setSteps(removeAt(steps, index))}
              />
              <div className="field-row">
                <KeyField path={itemPath} value={step.key} onChange={(key) => set({ key })} />
                <NumberField
                  name={`${itemPath}.practiceMeetings`}
                  label={t('programmes.training.practiceMeetings')}
                  hint={t('programmes.emptyForNone')}
                  min={1}
                  max={20}
                  value={step.practiceMeetings}
                  onChange={(practiceMeetings) => set({ practiceMeetings })}
                />
              </div>
              <LocalizedTextFields
                path={`${itemPath}.title`}
                label={t('programmes.itemTitle')}
                value={step.title}
                onChange={(title) => set({ title })}
              />
            </FieldGroup>
          </fieldset>
        );
      })}
      {steps.length < ProgrammeLimits.trainingStepsMax && (
        <button
          type="button"
          className="button"
          onClick={() =>
            setSteps([
              ...steps,
              { key: freshKey('training', steps), title: { sv: '', en: '' }, practiceMeetings: null },
            ])
          }
        >
          {t('programmes.training.add')}
        </button>
      )}
      <CheckboxField
        name={`${path}.yearlyExperienceExchange`}
        label={t('programmes.training.yearlyExchange')}
        checked={value.yearlyExperienceExchange}
        onChange={(yearlyExperienceExchange) => onChange({ ...value, yearlyExperienceExchange })}
      />
    </fieldset>
  );
}

/** "= 3 weeks" beside a number of days, so that plans written in weeks are easy to enter. */
function useWeeksHint() {
  const { t } = useTranslation();
  const locale = useLocale();
  return (days: number | null) =>
    days === null || days === 0
      ? undefined
      : t('programmes.inWeeks', { count: days / 7, weeks: formatNumber(days / 7, locale) });
}

export function ProcessPlanSection({ value, path, onChange }: SectionProps<Settings['processPlan']>) {
  const { t } = useTranslation();
  const weeksHint = useWeeksHint();
  const roleOptions = milestoneRoles.map((role) => ({
    value: role,
    label: t(`programmes.milestoneRoles.${role}`),
  }));
  return (
    <fieldset className="section">
      <legend>{t('programmes.processPlan.legend')}</legend>
      <p className="hint">{t('programmes.processPlan.intro')}</p>
      {value.length === 0 && <p>{t('programmes.processPlan.none')}</p>}
      {value.map((milestone, index) => {
        const itemPath = `${path}.${index}`;
        const itemLabel = t('programmes.processPlan.item', { n: index + 1 });
        const set = (patch: Partial<typeof milestone>) =>
          onChange(replaceAt(value, index, { ...milestone, ...patch }));
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: an item's only identity is its editable key
          <fieldset key={index} className="list-item">
            <legend>{itemLabel}</legend>
            <FieldGroup label={itemLabel}>
              <ItemControls
                index={index}
                count={value.length}
                itemLabel={itemLabel}
                onMove={(from, to) => onChange(move(value, from, to))}
                onRemove={() => onChange(removeAt(value, index))}
              />
              <div className="field-row">
                <KeyField path={itemPath} value={milestone.key} onChange={(key) => set({ key })} />
                <NumberField
                  name={`${itemPath}.offsetDays`}
                  label={t('programmes.processPlan.offsetDays')}
                  hint={weeksHint(milestone.offsetDays)}
                  required
                  min={0}
                  max={ProgrammeLimits.offsetDaysMax}
                  value={milestone.offsetDays}
                  onChange={(offsetDays) => set({ offsetDays: offsetDays ?? milestone.offsetDays })}
                />
              </div>
              <LocalizedTextFields
                path={`${itemPath}.title`}
                label={t('programmes.itemTitle')}
                value={milestone.title}
                onChange={(title) => set({ title })}
              />
              <CheckboxGroup
                name={`${itemPath}.roles`}
                legend={t('programmes.processPlan.roles')}
                options={roleOptions}
                value={milestone.roles}
                onChange={(roles) => set({ roles })}
              />
              <TextField
                name={`${itemPath}.onlyFor`}
                label={t('programmes.processPlan.onlyFor')}
                hint={t('programmes.processPlan.onlyForHint')}
                maxLength={ProgrammeLimits.textMax}
                value={milestone.onlyFor}
                onChange={(onlyFor) => set({ onlyFor })}
              />
            </FieldGroup>
          </fieldset>
        );
      })}
      {value.length < ProgrammeLimits.milestonesMax && (
        <button
          type="button"
          className="button"
          onClick={() =>
            onChange([
              ...value,
              {
                key: freshKey('milestone', value),
                title: { sv: '', en: '' },
                offsetDays: 0,
                roles: ['adept'],
                onlyFor: '',
              },
            ])
          }
        >
          {t('programmes.processPlan.add')}
        </button>
      )}
    </fieldset>
  );
}

export function EventsSection({ value, path, onChange }: SectionProps<Settings['events']>) {
  const { t } = useTranslation();
  const weeksHint = useWeeksHint();
  const roleOptions = participantRoles.map((role) => ({ value: role, label: t(`common.roles.${role}`) }));
  const newEvent = (): PlannedEvent => ({
    key: freshKey('event', value),
    kind: 'other',
    title: { sv: '', en: '' },
    offsetDays: null,
    durationHours: null,
    forRoles: ['adept', 'mentor'],
  });
  return (
    <fieldset className="section">
      <legend>{t('programmes.events.legend')}</legend>
      {value.length === 0 && <p>{t('programmes.events.none')}</p>}
      {value.map((event, index) => {
        const itemPath = `${path}.${index}`;
        const itemLabel = t('programmes.events.item', { n: index + 1 });
        const set = (patch: Partial<PlannedEvent>) =>
          onChange(replaceAt(value, index, { ...event, ...patch }));
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: an item's only identity is its editable key
          <fieldset key={index} className="list-item">
            <legend>{itemLabel}</legend>
            <FieldGroup label={itemLabel}>
              <ItemControls
                index={index}
                count={value.length}
                itemLabel={itemLabel}
                onMove={(from, to) => onChange(move(value, from, to))}
                onRemove={() => onChange(removeAt(value, index))}
              />
              <div className="field-row">
                <KeyField path={itemPath} value={event.key} onChange={(key) => set({ key })} />
                <SelectField
                  name={`${itemPath}.kind`}
                  label={t('programmes.events.kind')}
                  value={event.kind}
                  options={eventKinds.map((kind) => ({
                    value: kind,
                    label: t(`programmes.events.kinds.${kind}`),
                  }))}
                  onChange={(kind) => set({ kind })}
                />
              </div>
              <LocalizedTextFields
                path={`${itemPath}.title`}
                label={t('programmes.itemTitle')}
                value={event.title}
                onChange={(title) => set({ title })}
              />
              <div className="field-row">
                <NumberField
                  name={`${itemPath}.offsetDays`}
                  label={t('programmes.events.offsetDays')}
                  hint={weeksHint(event.offsetDays) ?? t('programmes.events.offsetDaysHint')}
                  min={0}
                  max={ProgrammeLimits.offsetDaysMax}
                  value={event.offsetDays}
                  onChange={(offsetDays) => set({ offsetDays })}
                />
                <NumberField
                  name={`${itemPath}.durationHours`}
                  label={t('programmes.events.durationHours')}
                  hint={t('programmes.emptyForNone')}
                  min={0.5}
                  max={24}
                  step={0.5}
                  value={event.durationHours}
                  onChange={(durationHours) => set({ durationHours })}
                />
              </div>
              <CheckboxGroup
                name={`${itemPath}.forRoles`}
                legend={t('programmes.events.forRoles')}
                options={roleOptions}
                value={event.forRoles}
                onChange={(forRoles) => set({ forRoles })}
              />
            </FieldGroup>
          </fieldset>
        );
      })}
      {value.length < ProgrammeLimits.eventsMax && (
        <button type="button" className="button" onClick={() => onChange([...value, newEvent()])}>
          {t('programmes.events.add')}
        </button>
      )}
    </fieldset>
  );
}
