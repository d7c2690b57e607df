import { type FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { FormField } from '../../components/form-field';
import { Notice } from '../../components/notices';
import { graphql } from '../../graphql/generated';
import { type FieldErrors, readError } from '../../lib/graphql-errors';
import { navigate } from '../../lib/router';
import { useSessionStore } from '../../lib/session';

const SignInMutation = graphql(`
  mutation SignInPage_SignIn($input: SignInInput!) {
    signIn(input: $input) {
      token
      user {
        id
        name
      }
    }
  }
`);

const SignUpMutation = graphql(`
  mutation SignUpPage_SignUp($input: SignUpInput!) {
    signUp(input: $input) {
      token
      user {
        id
        name
      }
    }
  }
`);

/** Where to go after signing in: back to the page that asked, else the recipes. */
function returnPath(query: URLSearchParams): string {
  const target = query.get('next');
  return target?.startsWith('/') ? target : '/';
}

function useAuthForm() {
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [summary, setSummary] = useState<string | null>(null);
  return { fieldErrors, summary, setFieldErrors, setSummary };
}

export function SignInPage({ query }: { query: URLSearchParams }) {
  const sessions = useSessionStore();
  const [state, signIn] = useMutation(SignInMutation);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const form = useAuthForm();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await signIn({ input: { email, password } });
    if (result.data) {
      sessions.set(result.data.signIn);
      navigate(returnPath(query));
      return;
    }
    const readable = readError(result.error);
    form.setFieldErrors(readable?.fields ?? {});
    form.setSummary(readable?.summary ?? null);
  };
  return (
    <form className="form form--narrow stack" onSubmit={submit} noValidate data-testid="sign-in-form">
      <h1>Sign in</h1>
      {form.summary && <Notice tone="error">{form.summary}</Notice>}
      <FormField
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        value={email}
        onChange={setEmail}
        error={form.fieldErrors.email}
      />
      <FormField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={setPassword}
        error={form.fieldErrors.password}
      />
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={state.fetching}>
          {state.fetching ? 'Signing in…' : 'Sign in'}
        </button>
        <a href="#/signup">New here? Create an account</a>
      </div>
    </form>
  );
}

export function SignUpPage({ query }: { query: URLSearchParams }) {
  const sessions = useSessionStore();
  const [state, signUp] = useMutation(SignUpMutation);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const form = useAuthForm();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await signUp({ input: { name, email, password } });
    if (result.data) {
      sessions.set(result.data.signUp);
      navigate(returnPath(query));
      return;
    }
    const readable = readError(result.error);
    form.setFieldErrors(readable?.fields ?? {});
    form.setSummary(readable?.summary ?? null);
  };
  return (
    <form className="form form--narrow stack" onSubmit={submit} noValidate data-testid="sign-up-form">
      <h1>Create an account</h1>
      {form.summary && <Notice tone="error">{form.summary}</Notice>}
      <FormField
        label="Name"
        name="name"
        autoComplete="name"
        value={name}
        onChange={setName}
        error={form.fieldErrors.name}
        hint="Shown on your recipes."
      />
      <FormField
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        value={email}
        onChange={setEmail}
        error={form.fieldErrors.email}
      />
      <FormField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        value={password}
        onChange={setPassword}
        error={form.fieldErrors.password}
        hint="At least 8 characters."
      />
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={state.fetching}>
          {state.fetching ? 'Creating…' : 'Create account'}
        </button>
        <a href="#/signin">Have an account? Sign in</a>
      </div>
    </form>
  );
}
