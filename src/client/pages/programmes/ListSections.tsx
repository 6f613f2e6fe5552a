import { useTranslation } from 'react-i18next';
import {
  approvers,
  eventKinds,
  type Milestone,
  milestoneCompletions,
  milestoneRoles,
  type PlannedEvent,
  ProgrammeLimits,
  type ProgrammeSettings,
} from '../../../shared/programme.ts';
import { participantRoles } from '../../../shared/roles.ts';
import {
  CheckboxField,
  CheckboxGroup,
  NumberField,
  RadioGroup,
  SelectField,
  TextField,
} from '../../components/Form.tsx';
import { formatNumber } from '../../format.ts';
import { useLocale } from '../../hooks.ts';
import {
  EditorSection,
  KeyField,
  ListEditor,
  LocalizedTextFields,
  type SectionProps,
  useOptionalLabel,
} from './editing.tsx';

type Settings = ProgrammeSettings;
type ApprovalStep = Settings['approvalSteps'][number];

export function ApprovalStepsSection({ value, path, onChange }: SectionProps<Settings['approvalSteps']>) {
  const { t } = useTranslation();
  const participantOptions = participantRoles.map((role) => ({
    value: role,
    label: t(`common.roles.${role}`),
  }));
  return (
    <EditorSection
      id="approvalSteps"
      title={t('programmes.approval.legend')}
      intro={t('programmes.approval.intro')}
    >
      <ListEditor
        items={value}
        path={path}
        onChange={onChange}
        itemLabel={(n) => t('programmes.approval.item', { n })}
        empty={t('programmes.approval.none')}
        max={ProgrammeLimits.approvalStepsMax}
        addLabel={t('programmes.approval.add')}
        newItem={(): ApprovalStep => ({
          key: '',
          approver: 'manager',
          appliesTo: ['adept'],
          approverName: { sv: '', en: '' },
          description: null,
        })}
      >
        {({ item: step, path: itemPath, set }) => (
          <>
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
            <p className="hint">{t('programmes.approval.approverNameHint')}</p>
            <LocalizedTextFields
              path={`${itemPath}.approverName`}
              label={t('programmes.approval.approverName')}
              value={step.approverName}
              onChange={(approverName) => set({ approverName })}
            />
            <StepDescriptionFields
              path={`${itemPath}.description`}
              value={step.description}
              onChange={(description) => set({ description })}
            />
          </>
        )}
      </ListEditor>
    </EditorSection>
  );
}

/** What the approver confirms, a sentence of its own in both languages; both empty means none. */
function StepDescriptionFields({ value, path, onChange }: SectionProps<ApprovalStep['description']>) {
  const { t } = useTranslation();
  const optional = useOptionalLabel();
  const label = t('programmes.approval.description');
  const current = value ?? { sv: '', en: '' };
  const change = (next: { sv: string; en: string }) =>
    onChange(next.sv.trim() === '' && next.en.trim() === '' ? null : next);
  return (
    <div className="field-row">
      <TextField
        name={`${path}.sv`}
        label={optional(t('programmes.inSwedish', { label }))}
        hint={t('programmes.approval.descriptionHint')}
        lang="sv"
        maxLength={ProgrammeLimits.textMax}
        value={current.sv}
        onChange={(sv) => change({ ...current, sv })}
      />
      <TextField
        name={`${path}.en`}
        label={optional(t('programmes.inEnglish', { label }))}
        hint={t('programmes.approval.descriptionHint')}
        lang="en"
        maxLength={ProgrammeLimits.textMax}
        value={current.en}
        onChange={(en) => change({ ...current, en })}
      />
    </div>
  );
}

