import type { cacheExchange, Resolver as GraphCacheResolver, UpdateResolver as GraphCacheUpdateResolver, OptimisticMutationResolver as GraphCacheOptimisticMutationResolver } from '@urql/exchange-graphcache';

export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An instant in time, as an ISO-8601 string in UTC with milliseconds. */
  DateTime: { input: string; output: string; }
};

export type AddCommentInput = {
  /** 1 to 5,000 characters after trimming. */
  body: Scalars['String']['input'];
  /** The recipe or blog to comment on. */
  targetId: Scalars['ID']['input'];
};

/** A session token and the account it belongs to. */
export type AuthPayload = {
  __typename?: 'AuthPayload';
  /** Send as `Authorization: Bearer <token>` or `connectionParams.authorization`. */
  token: Scalars['String']['output'];
  user: User;
};

/** A blog post. A draft (`published: false`) exists only for its author. */
export type Blog = Commentable & Node & {
  __typename?: 'Blog';
  author: User;
  body: Scalars['String']['output'];
  /** How many comments the thread has. */
  commentCount: Scalars['Int']['output'];
  /** The thread, oldest first. */
  comments: CommentConnection;
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  /** False for a draft. */
  published: Scalars['Boolean']['output'];
  tags: Array<Scalars['String']['output']>;
  title: Scalars['String']['output'];
  updatedAt: Scalars['DateTime']['output'];
  /** 1 on create, +1 on every update that changes something. */
  version: Scalars['Int']['output'];
};


/** A blog post. A draft (`published: false`) exists only for its author. */
export type BlogCommentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

export type BlogChange = Change & {
  __typename?: 'BlogChange';
  /** State after the change; null for DELETED. */
  blog?: Maybe<Blog>;
  blogId: Scalars['ID']['output'];
  /** Position in the change log; pass it as `after` to resume right after this change. */
  cursor: Scalars['String']['output'];
  kind: ChangeKind;
  /** When the change committed. */
  occurredAt: Scalars['DateTime']['output'];
};

export type BlogConnection = {
  __typename?: 'BlogConnection';
  edges: Array<BlogEdge>;
  pageInfo: PageInfo;
};

export type BlogEdge = {
  __typename?: 'BlogEdge';
  cursor: Scalars['String']['output'];
  node: Blog;
};

export type BlogFilter = {
  /** Only blogs by this user. */
  authorId?: InputMaybe<Scalars['ID']['input']>;
  /** false lists only your own drafts. */
  published?: InputMaybe<Scalars['Boolean']['input']>;
  /** Only blogs carrying this tag. */
  tag?: InputMaybe<Scalars['String']['input']>;
};

/** One committed change, as the subscriber may see it. */
export type Change = {
  /** Position in the change log; pass it as `after` to resume right after this change. */
  cursor: Scalars['String']['output'];
  kind: ChangeKind;
  /** When the change committed. */
  occurredAt: Scalars['DateTime']['output'];
};

/** What a change did, as seen by the subscriber: appearing is CREATED, disappearing is DELETED. */
export type ChangeKind =
  | 'CREATED'
  | 'DELETED'
  | 'UPDATED';

/** A comment on a recipe or blog. Visible exactly when its target is. */
export type Comment = Node & {
  __typename?: 'Comment';
  author: User;
  /** 1 to 5,000 characters, trimmed. */
  body: Scalars['String']['output'];
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  /** The recipe or blog this comment is on. */
  target: Commentable;
  updatedAt: Scalars['DateTime']['output'];
  /** 1 on create, +1 on every update that changes something. */
  version: Scalars['Int']['output'];
};

export type CommentChange = Change & {
  __typename?: 'CommentChange';
  /** State after the change; null for DELETED. */
  comment?: Maybe<Comment>;
  commentId: Scalars['ID']['output'];
  /** Position in the change log; pass it as `after` to resume right after this change. */
  cursor: Scalars['String']['output'];
  kind: ChangeKind;
  /** When the change committed. */
  occurredAt: Scalars['DateTime']['output'];
  /** The recipe or blog the comment is on. */
  targetId: Scalars['ID']['output'];
};

export type CommentConnection = {
  __typename?: 'CommentConnection';
  edges: Array<CommentEdge>;
  pageInfo: PageInfo;
};

export type CommentEdge = {
  __typename?: 'CommentEdge';
  cursor: Scalars['String']['output'];
  node: Comment;
};

/** Something people can comment on. Its comments are visible exactly when it is. */
export type Commentable = {
  /** How many comments the thread has. */
  commentCount: Scalars['Int']['output'];
  /** The thread, oldest first. */
  comments: CommentConnection;
  id: Scalars['ID']['output'];
};


/** Something people can comment on. Its comments are visible exactly when it is. */
export type CommentableCommentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

export type CreateBlogInput = {
  /** Up to 100,000 characters. */
  body: Scalars['String']['input'];
  /** Defaults to false: a draft. */
  published?: InputMaybe<Scalars['Boolean']['input']>;
  /** At most 100 tags of 1 to 50 characters. */
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
  /** 1 to 200 characters. */
  title: Scalars['String']['input'];
};

