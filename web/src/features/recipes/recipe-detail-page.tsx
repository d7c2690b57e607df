import { useMutation, useQuery } from 'urql';
import { ConfirmDelete } from '../../components/confirm-delete';
import { ItemFallback } from '../../components/notices';
import { RecipeView } from '../../components/recipe-view';
import { graphql } from '../../graphql/generated';
import { readError } from '../../lib/graphql-errors';
import { useChangeStamp } from '../../lib/recent-changes';
import { hrefTo, navigate } from '../../lib/router';
import { useSession } from '../../lib/session';
import { CommentThread } from '../comments/comment-thread';

export const RecipeQuery = graphql(`
  query RecipeDetailPage_Recipe($id: ID!) {
    recipe(id: $id) {
      ...RecipeFields
    }
  }
`);

const DeleteRecipeMutation = graphql(`
  mutation RecipeDetailPage_Delete($id: ID!) {
    deleteRecipe(id: $id)
  }
`);

export function RecipeDetailPage({ id }: { id: string }) {
  const session = useSession();
  const [{ data, fetching, error }, refetch] = useQuery({ query: RecipeQuery, variables: { id } });
  const [deletion, deleteRecipe] = useMutation(DeleteRecipeMutation);
  const flash = useChangeStamp(id);
  const recipe = data?.recipe;

  const remove = async () => {
    // Optimistic: the recipe leaves every list at once; the list page is where the viewer goes next.
    navigate('/');
    const result = await deleteRecipe({ id });
    if (result.error) window.alert(readError(result.error)?.summary ?? 'The recipe could not be deleted.');
  };

  if (!recipe) {
    return (
      <ItemFallback loading={fetching && !data} failure={error && !data ? readError(error) : null} noun="recipe">
        It was deleted, or the link is wrong. <a href="#/">Back to all recipes</a>
      </ItemFallback>
    );
  }
  const mine = session?.user.id === recipe.author.id;
  return (
    <div className="stack">
      <RecipeView
        recipe={recipe}
        flash={flash}
        showVersion={mine}
        actions={
          mine && (
            <>
              <a className="button" href={hrefTo(`/recipes/${encodeURIComponent(id)}/edit`)}>
                Edit
              </a>
              <ConfirmDelete busy={deletion.fetching} onConfirm={remove} />
            </>
          )
        }
      />
      <CommentThread
        targetId={id}
        targetAuthorId={recipe.author.id}
        noun="recipe"
        onEnded={() => refetch({ requestPolicy: 'network-only' })}
      />
    </div>
  );
}
