import { Kysely, sql } from 'kysely';

// Frozen in time: migrations never import from src/.
//
// KPI health alerts. Each KPI says after how many consecutive periods below target it alerts, and
// kpi_alert remembers, per KPI, the band seen at the last evaluation and whether the current
// below-target streak was already alerted — so a KPI that stays red is heard once, and one that
// recovers and relapses is heard again. alert_count numbers the alerts: it is the outbox dedupe
// key, so an alert is queued exactly once even if the evaluation runs twice.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE kpi ADD COLUMN alert_after smallint NOT NULL DEFAULT 3 CHECK (alert_after BETWEEN 1 AND 52)`.execute(db);
  await sql`
    CREATE TABLE kpi_alert (
      workspace_id bigint NOT NULL REFERENCES workspace (id),
      kpi_id bigint NOT NULL,
      band text NOT NULL CHECK (band IN ('green', 'yellow', 'red')),
      streak_alerted boolean NOT NULL DEFAULT false,
      alert_count integer NOT NULL DEFAULT 0 CHECK (alert_count >= 0),
      last_alerted_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (workspace_id, kpi_id),
      FOREIGN KEY (workspace_id, kpi_id) REFERENCES kpi (workspace_id, id) ON DELETE CASCADE
    )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE kpi_alert`.execute(db);
  await sql`ALTER TABLE kpi DROP COLUMN alert_after`.execute(db);
}
