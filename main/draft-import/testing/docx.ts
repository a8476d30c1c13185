/** Builds small but real Word documents for tests: styled paragraphs, runs, links, footnotes, comments, tables, text boxes. */
import { zip } from './zip';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export type Run = string | { text: string; bold?: boolean; italic?: boolean; underline?: boolean; link?: string; footnote?: string; comment?: string };
export interface Para {
  style?: 'Title' | 'Subtitle' | 'Heading1' | 'Heading2' | 'Heading3' | 'Quote' | 'Fancy';
  runs: Run[];
  /** The paragraph also anchors a text box holding this text. */
  textBox?: string;
}
/** A table: its first row repeats as a header row when headerRow is set. */
export interface Table {
  table: string[][];
  headerRow?: boolean;
}

const STYLE_NAMES: Record<NonNullable<Para['style']>, string> = {
  Title: 'Title',
  Subtitle: 'Subtitle',
  Heading1: 'heading 1',
  Heading2: 'heading 2',
  Heading3: 'heading 3',
  Quote: 'Quote',
  Fancy: 'Fancy Box',
};

export function buildDocx(paragraphs: (Para | Table)[]): Buffer {
  const rels: string[] = [];
  const notes: string[] = [];
  const comments: string[] = [];
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
    if (o.comment) {
      const id = comments.length;
      comments.push(`<w:comment w:id="${id}" w:author="Reviewer"><w:p><w:r><w:t xml:space="preserve">${esc(o.comment)}</w:t></w:r></w:p></w:comment>`);
      xml = `<w:commentRangeStart w:id="${id}"/>${xml}<w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/></w:r>`;
    }
    return xml;
  };
  const box = (text: string) =>
    `<w:r><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t xml:space="preserve">${esc(text)}</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>`;
  const cell = (text: string) => `<w:tc><w:p><w:r><w:t xml:space="preserve">${esc(text)}</w:t></w:r></w:p></w:tc>`;
  const body = paragraphs
    .map((p) =>
      'table' in p
        ? `<w:tbl>${p.table.map((row, i) => `<w:tr>${i === 0 && p.headerRow ? '<w:trPr><w:tblHeader/></w:trPr>' : ''}${row.map(cell).join('')}</w:tr>`).join('')}</w:tbl>`
        : `<w:p>${p.style ? `<w:pPr><w:pStyle w:val="${p.style}"/></w:pPr>` : ''}${p.runs.map(run).join('')}${p.textBox ? box(p.textBox) : ''}</w:p>`,
    )
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
<w:document xmlns:w="${W}" xmlns:r="${R}" xmlns:v="urn:schemas-microsoft-com:vml"><w:body>${body}</w:body></w:document>`,
    'word/styles.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="${W}">${styles}</w:styles>`,
    'word/footnotes.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="${W}">${notes.join('')}</w:footnotes>`,
    ...(comments.length
      ? { 'word/comments.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments xmlns:w="${W}">${comments.join('')}</w:comments>` }
      : {}),
    'word/_rels/document.xml.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rIdS" Type="${R}/styles" Target="styles.xml"/>
<Relationship Id="rIdF" Type="${R}/footnotes" Target="footnotes.xml"/>
${comments.length ? `<Relationship Id="rIdC" Type="${R}/comments" Target="comments.xml"/>` : ''}
${rels.join('\n')}
</Relationships>`,
  };
  return zip(files);
}
