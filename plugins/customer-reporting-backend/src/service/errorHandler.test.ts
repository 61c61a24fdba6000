import express from 'express';
import { LoggerService } from '@backstage/backend-plugin-api';
import vm from 'node:vm';
import request from 'supertest';
import { backstageMiddleware } from '../__testUtils__/backstageMiddleware';
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { requestErrorHandler } from './errorHandler';

jest.setTimeout(60_000);

const databases = TestDatabases.create();

/** An app whose one route fails with `error`, behind both error handlers. */
function failingApp(error: unknown, logger?: LoggerService) {
  const middleware = backstageMiddleware(logger);
  return express()
    .get('/', (_req, _res, next) => next(error))
    .use(requestErrorHandler)
    .use(middleware.error());
}

describe.each(databases.eachSupportedId())(
  'a failed statement on %p',
  databaseId => {
    it('answers 500 with a log id, not the statement or its values', async () => {
      const knex = await databases.init(databaseId);
      const logger = mockServices.logger.mock();
      const error = await knex('no_such_secret_table')
        .where({ license_id: 'L-42' })
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      const app = failingApp(error, logger);

      const res = await request(app).get('/');

      expect(res.status).toBe(500);
      expect(res.body.error.message).toMatch(
        /^An internal error occurred logId=[0-9a-f]+$/,
      );
      expect(JSON.stringify(res.body)).not.toMatch(/no_such_secret_table|L-42/);
      // The operator still finds the statement in the log, under that id.
      const logId = res.body.error.message.split('logId=')[1];
      const handlerLogger = (logger.child as jest.Mock).mock.results[0].value;
      expect(handlerLogger.child).toHaveBeenCalledWith({ logId });
      const idLogger = handlerLogger.child.mock.results[0].value;
      expect(idLogger.error).toHaveBeenCalledWith(
        expect.stringContaining(logId),
        expect.objectContaining({
          message: expect.stringContaining('no_such_secret_table'),
        }),
      );
    });
  },
);

it('filters a SQLite error made in another realm (the driver keeps the first one it was loaded in)', async () => {
  const foreign = vm.runInNewContext(
    "class SqliteError extends Error {}; Object.defineProperty(SqliteError.prototype, 'name', { value: 'SqliteError' }); new SqliteError('select * from secrets - no such table: secrets')",
  );
  expect(foreign instanceof Error).toBe(false);
  const res = await request(failingApp(foreign)).get('/');
  expect(res.status).toBe(500);
  expect(res.body.error.message).toMatch(/^An internal error occurred logId=/);
});
