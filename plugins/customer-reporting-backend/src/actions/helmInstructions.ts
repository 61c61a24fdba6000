import { ConflictError } from '@backstage/errors';

export interface HelmInstructionsInput {
  customerName: string;
  email: string | null;
  licenseId: string;
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
 * segment of the chart URL is left out for the Stable channel.
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
  return {
    registryLogin: `helm registry login ${input.registryHost} --username ${input.email} --password ${input.licenseId}`,
    install: `helm install ${input.appSlug} oci://${input.registryHost}/${input.appSlug}${channelSegment}/${input.chartName} --version ${input.latestVersion}`,
    notes: [
      `The password is ${input.customerName}'s license ID; treat it as a secret.`,
      `Installs version ${input.latestVersion}, the latest release on the ${input.channelSlug} channel.`,
    ],
  };
}
