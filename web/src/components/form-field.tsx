import { type ChangeEvent, useId } from 'react';

export interface FormFieldProps {
  label: string;
  name: string;
  value: string;
  onChange(value: string): void;
  /** The server's message for this field, shown right under it. */
  error?: string | undefined;
  hint?: string;
  type?: 'text' | 'email' | 'password' | 'number' | 'search';
  /** Rows for a multi-line field; absent for a one-line input. */
  rows?: number;
  required?: boolean;
  autoComplete?: string;
}

export function FormField({ label, name, value, onChange, error, hint, type = 'text', rows, required, autoComplete }: FormFieldProps) {
  const id = useId();
  const describedBy = [error ? `${id}-error` : null, hint && !error ? `${id}-hint` : null].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name,
    value,
    required,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
    className: error ? 'field__control field__control--invalid' : 'field__control',
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => onChange(event.target.value),
  };
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {rows ? <textarea rows={rows} {...common} /> : <input type={type} autoComplete={autoComplete} {...common} />}
      {hint && !error && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={`${id}-error`} data-field-error={name}>
          {error}
        </p>
      )}
    </div>
  );
}

export function CheckboxField({
  label,
  name,
  checked,
  onChange,
  hint,
}: {
  label: string;
  name: string;
  checked: boolean;
  onChange(checked: boolean): void;
  hint?: string;
}) {
  const id = useId();
  return (
    <div className="field field--inline">
      <input id={id} name={name} type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} />
      <label htmlFor={id}>{label}</label>
      {hint && <span className="field__hint">{hint}</span>}
    </div>
  );
}
