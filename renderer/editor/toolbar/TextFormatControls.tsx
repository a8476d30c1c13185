import type { LexicalEditor } from 'lexical';
import { runAction } from '../actions';
import type { TextFormat } from './useToolbarState';
import { ToolbarButton } from './ToolbarButton';

const BUTTONS: { format: TextFormat; label: string; glyph: string }[] = [
  { format: 'bold', label: 'Bold', glyph: 'B' },
  { format: 'italic', label: 'Italic', glyph: 'I' },
  { format: 'underline', label: 'Underline', glyph: 'U' },
  { format: 'strikethrough', label: 'Strikethrough', glyph: 'S' },
  { format: 'code', label: 'Inline code', glyph: '</>' },
  { format: 'subscript', label: 'Subscript', glyph: 'x₂' },
  { format: 'superscript', label: 'Superscript', glyph: 'x²' },
];

export function TextFormatControls({ editor, formats }: { editor: LexicalEditor; formats: Record<TextFormat, boolean> }) {
  return (
    <div className="toolbar__group" role="group" aria-label="Text format">
      {BUTTONS.map((b) => (
        <ToolbarButton key={b.format} label={b.label} action={b.format} pressed={formats[b.format]} onClick={() => runAction(editor, b.format)}>
          <span className={`toolbar__glyph toolbar__glyph--${b.format}`}>{b.glyph}</span>
        </ToolbarButton>
      ))}
    </div>
  );
}
