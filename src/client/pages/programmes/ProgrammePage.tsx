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
import { DevelopmentAreasSection, PrivacySection, QuestionsSection } from './IntakeSettingsSections.tsx';
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
  const viewer = useViewer();
  const programme = useApiData(`/api/programmes/${id}`, programmeSchema);
  return (
    <Page
      title={programme.data?.name ?? t('programmes.detailTitle')}
      actions={
        (viewer.isAdmin || viewer.isCoordinator) && (
          <Link to={`/programmes/${id}/intake`} className="button button-primary">
            {t('intake.coordinator.link')}
          </Link>
        )
      }
    >
      <p>
        <Link to="/programmes">{t('programmes.backToList')}</Link>
      </p>
      <Loaded state={programme}>
        {(data) => (
          <>
            <ApplyCard programme={data} />
            <ProgrammeEditor programme={data} onSaved={programme.setData} />
            <RoundsSection programmeId={data.id} />
          </>
        )}
      </Loaded>
    </Page>
  );
}

/** Invites members to apply as adept or mentor while the programme is open. */
function ApplyCard({ programme }: { programme: Programme }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="apply-heading">
      <h2 id="apply-heading">{t('intake.apply.cardTitle')}</h2>
      {programme.description && <p>{programme.description}</p>}
      {programme.status === 'open' ? (
        <>
          <p>{t('intake.apply.cardIntro')}</p>
          <p className="form-actions">
            <Link to={`/programmes/${programme.id}/apply/adept`} className="button button-primary">
              {t('intake.apply.asAdept')}
            </Link>
            <Link to={`/programmes/${programme.id}/apply/mentor`} className="button button-primary">
              {t('intake.apply.asMentor')}
            </Link>
            <Link to="/applications">{t('intake.apply.myApplications')}</Link>
          </p>
        </>
      ) : (
        <p>{t('intake.apply.cardClosed', { status: t(`programmes.statuses.${programme.status}`) })}</p>
      )}
    </section>
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
        <DevelopmentAreasSection {...section('developmentAreas')} />
        <QuestionsSection {...section('applicationQuestions')} />
        <PrivacySection {...section('privacy')} />
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