export type CreateRecipeInput = {
  cookingMinutes?: InputMaybe<Scalars['Int']['input']>;
  /** Up to 100,000 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** At most 100 items of 1 to 1,000 characters. */
  ingredients?: InputMaybe<Array<Scalars['String']['input']>>;
  servings?: InputMaybe<Scalars['Int']['input']>;
  /** At most 100 items of 1 to 1,000 characters. */
  steps?: InputMaybe<Array<Scalars['String']['input']>>;
  /** At most 100 tags of 1 to 50 characters. */
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
  /** 1 to 200 characters. */
  title: Scalars['String']['input'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Comments on a recipe or a blog the viewer can see. A missing target, an id that is not a recipe or blog, and someone else's draft are all NOT_FOUND. */
  addComment: Comment;
  createBlog: Blog;
  createRecipe: Recipe;
  /** Returns the id of the deleted blog. */
  deleteBlog: Scalars['ID']['output'];
  /** The comment's author or the target's author may delete it. Returns the id of the deleted comment. */
  deleteComment: Scalars['ID']['output'];
  /** Returns the id of the deleted recipe. */
  deleteRecipe: Scalars['ID']['output'];
  /** Marks the given notifications read, or all of the viewer's without `ids`. Returns how many went from unread to read. An id that is not one of the viewer's notifications is NOT_FOUND and marks nothing. */
  markNotificationsRead: Scalars['Int']['output'];
  /** Exchanges the valid, unexpired token this request carries for a new one with a fresh lifetime (TOKEN_TTL). Without one, or with an expired one, it is UNAUTHENTICATED. */
  refreshToken: AuthPayload;
  /** Says whether the viewer is typing a comment on the target, where it is present (BAD_USER_INPUT otherwise). `true` lapses after 6 s unless renewed. Returns the typing state set. */
  setTyping: Scalars['Boolean']['output'];
  /** Exchanges email and password for a token. A wrong pair is UNAUTHENTICATED. */
  signIn: AuthPayload;
  /** Creates an account. A taken email is CONFLICT. */
  signUp: AuthPayload;
  updateBlog: Blog;
  /** Only the comment's author may edit it. */
  updateComment: Comment;
  updateRecipe: Recipe;
};


export type MutationAddCommentArgs = {
  input: AddCommentInput;
};


export type MutationCreateBlogArgs = {
  input: CreateBlogInput;
};


export type MutationCreateRecipeArgs = {
  input: CreateRecipeInput;
};


export type MutationDeleteBlogArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeleteCommentArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeleteRecipeArgs = {
  id: Scalars['ID']['input'];
};


export type MutationMarkNotificationsReadArgs = {
  ids?: InputMaybe<Array<Scalars['ID']['input']>>;
};


export type MutationSetTypingArgs = {
  targetId: Scalars['ID']['input'];
  typing: Scalars['Boolean']['input'];
};


export type MutationSignInArgs = {
  input: SignInInput;
};


export type MutationSignUpArgs = {
  input: SignUpInput;
};


export type MutationUpdateBlogArgs = {
  id: Scalars['ID']['input'];
  input: UpdateBlogInput;
};


export type MutationUpdateCommentArgs = {
  id: Scalars['ID']['input'];
  input: UpdateCommentInput;
};


export type MutationUpdateRecipeArgs = {
  id: Scalars['ID']['input'];
  input: UpdateRecipeInput;
};

export type Node = {
  id: Scalars['ID']['output'];
};

/** Something that happened to your content. Only its recipient ever sees it. */
export type Notification = Node & {
  __typename?: 'Notification';
  /** Who commented. */
  actor: User;
  comment: Comment;
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  kind: NotificationKind;
  read: Scalars['Boolean']['output'];
  /** The recipe or blog that was commented on. */
  target: Commentable;
};

export type NotificationChange = Change & {
  __typename?: 'NotificationChange';
  /** Position in the change log; pass it as `after` to resume right after this change. */
  cursor: Scalars['String']['output'];
  kind: ChangeKind;
  /** State after the change; null for DELETED, and once the notification is gone with its comment. */
  notification?: Maybe<Notification>;
  notificationId: Scalars['ID']['output'];
  /** When the change committed. */
  occurredAt: Scalars['DateTime']['output'];
  /** The recipient's unread count right after this change. */
  unreadCount: Scalars['Int']['output'];
};

export type NotificationConnection = {
  __typename?: 'NotificationConnection';
  edges: Array<NotificationEdge>;
  pageInfo: PageInfo;
};

export type NotificationEdge = {
  __typename?: 'NotificationEdge';
  cursor: Scalars['String']['output'];
  node: Notification;
};

/** What happened that the recipient should know about. */
export type NotificationKind =
  | 'COMMENT_ON_BLOG'
  | 'COMMENT_ON_RECIPE';

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  hasPreviousPage: Scalars['Boolean']['output'];
  startCursor?: Maybe<Scalars['String']['output']>;
};

/** Who is on a recipe or blog right now. Live state only: not in the change log, no cursor. */
export type Presence = {
  __typename?: 'Presence';
  /** Everyone present: signed-in users (each once, however many tabs and instances) plus anonymous connections. */
  count: Scalars['Int']['output'];
  /** Signed-in users present, at most 20: those typing first, then the most recent arrivals. */
  members: Array<PresenceMember>;
  /** The recipe or blog. */
  targetId: Scalars['ID']['output'];
};

/** A signed-in user present on a recipe or blog. */
export type PresenceMember = {
  __typename?: 'PresenceMember';
  /** Typing a comment: set with setTyping, lapses 6 s after the last setTyping(true), ends when the comment is posted. */
  typing: Scalars['Boolean']['output'];
  user: User;
};

export type Query = {
  __typename?: 'Query';
  /** Null when absent or a draft of someone else. */
  blog?: Maybe<Blog>;
  /** Newest first. Drafts appear only to their author. */
  blogs: BlogConnection;
  /** The signed-in user, or null for an anonymous viewer. */
  me?: Maybe<User>;
  node?: Maybe<Node>;
  nodes: Array<Maybe<Node>>;
  /** The viewer's notifications, newest first. UNAUTHENTICATED for an anonymous viewer. */
  notifications: NotificationConnection;
  recipe?: Maybe<Recipe>;
  /** Newest first. */
  recipes: RecipeConnection;
  /** How many of the viewer's notifications are unread. UNAUTHENTICATED for an anonymous viewer. */
  unreadNotificationCount: Scalars['Int']['output'];
};


export type QueryBlogArgs = {
  id: Scalars['ID']['input'];
};


export type QueryBlogsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<BlogFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};


export type QueryNodesArgs = {
  ids: Array<Scalars['ID']['input']>;
};


export type QueryNotificationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  unreadOnly?: InputMaybe<Scalars['Boolean']['input']>;
};


export type QueryRecipeArgs = {
  id: Scalars['ID']['input'];
};


export type QueryRecipesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<RecipeFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

/** A recipe. Everyone may read it; only its author may change it. */
export type Recipe = Commentable & Node & {
  __typename?: 'Recipe';
  author: User;
  /** How many comments the thread has. */
  commentCount: Scalars['Int']['output'];
  /** The thread, oldest first. */
  comments: CommentConnection;
  cookingMinutes?: Maybe<Scalars['Int']['output']>;
  createdAt: Scalars['DateTime']['output'];
  description?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  ingredients: Array<Scalars['String']['output']>;
  servings?: Maybe<Scalars['Int']['output']>;
  steps: Array<Scalars['String']['output']>;
  tags: Array<Scalars['String']['output']>;
  title: Scalars['String']['output'];
  updatedAt: Scalars['DateTime']['output'];
  /** 1 on create, +1 on every update that changes something. */
  version: Scalars['Int']['output'];
};


