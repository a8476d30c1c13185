import type { Handlers } from '../../common/api';
import type { Ctx } from '../context';

export const authorsHandlers: Pick<Handlers<Ctx>, never> = {};
