/** The publish renderer: stored draft data in, publish-ready HTML and plain text out, byte-identical every time. */
export { renderStandalonePage } from './page';
export { renderFragment, renderBody } from './fragment';
export { renderCmsBody } from './cms-body';
export { renderSeriesIndex, type SeriesIndexEntry, type SeriesIndexInput } from './series-index';
export { renderComments, threadComments } from './comments';
export { sanitizeCommentHtml } from './sanitize';
export { STYLESHEET, STYLESHEET_HASH } from './styles';
export { pageCsp } from './document';
export { DEFAULT_OPTIONS } from './types';
export type * from './types';
