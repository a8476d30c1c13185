import type { Handlers } from '../../common/api';
import type { Ctx } from '../context';
import { loadDemo } from '../demo/load-demo';
import { seriesToday } from './series';

export const demoHandlers: Pick<Handlers<Ctx>, 'demo.load'> = {
  'demo.load': (input, ctx) => loadDemo(ctx.db, seriesToday(input.today)),
};
