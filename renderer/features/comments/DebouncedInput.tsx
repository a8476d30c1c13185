import { useEffect, useRef, useState, type RefObject } from 'react';

const DELAY_MS = 200;

/** A text input that reports its value once typing pauses, so a search runs once per word, not per key. */
export function DebouncedInput({ value, onValue, inputRef, type = 'text', placeholder }: { value: string; onValue: (v: string) => void; inputRef?: RefObject<HTMLInputElement | null>; type?: string; placeholder?: string }) {
  const [text, setText] = useState(value);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const sent = useRef(value);
  useEffect(() => {
    // A change from outside (filters cleared) replaces what is shown.
    if (value !== sent.current) {
      sent.current = value;
      setText(value);
    }
  }, [value]);
  useEffect(() => () => clearTimeout(timer.current), []);
  return (
    <input
      ref={inputRef}
      type={type}
      value={text}
      placeholder={placeholder}
      onChange={(e) => {
        const v = e.target.value;
        setText(v);
        clearTimeout(timer.current);
        timer.current = setTimeout(() => {
          sent.current = v;
          onValue(v);
        }, DELAY_MS);
      }}
    />
  );
}
