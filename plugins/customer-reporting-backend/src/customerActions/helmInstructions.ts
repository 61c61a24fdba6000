import { ConflictError } from '@backstage/errors';
import { shellQuote } from './shellQuote';

/** What the registry login uses when the caller may not see the license ID. */
const LICENSE_ID_VARIABLE = 'LICENSE_ID';

export interface HelmInstructionsInput {
  customerName: string;
  email: string | null;
  /** The registry password; null when the caller may not see it. */
  licenseId: string | null;
  appSlug: string;
  channelSlug: string;
  helmInstall: boolean;
  /** Version label of the latest release on the customer's channel. */
  latestVersion: string | null;
  registryHost: string;
  chartName: string;
}

/**
 * The two commands a customer runs to install with Helm. The channel
 * segment of the chart URL is left out for the Stable channel. Every value
 * is quoted for POSIX shells: names, ids and labels come from ingested data.
 * Without the license ID the login reads it from `$LICENSE_ID`.
 */
export function helmInstructions(input: HelmInstructionsInput) {
  if (!input.helmInstall) {
    throw new ConflictError(
      `Helm install is not enabled for ${input.customerName}: enable it on the license first`,
    );
  }
  if (!input.email) {
    throw new ConflictError(
      `${input.customerName} has no email address: the Helm registry login uses it as the username`,
    );
  }
  if (!input.latestVersion) {
    throw new ConflictError(
      `The ${input.channelSlug} channel of ${input.appSlug} has no release yet`,
    );
  }
  const channelSegment =
    input.channelSlug === 'stable' ? '' : `/${input.channelSlug}`;
  const password =
    input.licenseId === null
      ? `"$${LICENSE_ID_VARIABLE}"`
      : shellQuote(input.licenseId);
  const chartUrl = `oci://${input.registryHost}/${input.appSlug}${channelSegment}/${input.chartName}`;
  return {
    registryLogin: `helm registry login ${shellQuote(
      input.registryHost,
    )} --username ${shellQuote(input.email)} --password ${password}`,
    install: `helm install ${shellQuote(input.appSlug)} ${shellQuote(
      chartUrl,
    )} --version ${shellQuote(input.latestVersion)}`,
    notes: [
      input.licenseId === null
        ? `The password is ${input.customerName}'s license ID, which only license admins see: set ${LICENSE_ID_VARIABLE} to it first.`
        : `The password is ${input.customerName}'s license ID; treat it as a secret.`,
      `Installs version ${input.latestVersion}, the latest release on the ${input.channelSlug} channel.`,
    ],
  };
}
