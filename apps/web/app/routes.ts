import { index, type RouteConfig, route } from '@react-router/dev/routes';

export default [
  index('routes/feed.tsx'),
  route('sign-in', 'routes/sign-in.tsx'),
  route('sign-out', 'routes/sign-out.tsx'),
  route('post', 'routes/post.tsx'),
  route('insights/:id', 'routes/insight.tsx'),
  route('insights/:id/story', 'routes/story-form.tsx'),
  route('notifications', 'routes/notifications.tsx'),
  route('search', 'routes/search.tsx'),
  route('similar', 'routes/similar.ts'),
  route('goals', 'routes/goals.tsx'),
  route('goals/:id', 'routes/goal.tsx'),
  route('actions', 'routes/my-actions.tsx'),
  route('curation', 'routes/curation.tsx'),
  route('stories', 'routes/stories.tsx'),
  route('customers/:id', 'routes/customer.tsx'),
  route('settings', 'routes/settings.tsx'),
] satisfies RouteConfig;
