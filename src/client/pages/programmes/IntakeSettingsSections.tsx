import { useTranslation } from 'react-i18next';
import {
  type ApplicationQuestion,
  legalBasisKeys,
  ProgrammeLimits,
  type ProgrammeSettings,
  questionTypes,
} from '../../../shared/programme.ts';
import { participantRoles } from '../../../shared/roles.ts';
import {
  CheckboxField,
  CheckboxGroup,
  FieldGroup,
  NumberField,
  SelectField,
  TextAreaField,
} from '../../components/Form.tsx';
import {
  freshKey,
  ItemControls,
  LocalizedTextFields,
  move,
  removeAt,
  replaceAt,
  type SectionProps,
} from './editing.tsx';
import { KeyField } from './ListSections.tsx';

type Settings = ProgrammeSettings;

export function DevelopmentAreasSection({
  value,
  path,
  onChange,
}: SectionProps<Settings['developmentAreas']>) {
  const { t } = useTranslation();
  return (
    <fieldset className="section">
      <legend>{t('programmes.areas.legend')}</legend>
      <p className="hint">{t('programmes.areas.intro')}</p>
      {value.map((area, index) => {
        const itemPath = `${path}.${index}`;
        const itemLabel = t('programmes.areas.item', { n: index + 1 });
        const set = (patch: Partial<typeof area>) => onChange(replaceAt(value, index, { ...area, ...patch }));
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
              <KeyField path={itemPath} value={area.key} onChange={(key) => set({ key })} />
              <LocalizedTextFields
                path={`${itemPath}.label`}
                label={t('programmes.areas.label')}
                value={area.label}
                onChange={(label) => set({ label })}
              />
            </FieldGroup>
          </fieldset>
        );
      })}
      {value.length < ProgrammeLimits.developmentAreasMax && (
        <button
          type="button"
          className="button"
          onClick={() => onChange([...value, { key: freshKey('area', value), label: { sv: '', en: '' } }])}
        >
          {t('programmes.areas.add')}
        </button>
      )}
    </fieldset>
  );
}

const choiceTypes: readonly ApplicationQuestion['type'][] = ['choice', 'multiple_choice'];

export function QuestionsSection({ value, path, onChange }: SectionProps<Settings['applicationQuestions']>) {
  const { t } = useTranslation();
  const roleOptions = participantRoles.map((role) => ({ value: role, label: t(`common.roles.${role}`) }));
  return (
    <fieldset className="section">
      <legend>{t('programmes.questions.legend')}</legend>
      <p className="hint">{t('programmes.questions.intro')}</p>
      {value.length === 0 && <p>{t('programmes.questions.none')}</p>}
      {value.map((question, index) => {
        const itemPath = `${path}.${index}`;
        const itemLabel = t('programmes.questions.item', { n: index + 1 });
        const set = (patch: Partial<ApplicationQuestion>) =>
          onChange(replaceAt(value, index, { ...question, ...patch }));
        const options = question.options;
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
                <KeyField path={itemPath} value={question.key} onChange={(key) => set({ key })} />
                <SelectField
                  name={`${itemPath}.type`}
                  label={t('programmes.questions.type')}
                  value={question.type}
                  options={questionTypes.map((type) => ({
                    value: type,
                    label: t(`programmes.questions.types.${type}`),
                  }))}
                  onChange={(type) =>
                    set({
                      type,
                      scaleMax: type === 'scale' ? (question.scaleMax ?? 5) : null,
                      options: choiceTypes.includes(type) ? options : [],
                    })
                  }
                />
              </div>
              <LocalizedTextFields
                path={`${itemPath}.label`}
                label={t('programmes.questions.label')}
                value={question.label}
                onChange={(label) => set({ label })}
              />
              <CheckboxGroup
                name={`${itemPath}.forRoles`}
                legend={t('programmes.questions.forRoles')}
                options={roleOptions}
                value={question.forRoles}
                onChange={(forRoles) => set({ forRoles })}
              />
              {question.type === 'scale' && (
                <NumberField
                  name={`${itemPath}.scaleMax`}
                  label={t('programmes.questions.scaleMax')}
                  hint={t('programmes.questions.scaleMaxHint')}
                  required
                  min={2}
                  max={10}
                  value={question.scaleMax}
                  onChange={(scaleMax) => set({ scaleMax })}
                />
              )}
              {choiceTypes.includes(question.type) && (
                <fieldset className="subsection">
                  <legend>{t('programmes.questions.options')}</legend>
                  <FieldGroup label={t('programmes.questions.options')}>
                    {options.map((option, optionIndex) => {
                      const optionPath = `${itemPath}.options.${optionIndex}`;
                      const optionLabel = t('programmes.questions.option', { n: optionIndex + 1 });
                      const setOption = (patch: Partial<typeof option>) =>
                        set({ options: replaceAt(options, optionIndex, { ...option, ...patch }) });
                      return (
                        // biome-ignore lint/suspicious/noArrayIndexKey: an option's only identity is its editable key
                        <fieldset key={optionIndex} className="list-item">
                          <legend>{optionLabel}</legend>
                          <FieldGroup label={optionLabel}>
                            <ItemControls
                              index={optionIndex}
                              count={options.length}
                              itemLabel={`${itemLabel}, ${optionLabel}`}
                              onMove={(from, to) => set({ options: move(options, from, to) })}
                              onRemove={() => set({ options: removeAt(options, optionIndex) })}
                            />
                            <KeyField
                              path={optionPath}
                              value={option.key}
                              onChange={(key) => setOption({ key })}
                            />
                            <LocalizedTextFields
                              path={`${optionPath}.label`}
                              label={t('programmes.questions.optionLabel')}
                              value={option.label}
                              onChange={(label) => setOption({ label })}
                            />
                          </FieldGroup>
                        </fieldset>
                      );
                    })}
                  </FieldGroup>
                  {options.length < 20 && (
                    <button
                      type="button"
                      className="button button-small"
                      onClick={() =>
                        set({
                          options: [
                            ...options,
                            { key: freshKey('option', options), label: { sv: '', en: '' } },
                          ],
                        })
                      }
                    >
                      {t('programmes.questions.addOption')}
                    </button>
                  )}
                </fieldset>
              )}
              <CheckboxField
                name={`${itemPath}.required`}
                label={t('programmes.questions.required')}
                checked={question.required}
                onChange={(required) => set({ required })}
              />
              <CheckboxField
                name={`${itemPath}.private`}
                label={t('programmes.questions.private')}
                checked={question.private}
                onChange={(isPrivate) => set({ private: isPrivate })}
              />
            </FieldGroup>
          </fieldset>
        );
      })}
      {value.length < ProgrammeLimits.questionsMax && (
        <button
          type="button"
          className="button"
          onClick={() =>
            onChange([
              ...value,
              {
                key: freshKey('question', value),
                forRoles: ['adept'],
                type: 'text',
                label: { sv: '', en: '' },
                options: [],
                scaleMax: null,
                required: false,
                private: false,
              },
            ])
          }
        >
          {t('programmes.questions.add')}
        </button>
      )}
    </fieldset>
  );
}

