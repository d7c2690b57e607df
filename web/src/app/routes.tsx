import { Notice } from '../components/notices';
import { SignInPage, SignUpPage } from '../features/auth/auth-pages';
import { BlogDetailPage } from '../features/blogs/blog-detail-page';
import { BlogFormPage } from '../features/blogs/blog-form-page';
import { BlogsPage } from '../features/blogs/blogs-page';
import { DraftsPage } from '../features/blogs/drafts-page';
import { NotificationsPage } from '../features/notifications/notifications';
import { RecipeDetailPage } from '../features/recipes/recipe-detail-page';
import { RecipeFormPage } from '../features/recipes/recipe-form-page';
import { RecipesPage } from '../features/recipes/recipes-page';
import { type Location, matchPath } from '../lib/router';

type Render = (params: Record<string, string>, query: URLSearchParams) => React.ReactNode;

// Order matters: `/recipes/new` before `/recipes/:id`.
const routes: [string, Render][] = [
  ['/', (_, query) => <RecipesPage query={query} />],
  ['/recipes/new', () => <RecipeFormPage />],
  ['/recipes/:id', ({ id = '' }) => <RecipeDetailPage key={id} id={id} />],
  ['/recipes/:id/edit', ({ id = '' }) => <RecipeFormPage key={id} id={id} />],
  ['/blogs', (_, query) => <BlogsPage query={query} />],
  ['/blogs/new', () => <BlogFormPage />],
  ['/blogs/:id', ({ id = '' }) => <BlogDetailPage key={id} id={id} />],
  ['/blogs/:id/edit', ({ id = '' }) => <BlogFormPage key={id} id={id} />],
  ['/drafts', () => <DraftsPage />],
  ['/notifications', () => <NotificationsPage />],
  ['/signin', (_, query) => <SignInPage query={query} />],
  ['/signup', (_, query) => <SignUpPage query={query} />],
];

export function Routes({ location }: { location: Location }) {
  for (const [pattern, render] of routes) {
    const params = matchPath(pattern, location.path);
    if (params) return <>{render(params, location.query)}</>;
  }
  return (
    <Notice tone="info" title="There is no page here.">
      <a href="#/">See the recipes</a>
    </Notice>
  );
}
