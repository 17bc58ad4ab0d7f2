-- Every value the occurrence list filters or sorts on, stored on the occurrence so that PostgreSQL answers a page
-- from an index instead of computing them for every matching row (at 1,000,000 occurrences a page sorted by
-- determination__name or detections_count, or only checked for "has a detection", cost 0.25-1.4 s; see
-- docs/antenna.md). They are Ferry maintained columns (dev.ferry.antenna.model.Maintained): Ferry's triggers keep
-- them true on every write, queries that use the same expressions read them, and the service fills them for an
-- existing database when this migration runs (Maintenance.rebuild), as the seeder does for new data.
ALTER TABLE main_occurrence
    ADD COLUMN detections_count bigint NOT NULL DEFAULT 0,
    ADD COLUMN identifications_count bigint NOT NULL DEFAULT 0,
    ADD COLUMN first_appearance_timestamp timestamp,
    ADD COLUMN last_appearance_timestamp timestamp,
    ADD COLUMN first_appearance_time time,
    ADD COLUMN duration_seconds double precision,
    ADD COLUMN determination_name varchar(255),
    ADD COLUMN determination_ordering integer,
    ADD COLUMN determination_rank varchar(255),
    ADD COLUMN event_start timestamp,
    ADD COLUMN deployment_name varchar(80);

-- One index per ordering the list offers, led by the project. Ties are broken by the id in the direction of the
-- last term, and NULLs always sort last (NullsLastOrderingFilter): a NOT NULL column needs one index for both
-- directions (scanned backwards for descending), a nullable one an index per direction. Each carries the columns
-- valid(), the default filters and `verified` read (INCLUDE), so that a page, and a walk to a deep page's position,
-- read the index alone: on 1M occurrences a walk over 200,000 rows of project 1 took 90 ms this way against 310 ms
-- with a heap fetch per row (EXPLAIN ANALYZE, docs/antenna.md).
DROP INDEX occur_proj_score_desc_idx;
DROP INDEX occur_proj_updated_desc_idx;
CREATE INDEX occur_proj_score_desc_idx ON main_occurrence (project_id, determination_score DESC NULLS LAST, id DESC) INCLUDE (determination_id, detections_count, identifications_count);
CREATE INDEX occur_proj_score_asc_idx ON main_occurrence (project_id, determination_score ASC NULLS LAST, id) INCLUDE (determination_id, detections_count, identifications_count);
CREATE INDEX occur_proj_updated_idx ON main_occurrence (project_id, updated_at, id) INCLUDE (determination_score, determination_id, detections_count, identifications_count);
CREATE INDEX occur_proj_created_idx ON main_occurrence (project_id, created_at, id) INCLUDE (determination_score, determination_id, detections_count, identifications_count);
CREATE INDEX occur_proj_detections_idx ON main_occurrence (project_id, detections_count, id) INCLUDE (determination_score, determination_id, identifications_count);
-- (with the last appearance too: a date range reads the occurrences first seen before its end, seen last after its start)
CREATE INDEX occur_proj_first_seen_asc_idx ON main_occurrence (project_id, first_appearance_timestamp ASC NULLS LAST, id) INCLUDE (determination_score, determination_id, detections_count, identifications_count, last_appearance_timestamp);
CREATE INDEX occur_proj_first_seen_desc_idx ON main_occurrence (project_id, first_appearance_timestamp DESC NULLS LAST, id DESC) INCLUDE (determination_score, determination_id, detections_count, identifications_count);
CREATE INDEX occur_proj_first_time_asc_idx ON main_occurrence (project_id, first_appearance_time ASC NULLS LAST, id) INCLUDE (determination_score, determination_id, detections_count, identifications_count);
CREATE INDEX occur_proj_first_time_desc_idx ON main_occurrence (project_id, first_appearance_time DESC NULLS LAST, id DESC) INCLUDE (determination_score, determination_id, detections_count, identifications_count);
CREATE INDEX occur_proj_duration_asc_idx ON main_occurrence (project_id, duration_seconds ASC NULLS LAST, id) INCLUDE (determination_score, determination_id, detections_count, identifications_count);
CREATE INDEX occur_proj_duration_desc_idx ON main_occurrence (project_id, duration_seconds DESC NULLS LAST, id DESC) INCLUDE (determination_score, determination_id, detections_count, identifications_count);
CREATE INDEX occur_proj_det_name_asc_idx ON main_occurrence (project_id, determination_name ASC NULLS LAST, id) INCLUDE (determination_score, determination_id, detections_count, identifications_count);
CREATE INDEX occur_proj_det_name_desc_idx ON main_occurrence (project_id, determination_name DESC NULLS LAST, id DESC) INCLUDE (determination_score, determination_id, detections_count, identifications_count);
CREATE INDEX occur_proj_det_order_asc_idx ON main_occurrence
    (project_id, determination_ordering ASC NULLS LAST, determination_name ASC NULLS LAST, id) INCLUDE (determination_score, determination_id, detections_count, identifications_count);
CREATE INDEX occur_proj_det_order_desc_idx ON main_occurrence
    (project_id, determination_ordering DESC NULLS LAST, determination_name DESC NULLS LAST, id DESC) INCLUDE (determination_score, determination_id, detections_count, identifications_count);
CREATE INDEX occur_proj_event_start_asc_idx ON main_occurrence (project_id, event_start ASC NULLS LAST, id) INCLUDE (determination_score, determination_id, detections_count, identifications_count);
CREATE INDEX occur_proj_event_start_desc_idx ON main_occurrence (project_id, event_start DESC NULLS LAST, id DESC) INCLUDE (determination_score, determination_id, detections_count, identifications_count);
CREATE INDEX occur_proj_deployment_asc_idx ON main_occurrence (project_id, deployment_name ASC NULLS LAST, id) INCLUDE (determination_score, determination_id, detections_count, identifications_count);
CREATE INDEX occur_proj_deployment_desc_idx ON main_occurrence (project_id, deployment_name DESC NULLS LAST, id DESC) INCLUDE (determination_score, determination_id, detections_count, identifications_count);

-- Filters that select few rows of a project: its rarer ranks, and its verified occurrences (about 5%).
CREATE INDEX occur_proj_det_rank_idx ON main_occurrence (project_id, determination_rank);
CREATE INDEX occur_proj_verified_idx ON main_occurrence (project_id) WHERE identifications_count > 0;

-- The captures page the UI polls every 10 s asks for ordering=-timestamp (the ascending order has its index in V1).
CREATE INDEX main_sourceimage_project_timestamp_desc_idx ON main_sourceimage (project_id, timestamp DESC NULLS LAST, id DESC);
