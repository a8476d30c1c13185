import { describe, expect, it } from 'vitest';
import { defuseHandlers } from './defuse-handlers';

describe('defuseHandlers', () => {
  it('renames handler attributes in every tag form before the browser parses them', () => {
    expect(defuseHandlers('<img src=x onerror=alert(1)>')).toBe('<img src=x data-off-error=alert(1)>');
    expect(defuseHandlers('<svg/onload=alert(1)>')).toBe('<svg/data-off-load=alert(1)>');
    expect(defuseHandlers('<a title="a>b" ONCLICK = "x">t</a>')).toBe('<a title="a>b" data-off-CLICK = "x">t</a>');
  });

  it('leaves text and attribute values that merely contain "on" alone', () => {
    const html = '<p>Carry on=regardless</p><a href="https://example.org/online">online</a>';
    expect(defuseHandlers(html)).toBe(html);
  });
});
