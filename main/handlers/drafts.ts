import type { Handlers } from '../../common/api';
import type { Ctx } from '../context';

export const draftsHandlers: Pick<Handlers<Ctx>, never> = {};
