/** The Pothos plugin behind the builder's `beforeMutation` option. */

import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';
import type { GraphQLFieldResolver } from 'graphql';

const pluginName = 'mutationGuard';

declare global {
  export namespace PothosSchemaTypes {
    interface Plugins<Types extends SchemaTypes> {
      mutationGuard: MutationGuardPlugin<Types>;
    }
    interface SchemaBuilderOptions<Types extends SchemaTypes> {
      /** Runs before every Mutation field's resolver; throwing refuses the field before it writes anything. */
      beforeMutation?: (context: Types['Context'], field: string) => Promise<void>;
    }
  }
}

/**
 * Applies one check to every root Mutation field, including fields added later, so a limit on
 * writes never depends on each resolver remembering it.
 */
export class MutationGuardPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(
    resolver: GraphQLFieldResolver<unknown, Types['Context'], object>,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> {
    const guard = this.builder.options.beforeMutation;
    if (fieldConfig.kind !== 'Mutation' || !guard) return resolver;
    return async (parent, args, context, info) => {
      await guard(context, fieldConfig.name);
      return resolver(parent, args, context, info);
    };
  }
}

SchemaBuilder.registerPlugin(pluginName, MutationGuardPlugin);

export default pluginName;
