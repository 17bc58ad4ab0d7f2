-- A small, hand-made world for the captures list and the deployment detail (CaptureApiTest,
-- DeploymentApiTest). Project 1 excludes Noctuidae (taxon 4) and its descendants by default; project 2
-- is a draft; project 3 holds 150 near-identical captures for the statement-count checks.

INSERT INTO users_user (id, email, name, date_joined) VALUES (1, 'uploader@example.org', 'Uploader', '2023-01-01');

INSERT INTO main_taxon (id, created_at, updated_at, name, rank, parent_id, parents_json, gbif_taxon_key, inat_taxon_id) VALUES
  (1, '2023-01-01', '2023-01-01', 'Lepidoptera', 'ORDER', NULL, '[]', 797, 47157),
  (2, '2023-01-01', '2023-01-01', 'Erebidae', 'FAMILY', 1, '[{"id": 1, "name": "Lepidoptera", "rank": "ORDER"}]', NULL, NULL),
  (3, '2023-01-01', '2023-01-01', 'Halysidota tessellaris', 'SPECIES', 2,
      '[{"id": 1, "name": "Lepidoptera", "rank": "ORDER"}, {"id": 2, "name": "Erebidae", "rank": "FAMILY"}]', 1811561, 81524),
  (4, '2023-01-01', '2023-01-01', 'Noctuidae', 'FAMILY', 1, '[{"id": 1, "name": "Lepidoptera", "rank": "ORDER"}]', NULL, NULL),
  (5, '2023-01-01', '2023-01-01', 'Agrotis ipsilon', 'SPECIES', 4,
      '[{"id": 1, "name": "Lepidoptera", "rank": "ORDER"}, {"id": 4, "name": "Noctuidae", "rank": "FAMILY"}]', NULL, NULL);

INSERT INTO main_project (id, created_at, updated_at, name, image, draft, default_filters_score_threshold) VALUES
  (1, '2023-01-01', '2023-01-02', 'Vermont moths', 'projects/vermont.jpg', false, 0.5),
  (2, '2023-01-01', '2023-01-01', 'Draft project', NULL, true, 0.5),
  (3, '2023-01-01', '2023-01-01', 'Bulk', NULL, false, 0.5);
INSERT INTO main_project_default_filters_exclude_taxa (project_id, taxon_id) VALUES (1, 4);

INSERT INTO main_s3storagesource (id, created_at, updated_at, name, bucket, prefix, public_base_url, project_id) VALUES
  (1, '2023-01-01', '2023-01-01', 'Vermont bucket', 'ami-vermont', '/images/', 'https://bucket.example.org/ami-vermont/', 1);
INSERT INTO main_site (id, created_at, updated_at, name, project_id) VALUES (1, '2023-01-01', '2023-01-01', 'Burlington', 1);
INSERT INTO main_device (id, created_at, updated_at, name, project_id) VALUES (1, '2023-01-01', '2023-01-01', 'AMI trap v2', 1);

INSERT INTO main_deployment (id, created_at, updated_at, name, description, latitude, longitude, image, project_id,
    data_source_id, data_source_total_files, data_source_total_size, data_source_subdir, data_source_regex,
    data_source_last_checked, events_count, occurrences_count, captures_count, detections_count, taxa_count,
    first_capture_timestamp, last_capture_timestamp, research_site_id, device_id) VALUES
  (10, '2023-07-01 12:00:00', '2023-08-06 09:30:00.25', 'Vermont Station 3', 'Behind the barn', 44.48, -73.21, NULL, 1,
   1, 4, 1077000000, 'station3/', '.*\.jpg$', '2023-08-06 09:00:00', 2, 3, 4, 5, 2,
   '2023-08-01 21:10:00', '2023-08-05 21:30:00', 1, 1),
  (11, '2023-07-02 12:00:00', '2023-07-02 12:00:00', 'Vermont Station 4', '', NULL, NULL, NULL, 1,
   NULL, NULL, NULL, NULL, NULL, NULL, 1, 0, 1, 0, 0, NULL, NULL, NULL, NULL),
  (20, '2023-07-03 12:00:00', '2023-07-03 12:00:00', 'Draft station', '', NULL, NULL, NULL, 2,
   NULL, NULL, NULL, NULL, NULL, NULL, 0, 0, 1, 0, 0, NULL, NULL, NULL, NULL),
  (30, '2023-07-04 12:00:00', '2023-07-04 12:00:00', 'Bulk station', '', NULL, NULL, NULL, 3,
   NULL, NULL, NULL, NULL, NULL, NULL, 1, 150, 150, 300, 1, NULL, NULL, NULL, NULL);

INSERT INTO main_event (id, created_at, updated_at, group_by, start, "end", project_id, deployment_id, captures_count,
    detections_count, occurrences_count) VALUES
  (100, '2023-08-02', '2023-08-02', '2023-08-01', '2023-08-01 21:00:00', '2023-08-02 05:00:00', 1, 10, 2, 4, 3),
  (101, '2023-08-06', '2023-08-06', '2023-08-05', '2023-08-05 21:30:00', '2023-08-05 23:59:00', 1, 10, 1, 0, 0),
  (110, '2023-08-04', '2023-08-04', '2023-08-03', '2023-08-03 22:00:00', NULL, 1, 11, 1, 0, 0),
  (200, '2023-08-04', '2023-08-04', '2023-08-03', '2023-08-03 22:00:00', NULL, 2, 20, 1, 0, 0),
  (300, '2023-08-04', '2023-08-04', '2023-08-03', '2023-08-03 22:00:00', '2023-08-04 04:00:00', 3, 30, 150, 300, 150);