/** A recipe. Everyone may read it; only its author may change it. */
export type RecipeCommentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

export type RecipeChange = Change & {
  __typename?: 'RecipeChange';
  /** Position in the change log; pass it as `after` to resume right after this change. */
  cursor: Scalars['String']['output'];
  kind: ChangeKind;
  /** When the change committed. */
  occurredAt: Scalars['DateTime']['output'];
  /** State after the change; null for DELETED. */
  recipe?: Maybe<Recipe>;
  recipeId: Scalars['ID']['output'];
};

export type RecipeConnection = {
  __typename?: 'RecipeConnection';
  edges: Array<RecipeEdge>;
  pageInfo: PageInfo;
};

export type RecipeEdge = {
  __typename?: 'RecipeEdge';
  cursor: Scalars['String']['output'];
  node: Recipe;
};

export type RecipeFilter = {
  /** Only recipes by this user. */
  authorId?: InputMaybe<Scalars['ID']['input']>;
  /** Case-insensitive substring of the title, the description, an ingredient or a tag. */
  search?: InputMaybe<Scalars['String']['input']>;
  /** Only recipes carrying this tag. */
  tag?: InputMaybe<Scalars['String']['input']>;
};

export type SignInInput = {
  email: Scalars['String']['input'];
  password: Scalars['String']['input'];
};

export type SignUpInput = {
  /** A valid email address; stored lower-cased. */
  email: Scalars['String']['input'];
  /** 1 to 100 characters. */
  name: Scalars['String']['input'];
  /** At least 8 characters. */
  password: Scalars['String']['input'];
};

export type Subscription = {
  __typename?: 'Subscription';
  /** Every change to blogs matching the arguments that the viewer may see. A draft being published arrives as CREATED, a blog unpublished as DELETED. */
  blogChanged: BlogChange;
  /** Every add, edit and delete of a comment on the target, from `after` (exclusive) if given, then live. NOT_FOUND when the viewer cannot see the target; the stream completes when the target is deleted or hidden from the viewer. */
  commentChanged: CommentChange;
  /** The viewer's own notifications created, marked read and deleted, from `after` (exclusive) if given, then live. UNAUTHENTICATED for an anonymous viewer. */
  notificationChanged: NotificationChange;
  /** Who is on the target now; while subscribed, the viewer is present on it. The current state first, then a result after each change, at most 4 a second. NOT_FOUND for a target the viewer cannot see; the stream completes when the target is deleted or hidden from the viewer. */
  presence: Presence;
  /** Every change to recipes matching the arguments, from `after` (exclusive) if given, then live. */
  recipeChanged: RecipeChange;
};


export type SubscriptionBlogChangedArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  authorId?: InputMaybe<Scalars['ID']['input']>;
  id?: InputMaybe<Scalars['ID']['input']>;
};


export type SubscriptionCommentChangedArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  targetId: Scalars['ID']['input'];
};


export type SubscriptionNotificationChangedArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
};


export type SubscriptionPresenceArgs = {
  targetId: Scalars['ID']['input'];
};


export type SubscriptionRecipeChangedArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  authorId?: InputMaybe<Scalars['ID']['input']>;
  id?: InputMaybe<Scalars['ID']['input']>;
  tag?: InputMaybe<Scalars['String']['input']>;
};

/** Only the fields given change. `expectedVersion` makes the update fail with CONFLICT if the blog moved on. */
export type UpdateBlogInput = {
  body?: InputMaybe<Scalars['String']['input']>;
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  published?: InputMaybe<Scalars['Boolean']['input']>;
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
  title?: InputMaybe<Scalars['String']['input']>;
};

/** `expectedVersion` makes the update fail with CONFLICT if the comment moved on. */
export type UpdateCommentInput = {
  /** 1 to 5,000 characters after trimming. */
  body: Scalars['String']['input'];
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
};

/** Only the fields given change. `expectedVersion` makes the update fail with CONFLICT if the recipe moved on. */
export type UpdateRecipeInput = {
  cookingMinutes?: InputMaybe<Scalars['Int']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  ingredients?: InputMaybe<Array<Scalars['String']['input']>>;
  servings?: InputMaybe<Scalars['Int']['input']>;
  steps?: InputMaybe<Array<Scalars['String']['input']>>;
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
  title?: InputMaybe<Scalars['String']['input']>;
};

/** A person with an account. Only the public name is exposed. */
export type User = Node & {
  __typename?: 'User';
  id: Scalars['ID']['output'];
  /** Display name. */
  name: Scalars['String']['output'];
};

export type WithTypename<T extends { __typename?: any }> = Partial<T> & { __typename: NonNullable<T['__typename']> };

export type GraphCacheKeysConfig = {
  AuthPayload?: (data: WithTypename<AuthPayload>) => null | string,
  Blog?: (data: WithTypename<Blog>) => null | string,
  BlogChange?: (data: WithTypename<BlogChange>) => null | string,
  BlogConnection?: (data: WithTypename<BlogConnection>) => null | string,
  BlogEdge?: (data: WithTypename<BlogEdge>) => null | string,
  Comment?: (data: WithTypename<Comment>) => null | string,
  CommentChange?: (data: WithTypename<CommentChange>) => null | string,
  CommentConnection?: (data: WithTypename<CommentConnection>) => null | string,
  CommentEdge?: (data: WithTypename<CommentEdge>) => null | string,
  Notification?: (data: WithTypename<Notification>) => null | string,
  NotificationChange?: (data: WithTypename<NotificationChange>) => null | string,
  NotificationConnection?: (data: WithTypename<NotificationConnection>) => null | string,
  NotificationEdge?: (data: WithTypename<NotificationEdge>) => null | string,
  PageInfo?: (data: WithTypename<PageInfo>) => null | string,
  Presence?: (data: WithTypename<Presence>) => null | string,
  PresenceMember?: (data: WithTypename<PresenceMember>) => null | string,
  Recipe?: (data: WithTypename<Recipe>) => null | string,
  RecipeChange?: (data: WithTypename<RecipeChange>) => null | string,
  RecipeConnection?: (data: WithTypename<RecipeConnection>) => null | string,
  RecipeEdge?: (data: WithTypename<RecipeEdge>) => null | string,
  User?: (data: WithTypename<User>) => null | string
}

