import type { Handlers } from '../../common/api';
import type { Ctx } from '../context';

export const publishHandlers: Pick<Handlers<Ctx>, never> = {};
