import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
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
import { useUnsavedChangesWarning } from '../../components/UnsavedChanges.tsx';
import { formatDateTime } from '../../format.ts';
import { useAction, useApiData, useLocale } from '../../hooks.ts';
import { useViewer } from '../../session.tsx';
import { EditorSection, ShowKeysContext, useOptionalLabel } from './editing.tsx';
import { DevelopmentAreasSection, PrivacySection, QuestionsSection } from './IntakeSettingsSections.tsx';
import { withGeneratedKeys } from './keys.ts';
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

/**
 * The editor's views, in menu order: which top-level fields and which parts of the settings each
 * holds, so that an error from the server can be traced to the view that shows its field.
 */
const views = [
  { id: 'general', fields: ['name', 'description', 'status'], settings: ['intake'] },
  { id: 'rounds', fields: [], settings: [] },
  { id: 'eligibility', fields: [], settings: ['eligibility'] },
  { id: 'approvals', fields: [], settings: ['approvalSteps'] },
  { id: 'form', fields: [], settings: ['developmentAreas', 'applicationQuestions'] },
  { id: 'privacy', fields: [], settings: ['privacy'] },
  { id: 'training', fields: [], settings: ['mentorTraining'] },
  { id: 'matching', fields: [], settings: ['matching'] },
  { id: 'length', fields: [], settings: ['duration', 'cadence'] },
  { id: 'process', fields: [], settings: ['processPlan'] },
  { id: 'events', fields: [], settings: ['events'] },
  { id: 'fee', fields: [], settings: ['fee'] },
  { id: 'documents', fields: [], settings: ['documents'] },
] as const satisfies readonly {
  id: string;
  fields: readonly string[];
  settings: readonly (keyof ProgrammeSettings)[];
}[];

type ViewId = (typeof views)[number]['id'];

function isViewId(value: string | null): value is ViewId {
  return views.some((view) => view.id === value);
}

/** The view that shows the field an error names ("settings.cadence.meetingHoursMax" → "length"). */
export function viewOfField(field: string): ViewId | null {
  const [head = '', key = ''] = field.split('.');
  const view = views.find((v) =>
    head === 'settings'
      ? (v.settings as readonly string[]).includes(key)
      : (v.fields as readonly string[]).includes(head),
  );
  return view?.id ?? null;
}

