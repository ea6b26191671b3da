import { Query, Resolver } from 'type-graphql';

@Resolver()
export class HealthResolver {
  /** Lets a client check the API answers without being logged in. */
  @Query(() => String, { description: "Version de l'API." })
  apiVersion(): string {
    return '1';
  }
}
