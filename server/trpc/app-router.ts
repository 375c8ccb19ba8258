import { router } from './init';
import { authRouter } from './routers/auth-router';
import { customersRouter } from './routers/customers-router';
import { importsRouter } from './routers/imports-router';
import { syncRouter } from './routers/sync-router';
import { usersRouter } from './routers/users-router';
// Issue 5
import { mailRouter } from './routers/mail-router';
// Issue 7
import { auditRouter } from './routers/audit-router';
import { departmentsRouter } from './routers/departments-router';
// Issue 9
import { reportsRouter } from './routers/reports-router';

/** One line per router. The extension imports only `type AppRouter` (erased at build). */
export const appRouter = router({
  auth: authRouter,
  users: usersRouter,
  customers: customersRouter,
  sync: syncRouter,
  imports: importsRouter,
  // Issue 5
  mail: mailRouter,
  // Issue 7
  departments: departmentsRouter,
  audit: auditRouter,
  // Issue 9
  reports: reportsRouter,
});

export type AppRouter = typeof appRouter;
