import type { TFunction } from 'i18next';
import {
  createContext,
  type FormEvent,
  type InputHTMLAttributes,
  type ReactNode,
  useContext,
  useEffect,
  useRef,
  useState,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../shared/api.ts';
import { ApiError } from '../api.ts';
import type { Action } from '../hooks.ts';
import { problemText } from './ProblemMessage.tsx';

/**
 * A problem found before anything is sent (a reason missing before a confirmation is asked),
 * thrown inside `action.run` so that the form shows it exactly as it shows the server's.
 */
export function problemBeforeSending(title: string, errors: { field: string; message: string }[]): ApiError {
  return new ApiError({ type: 'about:blank', title, status: 400, code: 'validation_failed', errors });
}

/** The element id for a field path such as "settings.processPlan.2.offsetDays". */
function fieldId(prefix: string, path: string): string {
  return `${prefix}-${path.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
}

interface FormState {
  problem: Problem | null;
  /** Labels of the fields rendered in this form, by path, for the error summary. */
  labels: Map<string, string>;
  /** Keeps field ids unique when a page has several forms. */
  idPrefix: string;
}

const FormContext = createContext<FormState>({ problem: null, labels: new Map(), idPrefix: 'field' });
/** Names the group (e.g. "Milestone 3") that the fields inside belong to, for the error summary. */
const GroupLabelContext = createContext<string>('');

/** Registers the field's label for the summary; returns its id and its error, if any. */
function useField(path: string, label: string): { id: string; error: string | undefined } {
  const { problem, labels, idPrefix } = useContext(FormContext);
  const group = useContext(GroupLabelContext);
  labels.set(path, group ? `${group} – ${label}` : label);
  return { id: fieldId(idPrefix, path), error: problem?.errors?.find((e) => e.field === path)?.message };
}

interface FormProps {
  action: Action;
  onSubmit(): Promise<unknown>;
  children: ReactNode;
  className?: string;
  /** Prefix for the fields' ids; needed when a page has several forms. */
  idPrefix?: string;
  /** The form's id, for a submit button outside it (`<SubmitButton form=…>`). */
  id?: string;
  /**
   * Shows the part of the page that holds a field (e.g. another section of an editor), before a
   * link in the error summary scrolls to it. Fields in parts not shown must still be rendered
   * (hidden), so that the summary can name them, or be named by `labelFor`.
   */
  revealField?(field: string): void;
  /** The label of a field this form does not render (one on another step of the same form). */
  labelFor?(field: string): string | undefined;
}

/**
 * A form that shows the server's problem as a summary on top and each field error at its field.
 * The browser's own validation is off: the server checks everything and says it in the page's language.
 */
export function Form({
  action,
  onSubmit,
  children,
  className,
  idPrefix = 'field',
  id,
  revealField,
  labelFor,
}: FormProps) {
  const labels = useRef(new Map<string, string>()).current;
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void action.run(onSubmit);
  }
  return (
    <form id={id} className={className ?? 'form'} onSubmit={submit} noValidate>
      <FormContext.Provider value={{ problem: action.problem, labels, idPrefix }}>
        <ErrorSummary
          problem={action.problem}
          labels={labels}
          idPrefix={idPrefix}
          revealField={revealField}
          labelFor={labelFor}
        />
        {children}
      </FormContext.Provider>
    </form>
  );
}

interface ErrorSummaryProps {
  problem: Problem | null;
  labels: Map<string, string>;
  idPrefix: string;
  revealField: ((field: string) => void) | undefined;
  labelFor: ((field: string) => string | undefined) | undefined;
}

function isShown(element: HTMLElement): boolean {
  return element.getClientRects().length > 0;
}

/**
 * Brings a field into view with its label (below anything sticky, by the CSS scroll margins) and
 * focuses it; waits a few frames for a hidden part of the page to be shown first.
 */
export function goToField(id: string): void {
  let frames = 0;
  const attempt = () => {
    const control = document.getElementById(id);
    if (control && isShown(control)) {
      const container =
        control.closest<HTMLElement>('.checkbox-group') ??
        control.closest<HTMLElement>('.field, .checkbox') ??
        control;
      container.scrollIntoView({ block: 'start' });
      control.focus({ preventScroll: true });
    } else if (frames < 30) {
      frames += 1;
      requestAnimationFrame(attempt);
    }
  };
  attempt();
}

/**
 * A summary entry reads as the field's own message, which names what to do ("Välj minst ett
 * utvecklingsområde."). Only a message that does not name its field ("Måste fyllas i.", which the
 * server marks as generic) gets the field's label in front.
 */
function summaryText(
  problem: Problem,
  field: string,
  message: string,
  label: string | undefined,
  t: TFunction,
) {
  if (!label || !problem.genericFields?.includes(field)) return message;
  return t('common.form.summaryEntry', {
    label: label.replace(/:\s*$/, ''),
    message: message.charAt(0).toLowerCase() + message.slice(1),
  });
}

function ErrorSummary({ problem, labels, idPrefix, revealField, labelFor }: ErrorSummaryProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  // Fields that appear because of the errors register their labels after the summary rendered;
  // one more render names them.
  const [, setRendered] = useState<Problem | null>(null);
  useEffect(() => {
    if (problem) ref.current?.focus();
    setRendered(problem);
  }, [problem]);
  return (
    <div ref={ref} role="alert" tabIndex={-1} className={problem ? 'notice notice-error' : undefined}>
      {problem && (
        <>
          <p>{problemText(problem, t)}</p>
          {problem.errors && problem.errors.length > 0 && (
            <ul>
              {problem.errors.map((error) => {
                const label = labels.get(error.field) ?? labelFor?.(error.field);
                const text = summaryText(problem, error.field, error.message, label, t);
                return (
                  <li key={`${error.field}:${error.message}`}>
                    {label ? (
                      <a
                        href={`#${fieldId(idPrefix, error.field)}`}
                        onClick={(event) => {
                          event.preventDefault();
                          revealField?.(error.field);
                          goToField(fieldId(idPrefix, error.field));
                        }}
                      >
                        {text}
                      </a>
                    ) : (
                      text
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </>
      )}
    </div>
  );
}

