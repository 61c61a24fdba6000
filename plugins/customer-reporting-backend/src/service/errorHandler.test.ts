import express from 'express';
import request from 'supertest';
import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { requestErrorHandler } from './errorHandler';

jest.setTimeout(60_000);

const databases = TestDatabases.create();

describe.each(databases.eachSupportedId())(
  'a failed statement on %p',
  databaseId => {
    it('answers 500 with a log id, not the statement or its values', async () => {
      const knex = await databases.init(databaseId);
      const logger = mockServices.logger.mock();
      const middleware = MiddlewareFactory.create({
        config: mockServices.rootConfig(),
        logger,
      });
      const app = express()
        .get('/', async (_req, _res, next) => {
          try {
            await knex('no_such_secret_table').where({ license_id: 'L-42' });
          } catch (error) {
            next(error);
          }
        })
        .use(requestErrorHandler)
        .use(middleware.error());

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
