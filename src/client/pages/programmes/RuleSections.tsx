import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import {
  crossOrganisationRules,
  defaultMatchingWeights,
  feeBases,
  firstContactRoles,
  intakeModes,
  type MatchingWeights,
  matchingCriteria,
  ProgrammeLimits,
  type ProgrammeSettings,
} from '../../../shared/programme.ts';
import type { ParticipantRole } from '../../../shared/roles.ts';
import {
  CheckboxField,
  Field,
  FieldGroup,
  NumberField,
  RadioGroup,
  SelectField,
  TextAreaField,
  TextField,
} from '../../components/Form.tsx';
import { formatMoney, formatNumber } from '../../format.ts';
import { useLocale } from '../../hooks.ts';
import {
  EditorSection,
  KeyField,
  ListEditor,
  LocalizedTextFields,
  removeAt,
  replaceAt,
  type SectionProps,
  useOptionalLabel,
} from './editing.tsx';

type Settings = ProgrammeSettings;

export function IntakeSection({ value, path, onChange }: SectionProps<Settings['intake']>) {
  const { t } = useTranslation();
  return (
    <EditorSection id="intake" title={t('programmes.intake.legend')}>
      <SelectField
        name={`${path}.mode`}
        label={t('programmes.intake.mode')}
        hint={t(`programmes.intake.modeHints.${value.mode}`)}
        value={value.mode}
        options={intakeModes.map((mode) => ({ value: mode, label: t(`programmes.intake.modes.${mode}`) }))}
        onChange={(mode) => onChange({ ...value, mode })}
      />
      <NumberField
        name={`${path}.approvalReminderDays`}
        label={t('programmes.intake.approvalReminderDays')}
        hint={t('programmes.intake.approvalReminderDaysHint')}
        required
        min={1}
        max={60}
        value={value.approvalReminderDays}
        onChange={(approvalReminderDays) =>
          onChange({ ...value, approvalReminderDays: approvalReminderDays ?? 5 })
        }
      />
    </EditorSection>
  );
}

export function EligibilitySection({ value, path, onChange }: SectionProps<Settings['eligibility']>) {
  const { t } = useTranslation();
  const optional = useOptionalLabel();
  const roles: ParticipantRole[] = ['adept', 'mentor'];
  return (
    <EditorSection id="eligibility" title={t('programmes.eligibility.legend')}>
      <div className="columns">
        {roles.map((role) => {
          const rule = value[role];
          const rulePath = `${path}.${role}`;
          const set = (patch: Partial<typeof rule>) => onChange({ ...value, [role]: { ...rule, ...patch } });
          return (
            <fieldset key={role} className="subsection">
              <legend>{t(`programmes.eligibility.for.${role}`)}</legend>
              <NumberField
                name={`${rulePath}.minMonthsManagingStaff`}
                label={optional(t('programmes.eligibility.minMonths'))}
                hint={t('programmes.emptyForNone')}
                min={0}
                max={600}
                value={rule.minMonthsManagingStaff}
                onChange={(minMonthsManagingStaff) => set({ minMonthsManagingStaff })}
              />
              <CheckboxField
                name={`${rulePath}.experienceMustBeDocumented`}
                label={t('programmes.eligibility.documented')}
                checked={rule.experienceMustBeDocumented}
                onChange={(experienceMustBeDocumented) => set({ experienceMustBeDocumented })}
              />
              {role === 'mentor' && (
                <NumberField
                  name={`${rulePath}.minCapacity`}
                  label={optional(t('programmes.eligibility.minCapacity'))}
                  hint={t('programmes.emptyForNone')}
                  min={1}
                  max={20}
                  value={rule.minCapacity}
                  onChange={(minCapacity) => set({ minCapacity })}
                />
              )}
              <CheckboxField
                name={`${rulePath}.requiresMentorTraining`}
                label={t('programmes.eligibility.requiresTraining')}
                checked={rule.requiresMentorTraining}
                onChange={(requiresMentorTraining) => set({ requiresMentorTraining })}
              />
              <TextAreaField
                name={`${rulePath}.otherCriteria`}
                label={optional(t('programmes.eligibility.otherCriteria'))}
                hint={t('programmes.eligibility.otherCriteriaHint')}
                rows={3}
                maxLength={ProgrammeLimits.textMax}
                value={rule.otherCriteria}
                onChange={(otherCriteria) => set({ otherCriteria })}
              />
            </fieldset>
          );
        })}
      </div>
      <CheckboxField
        name={`${path}.allowExceptions`}
        label={t('programmes.eligibility.allowExceptions')}
        checked={value.allowExceptions}
        onChange={(allowExceptions) => onChange({ ...value, allowExceptions })}
      />
    </EditorSection>
  );
}

