import { useEffect, useRef, useState, type RefObject } from 'react';

/**
 * Long enough to merge keys that land together (a fast typist's rolled keys, a text expander)
 * into one search; short enough to add little to the review pane's 100 ms budget. Most keys
 * typed by hand are further apart than this and search each. Stale answers never show: the
 * comment window drops any response to a filter the user has already left.
 */
const DELAY_MS = 25;

/** A text input that reports its value once typing pauses (or at once on Enter), so a search runs once per burst, not per key. */
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
  const send = (v: string) => {
    clearTimeout(timer.current);
    if (v === sent.current) return;
    sent.current = v;
    onValue(v);
  };
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
        timer.current = setTimeout(() => send(v), DELAY_MS);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') send(e.currentTarget.value);
      }}
    />
  );
}
