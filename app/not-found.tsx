import { Link } from "@/lib/i18n/navigation";
import "./globals.css";

// Outside /en and /es we cannot know the reader's language, so this page speaks both.
export default function RootNotFound() {
  return (
    <html lang="en">
      <body className="bg-white font-sans text-slate-900">
        <main className="mx-auto max-w-xl space-y-6 p-6">
          <section>
            <h1 className="text-2xl font-bold">Page not found</h1>
            <p className="mt-2">
              <Link className="text-sky-800 underline" href="/" locale="en">
                See border wait times
              </Link>
            </p>
          </section>
          <section lang="es">
            <h2 className="text-2xl font-bold">Página no encontrada</h2>
            <p className="mt-2">
              <Link className="text-sky-800 underline" href="/" locale="es">
                Ver los tiempos de espera
              </Link>
            </p>
          </section>
        </main>
      </body>
    </html>
  );
}