export function TrainingSection({ value, path, onChange }: SectionProps<Settings['mentorTraining']>) {
  const { t } = useTranslation();
  const optional = useOptionalLabel();
  const steps = value.steps;
  return (
    <EditorSection id="mentorTraining" title={t('programmes.training.legend')}>
      <ListEditor
        items={steps}
        path={`${path}.steps`}
        onChange={(next) => onChange({ ...value, steps: next })}
        itemLabel={(n) => t('programmes.training.item', { n })}
        empty={t('programmes.training.none')}
        max={ProgrammeLimits.trainingStepsMax}
        addLabel={t('programmes.training.add')}
        newItem={() => ({
          key: '',
          title: { sv: '', en: '' },
          practiceMeetings: null,
        })}
      >
        {({ item: step, path: itemPath, set }) => (
          <>
            <div className="field-row">
              <KeyField path={itemPath} value={step.key} onChange={(key) => set({ key })} />
              <NumberField
                name={`${itemPath}.practiceMeetings`}
                label={optional(t('programmes.training.practiceMeetings'))}
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
          </>
        )}
      </ListEditor>
      <CheckboxField
        name={`${path}.yearlyExperienceExchange`}
        label={t('programmes.training.yearlyExchange')}
        checked={value.yearlyExperienceExchange}
        onChange={(yearlyExperienceExchange) => onChange({ ...value, yearlyExperienceExchange })}
      />
    </EditorSection>
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
  const optional = useOptionalLabel();
  const weeksHint = useWeeksHint();
  const roleOptions = milestoneRoles.map((role) => ({
    value: role,
    label: t(`programmes.milestoneRoles.${role}`),
  }));
  const anchorOptions = (['days_from_start', 'meeting', 'date'] as const).map((kind) => ({
    value: kind,
    label: t(`programmes.processPlan.anchors.${kind}`),
  }));
  const completionOptions = (['manual', ...milestoneCompletions] as const).map((value) => ({
    value,
    label: t(`programmes.processPlan.completions.${value}`),
  }));
  return (
    <EditorSection
      id="processPlan"
      title={t('programmes.processPlan.legend')}
      intro={t('programmes.processPlan.intro')}
    >
      <ListEditor
        items={value}
        path={path}
        onChange={onChange}
        itemLabel={(n) => t('programmes.processPlan.item', { n })}
        empty={t('programmes.processPlan.none')}
        max={ProgrammeLimits.milestonesMax}
        addLabel={t('programmes.processPlan.add')}
        newItem={(): Milestone => ({
          key: '',
          title: { sv: '', en: '' },
          offsetDays: 0,
          roles: ['adept'],
          onlyFor: '',
        })}
      >
        {({ item: milestone, path: itemPath, set }) => (
          <>
            <KeyField path={itemPath} value={milestone.key} onChange={(key) => set({ key })} />
            <RadioGroup<'days_from_start' | 'meeting' | 'date'>
              name={`${itemPath}.anchor.kind`}
              legend={t('programmes.processPlan.due')}
              options={anchorOptions}
              value={milestone.anchor?.kind ?? 'days_from_start'}
              onChange={(kind) =>
                set({
                  anchor:
                    kind === 'meeting'
                      ? { kind, number: milestone.anchor?.kind === 'meeting' ? milestone.anchor.number : 3 }
                      : kind === 'date'
                        ? { kind, date: milestone.anchor?.kind === 'date' ? milestone.anchor.date : '' }
                        : null,
                })
              }
            />
            {milestone.anchor?.kind === 'meeting' ? (
              <NumberField
                name={`${itemPath}.anchor.number`}
                label={t('programmes.processPlan.meetingNumber')}
                required
                min={1}
                max={100}
                value={milestone.anchor.number}
                onChange={(number) => set({ anchor: { kind: 'meeting', number: number ?? 1 } })}
              />
            ) : milestone.anchor?.kind === 'date' ? (
              <TextField
                name={`${itemPath}.anchor.date`}
                label={t('programmes.processPlan.date')}
                type="date"
                required
                value={milestone.anchor.date}
                onChange={(date) => set({ anchor: { kind: 'date', date } })}
              />
            ) : (
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
            )}
            <SelectField<(typeof milestoneCompletions)[number] | 'manual'>
              name={`${itemPath}.completesOn`}
              label={t('programmes.processPlan.completesOn')}
              hint={t('programmes.processPlan.completesOnHint')}
              value={milestone.completesOn ?? 'manual'}
              options={completionOptions}
              onChange={(value) => set({ completesOn: value === 'manual' ? null : value })}
            />
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
              label={optional(t('programmes.processPlan.onlyFor'))}
              hint={t('programmes.processPlan.onlyForHint')}
              maxLength={ProgrammeLimits.textMax}
              value={milestone.onlyFor}
              onChange={(onlyFor) => set({ onlyFor })}
            />
          </>
        )}
      </ListEditor>
    </EditorSection>
  );
}

export function EventsSection({ value, path, onChange }: SectionProps<Settings['events']>) {
  const { t } = useTranslation();
  const optional = useOptionalLabel();
  const weeksHint = useWeeksHint();
  const roleOptions = participantRoles.map((role) => ({ value: role, label: t(`common.roles.${role}`) }));
  return (
    <EditorSection id="events" title={t('programmes.events.legend')}>
      <ListEditor
        items={value}
        path={path}
        onChange={onChange}
        itemLabel={(n) => t('programmes.events.item', { n })}
        empty={t('programmes.events.none')}
        max={ProgrammeLimits.eventsMax}
        addLabel={t('programmes.events.add')}
        newItem={(): PlannedEvent => ({
          key: '',
          kind: 'other',
          title: { sv: '', en: '' },
          offsetDays: null,
          durationHours: null,
          forRoles: ['adept', 'mentor'],
        })}
      >
        {({ item: event, path: itemPath, set }) => (
          <>
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
                label={optional(t('programmes.events.offsetDays'))}
                hint={weeksHint(event.offsetDays) ?? t('programmes.events.offsetDaysHint')}
                min={0}
                max={ProgrammeLimits.offsetDaysMax}
                value={event.offsetDays}
                onChange={(offsetDays) => set({ offsetDays })}
              />
              <NumberField
                name={`${itemPath}.durationHours`}
                label={optional(t('programmes.events.durationHours'))}
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
          </>
        )}
      </ListEditor>
    </EditorSection>
  );
}
