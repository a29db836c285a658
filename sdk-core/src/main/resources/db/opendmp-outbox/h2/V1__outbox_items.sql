-- OpenDMP deposit outbox (issue 19), H2. Times are epoch milliseconds (UTC).
CREATE TABLE opendmp_outbox_item (
    unique_id        VARCHAR(256)  NOT NULL PRIMARY KEY,
    structure_id     VARCHAR(256)  NOT NULL,
    local_patient_id VARCHAR(200)  NOT NULL,
    state            VARCHAR(32)   NOT NULL,
    reason           VARCHAR(64),
    note             VARCHAR(2000),
    patient_json     CHARACTER LARGE OBJECT NOT NULL,
    metadata_json    CHARACTER LARGE OBJECT NOT NULL,
    content          BINARY LARGE OBJECT NOT NULL,
    content_sha256   VARCHAR(64)   NOT NULL,
    renderer         VARCHAR(128),
    rendered         BOOLEAN       NOT NULL,
    attempts         INTEGER       NOT NULL,
    created_at       BIGINT        NOT NULL,
    updated_at       BIGINT        NOT NULL,
    next_attempt_at  BIGINT        NOT NULL,
    receipt          VARCHAR(2000),
    lease_owner      VARCHAR(64),
    lease_until      BIGINT,
    version          BIGINT        NOT NULL
);
CREATE INDEX opendmp_outbox_ready ON opendmp_outbox_item (state, next_attempt_at);
CREATE INDEX opendmp_outbox_patient ON opendmp_outbox_item (local_patient_id);
