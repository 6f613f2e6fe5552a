import { homeTasksSchema, siteInfoSchema } from '../../../shared/home.ts';
import { type App, type Deps, typed } from '../../deps.ts';
import * as service from './home.service.ts';

/** What waits for the signed-in person, and who runs this installation. */
export async function homeRoutes(app: App, deps: Deps) {
  const { config } = deps;
  const r = typed(app);

  r.get(
    '/api/me/tasks',
    {
      schema: {
        tags: ['home'],
        summary:
          'What waits for you: per programme the applications you review and the approvals you decide, your own applications and what each waits for, the programmes you can apply to, your pairs with their next step, and the health of the pairs you run',
        response: { 200: homeTasksSchema },
      },
    },
    async (request) => service.tasksFor(deps, request.actor),
  );

  r.get(
    '/api/site',
    {
      config: { public: true },
      schema: {
        tags: ['home'],
        summary:
          'Who runs this installation (OPERATOR_NAME, OPERATOR_EMAIL), for the accessibility statement and the personal-data page; null when not configured',
        response: { 200: siteInfoSchema },
      },
    },
    async () => ({ operatorName: config.operatorName, operatorEmail: config.operatorEmail }),
  );
}