export function MatchingSection({ value, path, onChange }: SectionProps<Settings['matching']>) {
  const { t } = useTranslation();
  const optional = useOptionalLabel();
  return (
    <EditorSection id="matching" title={t('programmes.matching.legend')}>
      <SelectField
        name={`${path}.crossOrganisation`}
        label={t('programmes.matching.crossOrganisation')}
        value={value.crossOrganisation}
        options={crossOrganisationRules.map((rule) => ({
          value: rule,
          label: t(`programmes.matching.crossOrganisationRules.${rule}`),
        }))}
        onChange={(crossOrganisation) => onChange({ ...value, crossOrganisation })}
      />
      <CheckboxField
        name={`${path}.excludeDependency`}
        label={t('programmes.matching.excludeDependency')}
        checked={value.excludeDependency}
        onChange={(excludeDependency) => onChange({ ...value, excludeDependency })}
      />
      <CheckboxField
        name={`${path}.mentorLevelAtLeastAdept`}
        label={t('programmes.matching.mentorLevel')}
        checked={value.mentorLevelAtLeastAdept}
        onChange={(mentorLevelAtLeastAdept) => onChange({ ...value, mentorLevelAtLeastAdept })}
      />
      <TextField
        name={`${path}.advisorRole`}
        label={optional(t('programmes.matching.advisorRole'))}
        hint={t('programmes.matching.advisorRoleHint')}
        maxLength={ProgrammeLimits.textMax}
        value={value.advisorRole}
        onChange={(advisorRole) => onChange({ ...value, advisorRole })}
      />
      <WeightsFields
        value={value.weights}
        path={`${path}.weights`}
        onChange={(weights) => onChange({ ...value, weights })}
      />
      <RadioGroup
        name={`${path}.firstContact`}
        legend={t('programmes.matching.firstContact')}
        hint={t('programmes.matching.firstContactHint')}
        options={firstContactRoles.map((role) => ({
          value: role,
          label: t(`programmes.matching.firstContactOptions.${role}`),
        }))}
        value={value.firstContact}
        onChange={(firstContact) => onChange({ ...value, firstContact })}
      />
    </EditorSection>
  );
}

const weightMax = 1000;

function isWeight(weight: number): boolean {
  return Number.isInteger(weight) && weight >= 0 && weight <= weightMax;
}

/**
 * The matching weights as stored (0–1000), one field per criterion in the engine's order, each
 * with its share of the points beside it. The whole-object error (all weights 0) shows at the sum.
 */
