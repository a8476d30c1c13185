import type { Handlers } from '../../common/api';
import type { Ctx } from '../context';

export const revisionsHandlers: Pick<Handlers<Ctx>, never> = {};
