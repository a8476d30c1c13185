import type { Handlers } from '../../common/api';
import type { Ctx } from '../context';

export const backupHandlers: Pick<Handlers<Ctx>, never> = {};
