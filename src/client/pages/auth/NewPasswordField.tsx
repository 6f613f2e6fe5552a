import { useTranslation } from 'react-i18next';
import { Limits } from '../../../shared/api.ts';
import { TextField } from '../../components/Form.tsx';

/** A password being chosen: the length rules as hint and attributes, and the browser may suggest one. */
export function NewPasswordField({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange(value: string): void;
}) {
  const { t } = useTranslation();
  return (
    <TextField
      name="password"
      label={label}
      hint={t('auth.passwordHint', { min: Limits.passwordMin })}
      type="password"
      autoComplete="new-password"
      required
      minLength={Limits.passwordMin}
      maxLength={Limits.passwordMax}
      value={value}
      onChange={onChange}
    />
  );
}
