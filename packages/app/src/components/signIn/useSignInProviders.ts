import { configApiRef, useApi } from '@backstage/core-plugin-api';

/**
 * The sign-in page's providers. Guest sign-in only where the configuration
 * asks for it (`app.signIn.guest`, set by app-config.demo.yaml); a deployment
 * adds its identity provider here (docs/deploy.md, "Sign-in").
 */
export function useSignInProviders(): 'guest'[] {
  const config = useApi(configApiRef);
  return config.getOptionalBoolean('app.signIn.guest') ? ['guest'] : [];
}
