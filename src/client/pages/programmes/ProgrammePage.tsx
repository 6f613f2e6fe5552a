import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  type Programme,
  ProgrammeLimits,
  type ProgrammeSettings,
  programmeSchema,
  programmeStatuses,
} from '../../../shared/programme.ts';
import { api } from '../../api.ts';
import { Form, SelectField, SubmitButton, TextAreaField, TextField } from '../../components/Form.tsx';
import { Loaded, Page } from '../../components/Page.tsx';
import { formatDateTime } from '../../format.ts';
import { useAction, useApiData, useLocale } from '../../hooks.ts';
import { useViewer } from '../../session.tsx';
import { ApprovalStepsSection, EventsSection, ProcessPlanSection, TrainingSection } from './ListSections.tsx';
import { RoundsSection } from './RoundsSection.tsx';
import {
  CadenceSection,
  DocumentsSection,
  DurationSection,
  EligibilitySection,
  FeeSection,
  IntakeSection,
  MatchingSection,
} from './RuleSections.tsx';

export function ProgrammePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const programme = useApiData(`/api/programmes/${id}`, programmeSchema);
  return (
    <Page title={programme.data?.name ?? t('programmes.detailTitle')}>
      <p>
        <Link to="/programmes">{t('programmes.backToList')}</Link>
      </p>
      <Loaded state={programme}>
        {(data) => (
          <>
            <ProgrammeEditor programme={data} onSaved={programme.setData} />
            <RoundsSection programmeId={data.id} />
          </>
        )}
      </Loaded>
    </Page>
  );
}

function ProgrammeEditor({
  programme,
  onSaved,
}: {
  programme: Programme;
  onSaved(programme: Programme): void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const viewer = useViewer();
  const [name, setName] = useState(programme.name);
  const [description, setDescription] = useState(programme.description);
  const [status, setStatus] = useState(programme.status);
  const [settings, setSettings] = useState(programme.settings);
  const [saved, setSaved] = useState(false);
  const save = useAction();

  async function submit() {
    setSaved(false);
    const body = { name, description, status, settings };
    onSaved(await api.put(`/api/programmes/${programme.id}`, body, programmeSchema));
    setSaved(true);
  }

  /** Binds one part of the settings to its section. */
  function section<K extends keyof ProgrammeSettings>(key: K) {
    return {
      value: settings[key],
      path: `settings.${key}`,
      onChange: (value: ProgrammeSettings[K]) => {
        setSaved(false);
        setSettings((current) => ({ ...current, [key]: value }));
      },
    };
  }

  return (
    <Form action={save} onSubmit={submit} className="form programme-editor">
      <p className="hint">
        {t('programmes.basedOn', {
          template: t(`programmes.templates.${programme.templateKey}`),
          updated: formatDateTime(programme.updatedAt, locale),
        })}
      </p>
      {!viewer.isAdmin && <p className="notice">{t('programmes.readOnly')}</p>}
      {/* A disabled fieldset makes the whole editor read-only for those who may not change it. */}
      <fieldset className="editor-body" disabled={!viewer.isAdmin}>
        <legend className="visually-hidden">{t('programmes.settings')}</legend>
        <fieldset className="section">
          <legend>{t('programmes.general')}</legend>
          <TextField
            name="name"
            label={t('programmes.name')}
            required
            maxLength={ProgrammeLimits.nameMax}
            value={name}
            onChange={setName}
          />
          <TextAreaField
            name="description"
            label={t('programmes.description')}
            maxLength={ProgrammeLimits.descriptionMax}
            value={description}
            onChange={setDescription}
          />
          <SelectField
            name="status"
            label={t('programmes.status')}
            hint={t(`programmes.statusHints.${status}`)}
            value={status}
            options={programmeStatuses.map((s) => ({ value: s, label: t(`programmes.statuses.${s}`) }))}
            onChange={setStatus}
          />
        </fieldset>
        <IntakeSection {...section('intake')} />
        <EligibilitySection {...section('eligibility')} />
        <ApprovalStepsSection {...section('approvalSteps')} />
        <TrainingSection {...section('mentorTraining')} />
        <MatchingSection {...section('matching')} />
        <DurationSection {...section('duration')} />
        <CadenceSection {...section('cadence')} />
        <ProcessPlanSection {...section('processPlan')} />
        <EventsSection {...section('events')} />
        <FeeSection {...section('fee')} />
        <DocumentsSection {...section('documents')} />
        <div className="form-actions sticky-actions">
          <SubmitButton action={save}>{t('programmes.save')}</SubmitButton>
          <span role="status">{saved && t('common.saved')}</span>
        </div>
      </fieldset>
    </Form>
  );
}
