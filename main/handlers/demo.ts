import type { Handlers } from '../../common/api';
import type { Ctx } from '../context';
import { seriesToday } from './series';

export const demoHandlers: Pick<Handlers<Ctx>, 'demo.load'> = {
  // The draft importer behind it (jsdom, mammoth, marked) loads on first use, not at start-up.
  'demo.load': async (input, ctx) => (await import('../demo/load-demo')).loadDemo(ctx.db, seriesToday(input.today)),
};
