/**
 * What a Word import could not keep, in words an editor understands. Mammoth's own messages
 * ("Unrecognised paragraph style: 'Normal (Web)' (Style ID: NormalWeb)") are rewritten; and what
 * mammoth drops without a message (comments, headers and footers, equations, charts, diagrams,
 * embedded objects, tracked deletions) is counted from the .docx parts themselves.
 */
import { strFromU8, unzipSync } from 'fflate';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** One plain sentence for a mammoth message; null when another warning already says it. */
export function plainMammothWarning(message: string): string | null {
  let m = /^Unrecognised paragraph style: '(.*?)'/.exec(message);
  if (m) return `Paragraphs in Word’s “${m[1]}” style were imported as plain paragraphs.`;
  m = /^Unrecognised run style: '(.*?)'/.exec(message);
  if (m) return `Text in Word’s “${m[1]}” character style was imported without that style.`;
  // The picture itself is refused, with its own warning, by the HTML conversion.
  if (/^Image of type .* is unlikely to display/.test(message)) return null;
  if (/^Could not find image file|v:imagedata element without a relationship/.test(message)) return 'A picture whose file is missing from the Word document was left out.';
  if (/cell merging may be incorrect/.test(message)) return 'A table had an unusual structure: check its merged cells.';
  if (/^A w:sym element with an unsupported character/.test(message)) return 'A symbol from a special font (such as Wingdings) was left out.';
  if (/complex field/.test(message)) return 'A Word field (such as a date or page number) could not be read; its text may be missing.';
  if (/^An unrecognised element was ignored/.test(message)) return 'Some Word content of a kind the importer does not know was left out.';
  if (/^Unsupported break type/.test(message)) return null;
  return 'Part of the Word document could not be read and was left out.';
}

function count(xml: string, pattern: RegExp): number {
  return (xml.match(pattern) ?? []).length;
}

/** What the .docx holds that the import does not keep, counted from its XML parts. */
export function docxLosses(data: Uint8Array): string[] {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(data, { filter: (f) => /^word\/(document|comments|header\d*|footer\d*)\.xml$/.test(f.name) });
  } catch {
    return [];
  }
  const text = (name: string) => (files[name] ? strFromU8(files[name]) : '');
  const doc = text('word/document.xml');
  const out: string[] = [];
  const comments = count(text('word/comments.xml'), /<w:comment\b/g);
  if (comments) out.push(`${plural(comments, 'comment', 'comments')} in the Word file ${comments === 1 ? 'was' : 'were'} left out.`);
  const headers = Object.keys(files).filter((f) => /word\/(header|footer)\d*\.xml$/.test(f) && /<w:t[ >][^<]*\S/.test(text(f)));
  if (headers.length) out.push('The page headers and footers were left out.');
  const equations = count(doc, /<m:oMath>/g);
  if (equations) out.push(`${plural(equations, 'equation was', 'equations were')} left out.`);
  const charts = count(doc, /<c:chart\b/g);
  if (charts) out.push(`${plural(charts, 'chart was', 'charts were')} left out.`);
  const diagrams = count(doc, /<dgm:relIds\b/g);
  if (diagrams) out.push(`${plural(diagrams, 'diagram (SmartArt) was', 'diagrams (SmartArt) were')} left out.`);
  const objects = count(doc, /<w:object\b/g);
  if (objects) out.push(`${plural(objects, 'embedded object was', 'embedded objects were')} left out.`);
  if (/<w:del\b/.test(doc)) out.push('Text deleted with tracked changes was left out; tracked insertions were kept.');
  // Text boxes sit in a fallback copy and a modern copy of the same shape: count one of them.
  const boxes = Math.max(count(doc, /<wps:txbx\b/g), count(doc, /<v:textbox\b/g));
  if (boxes) out.push(`The text of ${plural(boxes, 'text box', 'text boxes')} was kept as ordinary paragraphs where ${boxes === 1 ? 'the box was' : 'each box was'} anchored.`);
  return out;
}
