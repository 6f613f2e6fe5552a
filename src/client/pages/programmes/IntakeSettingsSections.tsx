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
import { EditorSection, KeyField, ListEditor, LocalizedTextFields, type SectionProps } from './editing.tsx';

type Settings = ProgrammeSettings;
type Purpose = Settings['privacy']['purposes'][number];

export function DevelopmentAreasSection({
  value,
  path,
  onChange,
}: SectionProps<Settings['developmentAreas']>) {
  const { t } = useTranslation();
  return (
    <EditorSection
      id="developmentAreas"
      title={t('programmes.areas.legend')}
      intro={t('programmes.areas.intro')}
    >
      <ListEditor
        items={value}
        path={path}
        onChange={onChange}
        itemLabel={(n) => t('programmes.areas.item', { n })}
        max={ProgrammeLimits.developmentAreasMax}
        addLabel={t('programmes.areas.add')}
        newItem={() => ({ key: '', label: { sv: '', en: '' } })}
      >
        {({ item: area, path: itemPath, set }) => (
          <>
            <KeyField path={itemPath} value={area.key} onChange={(key) => set({ key })} />
            <LocalizedTextFields
              path={`${itemPath}.label`}
              label={t('programmes.areas.label')}
              value={area.label}
              onChange={(label) => set({ label })}
            />
          </>
        )}
      </ListEditor>
    </EditorSection>
  );
}

const choiceTypes: readonly ApplicationQuestion['type'][] = ['choice', 'multiple_choice'];

export function QuestionsSection({ value, path, onChange }: SectionProps<Settings['applicationQuestions']>) {
  const { t } = useTranslation();
  const roleOptions = participantRoles.map((role) => ({ value: role, label: t(`common.roles.${role}`) }));
  return (
    <EditorSection
      id="applicationQuestions"
      title={t('programmes.questions.legend')}
      intro={t('programmes.questions.intro')}
    >
      <ListEditor
        items={value}
        path={path}
        onChange={onChange}
        itemLabel={(n) => t('programmes.questions.item', { n })}
        empty={t('programmes.questions.none')}
        max={ProgrammeLimits.questionsMax}
        addLabel={t('programmes.questions.add')}
        newItem={(): ApplicationQuestion => ({
          key: '',
          forRoles: ['adept'],
          type: 'text',
          label: { sv: '', en: '' },
          options: [],
          scaleMax: null,
          required: false,
          private: false,
        })}
      >
        {({ item: question, path: itemPath, label: itemLabel, set }) => (
          <>
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
                    options: choiceTypes.includes(type) ? question.options : [],
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
                  <ListEditor
                    items={question.options}
                    path={`${itemPath}.options`}
                    onChange={(options) => set({ options })}
                    itemLabel={(n) => t('programmes.questions.option', { n })}
                    controlsPrefix={itemLabel}
                    max={20}
                    compact
                    addLabel={t('programmes.questions.addOption')}
                    newItem={() => ({ key: '', label: { sv: '', en: '' } })}
                  >
                    {({ item: option, path: optionPath, set: setOption }) => (
                      <>
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
                      </>
                    )}
                  </ListEditor>
                </FieldGroup>
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
          </>
        )}
      </ListEditor>
    </EditorSection>
  );
}

export function PrivacySection({ value, path, onChange }: SectionProps<Settings['privacy']>) {
  const { t } = useTranslation();
  return (
    <EditorSection id="privacy" title={t('programmes.privacy.legend')}>
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
      <ListEditor
        items={value.purposes}
        path={`${path}.purposes`}
        onChange={(purposes) => onChange({ ...value, purposes })}
        itemLabel={(n) => t('programmes.privacy.item', { n })}
        max={10}
        addLabel={t('programmes.privacy.add')}
        newItem={(): Purpose => ({
          key: '',
          label: { sv: '', en: '' },
          legalBasis: 'consent',
          optional: true,
        })}
      >
        {({ item: purpose, path: itemPath, set }) => (
          <>
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
          </>
        )}
      </ListEditor>
    </EditorSection>
  );
}
