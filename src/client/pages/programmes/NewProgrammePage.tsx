import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  ProgrammeLimits,
  type ProgrammeTemplate,
  type ProgrammeTemplateKey,
  programmeSchema,
} from '../../../shared/programme.ts';
import { api, programmeTemplateListSchema } from '../../api.ts';
import { Form, SubmitButton, TextAreaField, TextField } from '../../components/Form.tsx';
import { Loaded, Page } from '../../components/Page.tsx';
import { useAction, useApiData, useLocale } from '../../hooks.ts';
import { useViewer } from '../../session.tsx';

export function NewProgrammePage() {
  const { t } = useTranslation();
  const templates = useApiData('/api/programme-templates', programmeTemplateListSchema);
  return (
    <Page title={t('programmes.new')}>
      <Loaded state={templates}>{(list) => <NewProgrammeForm templates={list} />}</Loaded>
    </Page>
  );
}

function NewProgrammeForm({ templates }: { templates: ProgrammeTemplate[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const viewer = useViewer();
  const navigate = useNavigate();
  const [templateKey, setTemplateKey] = useState<ProgrammeTemplateKey | null>(null);
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const create = useAction();

  async function submit() {
    const body = { templateKey, name, description: description.trim() || undefined };
    const programme = await api.post(`/api/networks/${viewer.networkId}/programmes`, body, programmeSchema);
    navigate(`/programmes/${programme.id}/edit`);
  }

  function choose(template: ProgrammeTemplate) {
    setTemplateKey(template.key);
    // Offer the template's name as a starting point, but never overwrite what was typed.
    if (!name.trim()) setName(template.name[locale]);
  }

  return (
    <Form action={create} onSubmit={submit}>
      <fieldset className="template-choice">
        <legend>{t('programmes.chooseTemplate')}</legend>
        <p className="hint">{t('programmes.chooseTemplateHint')}</p>
        <div className="template-cards">
          {templates.map((template, index) => (
            <div
              className={`template-card${templateKey === template.key ? ' selected' : ''}`}
              key={template.key}
            >
              <input
                type="radio"
                name="templateKey"
                id={index === 0 ? 'field-templateKey' : `template-${template.key}`}
                value={template.key}
                checked={templateKey === template.key}
                required
                onChange={() => choose(template)}
                aria-describedby={`template-${template.key}-description`}
              />
              <label htmlFor={index === 0 ? 'field-templateKey' : `template-${template.key}`}>
                {template.name[locale]}
              </label>
              <p id={`template-${template.key}-description`}>{template.description[locale]}</p>
            </div>
          ))}
        </div>
      </fieldset>
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
        label={t('programmes.editor.optional', { label: t('programmes.description') })}
        maxLength={ProgrammeLimits.descriptionMax}
        value={description}
        onChange={setDescription}
      />
      <div className="form-actions">
        <SubmitButton action={create}>{t('programmes.create')}</SubmitButton>
      </div>
    </Form>
  );
}
