import { type Kysely, sql } from "kysely";
import { autoId, dialectOf } from "../dialect";

// Credentials (a card bound to a staff member or a visitor), their enrolment challenges, and visitors
// with the doors their day card opens. No column holds a 個人番号, by law (番号法).
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on today's schema types.
export async function up(db: Kysely<any>): Promise<void> {
  const id = autoId(dialectOf(db));

  await db.schema
    .createTable("credential_challenge")
    .addColumn("id", "integer", id)
    .addColumn("challenge_hash", "char(64)", (c) => c.notNull())
    .addColumn("issued_by", "varchar(64)", (c) => c.notNull())
    .addColumn("issued_at", "varchar(32)", (c) => c.notNull())
    .addColumn("expires_at", "varchar(32)", (c) => c.notNull())
    .addColumn("used_at", "varchar(32)")
    .execute();
  await db.schema
    .createIndex("credential_challenge_expires")
    .on("credential_challenge")
    .column("expires_at")
    .execute();

  await db.schema
    .createTable("visitor")
    .addColumn("id", "integer", id)
    .addColumn("name", "varchar(100)", (c) => c.notNull())
    .addColumn("organisation", "varchar(100)")
    .addColumn("purpose", "varchar(200)", (c) => c.notNull())
    .addColumn("host_staff_id", "integer", (c) => c.notNull().references("staff.id"))
    .addColumn("issued_by", "varchar(64)", (c) => c.notNull())
    .addColumn("issued_at", "varchar(32)", (c) => c.notNull())
    .addColumn("expires_at", "varchar(32)", (c) => c.notNull())
    .addColumn("returned_at", "varchar(32)")
    .addColumn("returned_by", "varchar(64)")
    .execute();
  await db.schema.createIndex("visitor_issued").on("visitor").columns(["returned_at", "issued_at"]).execute();

  await db.schema
    .createTable("visitor_door")
    .addColumn("visitor_id", "integer", (c) => c.notNull().references("visitor.id").onDelete("cascade"))
    .addColumn("door_id", "integer", (c) => c.notNull().references("access_door.id"))
    .addPrimaryKeyConstraint("visitor_door_pk", ["visitor_id", "door_id"])
    .execute();

  await db.schema
    .createTable("credential")
    .addColumn("id", "integer", id)
    .addColumn("staff_id", "integer", (c) => c.references("staff.id"))
    .addColumn("visitor_id", "integer", (c) => c.references("visitor.id"))
    .addColumn("kind", "varchar(16)", (c) => c.notNull())
    .addColumn("key", "varchar(600)", (c) => c.notNull())
    .addColumn("jpki_issuer", "varchar(500)")
    .addColumn("jpki_serial", "varchar(80)")
    .addColumn("public_key", "text")
    .addColumn("valid_from", "varchar(32)")
    .addColumn("valid_to", "varchar(32)")
    .addColumn("status", "varchar(16)", (c) => c.notNull())
    .addColumn("status_reason", "varchar(200)")
    .addColumn("status_changed_at", "varchar(32)")
    .addColumn("status_changed_by", "varchar(64)")
    .addColumn("replaced_by_id", "integer", (c) => c.references("credential.id"))
    .addColumn("enrolled_by", "varchar(64)", (c) => c.notNull())
    .addColumn("enrolled_at", "varchar(32)", (c) => c.notNull())
    .addCheckConstraint("credential_one_holder", sql`(staff_id is null) <> (visitor_id is null)`)
    .addCheckConstraint("credential_kind", sql`kind in ('jpki', 'staffCard', 'uid')`)
    .addCheckConstraint("credential_status", sql`status in ('active', 'suspended', 'revoked')`)
    .addCheckConstraint(
      "credential_jpki_certificate",
      sql`kind <> 'jpki' or (jpki_issuer is not null and jpki_serial is not null and public_key is not null)`,
    )
    .execute();
  // A card is held by one live credential at a time; a visitor card's UID comes back the next day, and a
  // revoked credential keeps its row (revocation is final), so uniqueness leaves revoked rows out.
  await db.schema
    .createIndex("credential_key_live")
    .on("credential")
    .column("key")
    .unique()
    .where(sql.ref("status"), "<>", "revoked")
    .execute();
  await db.schema.createIndex("credential_key").on("credential").column("key").execute();
  await db.schema.createIndex("credential_staff").on("credential").column("staff_id").execute();
  await db.schema.createIndex("credential_visitor").on("credential").column("visitor_id").execute();
  await db.schema.createIndex("credential_expiry").on("credential").columns(["kind", "valid_to"]).execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["credential", "visitor_door", "visitor", "credential_challenge"]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
