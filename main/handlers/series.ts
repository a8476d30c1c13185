import type { Handlers } from '../../common/api';
import type { Ctx } from '../context';

export const seriesHandlers: Pick<Handlers<Ctx>, never> = {};
