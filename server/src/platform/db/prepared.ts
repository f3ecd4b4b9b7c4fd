import type pg from 'pg';

/**
 * Server-side prepared statements for the statements a connection runs again and again, as PgJDBC
 * does (its `prepareThreshold`): a statement text with parameters is sent as an unnamed statement
 * until the connection has run it `threshold` times, and from then on under a name of its own,
 * parsed once. PostgreSQL then skips parsing and analysis on every later run and, once its
 * generic plan proves as cheap as the custom ones (PostgreSQL decides after five runs), planning
 * too. On the hot paths that was about half of the server's work for a statement (measured with
 * log_min_duration_statement: parse and bind of the session and register reads, ~1.2 ms per
 * certificate, against 0.4 ms executing them).
 *
 * Bounded: at most `limit` statements are prepared per connection (a statement built with a list
 * of varying length is a new text each time, and must not fill the server's memory); past that,
 * statements run unnamed as before. Names are per connection (`gv1`, `gv2` ...), so two texts
 * never share one. pg keeps track of what each connection has prepared, also in pipeline mode.
 *
 * Behind PgBouncer in transaction mode this needs PgBouncer 1.21 or later with
 * `max_prepared_statements` set (docs/OPERATIONS.md).
 */
export type PrepareOptions = { threshold?: number; limit?: number };

type QueryFunction = (...args: unknown[]) => unknown;

export const prepareRepeatedStatements = (client: pg.ClientBase, options: PrepareOptions = {}): void => {
  const threshold = options.threshold ?? 5;
  const limit = options.limit ?? 256;
  // Texts not (yet) prepared, with how often they ran; emptied when it grows (one-off texts).
  const runs = new Map<string, number>();
  const names = new Map<string, string>();
  const query = client.query.bind(client) as QueryFunction;
  const nameFor = (text: string): string | undefined => {
    const name = names.get(text);
    if (name || names.size >= limit) return name;
    const count = (runs.get(text) ?? 0) + 1;
    if (count < threshold) {
      if (runs.size >= 4 * limit) runs.clear();
      runs.set(text, count);
      return undefined;
    }
    runs.delete(text);
    const made = `gv${names.size + 1}`;
    names.set(text, made);
    return made;
  };
  (client as unknown as { query: QueryFunction }).query = (config: unknown, values?: unknown, callback?: unknown) => {
    const name = typeof config === 'string' && Array.isArray(values) && values.length > 0 ? nameFor(config) : undefined;
    return name ? query({ text: config, values, name }, callback) : query(config, values, callback);
  };
};
