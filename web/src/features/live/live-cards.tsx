import { BlogCard } from '../../components/blog-card';
import { RecipeCard } from '../../components/recipe-card';
import type { BlogFieldsFragment, RecipeFieldsFragment } from '../../graphql/generated/graphql';
import { useChangeStamp } from '../../lib/recent-changes';

/** A recipe card that flashes when a live change touched it a moment ago. */
export function LiveRecipeCard({ recipe }: { recipe: RecipeFieldsFragment }) {
  return <RecipeCard recipe={recipe} flash={useChangeStamp(recipe.id)} />;
}

export function LiveBlogCard({ blog }: { blog: BlogFieldsFragment }) {
  return <BlogCard blog={blog} flash={useChangeStamp(blog.id)} />;
}
