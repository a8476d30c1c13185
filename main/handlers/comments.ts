import type { Handlers } from '../../common/api';
import type { Ctx } from '../context';

export const commentsHandlers: Pick<Handlers<Ctx>, never> = {};
