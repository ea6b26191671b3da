import express, { type Request, type Response, type Router } from 'express';
import { AppError, ErrorCode } from '../common/errors';
import { sendRestError } from '../common/rest-errors';
import type { RequestContext } from '../common/request-context';
import { buildRecap } from './recap.service';

/** GET /api/recap/:professionalId/:campaignYear/:scheme → the recap PDF. */
export function recapRouter(contextOf: (req: Request, res: Response) => Promise<RequestContext>): Router {
  const router = express.Router();
  router.get('/:professionalId/:campaignYear/:scheme', async (req, res) => {
    try {
      const ctx = await contextOf(req, res);
      if (!ctx.agent) throw new AppError(ErrorCode.UNAUTHENTICATED, 'Session absente ou expirée.');
      const { fileName, bytes } = await buildRecap(
        ctx,
        req.params.professionalId ?? '',
        req.params.campaignYear ?? '',
        req.params.scheme ?? '',
      );
      res.setHeader('Content-Type', 'application/pdf');
      res.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Cache-Control', 'private, no-store');
      res.end(Buffer.from(bytes));
    } catch (error) {
      sendRestError(res, error);
    }
  });
  return router;
}
