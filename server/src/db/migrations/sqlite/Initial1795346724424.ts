import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795346724424 implements MigrationInterface {
  name = 'Initial1795346724424';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"agent\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"email\" varchar(200) NOT NULL, \"password_hash\" varchar(200) NOT NULL, \"display_name\" varchar(120) NOT NULL, \"role\" varchar(16) NOT NULL, \"caisse_code\" varchar(3) NOT NULL, \"national_scope\" boolean NOT NULL DEFAULT (0), \"active\" boolean NOT NULL DEFAULT (1), \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT \"UQ_c8e51500f3876fa1bbd4483ecc1\" UNIQUE (\"email\"))");
    await queryRunner.query("CREATE TABLE \"agent_session\" (\"id\" varchar(64) PRIMARY KEY NOT NULL, \"agent_id\" integer NOT NULL, \"created_at\" datetime NOT NULL, \"last_seen_at\" datetime NOT NULL, \"expires_at\" datetime NOT NULL, \"revoked_at\" datetime, \"ip\" varchar(64))");
    await queryRunner.query("CREATE INDEX \"idx_session_agent\" ON \"agent_session\" (\"agent_id\") ");
    await queryRunner.query("CREATE TABLE \"login_attempt\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"email\" varchar(200) NOT NULL, \"ip\" varchar(64) NOT NULL, \"at\" datetime NOT NULL, \"success\" boolean NOT NULL)");
    await queryRunner.query("CREATE INDEX \"idx_login_attempt_ip\" ON \"login_attempt\" (\"ip\", \"at\") ");
    await queryRunner.query("CREATE INDEX \"idx_login_attempt_email\" ON \"login_attempt\" (\"email\", \"at\") ");
    await queryRunner.query("CREATE TABLE \"audit_event\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"at\" datetime NOT NULL, \"agent_id\" integer, \"action\" varchar(40) NOT NULL, \"target_type\" varchar(40), \"target_id\" varchar(64), \"caisse_code\" varchar(3), \"details\" text, \"prev_hash\" varchar(64) NOT NULL, \"hash\" varchar(64) NOT NULL)");
    await queryRunner.query("CREATE INDEX \"idx_audit_target\" ON \"audit_event\" (\"target_type\", \"target_id\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"idx_audit_agent\" ON \"audit_event\" (\"agent_id\", \"id\") ");
    await queryRunner.query("CREATE TABLE \"audit_head\" (\"id\" integer PRIMARY KEY NOT NULL, \"last_id\" integer NOT NULL, \"last_hash\" varchar(64) NOT NULL)");
    // The audit chain starts from a genesis hash.
    await queryRunner.query("INSERT INTO \"audit_head\" (\"id\", \"last_id\", \"last_hash\") VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000')");
    await queryRunner.query("CREATE TABLE \"campaign\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"reference_year\" integer NOT NULL, \"scheme\" varchar(32) NOT NULL, \"label\" varchar(200) NOT NULL, \"professions\" text NOT NULL, \"opens_on\" date NOT NULL, \"planned_closes_on\" date NOT NULL, \"closes_on\" date NOT NULL, \"payment_date\" date, \"payment_period_label\" varchar(100) NOT NULL, \"status\" varchar(32) NOT NULL, \"conventions\" text NOT NULL, \"settings\" text NOT NULL, \"remuneration\" text NOT NULL, \"sources\" text NOT NULL, \"referentiel_version\" varchar(20) NOT NULL, \"computed_at\" datetime)");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_campaign_year_scheme\" ON \"campaign\" (\"reference_year\", \"scheme\") ");
    await queryRunner.query("CREATE TABLE \"indicator\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"campaign_id\" integer NOT NULL, \"code\" varchar(40) NOT NULL, \"label\" varchar(300) NOT NULL, \"group\" varchar(32) NOT NULL, \"kind\" varchar(32) NOT NULL, \"value_type\" varchar(32) NOT NULL, \"justificatif_policy\" varchar(32) NOT NULL, \"professions\" text, \"neutralised\" boolean NOT NULL DEFAULT (0), \"display_order\" integer NOT NULL, \"definition\" text NOT NULL, \"help_text\" text NOT NULL)");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_indicator_campaign_code\" ON \"indicator\" (\"campaign_id\", \"code\") ");
    await queryRunner.query("CREATE TABLE \"contact_log\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"professional_id\" integer NOT NULL, \"agent_id\" integer NOT NULL, \"caisse_code\" varchar(3) NOT NULL, \"at\" datetime NOT NULL, \"channel\" varchar(16) NOT NULL, \"subject\" varchar(200) NOT NULL, \"notes\" text NOT NULL, \"campaign_id\" integer)");
    await queryRunner.query("CREATE INDEX \"idx_contact_professional\" ON \"contact_log\" (\"professional_id\", \"at\") ");
    await queryRunner.query("CREATE TABLE \"declaration\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"professional_id\" integer NOT NULL, \"campaign_id\" integer NOT NULL, \"caisse_code\" varchar(3) NOT NULL, \"profession\" varchar(32) NOT NULL, \"status\" varchar(32) NOT NULL, \"first_transmitted_at\" datetime, \"last_transmitted_at\" datetime, \"transmission_count\" integer NOT NULL DEFAULT (0), \"last_channel\" varchar(16), \"honour_attestation\" boolean NOT NULL DEFAULT (0), \"conditions_acknowledged\" boolean NOT NULL DEFAULT (0), \"projected_remuneration_cents\" integer NOT NULL DEFAULT (0), \"computed_remuneration_cents\" integer, \"version\" integer NOT NULL DEFAULT (1), \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"idx_declaration_campaign_scope\" ON \"declaration\" (\"campaign_id\", \"caisse_code\", \"profession\", \"status\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_declaration_professional_campaign\" ON \"declaration\" (\"professional_id\", \"campaign_id\") ");
    await queryRunner.query("CREATE TABLE \"declaration_transmission\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"declaration_id\" integer NOT NULL, \"transmitted_at\" datetime NOT NULL, \"channel\" varchar(16) NOT NULL, \"entered_by_agent_id\" integer, \"honour_attestation\" boolean NOT NULL, \"conditions_acknowledged\" boolean NOT NULL, \"values\" text NOT NULL)");
    await queryRunner.query("CREATE INDEX \"idx_transmission_declaration\" ON \"declaration_transmission\" (\"declaration_id\", \"transmitted_at\") ");
    await queryRunner.query("CREATE TABLE \"indicator_value\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"declaration_id\" integer NOT NULL, \"indicator_id\" integer NOT NULL, \"professional_id\" integer NOT NULL, \"campaign_id\" integer NOT NULL, \"value\" text, \"source\" varchar(16), \"prefill_origin\" varchar(24), \"achievement\" varchar(24) NOT NULL, \"achievement_reason\" varchar(400) NOT NULL, \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"idx_value_professional\" ON \"indicator_value\" (\"professional_id\", \"campaign_id\") ");
    await queryRunner.query("CREATE INDEX \"idx_value_campaign_indicator_achievement\" ON \"indicator_value\" (\"campaign_id\", \"indicator_id\", \"achievement\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_value_declaration_indicator\" ON \"indicator_value\" (\"declaration_id\", \"indicator_id\") ");
    await queryRunner.query("CREATE TABLE \"stored_file\" (\"id\" varchar(64) PRIMARY KEY NOT NULL, \"content_type\" varchar(40) NOT NULL, \"size_bytes\" integer NOT NULL, \"original_name\" varchar(255) NOT NULL, \"uploaded_by_agent_id\" integer, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE TABLE \"justificatif\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"professional_id\" integer NOT NULL, \"campaign_id\" integer NOT NULL, \"indicator_id\" integer NOT NULL, \"caisse_code\" varchar(3) NOT NULL, \"profession\" varchar(32) NOT NULL, \"family\" varchar(40) NOT NULL, \"received_at\" datetime NOT NULL, \"channel\" varchar(16) NOT NULL, \"file_id\" varchar(64), \"status\" varchar(16) NOT NULL, \"assigned_agent_id\" integer, \"assigned_at\" datetime, \"decided_by_agent_id\" integer, \"decided_at\" datetime, \"rejection_reasons\" text, \"comment\" text, \"checklist\" text, \"declared_software_id\" integer, \"declared_publisher_id\" integer, \"version\" integer NOT NULL DEFAULT (1), \"created_at\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"idx_justificatif_family\" ON \"justificatif\" (\"professional_id\", \"family\", \"status\") ");
    await queryRunner.query("CREATE INDEX \"idx_justificatif_professional\" ON \"justificatif\" (\"professional_id\", \"campaign_id\") ");
    await queryRunner.query("CREATE INDEX \"idx_justificatif_assignee\" ON \"justificatif\" (\"assigned_agent_id\", \"status\", \"received_at\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"idx_justificatif_queue\" ON \"justificatif\" (\"status\", \"caisse_code\", \"received_at\", \"id\") ");
    await queryRunner.query("CREATE TABLE \"justificatif_history\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"justificatif_id\" integer NOT NULL, \"action\" varchar(16) NOT NULL, \"from_status\" varchar(16), \"to_status\" varchar(16) NOT NULL, \"agent_id\" integer, \"at\" datetime NOT NULL, \"reasons\" text, \"comment\" text)");
    await queryRunner.query("CREATE INDEX \"idx_justificatif_history\" ON \"justificatif_history\" (\"justificatif_id\", \"id\") ");
    await queryRunner.query("CREATE TABLE \"payment\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"professional_id\" integer NOT NULL, \"campaign_id\" integer NOT NULL, \"caisse_code\" varchar(3) NOT NULL, \"kind\" varchar(16) NOT NULL, \"amount_cents\" integer NOT NULL, \"paid_on\" date NOT NULL, \"status\" varchar(16) NOT NULL, \"reference\" varchar(40) NOT NULL)");
    await queryRunner.query("CREATE INDEX \"idx_payment_campaign_caisse\" ON \"payment\" (\"campaign_id\", \"caisse_code\") ");
    await queryRunner.query("CREATE INDEX \"idx_payment_professional\" ON \"payment\" (\"professional_id\", \"paid_on\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_payment_reference\" ON \"payment\" (\"reference\") ");
    await queryRunner.query("CREATE TABLE \"caisse\" (\"code\" varchar(3) PRIMARY KEY NOT NULL, \"name\" varchar(120) NOT NULL, \"departement\" varchar(3) NOT NULL)");
    await queryRunner.query("CREATE TABLE \"professional\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"am_number\" varchar(9) NOT NULL, \"rpps\" varchar(11), \"adeli\" varchar(9), \"last_name\" varchar(100) NOT NULL, \"first_name\" varchar(100) NOT NULL, \"search_name\" varchar(201) NOT NULL, \"profession\" varchar(32) NOT NULL, \"specialty\" varchar(64), \"caisse_code\" varchar(3) NOT NULL, \"address_line\" varchar(200) NOT NULL, \"postal_code\" varchar(5) NOT NULL, \"commune\" varchar(100) NOT NULL, \"commune_key\" varchar(100) NOT NULL, \"installation_date\" date, \"email\" varchar(200), \"phone\" varchar(20), \"uses_amelipro\" boolean NOT NULL DEFAULT (1), \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT \"UQ_e34163c5dbbdb1490280166648c\" UNIQUE (\"am_number\"), CONSTRAINT \"UQ_85d087d51d604a6c176d166bbcc\" UNIQUE (\"rpps\"), CONSTRAINT \"UQ_a885ac56d2474ee9b0c1868abf3\" UNIQUE (\"adeli\"))");
    await queryRunner.query("CREATE INDEX \"idx_professional_commune\" ON \"professional\" (\"commune_key\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"idx_professional_caisse_profession\" ON \"professional\" (\"caisse_code\", \"profession\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"idx_professional_caisse_search\" ON \"professional\" (\"caisse_code\", \"search_name\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"idx_professional_search\" ON \"professional\" (\"search_name\", \"id\") ");
    await queryRunner.query("CREATE TABLE \"software_publisher\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"name\" varchar(120) NOT NULL, CONSTRAINT \"UQ_604b0e9617ccf694a0afe87f082\" UNIQUE (\"name\"))");
    await queryRunner.query("CREATE TABLE \"software\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"publisher_id\" integer NOT NULL, \"name\" varchar(120) NOT NULL, \"version\" varchar(40) NOT NULL, \"dmp_compatible\" boolean NOT NULL DEFAULT (0), \"lap_certified\" boolean NOT NULL DEFAULT (0))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_software_publisher_name_version\" ON \"software\" (\"publisher_id\", \"name\", \"version\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"uq_software_publisher_name_version\"");
    await queryRunner.query("DROP TABLE \"software\"");
    await queryRunner.query("DROP TABLE \"software_publisher\"");
    await queryRunner.query("DROP INDEX \"idx_professional_search\"");
    await queryRunner.query("DROP INDEX \"idx_professional_caisse_search\"");
    await queryRunner.query("DROP INDEX \"idx_professional_caisse_profession\"");
    await queryRunner.query("DROP INDEX \"idx_professional_commune\"");
    await queryRunner.query("DROP TABLE \"professional\"");
    await queryRunner.query("DROP TABLE \"caisse\"");
    await queryRunner.query("DROP INDEX \"uq_payment_reference\"");
    await queryRunner.query("DROP INDEX \"idx_payment_professional\"");
    await queryRunner.query("DROP INDEX \"idx_payment_campaign_caisse\"");
    await queryRunner.query("DROP TABLE \"payment\"");
    await queryRunner.query("DROP INDEX \"idx_justificatif_history\"");
    await queryRunner.query("DROP TABLE \"justificatif_history\"");
    await queryRunner.query("DROP INDEX \"idx_justificatif_queue\"");
    await queryRunner.query("DROP INDEX \"idx_justificatif_assignee\"");
    await queryRunner.query("DROP INDEX \"idx_justificatif_professional\"");
    await queryRunner.query("DROP INDEX \"idx_justificatif_family\"");
    await queryRunner.query("DROP TABLE \"justificatif\"");
    await queryRunner.query("DROP TABLE \"stored_file\"");
    await queryRunner.query("DROP INDEX \"uq_value_declaration_indicator\"");
    await queryRunner.query("DROP INDEX \"idx_value_campaign_indicator_achievement\"");
    await queryRunner.query("DROP INDEX \"idx_value_professional\"");
    await queryRunner.query("DROP TABLE \"indicator_value\"");
    await queryRunner.query("DROP INDEX \"idx_transmission_declaration\"");
    await queryRunner.query("DROP TABLE \"declaration_transmission\"");
    await queryRunner.query("DROP INDEX \"uq_declaration_professional_campaign\"");
    await queryRunner.query("DROP INDEX \"idx_declaration_campaign_scope\"");
    await queryRunner.query("DROP TABLE \"declaration\"");
    await queryRunner.query("DROP INDEX \"idx_contact_professional\"");
    await queryRunner.query("DROP TABLE \"contact_log\"");
    await queryRunner.query("DROP INDEX \"uq_indicator_campaign_code\"");
    await queryRunner.query("DROP TABLE \"indicator\"");
    await queryRunner.query("DROP INDEX \"uq_campaign_year_scheme\"");
    await queryRunner.query("DROP TABLE \"campaign\"");
    await queryRunner.query("DROP TABLE \"audit_head\"");
    await queryRunner.query("DROP INDEX \"idx_audit_agent\"");
    await queryRunner.query("DROP INDEX \"idx_audit_target\"");
    await queryRunner.query("DROP TABLE \"audit_event\"");
    await queryRunner.query("DROP INDEX \"idx_login_attempt_email\"");
    await queryRunner.query("DROP INDEX \"idx_login_attempt_ip\"");
    await queryRunner.query("DROP TABLE \"login_attempt\"");
    await queryRunner.query("DROP INDEX \"idx_session_agent\"");
    await queryRunner.query("DROP TABLE \"agent_session\"");
    await queryRunner.query("DROP TABLE \"agent\"");
  }
}
