/**
 * prisma/schema.prisma (SQLite, the one source) → the PostgreSQL schema: the same datamodel with
 * the provider, the datasource and the generated client's folder swapped. Pure, so the drift test
 * can compare it with the committed prisma/postgresql/schema.prisma.
 */
export function postgresSchemaOf(sqliteSchema: string): string {
  const swap = (text: string, from: RegExp, to: string): string => {
    if (!from.test(text)) throw new Error(`prisma/schema.prisma no longer has ${from}: update scripts/lib/postgres-schema.ts`);
    return text.replace(from, to);
  };
  let schema = sqliteSchema;
  schema = swap(schema, /provider = "sqlite"/, 'provider = "postgresql"');
  schema = swap(schema, /url(\s*)= "file:[^"]*"/, 'url$1= "postgresql://localhost/flipstackk" // unused: the adapter connects to DATABASE_URL');
  schema = swap(schema, /output(\s*)= "\.\/generated"/, 'output$1= "../generated-pg"');
  const header = '// GENERATED from prisma/schema.prisma by `npm run prisma:postgres`: edit that file, not this one.\n\n';
  return header + schema;
}
