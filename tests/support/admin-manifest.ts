/**
 * Every way into the staff admin, with who may use it. tests/unit/admin/actions.test.ts finds every
 * server action ("use server" export) and every admin page and route handler in the code and fails
 * when one is missing here; it then proves each protected action refuses no session, an expired
 * session, a session without its second factor, too low a role and a cross-site request, and
 * tests/e2e/admin.spec.ts does the same for the pages over HTTP.
 */
export type Access = "editor" | "admin";

export const SERVER_ACTIONS: Record<string, { access: Access } | { access: "public"; why: string }> = {
  "lib/admin/actions/auth.ts#signIn": { access: "public", why: "the password is the proof" },
  "lib/admin/actions/auth.ts#verifySecondFactor": { access: "public", why: "needs the 5-minute session a right password opens" },
  "lib/admin/actions/auth.ts#completeSetup": { access: "public", why: "the one-time setup link is the proof" },
  "lib/admin/actions/auth.ts#signOut": { access: "public", why: "ends whatever session the cookie names; nothing else" },
  "lib/admin/actions/alerts.ts#saveAlertAction": { access: "editor" },
  "lib/admin/actions/alerts.ts#restoreAlertRevision": { access: "editor" },
  "lib/admin/actions/content.ts#saveContentAction": { access: "editor" },
  "lib/admin/actions/content.ts#restoreContentRevision": { access: "editor" },
  "lib/admin/actions/texts.ts#saveUiTextsAction": { access: "editor" },
  "lib/admin/actions/account.ts#changePasswordAction": { access: "editor" },
  "lib/admin/actions/account.ts#newRecoveryCodesAction": { access: "editor" },
  "lib/admin/actions/users.ts#createUserAction": { access: "admin" },
  "lib/admin/actions/users.ts#updateUserAction": { access: "admin" },
};

/** Admin pages (by file) and an address of each to request. */
export const ADMIN_PAGES: Record<string, { path: string; access: Access | "public" }> = {
  "app/[locale]/admin/page.tsx": { path: "/admin", access: "editor" },
  "app/[locale]/admin/sign-in/page.tsx": { path: "/admin/sign-in", access: "public" },
  "app/[locale]/admin/sign-in/verify/page.tsx": { path: "/admin/sign-in/verify", access: "public" },
  "app/[locale]/admin/setup/page.tsx": { path: "/admin/setup?token=none", access: "public" },
  "app/[locale]/admin/alerts/page.tsx": { path: "/admin/alerts", access: "editor" },
  "app/[locale]/admin/alerts/[id]/page.tsx": { path: "/admin/alerts/new", access: "editor" },
  "app/[locale]/admin/alerts/[id]/revisions/page.tsx": { path: "/admin/alerts/1/revisions", access: "editor" },
  "app/[locale]/admin/content/[kind]/page.tsx": { path: "/admin/content/guide", access: "editor" },
  "app/[locale]/admin/content/[kind]/[key]/page.tsx": { path: "/admin/content/guide/into-mexico", access: "editor" },
  "app/[locale]/admin/content/[kind]/[key]/revisions/page.tsx": { path: "/admin/content/guide/into-mexico/revisions", access: "editor" },
  "app/[locale]/admin/texts/page.tsx": { path: "/admin/texts", access: "editor" },
  "app/[locale]/admin/account/page.tsx": { path: "/admin/account", access: "editor" },
  "app/[locale]/admin/users/page.tsx": { path: "/admin/users", access: "admin" },
  "app/[locale]/admin/audit/page.tsx": { path: "/admin/audit", access: "admin" },
};

/** Route handlers (route.ts) under an admin path. None so far: every admin change is a server action. */
export const ADMIN_ROUTES: Record<string, { access: Access }> = {};