function WeightsFields({ value, path, onChange }: SectionProps<MatchingWeights>) {
  const { t } = useTranslation();
  const locale = useLocale();
  const hintId = useId();
  const total = matchingCriteria.reduce(
    (sum, criterion) => sum + (isWeight(value[criterion]) ? value[criterion] : 0),
    0,
  );
  function share(weight: number): string | undefined {
    if (!isWeight(weight)) return undefined;
    if (weight === 0) return t('programmes.matching.weightUnused');
    const percent = (weight / total) * 100;
    return percent < 1
      ? t('programmes.matching.weightShareBelowOne')
      : t('programmes.matching.weightShare', { percent: formatNumber(Math.round(percent), locale) });
  }
  return (
    <fieldset className="subsection weights" aria-describedby={hintId}>
      <legend>{t('programmes.matching.weights')}</legend>
      <p className="hint" id={hintId}>
        {t('programmes.matching.weightsHint')}
      </p>
      <div className="weights-list">
        <FieldGroup label={t('programmes.matching.weightsGroup')}>
          {matchingCriteria.map((criterion) => (
            <NumberField
              key={criterion}
              name={`${path}.${criterion}`}
              label={t(`matching.criteria.${criterion}`)}
              hint={share(value[criterion])}
              required
              min={0}
              max={weightMax}
              value={value[criterion]}
              onChange={(weight) => onChange({ ...value, [criterion]: weight ?? value[criterion] })}
            />
          ))}
        </FieldGroup>
        <Field name={path} label={t('programmes.matching.weightsTotal')} className="weights-total">
          {({ id, name, 'aria-describedby': describedBy }) => (
            <output id={id} name={name} aria-describedby={describedBy} aria-live="off" tabIndex={-1}>
              {formatNumber(total, locale)}
            </output>
          )}
        </Field>
      </div>
      <div>
        <button type="button" className="button" onClick={() => onChange({ ...defaultMatchingWeights })}>
          {t('programmes.matching.resetWeights')}
        </button>
      </div>
    </fieldset>
  );
}

export function DurationSection({ value, path, onChange }: SectionProps<Settings['duration']>) {
  const { t } = useTranslation();
  const extendable = value.extensionMonths !== null;
  return (
    <EditorSection id="duration" title={t('programmes.duration.legend')}>
      <NumberField
        name={`${path}.months`}
        label={t('programmes.duration.months')}
        required
        min={1}
        max={ProgrammeLimits.durationMonthsMax}
        value={value.months}
        onChange={(months) => onChange({ ...value, months: months ?? value.months })}
      />
      <CheckboxField
        name={`${path}.extendable`}
        label={t('programmes.duration.extendable')}
        checked={extendable}
        onChange={(checked) =>
          onChange({ ...value, extensionMonths: checked ? 12 : null, maxExtensions: checked ? 1 : 0 })
        }
      />
      {extendable && (
        <div className="field-row">
          <NumberField
            name={`${path}.extensionMonths`}
            label={t('programmes.duration.extensionMonths')}
            required
            min={1}
            max={ProgrammeLimits.durationMonthsMax}
            value={value.extensionMonths}
            onChange={(extensionMonths) => onChange({ ...value, extensionMonths })}
          />
          <NumberField
            name={`${path}.maxExtensions`}
            label={t('programmes.duration.maxExtensions')}
            required
            min={0}
            max={5}
            value={value.maxExtensions}
            onChange={(maxExtensions) =>
              onChange({ ...value, maxExtensions: maxExtensions ?? value.maxExtensions })
            }
          />
        </div>
      )}
    </EditorSection>
  );
}

export function CadenceSection({ value, path, onChange }: SectionProps<Settings['cadence']>) {
  const { t } = useTranslation();
  const optional = useOptionalLabel();
  const set = (patch: Partial<Settings['cadence']>) => onChange({ ...value, ...patch });
  return (
    <EditorSection id="cadence" title={t('programmes.cadence.legend')}>
      <div className="field-row">
        <NumberField
          name={`${path}.meetingEveryWeeksMin`}
          label={t('programmes.cadence.weeksMin')}
          required
          min={1}
          max={26}
          value={value.meetingEveryWeeksMin}
          onChange={(n) => set({ meetingEveryWeeksMin: n ?? value.meetingEveryWeeksMin })}
        />
        <NumberField
          name={`${path}.meetingEveryWeeksMax`}
          label={t('programmes.cadence.weeksMax')}
          required
          min={1}
          max={26}
          value={value.meetingEveryWeeksMax}
          onChange={(n) => set({ meetingEveryWeeksMax: n ?? value.meetingEveryWeeksMax })}
        />
      </div>
      <div className="field-row">
        <NumberField
          name={`${path}.meetingHoursMin`}
          label={t('programmes.cadence.hoursMin')}
          required
          min={0.25}
          max={8}
          step={0.25}
          value={value.meetingHoursMin}
          onChange={(n) => set({ meetingHoursMin: n ?? value.meetingHoursMin })}
        />
        <NumberField
          name={`${path}.meetingHoursMax`}
          label={t('programmes.cadence.hoursMax')}
          required
          min={0.25}
          max={8}
          step={0.25}
          value={value.meetingHoursMax}
          onChange={(n) => set({ meetingHoursMax: n ?? value.meetingHoursMax })}
        />
      </div>
      <NumberField
        name={`${path}.expectedMeetings`}
        label={optional(t('programmes.cadence.expectedMeetings'))}
        hint={t('programmes.emptyForNone')}
        min={1}
        max={100}
        value={value.expectedMeetings}
        onChange={(expectedMeetings) => set({ expectedMeetings })}
      />
      <TextField
        name={`${path}.usualPlace`}
        label={optional(t('programmes.cadence.usualPlace'))}
        hint={t('programmes.cadence.usualPlaceHint')}
        maxLength={ProgrammeLimits.textMax}
        value={value.usualPlace}
        onChange={(usualPlace) => set({ usualPlace })}
      />
    </EditorSection>
  );
}