export function PrivacySection({ value, path, onChange }: SectionProps<Settings['privacy']>) {
  const { t } = useTranslation();
  const purposes = value.purposes;
  const setPurposes = (next: typeof purposes) => onChange({ ...value, purposes: next });
  return (
    <fieldset className="section">
      <legend>{t('programmes.privacy.legend')}</legend>
      <p className="notice">{t('programmes.privacy.versionHint')}</p>
      <div className="field-row">
        <TextAreaField
          name={`${path}.noticeText.sv`}
          label={t('programmes.inSwedish', { label: t('programmes.privacy.noticeText') })}
          maxLength={ProgrammeLimits.descriptionMax}
          rows={8}
          value={value.noticeText.sv}
          onChange={(sv) => onChange({ ...value, noticeText: { ...value.noticeText, sv } })}
        />
        <TextAreaField
          name={`${path}.noticeText.en`}
          label={t('programmes.inEnglish', { label: t('programmes.privacy.noticeText') })}
          maxLength={ProgrammeLimits.descriptionMax}
          rows={8}
          value={value.noticeText.en}
          onChange={(en) => onChange({ ...value, noticeText: { ...value.noticeText, en } })}
        />
      </div>
      <p className="hint">{t('programmes.privacy.purposesIntro')}</p>
      {purposes.map((purpose, index) => {
        const itemPath = `${path}.purposes.${index}`;
        const itemLabel = t('programmes.privacy.item', { n: index + 1 });
        const set = (patch: Partial<typeof purpose>) =>
          setPurposes(replaceAt(purposes, index, { ...purpose, ...patch }));
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: an item's only identity is its editable key
          <fieldset key={index} className="list-item">
            <legend>{itemLabel}</legend>
            <FieldGroup label={itemLabel}>
              <ItemControls
                index={index}
                count={purposes.length}
                itemLabel={itemLabel}
                onMove={(from, to) => setPurposes(move(purposes, from, to))}
                onRemove={() => setPurposes(removeAt(purposes, index))}
              />
              <div className="field-row">
                <KeyField path={itemPath} value={purpose.key} onChange={(key) => set({ key })} />
                <SelectField
                  name={`${itemPath}.legalBasis`}
                  label={t('programmes.privacy.legalBasis')}
                  value={purpose.legalBasis}
                  options={legalBasisKeys.map((basis) => ({
                    value: basis,
                    label: t(`intake.legalBases.${basis}`),
                  }))}
                  onChange={(legalBasis) =>
                    set({ legalBasis, optional: legalBasis === 'consent' ? true : purpose.optional })
                  }
                />
              </div>
              <LocalizedTextFields
                path={`${itemPath}.label`}
                label={t('programmes.privacy.purposeLabel')}
                value={purpose.label}
                onChange={(label) => set({ label })}
              />
              <CheckboxField
                name={`${itemPath}.optional`}
                label={t('programmes.privacy.optional')}
                checked={purpose.optional}
                onChange={(optional) => set({ optional })}
              />
            </FieldGroup>
          </fieldset>
        );
      })}
      {purposes.length < 10 && (
        <button
          type="button"
          className="button"
          onClick={() =>
            setPurposes([
              ...purposes,
              {
                key: freshKey('purpose', purposes),
                label: { sv: '', en: '' },
                legalBasis: 'consent',
                optional: true,
              },
            ])
          }
        >
          {t('programmes.privacy.add')}
        </button>
      )}
    </fieldset>
  );
}