INSERT INTO main_sourceimage (id, created_at, updated_at, path, public_base_url, timestamp, width, height, size,
    uploaded_by_id, test_image, detections_count, project_id, deployment_id, event_id) VALUES
  (1000, '2023-08-02 06:00:00', '2023-08-02 06:00:00', 'station3/20230801211000-snapshot.jpg',
   'https://bucket.example.org/ami-vermont/', '2023-08-01 21:10:00', 4096, 2160, 3250000, NULL, false, 3, 1, 10, 100),
  (1001, '2023-08-02 06:00:01', '2023-08-02 06:00:01', 'station3/20230801221000-snapshot.jpg',
   'https://bucket.example.org/ami-vermont', '2023-08-01 22:10:00.123456', 4096, 2160, 512, NULL, false, 2, 1, 10, 100),
  (1002, '2023-08-06 08:00:00', '2023-08-06 08:00:00', 'uploads/manual-1.jpg',
   NULL, '2023-08-05 21:30:00', 800, 600, 1, 1, true, 0, 1, 10, 101),
  (1003, '2023-08-04 06:00:00', '2023-08-04 06:00:00', 'station4/20230803220000-snapshot.jpg',
   'https://bucket.example.org/ami-vermont/', '2023-08-03 22:00:00', NULL, NULL, NULL, NULL, false, NULL, 1, 11, 110),
  (1004, '2023-08-06 07:00:00', '2023-08-06 07:00:00', 'station3/no-timestamp.jpg',
   'https://bucket.example.org/ami-vermont/', NULL, 4096, 2160, 1073741824, NULL, false, 0, 1, 10, NULL),
  (2000, '2023-08-04 06:00:00', '2023-08-04 06:00:00', 'draft/1.jpg', NULL, '2023-08-03 22:00:00', NULL, NULL, 10,
   NULL, false, 0, 2, 20, 200);

INSERT INTO main_occurrence (id, created_at, updated_at, determination_id, determination_score, event_id, deployment_id, project_id) VALUES
  (700, '2023-08-02 06:00:00', '2023-08-02 06:00:00', 3, 0.9, 100, 10, 1),    -- passes the defaults
  (701, '2023-08-02 06:00:00', '2023-08-02 06:00:00', 5, 0.8, 100, 10, 1),    -- a Noctuidae: excluded
  (702, '2023-08-02 06:00:00', '2023-08-02 06:00:00', 3, 0.3, 100, 10, 1);    -- under the score threshold

INSERT INTO main_detection (id, created_at, updated_at, source_image_id, bbox, timestamp, path, occurrence_id, frame_num) VALUES
  (5000, '2023-08-02 06:00:00', '2023-08-02 06:00:00', 1000, '[10, 20, 110, 120]', '2023-08-01 21:10:00', 'detections/5000.jpg', 700, 0),
  (5001, '2023-08-02 06:00:00', '2023-08-02 06:00:00', 1000, '[200, 220, 300, 330]', '2023-08-01 21:10:00', 'https://crops.example.org/5001.jpg', 701, 1),
  (5002, '2023-08-02 06:00:00', '2023-08-02 06:00:00', 1000, NULL, '2023-08-01 21:10:00', NULL, NULL, NULL),
  (5003, '2023-08-02 06:00:01', '2023-08-02 06:00:01', 1001, '[1, 2, 3, 4]', '2023-08-01 22:10:00', NULL, 702, 0),
  (5004, '2023-08-02 06:00:01', '2023-08-02 06:00:01', 1001, '[5, 6, 7, 8]', '2023-08-01 22:10:00', 'detections/5004.jpg', 700, 1);

INSERT INTO jobs_job (id, created_at, updated_at, name, status, job_type_key, started_at, finished_at, project_id, deployment_id) VALUES
  (1, '2023-08-06 10:00:00', '2023-08-06 10:05:00', 'Sync Vermont Station 3', 'SUCCESS', 'data_storage_sync',
   '2023-08-06 10:00:01', '2023-08-06 10:05:00', 1, 10),
  (2, '2023-08-07 10:00:00', '2023-08-07 10:00:00', 'Process Vermont Station 3', 'STARTED', 'ml',
   '2023-08-07 10:00:02', NULL, 1, 10),
  (3, '2023-08-07 11:00:00', '2023-08-07 11:00:00', 'Another project''s job', 'CREATED', 'custom_thing', NULL, NULL, 3, NULL);

-- Project 3: 150 captures, each with two detections of its own occurrence.
INSERT INTO main_sourceimage (id, created_at, updated_at, path, public_base_url, timestamp, width, height, size,
    test_image, detections_count, project_id, deployment_id, event_id)
SELECT 3000 + g, '2023-08-04', '2023-08-04', 'bulk/' || g || '.jpg', 'https://bucket.example.org/bulk/',
       TIMESTAMP '2023-08-03 22:00:00' + g * INTERVAL '1 minute', 1920, 1080, 100000 + g, false, 2, 3, 30, 300
FROM generate_series(1, 150) g;
INSERT INTO main_occurrence (id, created_at, updated_at, determination_id, determination_score, event_id, deployment_id, project_id)
SELECT 10000 + g, '2023-08-04', '2023-08-04', 3, 0.75, 300, 30, 3 FROM generate_series(1, 150) g;
INSERT INTO main_detection (id, created_at, updated_at, source_image_id, bbox, timestamp, path, occurrence_id, frame_num)
SELECT 20000 + g * 2 + f, '2023-08-04', '2023-08-04', 3000 + g, '[0, 0, 10, 10]', TIMESTAMP '2023-08-03 22:00:00' + g * INTERVAL '1 minute',
       'bulk/det-' || g || '-' || f || '.jpg', 10000 + g, f
FROM generate_series(1, 150) g, generate_series(0, 1) f;