export type GraphCacheResolvers = {
  Query?: {
    blog?: GraphCacheResolver<WithTypename<Query>, QueryBlogArgs, WithTypename<Blog> | string>,
    blogs?: GraphCacheResolver<WithTypename<Query>, QueryBlogsArgs, WithTypename<BlogConnection> | string>,
    me?: GraphCacheResolver<WithTypename<Query>, Record<string, never>, WithTypename<User> | string>,
    node?: GraphCacheResolver<WithTypename<Query>, QueryNodeArgs, WithTypename<Blog> | WithTypename<Comment> | WithTypename<Notification> | WithTypename<Recipe> | WithTypename<User> | string>,
    nodes?: GraphCacheResolver<WithTypename<Query>, QueryNodesArgs, Array<WithTypename<Blog> | WithTypename<Comment> | WithTypename<Notification> | WithTypename<Recipe> | WithTypename<User> | string>>,
    notifications?: GraphCacheResolver<WithTypename<Query>, QueryNotificationsArgs, WithTypename<NotificationConnection> | string>,
    recipe?: GraphCacheResolver<WithTypename<Query>, QueryRecipeArgs, WithTypename<Recipe> | string>,
    recipes?: GraphCacheResolver<WithTypename<Query>, QueryRecipesArgs, WithTypename<RecipeConnection> | string>,
    unreadNotificationCount?: GraphCacheResolver<WithTypename<Query>, Record<string, never>, Scalars['Int']['output'] | string>
  },
  AuthPayload?: {
    token?: GraphCacheResolver<WithTypename<AuthPayload>, Record<string, never>, Scalars['String']['output'] | string>,
    user?: GraphCacheResolver<WithTypename<AuthPayload>, Record<string, never>, WithTypename<User> | string>
  },
  Blog?: {
    author?: GraphCacheResolver<WithTypename<Blog>, Record<string, never>, WithTypename<User> | string>,
    body?: GraphCacheResolver<WithTypename<Blog>, Record<string, never>, Scalars['String']['output'] | string>,
    commentCount?: GraphCacheResolver<WithTypename<Blog>, Record<string, never>, Scalars['Int']['output'] | string>,
    comments?: GraphCacheResolver<WithTypename<Blog>, BlogCommentsArgs, WithTypename<CommentConnection> | string>,
    createdAt?: GraphCacheResolver<WithTypename<Blog>, Record<string, never>, Scalars['DateTime']['output'] | string>,
    id?: GraphCacheResolver<WithTypename<Blog>, Record<string, never>, Scalars['ID']['output'] | string>,
    published?: GraphCacheResolver<WithTypename<Blog>, Record<string, never>, Scalars['Boolean']['output'] | string>,
    tags?: GraphCacheResolver<WithTypename<Blog>, Record<string, never>, Array<Scalars['String']['output'] | string>>,
    title?: GraphCacheResolver<WithTypename<Blog>, Record<string, never>, Scalars['String']['output'] | string>,
    updatedAt?: GraphCacheResolver<WithTypename<Blog>, Record<string, never>, Scalars['DateTime']['output'] | string>,
    version?: GraphCacheResolver<WithTypename<Blog>, Record<string, never>, Scalars['Int']['output'] | string>
  },
  BlogChange?: {
    blog?: GraphCacheResolver<WithTypename<BlogChange>, Record<string, never>, WithTypename<Blog> | string>,
    blogId?: GraphCacheResolver<WithTypename<BlogChange>, Record<string, never>, Scalars['ID']['output'] | string>,
    cursor?: GraphCacheResolver<WithTypename<BlogChange>, Record<string, never>, Scalars['String']['output'] | string>,
    kind?: GraphCacheResolver<WithTypename<BlogChange>, Record<string, never>, ChangeKind | string>,
    occurredAt?: GraphCacheResolver<WithTypename<BlogChange>, Record<string, never>, Scalars['DateTime']['output'] | string>
  },
  BlogConnection?: {
    edges?: GraphCacheResolver<WithTypename<BlogConnection>, Record<string, never>, Array<WithTypename<BlogEdge> | string>>,
    pageInfo?: GraphCacheResolver<WithTypename<BlogConnection>, Record<string, never>, WithTypename<PageInfo> | string>
  },
  BlogEdge?: {
    cursor?: GraphCacheResolver<WithTypename<BlogEdge>, Record<string, never>, Scalars['String']['output'] | string>,
    node?: GraphCacheResolver<WithTypename<BlogEdge>, Record<string, never>, WithTypename<Blog> | string>
  },
  Comment?: {
    author?: GraphCacheResolver<WithTypename<Comment>, Record<string, never>, WithTypename<User> | string>,
    body?: GraphCacheResolver<WithTypename<Comment>, Record<string, never>, Scalars['String']['output'] | string>,
    createdAt?: GraphCacheResolver<WithTypename<Comment>, Record<string, never>, Scalars['DateTime']['output'] | string>,
    id?: GraphCacheResolver<WithTypename<Comment>, Record<string, never>, Scalars['ID']['output'] | string>,
    target?: GraphCacheResolver<WithTypename<Comment>, Record<string, never>, WithTypename<Blog> | WithTypename<Recipe> | string>,
    updatedAt?: GraphCacheResolver<WithTypename<Comment>, Record<string, never>, Scalars['DateTime']['output'] | string>,
    version?: GraphCacheResolver<WithTypename<Comment>, Record<string, never>, Scalars['Int']['output'] | string>
  },
  CommentChange?: {
    comment?: GraphCacheResolver<WithTypename<CommentChange>, Record<string, never>, WithTypename<Comment> | string>,
    commentId?: GraphCacheResolver<WithTypename<CommentChange>, Record<string, never>, Scalars['ID']['output'] | string>,
    cursor?: GraphCacheResolver<WithTypename<CommentChange>, Record<string, never>, Scalars['String']['output'] | string>,
    kind?: GraphCacheResolver<WithTypename<CommentChange>, Record<string, never>, ChangeKind | string>,
    occurredAt?: GraphCacheResolver<WithTypename<CommentChange>, Record<string, never>, Scalars['DateTime']['output'] | string>,
    targetId?: GraphCacheResolver<WithTypename<CommentChange>, Record<string, never>, Scalars['ID']['output'] | string>
  },
  CommentConnection?: {
    edges?: GraphCacheResolver<WithTypename<CommentConnection>, Record<string, never>, Array<WithTypename<CommentEdge> | string>>,
    pageInfo?: GraphCacheResolver<WithTypename<CommentConnection>, Record<string, never>, WithTypename<PageInfo> | string>
  },
  CommentEdge?: {
    cursor?: GraphCacheResolver<WithTypename<CommentEdge>, Record<string, never>, Scalars['String']['output'] | string>,
    node?: GraphCacheResolver<WithTypename<CommentEdge>, Record<string, never>, WithTypename<Comment> | string>
  },
  Notification?: {
    actor?: GraphCacheResolver<WithTypename<Notification>, Record<string, never>, WithTypename<User> | string>,
    comment?: GraphCacheResolver<WithTypename<Notification>, Record<string, never>, WithTypename<Comment> | string>,
    createdAt?: GraphCacheResolver<WithTypename<Notification>, Record<string, never>, Scalars['DateTime']['output'] | string>,
    id?: GraphCacheResolver<WithTypename<Notification>, Record<string, never>, Scalars['ID']['output'] | string>,
    kind?: GraphCacheResolver<WithTypename<Notification>, Record<string, never>, NotificationKind | string>,
    read?: GraphCacheResolver<WithTypename<Notification>, Record<string, never>, Scalars['Boolean']['output'] | string>,
    target?: GraphCacheResolver<WithTypename<Notification>, Record<string, never>, WithTypename<Blog> | WithTypename<Recipe> | string>
  },
  NotificationChange?: {
    cursor?: GraphCacheResolver<WithTypename<NotificationChange>, Record<string, never>, Scalars['String']['output'] | string>,
    kind?: GraphCacheResolver<WithTypename<NotificationChange>, Record<string, never>, ChangeKind | string>,
    notification?: GraphCacheResolver<WithTypename<NotificationChange>, Record<string, never>, WithTypename<Notification> | string>,
    notificationId?: GraphCacheResolver<WithTypename<NotificationChange>, Record<string, never>, Scalars['ID']['output'] | string>,
    occurredAt?: GraphCacheResolver<WithTypename<NotificationChange>, Record<string, never>, Scalars['DateTime']['output'] | string>,
    unreadCount?: GraphCacheResolver<WithTypename<NotificationChange>, Record<string, never>, Scalars['Int']['output'] | string>
  },
  NotificationConnection?: {
    edges?: GraphCacheResolver<WithTypename<NotificationConnection>, Record<string, never>, Array<WithTypename<NotificationEdge> | string>>,
    pageInfo?: GraphCacheResolver<WithTypename<NotificationConnection>, Record<string, never>, WithTypename<PageInfo> | string>
  },
  NotificationEdge?: {
    cursor?: GraphCacheResolver<WithTypename<NotificationEdge>, Record<string, never>, Scalars['String']['output'] | string>,
    node?: GraphCacheResolver<WithTypename<NotificationEdge>, Record<string, never>, WithTypename<Notification> | string>
  },
  PageInfo?: {
    endCursor?: GraphCacheResolver<WithTypename<PageInfo>, Record<string, never>, Scalars['String']['output'] | string>,
    hasNextPage?: GraphCacheResolver<WithTypename<PageInfo>, Record<string, never>, Scalars['Boolean']['output'] | string>,
    hasPreviousPage?: GraphCacheResolver<WithTypename<PageInfo>, Record<string, never>, Scalars['Boolean']['output'] | string>,
    startCursor?: GraphCacheResolver<WithTypename<PageInfo>, Record<string, never>, Scalars['String']['output'] | string>
  },
  Presence?: {
    count?: GraphCacheResolver<WithTypename<Presence>, Record<string, never>, Scalars['Int']['output'] | string>,
    members?: GraphCacheResolver<WithTypename<Presence>, Record<string, never>, Array<WithTypename<PresenceMember> | string>>,
    targetId?: GraphCacheResolver<WithTypename<Presence>, Record<string, never>, Scalars['ID']['output'] | string>
  },
  PresenceMember?: {
    typing?: GraphCacheResolver<WithTypename<PresenceMember>, Record<string, never>, Scalars['Boolean']['output'] | string>,
    user?: GraphCacheResolver<WithTypename<PresenceMember>, Record<string, never>, WithTypename<User> | string>
  },
  Recipe?: {
    author?: GraphCacheResolver<WithTypename<Recipe>, Record<string, never>, WithTypename<User> | string>,
    commentCount?: GraphCacheResolver<WithTypename<Recipe>, Record<string, never>, Scalars['Int']['output'] | string>,
    comments?: GraphCacheResolver<WithTypename<Recipe>, RecipeCommentsArgs, WithTypename<CommentConnection> | string>,
    cookingMinutes?: GraphCacheResolver<WithTypename<Recipe>, Record<string, never>, Scalars['Int']['output'] | string>,
    createdAt?: GraphCacheResolver<WithTypename<Recipe>, Record<string, never>, Scalars['DateTime']['output'] | string>,
    description?: GraphCacheResolver<WithTypename<Recipe>, Record<string, never>, Scalars['String']['output'] | string>,
    id?: GraphCacheResolver<WithTypename<Recipe>, Record<string, never>, Scalars['ID']['output'] | string>,
    ingredients?: GraphCacheResolver<WithTypename<Recipe>, Record<string, never>, Array<Scalars['String']['output'] | string>>,
    servings?: GraphCacheResolver<WithTypename<Recipe>, Record<string, never>, Scalars['Int']['output'] | string>,
    steps?: GraphCacheResolver<WithTypename<Recipe>, Record<string, never>, Array<Scalars['String']['output'] | string>>,
    tags?: GraphCacheResolver<WithTypename<Recipe>, Record<string, never>, Array<Scalars['String']['output'] | string>>,
    title?: GraphCacheResolver<WithTypename<Recipe>, Record<string, never>, Scalars['String']['output'] | string>,
    updatedAt?: GraphCacheResolver<WithTypename<Recipe>, Record<string, never>, Scalars['DateTime']['output'] | string>,
    version?: GraphCacheResolver<WithTypename<Recipe>, Record<string, never>, Scalars['Int']['output'] | string>
  },
  RecipeChange?: {
    cursor?: GraphCacheResolver<WithTypename<RecipeChange>, Record<string, never>, Scalars['String']['output'] | string>,
    kind?: GraphCacheResolver<WithTypename<RecipeChange>, Record<string, never>, ChangeKind | string>,
    occurredAt?: GraphCacheResolver<WithTypename<RecipeChange>, Record<string, never>, Scalars['DateTime']['output'] | string>,
    recipe?: GraphCacheResolver<WithTypename<RecipeChange>, Record<string, never>, WithTypename<Recipe> | string>,
    recipeId?: GraphCacheResolver<WithTypename<RecipeChange>, Record<string, never>, Scalars['ID']['output'] | string>
  },
  RecipeConnection?: {
    edges?: GraphCacheResolver<WithTypename<RecipeConnection>, Record<string, never>, Array<WithTypename<RecipeEdge> | string>>,
    pageInfo?: GraphCacheResolver<WithTypename<RecipeConnection>, Record<string, never>, WithTypename<PageInfo> | string>
  },
  RecipeEdge?: {
    cursor?: GraphCacheResolver<WithTypename<RecipeEdge>, Record<string, never>, Scalars['String']['output'] | string>,
    node?: GraphCacheResolver<WithTypename<RecipeEdge>, Record<string, never>, WithTypename<Recipe> | string>
  },
  User?: {
    id?: GraphCacheResolver<WithTypename<User>, Record<string, never>, Scalars['ID']['output'] | string>,
    name?: GraphCacheResolver<WithTypename<User>, Record<string, never>, Scalars['String']['output'] | string>
  }
};

