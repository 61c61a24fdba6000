/**
 * Upper bound of items in one ingest batch (check-ins, install attempt
 * events, portal events); data sources send larger sets in batches of this
 * size. @public
 */
export const MAX_INGEST_BATCH_ITEMS = 1000;

/** The steps an install attempt of each install type goes through, in order. @public */
export const INSTALL_STEPS = {
  helm: ['started', 'registry-login', 'images-pulled', 'completed'],
  linux: ['started', 'assets-downloaded', 'completed'],
} as const;