export function FeeSection({ value, path, onChange }: SectionProps<Settings['fee']>) {
  const { t } = useTranslation();
  const optional = useOptionalLabel();
  const locale = useLocale();
  return (
    <EditorSection id="fee" title={t('programmes.fee.legend')}>
      <SelectField
        name={`${path}.basis`}
        label={t('programmes.fee.basis')}
        value={value.basis}
        options={feeBases.map((basis) => ({ value: basis, label: t(`programmes.fee.bases.${basis}`) }))}
        onChange={(basis) => onChange({ ...value, basis, amountOre: basis === 'none' ? 0 : value.amountOre })}
      />
      {value.basis !== 'none' && (
        <NumberField
          name={`${path}.amountOre`}
          label={t('programmes.fee.amount')}
          hint={t('programmes.fee.amountHint', { amount: formatMoney(value.amountOre, locale) })}
          required
          min={0}
          max={ProgrammeLimits.feeOreMax / 100}
          step={0.01}
          value={value.amountOre / 100}
          onChange={(kronor) => onChange({ ...value, amountOre: Math.round((kronor ?? 0) * 100) })}
        />
      )}
      <TextField
        name={`${path}.note`}
        label={optional(t('programmes.fee.note'))}
        maxLength={ProgrammeLimits.textMax}
        value={value.note}
        onChange={(note) => onChange({ ...value, note })}
      />
    </EditorSection>
  );
}

const documentFlags = [
  'contract',
  'confidentialityAgreement',
  'ethicsGuidelines',
  'mentorBook',
  'leaderProfile',
] as const;

