import { type Deps, NotFoundError } from '@heard/domain';
import { Hono } from 'hono';
import { presentActions, presentGoals } from './presenters';
import { type ApiEnv, readQuery } from './request';
import { ListGoalsQuerySchema } from './schemas';

/** `/goals`: goals, their owners and mandates, and the actions assigned under each. */
export function goalRoutes(deps: Deps) {
  const app = new Hono<ApiEnv>();

  const findGoal = async (id: string) => {
    const goal = await deps.goals.findById(id);
    if (!goal) throw new NotFoundError('GOAL.NOT_FOUND', 'No goal has that id.');
    return goal;
  };

  app.get('/', async (c) => {
    const { status } = readQuery(c, ListGoalsQuerySchema);
    const goals = await deps.goals.list(status ? { status } : {});
    return c.json({ items: await presentGoals(deps, goals) });
  });

  app.get('/:id', async (c) => {
    const [goal] = await presentGoals(deps, [await findGoal(c.req.param('id'))]);
    return c.json(goal);
  });

  app.get('/:id/actions', async (c) => {
    const goal = await findGoal(c.req.param('id'));
    const actions = await deps.actions.listByGoal(goal.id);
    return c.json({ items: await presentActions(deps, c.get('actor'), actions) });
  });

  return app;
}
