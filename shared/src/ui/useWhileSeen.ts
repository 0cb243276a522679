import { type RefObject, useEffect, useRef, useState } from 'react';

const attentive = () => document.visibilityState === 'visible' && document.hasFocus();

/**
 * Calls `onSeen` when the element is on screen while the page is visible and has focus, and again
 * whenever `trigger` changes in that state (new messages): the moment the reader can have read
 * them. `present` says whether the element is rendered now.
 */
export function useWhileSeen(
  ref: RefObject<Element | null>,
  present: boolean,
  trigger: unknown,
  onSeen: (() => void) | undefined,
): void {
  const [inView, setInView] = useState(false);
  const [focused, setFocused] = useState(attentive);
  const callback = useRef(onSeen);

  useEffect(() => {
    callback.current = onSeen;
  });

  useEffect(() => {
    const element = ref.current;
    if (!present || !element) return setInView(false);
    const observer = new IntersectionObserver((entries) => {
      setInView(entries.some((e) => e.isIntersecting));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, present]);

  useEffect(() => {
    const update = () => setFocused(attentive());
    window.addEventListener('focus', update);
    window.addEventListener('blur', update);
    document.addEventListener('visibilitychange', update);
    return () => {
      window.removeEventListener('focus', update);
      window.removeEventListener('blur', update);
      document.removeEventListener('visibilitychange', update);
    };
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `trigger` is what makes it run again
  useEffect(() => {
    if (inView && focused) callback.current?.();
  }, [inView, focused, trigger]);
}
