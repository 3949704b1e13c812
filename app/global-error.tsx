"use client";

import "./globals.css";

// Last resort when even the layout failed: no translations are available here, so both languages.
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="bg-white font-sans text-slate-900">
        <main className="mx-auto max-w-xl space-y-6 p-6">
          <section>
            <h1 className="text-2xl font-bold">Something went wrong</h1>
            <p className="mt-2">Please try again in a moment.</p>
          </section>
          <section lang="es">
            <h2 className="text-2xl font-bold">Algo falló</h2>
            <p className="mt-2">Intente de nuevo en un momento.</p>
          </section>
          <button type="button" onClick={reset} className="rounded bg-sky-900 px-4 py-2 font-semibold text-white">
            Try again / Intentar de nuevo
          </button>
        </main>
      </body>
    </html>
  );
}
