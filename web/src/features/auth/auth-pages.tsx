import { type FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { FormField } from '../../components/form-field';
import { Notice } from '../../components/notices';
import { graphql } from '../../graphql/generated';
import type { OperationErrorLike } from '../../lib/graphql-errors';
import { navigate } from '../../lib/router';
import { type Session, useSessionStore } from '../../lib/session';
import { useFormErrors } from '../../lib/use-form-errors';

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

/** Signing in and signing up end alike: keep the session and go back, or show what was wrong. */
function useAuthForm(query: URLSearchParams) {
  const sessions = useSessionStore();
  const errors = useFormErrors();
  const finish = (payload: Session | undefined, error: OperationErrorLike | undefined) => {
    if (payload) {
      sessions.set(payload);
      navigate(returnPath(query));
      return;
    }
    errors.show(error);
  };
  return { ...errors, finish };
}

export function SignInPage({ query }: { query: URLSearchParams }) {
  const [state, signIn] = useMutation(SignInMutation);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const form = useAuthForm(query);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await signIn({ input: { email, password } });
    form.finish(result.data?.signIn, result.error);
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
  const [state, signUp] = useMutation(SignUpMutation);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const form = useAuthForm(query);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await signUp({ input: { name, email, password } });
    form.finish(result.data?.signUp, result.error);
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