export type GraphCacheOptimisticUpdaters = {
  addComment?: GraphCacheOptimisticMutationResolver<MutationAddCommentArgs, WithTypename<Comment>>,
  createBlog?: GraphCacheOptimisticMutationResolver<MutationCreateBlogArgs, WithTypename<Blog>>,
  createRecipe?: GraphCacheOptimisticMutationResolver<MutationCreateRecipeArgs, WithTypename<Recipe>>,
  deleteBlog?: GraphCacheOptimisticMutationResolver<MutationDeleteBlogArgs, Scalars['ID']['output']>,
  deleteComment?: GraphCacheOptimisticMutationResolver<MutationDeleteCommentArgs, Scalars['ID']['output']>,
  deleteRecipe?: GraphCacheOptimisticMutationResolver<MutationDeleteRecipeArgs, Scalars['ID']['output']>,
  markNotificationsRead?: GraphCacheOptimisticMutationResolver<MutationMarkNotificationsReadArgs, Scalars['Int']['output']>,
  refreshToken?: GraphCacheOptimisticMutationResolver<Record<string, never>, WithTypename<AuthPayload>>,
  setTyping?: GraphCacheOptimisticMutationResolver<MutationSetTypingArgs, Scalars['Boolean']['output']>,
  signIn?: GraphCacheOptimisticMutationResolver<MutationSignInArgs, WithTypename<AuthPayload>>,
  signUp?: GraphCacheOptimisticMutationResolver<MutationSignUpArgs, WithTypename<AuthPayload>>,
  updateBlog?: GraphCacheOptimisticMutationResolver<MutationUpdateBlogArgs, WithTypename<Blog>>,
  updateComment?: GraphCacheOptimisticMutationResolver<MutationUpdateCommentArgs, WithTypename<Comment>>,
  updateRecipe?: GraphCacheOptimisticMutationResolver<MutationUpdateRecipeArgs, WithTypename<Recipe>>
};

