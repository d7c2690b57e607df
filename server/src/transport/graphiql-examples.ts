/**
 * What every new GraphiQL window opens on, as a tab beside those the browser profile keeps (see
 * graphiql-page.ts). Every operation here runs as written; a test executes them against the schema.
 */
export const graphiqlExamples = `# Live Recipes. Run an operation with the ▶ button (it asks which one) or Ctrl+Enter inside it.
#
# Signed in: run SignUp (or SignIn), then put the token in the Headers tab below as
#   { "Authorization": "Bearer <token>" }
# Queries, mutations and subscriptions all use it.
#
# A running subscription stops when you switch GraphiQL tabs: watch it in a second browser
# window, and write in the first.

mutation SignUp {
  signUp(input: { email: "ada@example.com", password: "correct horse", name: "Ada" }) { token user { id name } }
}

mutation SignIn {
  signIn(input: { email: "ada@example.com", password: "correct horse" }) { token }
}

query Me {
  me { id name }
}

query Recipes {
  recipes(first: 10) {
    edges { node { id title version tags author { name } } }
    pageInfo { hasNextPage endCursor }
  }
}

subscription RecipeChanged {
  recipeChanged { kind recipeId cursor occurredAt recipe { title version tags author { name } } }
}

subscription BlogChanged {
  blogChanged { kind blogId cursor blog { title published author { name } } }
}

mutation CreateRecipe {
  createRecipe(input: { title: "Soda bread", ingredients: ["flour", "buttermilk"], steps: ["mix", "bake"], tags: ["bread"] }) { id version }
}

# A draft: only its author sees it, in queries and in BlogChanged.
mutation CreateDraft {
  createBlog(input: { title: "Rye notes", body: "Still testing the starter.", tags: ["bread"], published: false }) { id version }
}
`;
