/** Fixed names and shapes of the demo fleet. */
export const DEMO_APPS = [
  { slug: 'nimbus', name: 'Nimbus Analytics', chart: 'nimbus' },
  { slug: 'harbor-gate', name: 'HarborGate', chart: 'harbor-gate' },
] as const;

/**
 * Stable goes back about two years, as far as the oldest customers; Beta
 * (about a year) and Unstable (about half a year) were opened later, so
 * their customers signed up since. Stable comes first: the prerelease
 * channels name their releases after the upcoming Stable minors (Beta the
 * next, Unstable the one after).
 */
export const DEMO_CHANNELS = [
  { slug: 'stable', name: 'Stable', releases: 50, everyDays: 15 },
  { slug: 'beta', name: 'Beta', releases: 40, everyDays: 9 },
  { slug: 'unstable', name: 'Unstable', releases: 36, everyDays: 5 },
] as const;

/**
 * Customers that each show one thing clearly, named after it. Acme Corp is
 * the healthy one the end-to-end tests open; the others each have one
 * problem (or, for Boomerang Retail, the fleet's one rollback).
 */
export const DEMO_STORY_CUSTOMERS = {
  healthy: 'Acme Corp',
  stalledInstall: 'Stallworth Logistics',
  downSinceYesterday: 'Blackout Energy',
  licenseExpiring: 'Hourglass Foods',
  versionsBehind: 'Yesteryear Media',
  rollback: 'Boomerang Retail',
} as const;

/**
 * The everyday customers; the first is DEMO_STORY_CUSTOMERS.healthy, the
 * customer the end-to-end smoke test looks for.
 */
export const DEMO_CUSTOMER_NAMES = [
  'Acme Corp',
  'Globex',
  'Initech',
  'Umbrella Health',
  'Stark Industries',
  'Wayne Enterprises',
  'Wonka Foods',
  'Tyrell Systems',
  'Cyberdyne',
  'Hooli',
  'Pied Piper',
  'Soylent',
  'Vandelay Imports',
  'Massive Dynamic',
  'Oscorp',
  'Aperture Labs',
  'Black Mesa',
  'Blue Sun',
  'Gringotts Bank',
  'Monarch Solutions',
  'Nakatomi Trading',
  'Prestige Worldwide',
  'Rekall',
  'Sirius Cybernetics',
  'Spacely Sprockets',
  'Stay Puft',
  'Virtucon',
  'Weyland-Yutani',
  'Yoyodyne',
  'Zorg Industries',
  'Bluth Company',
  'Dunder Mifflin',
  'Gekko & Co',
  'Kramerica',
  'Los Pollos Hermanos',
  'Duff Brewing',
  'Ollivanders',
  'Primatech',
  'Sterling Cooper',
  'Veridian Dynamics',
];

/** License types in proportion, cycled over the customers. */
export const DEMO_LICENSE_TYPES = [
  'paid',
  'paid',
  'trial',
  'paid',
  'dev',
  'community',
  'paid',
  'trial',
  'test',
  'paid',
] as const;

export const DEMO_DISTRIBUTIONS = [
  'eks',
  'gke',
  'aks',
  'k3s',
  'rke2',
  'openshift',
  'embedded-cluster',
  'kurl',
  'kind',
  'microk8s',
] as const;

export const DEMO_CLOUDS = [
  { provider: 'aws', regions: ['us-east-1', 'eu-west-1', 'ap-southeast-2'] },
  { provider: 'gcp', regions: ['us-central1', 'europe-west4'] },
  { provider: 'azure', regions: ['eastus', 'westeurope'] },
  { provider: 'on-prem', regions: ['dc-1'] },
] as const;

export const DEMO_FAILURE_REASONS = {
  'registry-login': [
    'unauthorized: incorrect username or password',
    'x509: certificate signed by unknown authority',
  ],
  'images-pulled': [
    'ImagePullBackOff: manifest unknown',
    'context deadline exceeded pulling image',
  ],
  'assets-downloaded': [
    'checksum mismatch for embedded-cluster bundle',
    'no space left on device',
  ],
  started: ['preflight check failed: insufficient memory (8 GiB required)'],
} as const;
