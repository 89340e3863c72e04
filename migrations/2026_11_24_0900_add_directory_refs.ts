import { Kysely, sql } from 'kysely';

// Frozen in time: migrations never import from src/.
//
// Directory sync (WeCom departments and people): a team remembers which department it mirrors, so a
// renamed or moved department updates its team instead of creating another; a member remembers
// when the directory said they left, so history stays and prompts stop.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE team ADD COLUMN external_ref text CHECK (length(external_ref) BETWEEN 1 AND 200)`.execute(db);
  // Teams made by hand have no ref; only mirrored departments must be unique.
  await sql`CREATE UNIQUE INDEX team_external_ref_key ON team (workspace_id, external_ref) WHERE external_ref IS NOT NULL`.execute(db);
  await sql`ALTER TABLE member ADD COLUMN deactivated_at timestamptz`.execute(db);

  // The loop checks on reporting lines and the team tree, for updates, move from one check per row
  // to one per statement. Per row, a sync that sets 10,000 managers ran 10,000 dynamic recursive
  // queries (23 s on PostgreSQL, longer on PGlite); per statement it is one recursive query. It also
  // judges the statement's end state, so a swap written in one statement is no longer mistaken for
  // a loop half-way. Same advisory lock per workspace, same error (check_violation, constraint
  // <table>_no_cycle). Inserts keep the per-row check, now only for rows that have a parent, so bulk
  // inserts without one (directory sync) skip it. Objectives keep their per-row check.
  //
  // Why it is enough to look at the moved rows: the table held no loop before the statement, so any
  // loop now runs through a row whose parent changed, and that row no longer hangs from a root.
  await sql`
    CREATE FUNCTION forbid_parent_cycle_in_statement() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      col text := TG_ARGV[0];
      moved text;
      ws bigint;
      n bigint;
      looping bigint;
    BEGIN
      -- Only rows whose parent is new can close a loop; an UPDATE that leaves it alone costs nothing.
      moved := format(
        'SELECT n.workspace_id, n.id, n.%1$I AS parent FROM new_rows n JOIN old_rows o ON o.id = n.id
         WHERE n.%1$I IS NOT NULL AND n.%1$I IS DISTINCT FROM o.%1$I', col);
      FOR ws, n IN EXECUTE format('SELECT workspace_id, count(*) FROM (%s) m GROUP BY 1 ORDER BY 1', moved) LOOP
        PERFORM pg_advisory_xact_lock(hashtextextended(TG_TABLE_NAME || ':' || ws, 0));
        IF n <= 100 THEN
          -- A few moves: walk up from each (cost: their depth). UNION keeps a walk finite even if it
          -- runs into a loop through another moved row.
          EXECUTE format(
            'WITH RECURSIVE up (start, id) AS (
               SELECT m.id, m.parent FROM (%1$s) m WHERE m.workspace_id = $1
               UNION
               SELECT up.start, t.%2$I FROM %3$I t JOIN up ON t.workspace_id = $1 AND t.id = up.id
               WHERE t.%2$I IS NOT NULL AND up.id <> up.start)
             SELECT start FROM up WHERE id = start LIMIT 1', moved, col, TG_TABLE_NAME)
            INTO looping USING ws;
        ELSE
          -- Many moves (a directory sync): walk down from the roots once (cost: the workspace's
          -- size); a row in a loop is never reached. UNION ALL is safe: a tree has no repeats.
          EXECUTE format(
            'WITH RECURSIVE down (id) AS (
               SELECT id FROM %3$I WHERE workspace_id = $1 AND %2$I IS NULL
               UNION ALL
               SELECT t.id FROM %3$I t JOIN down ON t.workspace_id = $1 AND t.%2$I = down.id)
             SELECT m.id FROM (%1$s) m WHERE m.workspace_id = $1 AND NOT EXISTS (SELECT 1 FROM down d WHERE d.id = m.id) LIMIT 1',
            moved, col, TG_TABLE_NAME)
            INTO looping USING ws;
        END IF;
        IF looping IS NOT NULL THEN
          RAISE EXCEPTION '% % cannot be its own ancestor', TG_TABLE_NAME, looping
            USING ERRCODE = 'check_violation', CONSTRAINT = TG_TABLE_NAME || '_no_cycle';
        END IF;
      END LOOP;
      RETURN NULL;
    END $$`.execute(db);
  for (const [table, column] of [['member', 'manager_id'], ['team', 'parent_id']] as const) {
    await sql`DROP TRIGGER ${sql.id(`${table}_no_cycle`)} ON ${sql.table(table)}`.execute(db);
    await sql`
      CREATE TRIGGER ${sql.id(`${table}_no_cycle_insert`)} BEFORE INSERT ON ${sql.table(table)}
      FOR EACH ROW WHEN (NEW.${sql.ref(column)} IS NOT NULL) EXECUTE FUNCTION forbid_parent_cycle(${sql.lit(column)})`.execute(db);
    await sql`
      CREATE TRIGGER ${sql.id(`${table}_no_cycle_update`)} AFTER UPDATE ON ${sql.table(table)}
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION forbid_parent_cycle_in_statement(${sql.lit(column)})`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const [table, column] of [['member', 'manager_id'], ['team', 'parent_id']] as const) {
    await sql`DROP TRIGGER ${sql.id(`${table}_no_cycle_update`)} ON ${sql.table(table)}`.execute(db);
    await sql`DROP TRIGGER ${sql.id(`${table}_no_cycle_insert`)} ON ${sql.table(table)}`.execute(db);
    await sql`
      CREATE TRIGGER ${sql.id(`${table}_no_cycle`)} BEFORE INSERT OR UPDATE OF ${sql.ref(column)} ON ${sql.table(table)}
      FOR EACH ROW EXECUTE FUNCTION forbid_parent_cycle(${sql.lit(column)})`.execute(db);
  }
  await sql`DROP FUNCTION forbid_parent_cycle_in_statement()`.execute(db);
  await sql`ALTER TABLE member DROP COLUMN deactivated_at`.execute(db);
  await sql`DROP INDEX team_external_ref_key`.execute(db);
  await sql`ALTER TABLE team DROP COLUMN external_ref`.execute(db);
}