/** Groups fields (a list item) under a name that prefixes their labels in the error summary. */
export function FieldGroup({ label, children }: { label: string; children: ReactNode }) {
  const outer = useContext(GroupLabelContext);
  return (
    <GroupLabelContext.Provider value={outer ? `${outer} – ${label}` : label}>
      {children}
    </GroupLabelContext.Provider>
  );
}

export interface ControlProps {
  id: string;
  name: string;
  'aria-invalid': boolean | undefined;
  'aria-describedby': string | undefined;
}

interface FieldProps {
  /** The field's path in the request body, as the server names it in errors. */
  name: string;
  label: string;
  hint?: ReactNode;
  /** Marks the label "(valfritt)": fields without the mark must be filled in. */
  optional?: boolean | undefined;
  className?: string;
  /** Shown after the control, e.g. a character count. */
  after?: ReactNode;
  children(control: ControlProps): ReactNode;
}

/** "(valfritt)" after a label, so that the fields without it are the ones to fill in. */
export function OptionalMark() {
  const { t } = useTranslation();
  return <span className="optional-mark"> {t('common.form.optional')}</span>;
}

/** A label, a control and the control's hint and error, tied together for assistive technology. */
export function Field({ name, label, hint, optional, className, after, children }: FieldProps) {
  const { id, error } = useField(name, label);
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className={`field${error ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>
        {label}
        {optional && <OptionalMark />}
      </label>
      {hint && (
        <div className="hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      {error && (
        <div className="field-error" id={`${id}-error`}>
          {error}
        </div>
      )}
      {children({
        id,
        name,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': described || undefined,
      })}
      {after}
    </div>
  );
}

/** Says the limit before it bites: "Högst 120 tecken." as a hint, with what a hint already says. */
function withLimit(hint: ReactNode, limit: number | undefined, t: TFunction): ReactNode {
  if (limit === undefined) return hint;
  const text = t('common.form.limit', { max: limit.toLocaleString('sv-SE') });
  return hint ? (
    <>
      {hint} {text}
    </>
  ) : (
    text
  );
}

/**
 * How many characters are left, shown once the text comes near its limit and announced politely;
 * past the limit it says how many too many, and the text is kept rather than cut.
 */
export function CharacterCount({ value, limit }: { value: string; limit: number }) {
  const { t } = useTranslation();
  const left = limit - value.length;
  const near = value.length >= limit * 0.8;
  return (
    <div className={`character-count${left < 0 ? ' character-count-over' : ''}`} aria-live="polite">
      {near &&
        (left >= 0
          ? t('common.form.charactersLeft', { count: left })
          : t('common.form.charactersOver', { count: -left }))}
    </div>
  );
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'value' | 'onChange' | 'id'>;

interface TextFieldProps extends InputProps {
  name: string;
  label: string;
  hint?: ReactNode;
  optional?: boolean | undefined;
  /** The most characters the field takes: said in the hint, counted near the limit, never cut. */
  limit?: number | undefined;
  value: string;
  onChange(value: string): void;
}

export function TextField({ name, label, hint, optional, limit, value, onChange, ...input }: TextFieldProps) {
  const { t } = useTranslation();
  return (
    <Field
      name={name}
      label={label}
      hint={withLimit(hint, limit, t)}
      optional={optional}
      after={limit !== undefined && <CharacterCount value={value} limit={limit} />}
    >
      {(control) => (
        <input type="text" {...input} {...control} value={value} onChange={(e) => onChange(e.target.value)} />
      )}
    </Field>
  );
}

interface TextAreaFieldProps {
  name: string;
  label: string;
  hint?: ReactNode;
  optional?: boolean | undefined;
  value: string;
  onChange(value: string): void;
  maxLength?: number;
  /** The most characters the field takes: said in the hint, counted near the limit, never cut. */
  limit?: number | undefined;
  rows?: number;
}

export function TextAreaField({
  name,
  label,
  hint,
  optional,
  value,
  onChange,
  maxLength,
  limit,
  rows = 4,
}: TextAreaFieldProps) {
  const { t } = useTranslation();
  return (
    <Field
      name={name}
      label={label}
      hint={withLimit(hint, limit, t)}
      optional={optional}
      after={limit !== undefined && <CharacterCount value={value} limit={limit} />}
    >
      {(control) => (
        <textarea
          {...control}
          rows={rows}
          maxLength={maxLength}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

interface NumberFieldProps {
  name: string;
  label: string;
  hint?: ReactNode;
  optional?: boolean | undefined;
  value: number | null;
  /** Called with null when the field is emptied; only when `required` is false. */
  onChange(value: number | null): void;
  required?: boolean;
  min?: number;
  max?: number;
  step?: number;
}

function parseNumber(raw: string): number | null {
  return raw.trim() === '' ? null : Number(raw.replace(',', '.'));
}

/**
 * A number input that keeps what the person is typing ("1,") while passing on only whole numbers.
 * Accepts a decimal comma as well as a point.
 */
export function NumberField({
  name,
  label,
  hint,
  optional,
  value,
  onChange,
  required,
  min,
  max,
  step = 1,
}: NumberFieldProps) {
  const [text, setText] = useState(value === null ? '' : String(value));
  useEffect(() => {
    setText((current) => (parseNumber(current) === value ? current : value === null ? '' : String(value)));
  }, [value]);
  function change(raw: string) {
    setText(raw);
    const parsed = parseNumber(raw);
    if (parsed === null) {
      if (!required) onChange(null);
    } else if (Number.isFinite(parsed)) {
      onChange(parsed);
    }
  }
  return (
    <Field name={name} label={label} hint={hint} optional={optional} className="field-number">
      {(control) => (
        <input
          {...control}
          type="number"
          inputMode={step < 1 ? 'decimal' : 'numeric'}
          required={required}
          min={min}
          max={max}
          step={step}
          value={text}
          onChange={(e) => change(e.target.value)}
        />
      )}
    </Field>
  );
}

interface SelectFieldProps<V extends string> {
  name: string;
  label: string;
  hint?: ReactNode;
  optional?: boolean | undefined;
  value: NoInfer<V> | '';
  options: readonly { value: V; label: string }[];
  onChange(value: NoInfer<V>): void;
  /** Text for an empty first choice; without it one of the options must be chosen. */
  placeholder?: string;
  required?: boolean;
}

export function SelectField<V extends string>({
  name,
  label,
  hint,
  optional,
  value,
  options,
  onChange,
  placeholder,
  required,
}: SelectFieldProps<V>) {
  return (
    <Field name={name} label={label} hint={hint} optional={optional}>
      {(control) => (
        <select
          {...control}
          value={value}
          required={required}
          onChange={(e) => onChange(e.target.value as V)}
        >
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

interface CheckboxFieldProps {
  name: string;
  label: string;
  checked: boolean;
  onChange(checked: boolean): void;
}

export function CheckboxField({ name, label, checked, onChange }: CheckboxFieldProps) {
  const { id, error } = useField(name, label);
  return (
    <div className={`checkbox${error ? ' field-invalid' : ''}`}>
      <input
        type="checkbox"
        id={id}
        name={name}
        checked={checked}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => onChange(e.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
      {error && (
        <div className="field-error" id={`${id}-error`}>
          {error}
        </div>
      )}
    </div>
  );
}

/** A group of checkboxes or radio buttons: legend, hint and error, described for assistive technology. */
function ChoiceFieldset({
  id,
  legend,
  hint,
  optional,
  error,
  className,
  children,
}: {
  id: string;
  legend: string;
  hint?: ReactNode;
  optional?: boolean | undefined;
  error: string | undefined;
  className?: string | undefined;
  children: ReactNode;
}) {
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <fieldset
      className={['checkbox-group', className, error ? 'field-invalid' : null].filter(Boolean).join(' ')}
      aria-describedby={described || undefined}
    >
      <legend>
        {legend}
        {optional && <OptionalMark />}
      </legend>
      {hint && (
        <div className="hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      {error && (
        <div className="field-error" id={`${id}-error`}>
          {error}
        </div>
      )}
      {children}
    </fieldset>
  );
}

interface CheckboxGroupProps<V extends string> {
  name: string;
  legend: string;
  hint?: ReactNode;
  optional?: boolean | undefined;
  options: readonly { value: V; label: string }[];
  value: readonly V[];
  onChange(value: V[]): void;
}

/** Several choices for one list-valued field; the error for the list shows under the legend. */
export function CheckboxGroup<V extends string>({
  name,
  legend,
  hint,
  optional,
  options,
  value,
  onChange,
}: CheckboxGroupProps<V>) {
  const { id, error } = useField(name, legend);
  function toggle(option: V, checked: boolean) {
    // Keep the options' order, whatever order they were ticked in.
    onChange(options.map((o) => o.value).filter((v) => (v === option ? checked : value.includes(v))));
  }
  return (
    <ChoiceFieldset id={id} legend={legend} hint={hint} optional={optional} error={error}>
      {options.map((option, index) => (
        <div className="checkbox" key={option.value}>
          <input
            type="checkbox"
            id={index === 0 ? id : `${id}-${option.value}`}
            checked={value.includes(option.value)}
            onChange={(e) => toggle(option.value, e.target.checked)}
          />
          <label htmlFor={index === 0 ? id : `${id}-${option.value}`}>{option.label}</label>
        </div>
      ))}
    </ChoiceFieldset>
  );
}

interface RadioGroupProps<V extends string | number> {
  name: string;
  legend: string;
  hint?: ReactNode;
  optional?: boolean | undefined;
  options: readonly { value: V; label: string }[];
  value: V | null;
  onChange(value: V): void;
  required?: boolean;
  /** Lays the choices out in a row (e.g. a scale from 1 to 5). */
  inline?: boolean;
}

/** One choice among a few, as radio buttons in a fieldset; the error shows under the legend. */
export function RadioGroup<V extends string | number>({
  name,
  legend,
  hint,
  optional,
  options,
  value,
  onChange,
  required,
  inline,
}: RadioGroupProps<V>) {
  const { id, error } = useField(name, legend);
  return (
    <ChoiceFieldset
      id={id}
      legend={legend}
      hint={hint}
      optional={optional}
      error={error}
      className={inline ? 'radio-inline' : undefined}
    >
      <div className="radio-options">
        {options.map((option, index) => {
          const optionId = index === 0 ? id : `${id}-${option.value}`;
          return (
            <div className="checkbox" key={option.value}>
              <input
                type="radio"
                id={optionId}
                name={id}
                required={required}
                checked={value === option.value}
                onChange={() => onChange(option.value)}
              />
              <label htmlFor={optionId}>{option.label}</label>
            </div>
          );
        })}
      </div>
    </ChoiceFieldset>
  );
}

/** The form's submit button; says it is busy while the request runs. */
export function SubmitButton({
  action,
  children,
  form,
}: {
  action: Action;
  children: ReactNode;
  /** The id of the form it submits, when the button is outside it. */
  form?: string;
}) {
  const { t } = useTranslation();
  return (
    <button
      type="submit"
      form={form}
      className="button button-primary"
      disabled={action.pending}
      aria-busy={action.pending}
    >
      {action.pending ? t('common.working') : children}
    </button>
  );
}