export function DocumentsSection({ value, path, onChange }: SectionProps<Settings['documents']>) {
  const { t } = useTranslation();
  const reading = value.recommendedReading;
  return (
    <EditorSection id="documents" title={t('programmes.documents.legend')}>
      {documentFlags.map((flag) => (
        <CheckboxField
          key={flag}
          name={`${path}.${flag}`}
          label={t(`programmes.documents.${flag}`)}
          checked={value[flag]}
          onChange={(checked) => onChange({ ...value, [flag]: checked })}
        />
      ))}
      <fieldset className="subsection">
        <legend>{t('programmes.documents.reading')}</legend>
        {reading.length === 0 && <p>{t('programmes.documents.noReading')}</p>}
        <ol className="plain-list">
          {reading.map((title, index) => {
            const itemLabel = t('programmes.documents.readingItem', { n: index + 1 });
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: titles are edited in place and may repeat
              <li key={index} className="inline-item">
                <TextField
                  name={`${path}.recommendedReading.${index}`}
                  label={itemLabel}
                  required
                  maxLength={ProgrammeLimits.textMax}
                  value={title}
                  onChange={(text) =>
                    onChange({ ...value, recommendedReading: replaceAt(reading, index, text) })
                  }
                />
                <button
                  type="button"
                  className="button button-small button-danger"
                  aria-label={t('programmes.remove', { item: itemLabel })}
                  onClick={() => onChange({ ...value, recommendedReading: removeAt(reading, index) })}
                >
                  {t('programmes.removeShort')}
                </button>
              </li>
            );
          })}
        </ol>
        {reading.length < ProgrammeLimits.readingMax && (
          <button
            type="button"
            className="button"
            onClick={() => onChange({ ...value, recommendedReading: [...reading, ''] })}
          >
            {t('programmes.documents.addReading')}
          </button>
        )}
      </fieldset>
      <NumberField
        name={`${path}.retentionMonthsAfterClosing`}
        label={t('programmes.documents.retention')}
        hint={t('programmes.documents.retentionHint')}
        required
        min={1}
        max={ProgrammeLimits.retentionMonthsMax}
        value={value.retentionMonthsAfterClosing}
        onChange={(months) =>
          onChange({ ...value, retentionMonthsAfterClosing: months ?? value.retentionMonthsAfterClosing })
        }
      />
      {value.contract && <ContractFields value={value} path={path} onChange={onChange} />}
      {value.confidentialityAgreement && (
        <fieldset className="subsection">
          <legend>{t('programmes.documents.confidentialityText')}</legend>
          <p className="hint">{t('programmes.documents.signaturesHint')}</p>
          <div className="field-row">
            {(['sv', 'en'] as const).map((lang) => (
              <TextAreaField
                key={lang}
                name={`${path}.confidentialityText.${lang}`}
                label={t(lang === 'sv' ? 'programmes.inSwedish' : 'programmes.inEnglish', {
                  label: t('programmes.documents.confidentialityText'),
                })}
                maxLength={ProgrammeLimits.descriptionMax}
                rows={8}
                value={value.confidentialityText[lang]}
                onChange={(text) =>
                  onChange({ ...value, confidentialityText: { ...value.confidentialityText, [lang]: text } })
                }
              />
            ))}
          </div>
        </fieldset>
      )}
    </EditorSection>
  );
}

/** The collaboration contract: the fixed rules it states, and the questions the pair answers together. */
function ContractFields({ value, path, onChange }: SectionProps<Settings['documents']>) {
  const { t } = useTranslation();
  return (
    <fieldset className="subsection">
      <legend>{t('programmes.documents.contractLegend')}</legend>
      <p className="hint">{t('programmes.documents.signaturesHint')}</p>
      <h3>{t('programmes.documents.contractRules')}</h3>
      <ListEditor
        items={value.contractRules}
        path={`${path}.contractRules`}
        onChange={(contractRules) => onChange({ ...value, contractRules })}
        itemLabel={(n) => t('programmes.documents.contractRule', { n })}
        empty={t('programmes.documents.noContractRules')}
        max={ProgrammeLimits.questionsMax}
        addLabel={t('programmes.documents.addContractRule')}
        newItem={() => ({ sv: '', en: '' })}
      >
        {({ item, path: itemPath, set }) => (
          <LocalizedTextFields
            path={itemPath}
            label={t('programmes.documents.contractRuleText')}
            value={item}
            onChange={(text) => set(text)}
          />
        )}
      </ListEditor>
      <h3>{t('programmes.documents.contractQuestions')}</h3>
      <ListEditor
        items={value.contractQuestions}
        path={`${path}.contractQuestions`}
        onChange={(contractQuestions) => onChange({ ...value, contractQuestions })}
        itemLabel={(n) => t('programmes.documents.contractQuestion', { n })}
        empty={t('programmes.documents.noContractQuestions')}
        max={ProgrammeLimits.questionsMax}
        addLabel={t('programmes.documents.addContractQuestion')}
        newItem={() => ({ key: '', label: { sv: '', en: '' } })}
      >
        {({ item, path: itemPath, set }) => (
          <>
            <KeyField path={itemPath} value={item.key} onChange={(key) => set({ key })} />
            <LocalizedTextFields
              path={`${itemPath}.label`}
              label={t('programmes.documents.contractQuestionText')}
              value={item.label}
              onChange={(label) => set({ label })}
            />
          </>
        )}
      </ListEditor>
    </fieldset>
  );
}
