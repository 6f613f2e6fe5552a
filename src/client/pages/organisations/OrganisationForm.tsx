import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { Limits, type organisationBodySchema } from '../../../shared/api.ts';
import { organisationKinds } from '../../../shared/roles.ts';
import {
  CheckboxField,
  Form,
  NumberField,
  SelectField,
  SubmitButton,
  TextField,
} from '../../components/Form.tsx';
import { useAction } from '../../hooks.ts';

export type OrganisationBody = z.input<typeof organisationBodySchema>;

interface OrganisationFormProps {
  initial: OrganisationBody;
  submitLabel: string;
  onSave(body: OrganisationBody): Promise<unknown>;
}

/** Name, kind, organisation number and location; used to create and to edit. */
export function OrganisationForm({ initial, submitLabel, onSave }: OrganisationFormProps) {
  const { t } = useTranslation();
  const [name, setName] = useState(initial.name);
  const [kind, setKind] = useState(initial.kind);
  const [orgNumber, setOrgNumber] = useState(initial.orgNumber ?? '');
  const [placeName, setPlaceName] = useState(initial.placeName ?? '');
  const [latitude, setLatitude] = useState<number | null>(initial.latitude ?? null);
  const [longitude, setLongitude] = useState<number | null>(initial.longitude ?? null);
  const [external, setExternal] = useState(initial.external ?? false);
  const save = useAction();

  return (
    <Form
      action={save}
      onSubmit={() =>
        onSave({
          name,
          kind,
          orgNumber: orgNumber.trim() || null,
          placeName: placeName.trim() || null,
          latitude,
          longitude,
          external,
        })
      }
    >
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
      <fieldset className="subform">
        <legend>{t('matching.location.legend')}</legend>
        <p className="hint">{t('matching.location.hint')}</p>
        <TextField
          name="placeName"
          label={t('matching.location.placeName')}
          maxLength={Limits.nameMax}
          value={placeName}
          onChange={setPlaceName}
        />
        <div className="field-row">
          <NumberField
            name="latitude"
            label={t('matching.location.latitude')}
            hint={t('matching.location.latitudeHint')}
            step={0.001}
            value={latitude}
            onChange={setLatitude}
          />
          <NumberField
            name="longitude"
            label={t('matching.location.longitude')}
            hint={t('matching.location.longitudeHint')}
            step={0.001}
            value={longitude}
            onChange={setLongitude}
          />
        </div>
        <CheckboxField
          name="external"
          label={t('matching.location.external')}
          checked={external}
          onChange={setExternal}
        />
      </fieldset>
      <div className="form-actions">
        <SubmitButton action={save}>{submitLabel}</SubmitButton>
      </div>
    </Form>
  );
}
