import express from 'express';
import { HttpAuthService } from '@backstage/backend-plugin-api';
import { Stores } from '../database/createStores';
import { IngestService } from '../ingest/IngestService';
import { PluginOptions } from '../options';

/** What every group of routes needs. */
export interface RouteContext {
  stores: Stores;
  ingest: IngestService;
  options: PluginOptions;
  clock: () => number;
  /** Writes come from other backends or static-token callers, never users. */
  requireService(req: express.Request): Promise<unknown>;
  requireReader(req: express.Request): Promise<unknown>;
}

export function createRouteContext(options: {
  httpAuth: HttpAuthService;
  stores: Stores;
  ingest: IngestService;
  options: PluginOptions;
  clock: () => number;
}): RouteContext {
  const { httpAuth } = options;
  return {
    ...options,
    requireService: req => httpAuth.credentials(req, { allow: ['service'] }),
    requireReader: req =>
      httpAuth.credentials(req, { allow: ['user', 'service'] }),
  };
}
