-- Fixture schema: a mini AMI workload (see workload/antenna.md section 1).
-- Portable: runs unchanged on PostgreSQL 17 and on H2 2.3 in MODE=PostgreSQL.
-- Ids are assigned by the Seeder, so no serial/identity columns.

CREATE TABLE users_user (
    id bigint PRIMARY KEY,
    name varchar(255) NOT NULL
);

CREATE TABLE main_project (
    id bigint PRIMARY KEY,
    name varchar(80) NOT NULL,
    draft boolean NOT NULL,
    owner_id bigint NULL
);

CREATE TABLE main_taxon (
    id bigint PRIMARY KEY,
    name varchar(255) NOT NULL UNIQUE,
    rank varchar(255) NOT NULL,
    parent_id bigint NULL
);

CREATE TABLE main_taxon_projects (
    taxon_id bigint NOT NULL,
    project_id bigint NOT NULL,
    PRIMARY KEY (taxon_id, project_id)
);

CREATE TABLE main_event (
    id bigint PRIMARY KEY,
    start timestamp NOT NULL,
    project_id bigint NULL
);

CREATE TABLE main_sourceimage (
    id bigint PRIMARY KEY,
    path varchar(255) NOT NULL,
    timestamp timestamp NULL,
    width integer NULL
);

CREATE TABLE main_occurrence (
    id bigint PRIMARY KEY,
    created_at timestamp NOT NULL,
    updated_at timestamp NOT NULL,
    determination_id bigint NULL,
    determination_score double precision NULL,
    event_id bigint NULL,
    project_id bigint NULL
);

CREATE TABLE main_detection (
    id bigint PRIMARY KEY,
    source_image_id bigint NOT NULL,
    occurrence_id bigint NULL,
    timestamp timestamp NULL,
    path varchar(255) NULL,
    frame_num integer NULL,
    detection_score double precision NULL
);

-- "key" is a reserved word in H2 (not in PostgreSQL), so it is quoted; the lower-case quoted
-- name equals the folded unquoted one on both databases (H2 runs with DATABASE_TO_LOWER=TRUE).
CREATE TABLE ml_algorithm (
    id bigint PRIMARY KEY,
    name varchar(255) NOT NULL,
    "key" varchar(255) NOT NULL UNIQUE,
    version integer NOT NULL
);

CREATE TABLE main_classification (
    id bigint PRIMARY KEY,
    detection_id bigint NULL,
    taxon_id bigint NULL,
    algorithm_id bigint NULL,
    score double precision NULL,
    terminal boolean NOT NULL,
    timestamp timestamp NOT NULL,
    created_at timestamp NOT NULL
);

CREATE TABLE main_identification (
    id bigint PRIMARY KEY,
    occurrence_id bigint NOT NULL,
    taxon_id bigint NULL,
    user_id bigint NULL,
    withdrawn boolean NOT NULL,
    comment varchar(1000) NOT NULL,
    created_at timestamp NOT NULL
);

-- @constraints
-- Foreign keys and their indexes. They come last so the Seeder can bulk-load before adding them
-- (it splits the script at the line above); running the whole file gives the same schema.
-- One index per FK column, as Django creates; main_taxon_projects.taxon_id is covered by the
-- primary key. Indexes come before the FKs so H2 uses them instead of creating its own.

CREATE INDEX main_project_owner_id_idx ON main_project (owner_id);
CREATE INDEX main_taxon_parent_id_idx ON main_taxon (parent_id);
CREATE INDEX main_taxon_projects_project_id_idx ON main_taxon_projects (project_id);
CREATE INDEX main_event_project_id_idx ON main_event (project_id);
CREATE INDEX main_occurrence_determination_id_idx ON main_occurrence (determination_id);
CREATE INDEX main_occurrence_event_id_idx ON main_occurrence (event_id);
CREATE INDEX main_occurrence_project_id_idx ON main_occurrence (project_id);
CREATE INDEX main_detection_source_image_id_idx ON main_detection (source_image_id);
CREATE INDEX main_detection_occurrence_id_idx ON main_detection (occurrence_id);
CREATE INDEX main_classification_detection_id_idx ON main_classification (detection_id);
CREATE INDEX main_classification_taxon_id_idx ON main_classification (taxon_id);
CREATE INDEX main_classification_algorithm_id_idx ON main_classification (algorithm_id);
CREATE INDEX main_identification_occurrence_id_idx ON main_identification (occurrence_id);
CREATE INDEX main_identification_taxon_id_idx ON main_identification (taxon_id);
CREATE INDEX main_identification_user_id_idx ON main_identification (user_id);

ALTER TABLE main_project ADD CONSTRAINT main_project_owner_id_fk
    FOREIGN KEY (owner_id) REFERENCES users_user (id);
ALTER TABLE main_taxon ADD CONSTRAINT main_taxon_parent_id_fk
    FOREIGN KEY (parent_id) REFERENCES main_taxon (id);
ALTER TABLE main_taxon_projects ADD CONSTRAINT main_taxon_projects_taxon_id_fk
    FOREIGN KEY (taxon_id) REFERENCES main_taxon (id);
ALTER TABLE main_taxon_projects ADD CONSTRAINT main_taxon_projects_project_id_fk
    FOREIGN KEY (project_id) REFERENCES main_project (id);
ALTER TABLE main_event ADD CONSTRAINT main_event_project_id_fk
    FOREIGN KEY (project_id) REFERENCES main_project (id);
ALTER TABLE main_occurrence ADD CONSTRAINT main_occurrence_determination_id_fk
    FOREIGN KEY (determination_id) REFERENCES main_taxon (id);
ALTER TABLE main_occurrence ADD CONSTRAINT main_occurrence_event_id_fk
    FOREIGN KEY (event_id) REFERENCES main_event (id);
ALTER TABLE main_occurrence ADD CONSTRAINT main_occurrence_project_id_fk
    FOREIGN KEY (project_id) REFERENCES main_project (id);
ALTER TABLE main_detection ADD CONSTRAINT main_detection_source_image_id_fk
    FOREIGN KEY (source_image_id) REFERENCES main_sourceimage (id);
ALTER TABLE main_detection ADD CONSTRAINT main_detection_occurrence_id_fk
    FOREIGN KEY (occurrence_id) REFERENCES main_occurrence (id);
ALTER TABLE main_classification ADD CONSTRAINT main_classification_detection_id_fk
    FOREIGN KEY (detection_id) REFERENCES main_detection (id);
ALTER TABLE main_classification ADD CONSTRAINT main_classification_taxon_id_fk
    FOREIGN KEY (taxon_id) REFERENCES main_taxon (id);
ALTER TABLE main_classification ADD CONSTRAINT main_classification_algorithm_id_fk
    FOREIGN KEY (algorithm_id) REFERENCES ml_algorithm (id);
ALTER TABLE main_identification ADD CONSTRAINT main_identification_occurrence_id_fk
    FOREIGN KEY (occurrence_id) REFERENCES main_occurrence (id);
ALTER TABLE main_identification ADD CONSTRAINT main_identification_taxon_id_fk
    FOREIGN KEY (taxon_id) REFERENCES main_taxon (id);
ALTER TABLE main_identification ADD CONSTRAINT main_identification_user_id_fk
    FOREIGN KEY (user_id) REFERENCES users_user (id);
