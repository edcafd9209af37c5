export function firstView(allowPassword: boolean, allowEmail: boolean): string {
  let defaultView = allowPassword ? 'password_signin' : 'email_signin';
  if (!allowEmail) defaultView = allowPassword ? 'password_signin' : 'oauth_signin';
  return defaultView;
}
