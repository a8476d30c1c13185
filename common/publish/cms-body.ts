/**
 * A post's body as it travels to a CMS (WordPress today): the byline (guest authors with role and
 * organisation), the series notice, the body with its footnotes, and the links to the previous and
 * next posts of the series. The title and the standfirst are not in it: the CMS has fields for them.
 */
import { renderBody } from './fragment';
import { bylineHtml, noticeFor, seriesNav } from './page';
import { escapeText } from './escape';
import type { PublishInput, PublishResult } from './types';

export function renderCmsBody(input: PublishInput): PublishResult {
  const body = renderBody(input.post.body, input.options.assetUrls);
  const notice = noticeFor(input);
  const html = [
    bylineHtml(input.authors),
    notice ? `<p class="series-notice">${escapeText(notice)}</p>` : '',
    body.html,
    seriesNav(input.prev, input.next),
  ].filter(Boolean).join('\n');
  return { html: `${html}\n`, text: body.text, warnings: body.ctx.warnings };
}
