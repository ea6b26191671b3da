import type { CodegenConfig } from '@graphql-codegen/cli';

/** Operations typed from the committed SDL: `npm run codegen -w client` after an API change. */
const config: CodegenConfig = {
  schema: '../schema/schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**'],
  generates: {
    './src/gql/': {
      preset: 'client',
      config: { enumsAsTypes: true, useTypeImports: true, scalars: { DateTimeISO: 'string', LocalDate: 'string' } },
      presetConfig: { fragmentMasking: false },
    },
  },
  ignoreNoDocuments: true,
};

export default config;
