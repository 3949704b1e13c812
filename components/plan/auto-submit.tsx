"use client";

import { useEffect, useRef } from "react";

/**
 * With JavaScript the planner answers as soon as a choice changes (the form is a next/form, so
 * that is a client-side navigation to the new shareable URL); without it, the submit button does.
 */
export function AutoSubmit() {
  const ref = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const form = ref.current?.closest("form");
    if (!form) return;
    const submit = () => form.requestSubmit();
    form.addEventListener("change", submit);
    form.dataset.live = "true";
    return () => form.removeEventListener("change", submit);
  }, []);
  return <span ref={ref} hidden />;
}