/** JSON with object keys sorted, so that equal values compare equal whatever order keys were set in. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

interface EditorValues {
  name: string;
  description: string;
  status: Programme['status'];
  settings: ProgrammeSettings;
}

function valuesOf(programme: Programme): EditorValues {
  return {
    name: programme.name,
    description: programme.description,
    status: programme.status,
    settings: programme.settings,
  };
}

/** The administrator's programme editor, one section at a time (`?section=fee`). */
export function EditProgrammePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const viewer = useViewer();
  const programme = useApiData(viewer.isAdmin ? `/api/programmes/${id}` : null, programmeSchema);
  const title = programme.data
    ? t('programmes.editor.title', { name: programme.data.name })
    : t('programmes.editor.titleShort');
  return (
    <Page title={title}>
      <p>
        <Link to={`/programmes/${id}`}>{t('programmes.editor.back')}</Link>
      </p>
      {viewer.isAdmin ? (
        <Loaded state={programme}>
          {(data) => <ProgrammeEditor programme={data} onSaved={programme.setData} />}
        </Loaded>
      ) : (
        <p className="notice">{t('programmes.editor.adminsOnly')}</p>
      )}
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
  const optional = useOptionalLabel();
  const [values, setValues] = useState(() => valuesOf(programme));
  const [savedJson, setSavedJson] = useState(() => stableJson(valuesOf(programme)));
  const [saved, setSaved] = useState(false);
  const [keysAsked, setKeysAsked] = useState(false);
  const save = useAction();
  const [searchParams, setSearchParams] = useSearchParams();
  const requested = searchParams.get('section');
  const active: ViewId = isViewId(requested) ? requested : 'general';
  const base = `/programmes/${programme.id}/edit`;

  const unsaved = useMemo(() => stableJson(values) !== savedJson, [values, savedJson]);
  useUnsavedChangesWarning(
    unsaved,
    t('programmes.editor.unsavedWarning'),
    // Moving between the editor's sections keeps the changes.
    (next, current) => next.pathname === current.pathname,
  );

  const errors = save.problem?.errors ?? [];
  const errorsByView = new Map<ViewId, number>();
  for (const error of errors) {
    const view = viewOfField(error.field);
    if (view) errorsByView.set(view, (errorsByView.get(view) ?? 0) + 1);
  }
  // A refused key shows the keys, so that the summary can point at the field.
  const showKeys = keysAsked || errors.some((error) => error.field.endsWith('.key'));

  /** Focus goes to the new section's heading, except when the error summary keeps it. */
  const focusHeading = useRef(true);
  const shownView = useRef(active);
  const compactMenu = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (shownView.current === active) return;
    shownView.current = active;
    if (compactMenu.current) compactMenu.current.open = false;
    if (focusHeading.current) {
      document.querySelector<HTMLElement>(`[data-view="${active}"] h2`)?.focus();
    }
    focusHeading.current = true;
  }, [active]);

  function show(view: ViewId, focus: boolean) {
    if (view === active) return;
    focusHeading.current = focus;
    setSearchParams({ section: view });
  }

  // After a refused save, show the section of the first error; the summary above it has focus.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when a new problem arrives
  useEffect(() => {
    const first = save.problem?.errors?.map((error) => viewOfField(error.field)).find((view) => view);
    if (first) show(first, false);
  }, [save.problem]);

  function change(patch: Partial<EditorValues>) {
    setSaved(false);
    setValues((current) => ({ ...current, ...patch }));
  }

  /** Binds one part of the settings to its section. */
  function section<K extends keyof ProgrammeSettings>(key: K) {
    return {
      value: values.settings[key],
      path: `settings.${key}`,
      onChange: (value: ProgrammeSettings[K]) => change({ settings: { ...values.settings, [key]: value } }),
    };
  }

  async function submit() {
    setSaved(false);
    const body = { ...values, settings: withGeneratedKeys(values.settings) };
    const result = await api.put(`/api/programmes/${programme.id}`, body, programmeSchema);
    const next = valuesOf(result);
    setValues(next);
    setSavedJson(stableJson(next));
    setSaved(true);
    onSaved(result);
  }

  const index = views.findIndex((view) => view.id === active);
  const previous = views[index - 1];
  const next = views[index + 1];
  const viewLabel = (view: ViewId) => t(`programmes.editor.views.${view}`);

  const menu = (
    <ol className="section-list">
      {views.map((view) => {
        const count = errorsByView.get(view.id) ?? 0;
        return (
          <li key={view.id}>
            <Link
              to={`${base}?section=${view.id}`}
              aria-current={view.id === active ? 'page' : undefined}
              onClick={() => {
                focusHeading.current = true;
              }}
            >
              {viewLabel(view.id)}
              {count > 0 && (
                <span className="section-errors">{t('programmes.editor.errorCount', { count })}</span>
              )}
            </Link>
          </li>
        );
      })}
    </ol>
  );

  return (
    <ShowKeysContext.Provider value={showKeys}>
      <p className="hint">
        {t('programmes.basedOn', {
          template: t(`programmes.templates.${programme.templateKey}`),
          updated: formatDateTime(programme.updatedAt, locale),
        })}
      </p>
      <div className="editor-layout">
        <nav className="section-menu" aria-label={t('programmes.editor.menu')}>
          <h2 className="section-menu-title">{t('programmes.editor.menu')}</h2>
          {menu}
        </nav>
        <div className="editor-main">
          <details className="section-menu-compact" ref={compactMenu}>
            <summary className="section-menu-summary">
              {t('programmes.editor.menuCompact', {
                section: viewLabel(active),
                n: index + 1,
                total: views.length,
              })}
            </summary>
            <nav aria-label={t('programmes.editor.menu')}>{menu}</nav>
          </details>
          <Form
            id="programme-editor"
            action={save}
            onSubmit={submit}
            className="form programme-editor"
            revealField={(field) => {
              const view = viewOfField(field);
              if (view) show(view, false);
            }}
          >
            <div data-view="general" hidden={active !== 'general'}>
              <EditorSection id="general" title={t('programmes.general')}>
                <TextField
                  name="name"
                  label={t('programmes.name')}
                  maxLength={ProgrammeLimits.nameMax}
                  value={values.name}
                  onChange={(name) => change({ name })}
                />
                <TextAreaField
                  name="description"
                  label={optional(t('programmes.description'))}
                  hint={t('programmes.editor.descriptionHint')}
                  maxLength={ProgrammeLimits.descriptionMax}
                  rows={6}
                  value={values.description}
                  onChange={(description) => change({ description })}
                />
                <SelectField
                  name="status"
                  label={t('programmes.status')}
                  hint={t(`programmes.statusHints.${values.status}`)}
                  value={values.status}
                  options={programmeStatuses.map((s) => ({ value: s, label: t(`programmes.statuses.${s}`) }))}
                  onChange={(status) => change({ status })}
                />
              </EditorSection>
              <IntakeSection {...section('intake')} />
            </div>
            <div data-view="eligibility" hidden={active !== 'eligibility'}>
              <EligibilitySection {...section('eligibility')} />
            </div>
            <div data-view="approvals" hidden={active !== 'approvals'}>
              <ApprovalStepsSection {...section('approvalSteps')} />
            </div>
            <div data-view="form" hidden={active !== 'form'}>
              <DevelopmentAreasSection {...section('developmentAreas')} />
              <QuestionsSection {...section('applicationQuestions')} />
            </div>
            <div data-view="privacy" hidden={active !== 'privacy'}>
              <PrivacySection {...section('privacy')} />
            </div>
            <div data-view="training" hidden={active !== 'training'}>
              <TrainingSection {...section('mentorTraining')} />
            </div>
            <div data-view="matching" hidden={active !== 'matching'}>
              <MatchingSection {...section('matching')} />
            </div>
            <div data-view="length" hidden={active !== 'length'}>
              <DurationSection {...section('duration')} />
              <CadenceSection {...section('cadence')} />
            </div>
            <div data-view="process" hidden={active !== 'process'}>
              <ProcessPlanSection {...section('processPlan')} />
            </div>
            <div data-view="events" hidden={active !== 'events'}>
              <EventsSection {...section('events')} />
            </div>
            <div data-view="fee" hidden={active !== 'fee'}>
              <FeeSection {...section('fee')} />
            </div>
            <div data-view="documents" hidden={active !== 'documents'}>
              <DocumentsSection {...section('documents')} />
            </div>
          </Form>
          {active === 'rounds' && (
            <div data-view="rounds">
              <p className="notice">{t('programmes.editor.roundsSavedApart')}</p>
              <RoundsSection programmeId={programme.id} />
            </div>
          )}
          <nav className="section-steps" aria-label={t('programmes.editor.steps')}>
            {previous && (
              <Link to={`${base}?section=${previous.id}`} className="section-step-previous">
                <span className="section-step-label">{t('programmes.editor.previous')}</span>{' '}
                {viewLabel(previous.id)}
              </Link>
            )}
            {next && (
              <Link to={`${base}?section=${next.id}`} className="section-step-next">
                <span className="section-step-label">{t('programmes.editor.next')}</span> {viewLabel(next.id)}
              </Link>
            )}
          </nav>
          <details className="advanced">
            <summary className="advanced-summary">{t('programmes.editor.advanced')}</summary>
            <div className="checkbox">
              <input
                type="checkbox"
                id="show-keys"
                checked={showKeys}
                onChange={(event) => setKeysAsked(event.target.checked)}
                aria-describedby="show-keys-hint"
              />
              <label htmlFor="show-keys">{t('programmes.editor.showKeys')}</label>
            </div>
            <p className="hint advanced-hint" id="show-keys-hint">
              {t('programmes.editor.showKeysHint')}
            </p>
          </details>
          <div className="form-actions sticky-actions">
            <SubmitButton action={save} form="programme-editor">
              {t('programmes.save')}
            </SubmitButton>
            <span role="status">{saved && !unsaved && t('common.saved')}</span>
            {unsaved && <span className="unsaved-mark">{t('programmes.editor.unsaved')}</span>}
          </div>
        </div>
      </div>
    </ShowKeysContext.Provider>
  );
}
