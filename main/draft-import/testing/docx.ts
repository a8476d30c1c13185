/** Builds small but real Word documents for tests: styled paragraphs, runs, links, a footnote. */
import { zip } from './zip';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export type Run = string | { text: string; bold?: boolean; italic?: boolean; underline?: boolean; link?: string; footnote?: string };
export interface Para {
  style?: 'Title' | 'Subtitle' | 'Heading1' | 'Heading2' | 'Heading3' | 'Quote';
  runs: Run[];
}

const STYLE_NAMES: Record<NonNullable<Para['style']>, string> = {
  Title: 'Title',
  Subtitle: 'Subtitle',
  Heading1: 'heading 1',
  Heading2: 'heading 2',
  Heading3: 'heading 3',
  Quote: 'Quote',
};

export function buildDocx(paragraphs: Para[]): Buffer {
  const rels: string[] = [];
  const notes: string[] = [];
  const run = (r: Run): string => {
    const o = typeof r === 'string' ? { text: r } : r;
    const props = `${o.bold ? '<w:b/>' : ''}${o.italic ? '<w:i/>' : ''}${o.underline ? '<w:u w:val="single"/>' : ''}`;
    let xml = `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${esc(o.text)}</w:t></w:r>`;
    if (o.link) {
      const id = `rIdL${rels.length + 1}`;
      rels.push(`<Relationship Id="${id}" Type="${R}/hyperlink" Target="${esc(o.link)}" TargetMode="External"/>`);
      xml = `<w:hyperlink r:id="${id}">${xml}</w:hyperlink>`;
    }
    if (o.footnote) {
      const id = notes.length + 1;
      notes.push(`<w:footnote w:id="${id}"><w:p><w:r><w:t xml:space="preserve">${esc(o.footnote)}</w:t></w:r></w:p></w:footnote>`);
      xml += `<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="${id}"/></w:r>`;
    }
    return xml;
  };
  const body = paragraphs
    .map((p) => `<w:p>${p.style ? `<w:pPr><w:pStyle w:val="${p.style}"/></w:pPr>` : ''}${p.runs.map(run).join('')}</w:p>`)
    .join('');
  const styles = Object.entries(STYLE_NAMES)
    .map(([id, name]) => `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/></w:style>`)
    .join('');
  const files: Record<string, string> = {
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>
</Types>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="${R}/officeDocument" Target="word/document.xml"/>
</Relationships>`,
    'word/document.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>${body}</w:body></w:document>`,
    'word/styles.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="${W}">${styles}</w:styles>`,
    'word/footnotes.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="${W}">${notes.join('')}</w:footnotes>`,
    'word/_rels/document.xml.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rIdS" Type="${R}/styles" Target="styles.xml"/>
<Relationship Id="rIdF" Type="${R}/footnotes" Target="footnotes.xml"/>
${rels.join('\n')}
</Relationships>`,
  };
  return zip(files);
}
