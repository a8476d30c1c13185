import type { LexicalEditor } from 'lexical';
import { runAction } from '../actions';
import { BLOCK_LABELS, type BlockType } from '../block-format';
import { ToolbarButton } from './ToolbarButton';

const GLYPHS: Record<BlockType, string> = {
  paragraph: '¶',
  h2: 'H2',
  h3: 'H3',
  h4: 'H4',
  quote: '❝',
  pullquote: '❝❝',
  bullet: '•',
  number: '1.',
};
const ORDER: BlockType[] = ['paragraph', 'h2', 'h3', 'h4', 'bullet', 'number', 'quote', 'pullquote'];

export function BlockTypeControls({ editor, blockType }: { editor: LexicalEditor; blockType: BlockType | null }) {
  return (
    <div className="toolbar__group" role="group" aria-label="Block type">
      {ORDER.map((type) => (
        <ToolbarButton key={type} label={BLOCK_LABELS[type]} action={type} pressed={blockType === type} onClick={() => runAction(editor, type)}>
          <span className="toolbar__glyph">{GLYPHS[type]}</span>
        </ToolbarButton>
      ))}
    </div>
  );
}
