import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { Limits, type organisationBodySchema } from '../../../shared/api.ts';
import { organisationKinds } from '../../../shared/roles.ts';
import { Form, SelectField, SubmitButton, TextField } from '../../components/Form.tsx';
import { useAction } from '../../hooks.ts';

export type OrganisationBody = z.input<typeof organisationBodySchema>;

interface OrganisationFormProps {
  initial: OrganisationBody;
  submitLabel: string;
  onSave(body: OrganisationBody): Promise<unknown>;
}

/** Name, kind and organisation number; used to create and to edit. */
export function OrganisationForm({ initial, submitLabel, onSave }: OrganisationFormProps) {
  const { t } = useTranslation();
  const [name, setName] = useState(initial.name);
  const [kind, setKind] = useState(initial.kind);
  const [orgNumber, setOrgNumber] = useState(initial.orgNumber ?? '');
  const save = useAction();

  return (
    <Form action={save} onSubmit={() => onSave({ name, kind, orgNumber: orgNumber.trim() || null })}>
      <TextField
        name="name"
        label={t('organisations.name')}
        required
        maxLength={Limits.nameMax}
        value={name}
        onChange={setName}
      />
      <SelectField
        name="kind"
        label={t('organisations.kind')}
        value={kind}
        options={organisationKinds.map((value) => ({ value, label: t(`organisations.kinds.${value}`) }))}
        onChange={setKind}
      />
      <TextField
        name="orgNumber"
        label={t('organisations.orgNumber')}
        hint={t('organisations.orgNumberHint')}
        inputMode="numeric"
        pattern="\d{6}-?\d{4}"
        value={orgNumber}
        onChange={setOrgNumber}
      />
      <div className="form-actions">
        <SubmitButton action={save}>{submitLabel}</SubmitButton>
      </div>
    </Form>
  );
}