export type GraphCacheUpdaters = {
  Query?: {
    blog?: GraphCacheUpdateResolver<{ blog: Maybe<WithTypename<Blog>> }, QueryBlogArgs>,
    blogs?: GraphCacheUpdateResolver<{ blogs: WithTypename<BlogConnection> }, QueryBlogsArgs>,
    me?: GraphCacheUpdateResolver<{ me: Maybe<WithTypename<User>> }, Record<string, never>>,
    node?: GraphCacheUpdateResolver<{ node: Maybe<WithTypename<Blog> | WithTypename<Comment> | WithTypename<Notification> | WithTypename<Recipe> | WithTypename<User>> }, QueryNodeArgs>,
    nodes?: GraphCacheUpdateResolver<{ nodes: Array<WithTypename<Blog> | WithTypename<Comment> | WithTypename<Notification> | WithTypename<Recipe> | WithTypename<User>> }, QueryNodesArgs>,
    notifications?: GraphCacheUpdateResolver<{ notifications: WithTypename<NotificationConnection> }, QueryNotificationsArgs>,
    recipe?: GraphCacheUpdateResolver<{ recipe: Maybe<WithTypename<Recipe>> }, QueryRecipeArgs>,
    recipes?: GraphCacheUpdateResolver<{ recipes: WithTypename<RecipeConnection> }, QueryRecipesArgs>,
    unreadNotificationCount?: GraphCacheUpdateResolver<{ unreadNotificationCount: Scalars['Int']['output'] }, Record<string, never>>
  },
  Mutation?: {
    addComment?: GraphCacheUpdateResolver<{ addComment: WithTypename<Comment> }, MutationAddCommentArgs>,
    createBlog?: GraphCacheUpdateResolver<{ createBlog: WithTypename<Blog> }, MutationCreateBlogArgs>,
    createRecipe?: GraphCacheUpdateResolver<{ createRecipe: WithTypename<Recipe> }, MutationCreateRecipeArgs>,
    deleteBlog?: GraphCacheUpdateResolver<{ deleteBlog: Scalars['ID']['output'] }, MutationDeleteBlogArgs>,
    deleteComment?: GraphCacheUpdateResolver<{ deleteComment: Scalars['ID']['output'] }, MutationDeleteCommentArgs>,
    deleteRecipe?: GraphCacheUpdateResolver<{ deleteRecipe: Scalars['ID']['output'] }, MutationDeleteRecipeArgs>,
    markNotificationsRead?: GraphCacheUpdateResolver<{ markNotificationsRead: Scalars['Int']['output'] }, MutationMarkNotificationsReadArgs>,
    refreshToken?: GraphCacheUpdateResolver<{ refreshToken: WithTypename<AuthPayload> }, Record<string, never>>,
    setTyping?: GraphCacheUpdateResolver<{ setTyping: Scalars['Boolean']['output'] }, MutationSetTypingArgs>,
    signIn?: GraphCacheUpdateResolver<{ signIn: WithTypename<AuthPayload> }, MutationSignInArgs>,
    signUp?: GraphCacheUpdateResolver<{ signUp: WithTypename<AuthPayload> }, MutationSignUpArgs>,
    updateBlog?: GraphCacheUpdateResolver<{ updateBlog: WithTypename<Blog> }, MutationUpdateBlogArgs>,
    updateComment?: GraphCacheUpdateResolver<{ updateComment: WithTypename<Comment> }, MutationUpdateCommentArgs>,
    updateRecipe?: GraphCacheUpdateResolver<{ updateRecipe: WithTypename<Recipe> }, MutationUpdateRecipeArgs>
  },
  Subscription?: {
    blogChanged?: GraphCacheUpdateResolver<{ blogChanged: WithTypename<BlogChange> }, SubscriptionBlogChangedArgs>,
    commentChanged?: GraphCacheUpdateResolver<{ commentChanged: WithTypename<CommentChange> }, SubscriptionCommentChangedArgs>,
    notificationChanged?: GraphCacheUpdateResolver<{ notificationChanged: WithTypename<NotificationChange> }, SubscriptionNotificationChangedArgs>,
    presence?: GraphCacheUpdateResolver<{ presence: WithTypename<Presence> }, SubscriptionPresenceArgs>,
    recipeChanged?: GraphCacheUpdateResolver<{ recipeChanged: WithTypename<RecipeChange> }, SubscriptionRecipeChangedArgs>
  },
  AuthPayload?: {
    token?: GraphCacheUpdateResolver<Maybe<WithTypename<AuthPayload>>, Record<string, never>>,
    user?: GraphCacheUpdateResolver<Maybe<WithTypename<AuthPayload>>, Record<string, never>>
  },
  Blog?: {
    author?: GraphCacheUpdateResolver<Maybe<WithTypename<Blog>>, Record<string, never>>,
    body?: GraphCacheUpdateResolver<Maybe<WithTypename<Blog>>, Record<string, never>>,
    commentCount?: GraphCacheUpdateResolver<Maybe<WithTypename<Blog>>, Record<string, never>>,
    comments?: GraphCacheUpdateResolver<Maybe<WithTypename<Blog>>, BlogCommentsArgs>,
    createdAt?: GraphCacheUpdateResolver<Maybe<WithTypename<Blog>>, Record<string, never>>,
    id?: GraphCacheUpdateResolver<Maybe<WithTypename<Blog>>, Record<string, never>>,
    published?: GraphCacheUpdateResolver<Maybe<WithTypename<Blog>>, Record<string, never>>,
    tags?: GraphCacheUpdateResolver<Maybe<WithTypename<Blog>>, Record<string, never>>,
    title?: GraphCacheUpdateResolver<Maybe<WithTypename<Blog>>, Record<string, never>>,
    updatedAt?: GraphCacheUpdateResolver<Maybe<WithTypename<Blog>>, Record<string, never>>,
    version?: GraphCacheUpdateResolver<Maybe<WithTypename<Blog>>, Record<string, never>>
  },
  BlogChange?: {
    blog?: GraphCacheUpdateResolver<Maybe<WithTypename<BlogChange>>, Record<string, never>>,
    blogId?: GraphCacheUpdateResolver<Maybe<WithTypename<BlogChange>>, Record<string, never>>,
    cursor?: GraphCacheUpdateResolver<Maybe<WithTypename<BlogChange>>, Record<string, never>>,
    kind?: GraphCacheUpdateResolver<Maybe<WithTypename<BlogChange>>, Record<string, never>>,
    occurredAt?: GraphCacheUpdateResolver<Maybe<WithTypename<BlogChange>>, Record<string, never>>
  },
  BlogConnection?: {
    edges?: GraphCacheUpdateResolver<Maybe<WithTypename<BlogConnection>>, Record<string, never>>,
    pageInfo?: GraphCacheUpdateResolver<Maybe<WithTypename<BlogConnection>>, Record<string, never>>
  },
  BlogEdge?: {
    cursor?: GraphCacheUpdateResolver<Maybe<WithTypename<BlogEdge>>, Record<string, never>>,
    node?: GraphCacheUpdateResolver<Maybe<WithTypename<BlogEdge>>, Record<string, never>>
  },
  Comment?: {
    author?: GraphCacheUpdateResolver<Maybe<WithTypename<Comment>>, Record<string, never>>,
    body?: GraphCacheUpdateResolver<Maybe<WithTypename<Comment>>, Record<string, never>>,
    createdAt?: GraphCacheUpdateResolver<Maybe<WithTypename<Comment>>, Record<string, never>>,
    id?: GraphCacheUpdateResolver<Maybe<WithTypename<Comment>>, Record<string, never>>,
    target?: GraphCacheUpdateResolver<Maybe<WithTypename<Comment>>, Record<string, never>>,
    updatedAt?: GraphCacheUpdateResolver<Maybe<WithTypename<Comment>>, Record<string, never>>,
    version?: GraphCacheUpdateResolver<Maybe<WithTypename<Comment>>, Record<string, never>>
  },
  CommentChange?: {
    comment?: GraphCacheUpdateResolver<Maybe<WithTypename<CommentChange>>, Record<string, never>>,
    commentId?: GraphCacheUpdateResolver<Maybe<WithTypename<CommentChange>>, Record<string, never>>,
    cursor?: GraphCacheUpdateResolver<Maybe<WithTypename<CommentChange>>, Record<string, never>>,
    kind?: GraphCacheUpdateResolver<Maybe<WithTypename<CommentChange>>, Record<string, never>>,
    occurredAt?: GraphCacheUpdateResolver<Maybe<WithTypename<CommentChange>>, Record<string, never>>,
    targetId?: GraphCacheUpdateResolver<Maybe<WithTypename<CommentChange>>, Record<string, never>>
  },
  CommentConnection?: {
    edges?: GraphCacheUpdateResolver<Maybe<WithTypename<CommentConnection>>, Record<string, never>>,
    pageInfo?: GraphCacheUpdateResolver<Maybe<WithTypename<CommentConnection>>, Record<string, never>>
  },
  CommentEdge?: {
    cursor?: GraphCacheUpdateResolver<Maybe<WithTypename<CommentEdge>>, Record<string, never>>,
    node?: GraphCacheUpdateResolver<Maybe<WithTypename<CommentEdge>>, Record<string, never>>
  },
  Notification?: {
    actor?: GraphCacheUpdateResolver<Maybe<WithTypename<Notification>>, Record<string, never>>,
    comment?: GraphCacheUpdateResolver<Maybe<WithTypename<Notification>>, Record<string, never>>,
    createdAt?: GraphCacheUpdateResolver<Maybe<WithTypename<Notification>>, Record<string, never>>,
    id?: GraphCacheUpdateResolver<Maybe<WithTypename<Notification>>, Record<string, never>>,
    kind?: GraphCacheUpdateResolver<Maybe<WithTypename<Notification>>, Record<string, never>>,
    read?: GraphCacheUpdateResolver<Maybe<WithTypename<Notification>>, Record<string, never>>,
    target?: GraphCacheUpdateResolver<Maybe<WithTypename<Notification>>, Record<string, never>>
  },
  NotificationChange?: {
    cursor?: GraphCacheUpdateResolver<Maybe<WithTypename<NotificationChange>>, Record<string, never>>,
    kind?: GraphCacheUpdateResolver<Maybe<WithTypename<NotificationChange>>, Record<string, never>>,
    notification?: GraphCacheUpdateResolver<Maybe<WithTypename<NotificationChange>>, Record<string, never>>,
    notificationId?: GraphCacheUpdateResolver<Maybe<WithTypename<NotificationChange>>, Record<string, never>>,
    occurredAt?: GraphCacheUpdateResolver<Maybe<WithTypename<NotificationChange>>, Record<string, never>>,
    unreadCount?: GraphCacheUpdateResolver<Maybe<WithTypename<NotificationChange>>, Record<string, never>>
  },
  NotificationConnection?: {
    edges?: GraphCacheUpdateResolver<Maybe<WithTypename<NotificationConnection>>, Record<string, never>>,
    pageInfo?: GraphCacheUpdateResolver<Maybe<WithTypename<NotificationConnection>>, Record<string, never>>
  },
  NotificationEdge?: {
    cursor?: GraphCacheUpdateResolver<Maybe<WithTypename<NotificationEdge>>, Record<string, never>>,
    node?: GraphCacheUpdateResolver<Maybe<WithTypename<NotificationEdge>>, Record<string, never>>
  },
  PageInfo?: {
    endCursor?: GraphCacheUpdateResolver<Maybe<WithTypename<PageInfo>>, Record<string, never>>,
    hasNextPage?: GraphCacheUpdateResolver<Maybe<WithTypename<PageInfo>>, Record<string, never>>,
    hasPreviousPage?: GraphCacheUpdateResolver<Maybe<WithTypename<PageInfo>>, Record<string, never>>,
    startCursor?: GraphCacheUpdateResolver<Maybe<WithTypename<PageInfo>>, Record<string, never>>
  },
  Presence?: {
    count?: GraphCacheUpdateResolver<Maybe<WithTypename<Presence>>, Record<string, never>>,
    members?: GraphCacheUpdateResolver<Maybe<WithTypename<Presence>>, Record<string, never>>,
    targetId?: GraphCacheUpdateResolver<Maybe<WithTypename<Presence>>, Record<string, never>>
  },
  PresenceMember?: {
    typing?: GraphCacheUpdateResolver<Maybe<WithTypename<PresenceMember>>, Record<string, never>>,
    user?: GraphCacheUpdateResolver<Maybe<WithTypename<PresenceMember>>, Record<string, never>>
  },
  Recipe?: {
    author?: GraphCacheUpdateResolver<Maybe<WithTypename<Recipe>>, Record<string, never>>,
    commentCount?: GraphCacheUpdateResolver<Maybe<WithTypename<Recipe>>, Record<string, never>>,
    comments?: GraphCacheUpdateResolver<Maybe<WithTypename<Recipe>>, RecipeCommentsArgs>,
    cookingMinutes?: GraphCacheUpdateResolver<Maybe<WithTypename<Recipe>>, Record<string, never>>,
    createdAt?: GraphCacheUpdateResolver<Maybe<WithTypename<Recipe>>, Record<string, never>>,
    description?: GraphCacheUpdateResolver<Maybe<WithTypename<Recipe>>, Record<string, never>>,
    id?: GraphCacheUpdateResolver<Maybe<WithTypename<Recipe>>, Record<string, never>>,
    ingredients?: GraphCacheUpdateResolver<Maybe<WithTypename<Recipe>>, Record<string, never>>,
    servings?: GraphCacheUpdateResolver<Maybe<WithTypename<Recipe>>, Record<string, never>>,
    steps?: GraphCacheUpdateResolver<Maybe<WithTypename<Recipe>>, Record<string, never>>,
    tags?: GraphCacheUpdateResolver<Maybe<WithTypename<Recipe>>, Record<string, never>>,
    title?: GraphCacheUpdateResolver<Maybe<WithTypename<Recipe>>, Record<string, never>>,
    updatedAt?: GraphCacheUpdateResolver<Maybe<WithTypename<Recipe>>, Record<string, never>>,
    version?: GraphCacheUpdateResolver<Maybe<WithTypename<Recipe>>, Record<string, never>>
  },
  RecipeChange?: {
    cursor?: GraphCacheUpdateResolver<Maybe<WithTypename<RecipeChange>>, Record<string, never>>,
    kind?: GraphCacheUpdateResolver<Maybe<WithTypename<RecipeChange>>, Record<string, never>>,
    occurredAt?: GraphCacheUpdateResolver<Maybe<WithTypename<RecipeChange>>, Record<string, never>>,
    recipe?: GraphCacheUpdateResolver<Maybe<WithTypename<RecipeChange>>, Record<string, never>>,
    recipeId?: GraphCacheUpdateResolver<Maybe<WithTypename<RecipeChange>>, Record<string, never>>
  },
  RecipeConnection?: {
    edges?: GraphCacheUpdateResolver<Maybe<WithTypename<RecipeConnection>>, Record<string, never>>,
    pageInfo?: GraphCacheUpdateResolver<Maybe<WithTypename<RecipeConnection>>, Record<string, never>>
  },
  RecipeEdge?: {
    cursor?: GraphCacheUpdateResolver<Maybe<WithTypename<RecipeEdge>>, Record<string, never>>,
    node?: GraphCacheUpdateResolver<Maybe<WithTypename<RecipeEdge>>, Record<string, never>>
  },
  User?: {
    id?: GraphCacheUpdateResolver<Maybe<WithTypename<User>>, Record<string, never>>,
    name?: GraphCacheUpdateResolver<Maybe<WithTypename<User>>, Record<string, never>>
  },
};

export type GraphCacheConfig = Parameters<typeof cacheExchange>[0] & {
  updates?: GraphCacheUpdaters,
  keys?: GraphCacheKeysConfig,
  optimistic?: GraphCacheOptimisticUpdaters,
  resolvers?: GraphCacheResolvers,
};