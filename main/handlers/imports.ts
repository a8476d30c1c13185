import type { Handlers } from '../../common/api';
import type { Ctx } from '../context';

export const importsHandlers: Pick<Handlers<Ctx>, never> = {};
