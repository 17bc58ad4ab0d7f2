-- A small, hand-made AMI project for the occurrence endpoints' tests; every value is chosen.
-- Project 1: occurrences 101 (two detections, machine only), 102 (verified), 103 (no classification,
-- no score), 104 (a withdrawn and a current identification), 105 (no detection: not valid),
-- 107 (score under the threshold). Project 2 is a draft (106). Project 3 has default include/exclude taxa.
INSERT INTO users_user (id, email, name, image, date_joined) VALUES
  (1, 'alice@example.org', 'Alice', NULL, '2023-01-01 00:00:00'),
  (2, 'bob@example.org', 'Bob', 'users/bob.png', '2023-01-01 00:00:00');

INSERT INTO main_taxon (id, created_at, updated_at, name, rank, parent_id, parents_json, gbif_taxon_key, inat_taxon_id, ordering) VALUES
  (1, '2023-01-01', '2023-01-01', 'Lepidoptera', 'ORDER', NULL, '[]', 797, 47157, 1),
  (2, '2023-01-01', '2023-01-01', 'Erebidae', 'FAMILY', 1, '[{"id": 1, "name": "Lepidoptera", "rank": "ORDER"}]', 4532185, NULL, 2),
  (3, '2023-01-01', '2023-01-01', 'Halysidota', 'GENUS', 2, '[{"id": 1, "name": "Lepidoptera", "rank": "ORDER"}, {"id": 2, "name": "Erebidae", "rank": "FAMILY"}]', 1811543, 81526, 3),
  (4, '2023-01-01', '2023-01-01', 'Halysidota tessellaris', 'SPECIES', 3, '[{"id": 1, "name": "Lepidoptera", "rank": "ORDER"}, {"id": 2, "name": "Erebidae", "rank": "FAMILY"}, {"id": 3, "name": "Halysidota", "rank": "GENUS"}]', 1811561, 81524, 4),
  (5, '2023-01-01', '2023-01-01', 'Halysidota harrisii', 'SPECIES', 3, '[{"id": 1, "name": "Lepidoptera", "rank": "ORDER"}, {"id": 2, "name": "Erebidae", "rank": "FAMILY"}, {"id": 3, "name": "Halysidota", "rank": "GENUS"}]', NULL, NULL, 5),
  (6, '2023-01-01', '2023-01-01', 'Noctuidae', 'FAMILY', 1, '[{"id": 1, "name": "Lepidoptera", "rank": "ORDER"}]', NULL, NULL, 6),
  (7, '2023-01-01', '2023-01-01', 'Agrotis', 'GENUS', 6, '[{"id": 1, "name": "Lepidoptera", "rank": "ORDER"}, {"id": 6, "name": "Noctuidae", "rank": "FAMILY"}]', NULL, NULL, 7),
  (8, '2023-01-01', '2023-01-01', 'Agrotis ipsilon', 'SPECIES', 7, '[{"id": 1, "name": "Lepidoptera", "rank": "ORDER"}, {"id": 6, "name": "Noctuidae", "rank": "FAMILY"}, {"id": 7, "name": "Agrotis", "rank": "GENUS"}]', 5109849, 54345, 8);
UPDATE main_taxon SET fieldguide_id = 'fg-4', cover_image_url = 'https://example.org/4.jpg', cover_image_credit = 'Jane' WHERE id = 4;

INSERT INTO main_project (id, created_at, updated_at, name, draft, default_filters_score_threshold) VALUES
  (1, '2023-01-01', '2023-01-01', 'Vermont Atlas of Life', false, 0.5),
  (2, '2023-01-01', '2023-01-01', 'Unpublished', true, 0.5),
  (3, '2023-01-01', '2023-01-01', 'Erebids only', false, 0.5);
INSERT INTO main_project_default_filters_include_taxa (project_id, taxon_id) VALUES (3, 2);
INSERT INTO main_project_default_filters_exclude_taxa (project_id, taxon_id) VALUES (3, 5);

INSERT INTO ml_algorithmcategorymap (id, created_at, updated_at, version) VALUES
  (1, '2024-01-10 09:00:00', '2024-01-10 09:00:00', 'v1'),
  (2, '2024-01-10 09:00:00', '2024-01-10 09:00:00', 'v2');
INSERT INTO ml_algorithm (id, created_at, updated_at, name, key, task_type, description, version, version_name, uri, category_map_id) VALUES
  (1, '2024-01-10 09:00:00', '2024-01-10 09:00:00', 'Moth / Non-Moth Classifier', 'moth-nonmoth-classifier', 'classification', '', 1, '1', NULL, 1),
  (2, '2024-01-10 09:00:00', '2024-01-10 09:00:00.5', 'Quebec & Vermont Species Classifier', 'quebec-vermont-species-classifier', 'classification', 'Species of the north-east', 1, '1', 'https://example.org/qv', 2),
  (3, '2024-01-10 09:00:00', '2024-01-10 09:00:00', 'FasterRCNN Detector', 'fasterrcnn-detector', 'detection', '', 1, NULL, NULL, NULL);

INSERT INTO main_deployment (id, created_at, updated_at, name, project_id) VALUES
  (1, '2023-01-01', '2023-01-01', 'Vermont Station 3', 1),
  (2, '2023-01-01', '2023-01-01', 'Vermont Station 4', 1),
  (3, '2023-01-01', '2023-01-01', 'Hidden Station', 2),
  (4, '2023-01-01', '2023-01-01', 'Erebid Station', 3);
INSERT INTO main_event (id, created_at, updated_at, group_by, start, "end", project_id, deployment_id) VALUES
  (1, '2023-08-01', '2023-08-01', '2023-08-01', '2023-08-01 22:00:00', '2023-08-02 05:00:00', 1, 1),
  (2, '2023-08-03', '2023-08-03', '2023-08-03', '2023-08-03 21:00:00', '2023-08-03 23:30:00', 1, 2),
  (3, '2023-08-03', '2023-08-03', '2023-08-03', '2023-08-03 21:00:00', '2023-08-04 04:00:00', 2, 3),
  (4, '2023-08-03', '2023-08-03', '2023-08-03', '2023-08-03 21:00:00', '2023-08-04 04:00:00', 3, 4);
INSERT INTO main_sourceimage (id, created_at, updated_at, path, public_base_url, timestamp, width, height, project_id, deployment_id, event_id) VALUES
  (11, '2023-08-02', '2023-08-02', '2023/08/02/20230802011403.jpg', 'https://bucket.example.org/', '2023-08-02 01:14:03', 4096, 2160, 1, 1, 1),
  (12, '2023-08-02', '2023-08-02', '2023/08/02/20230802011603.jpg', 'https://bucket.example.org/', '2023-08-02 01:16:03', 4096, 2160, 1, 1, 1),
  (13, '2023-08-03', '2023-08-03', '2023/08/03/20230803220000.jpg', NULL, '2023-08-03 22:00:00', NULL, NULL, 1, 2, 2),
  (14, '2023-08-03', '2023-08-03', 'hidden.jpg', NULL, '2023-08-03 22:00:00', NULL, NULL, 2, 3, 3),
  (15, '2023-08-03', '2023-08-03', 'erebid.jpg', NULL, '2023-08-03 23:00:00', NULL, NULL, 3, 4, 4);

INSERT INTO main_occurrence (id, created_at, updated_at, determination_id, determination_score, event_id, deployment_id, project_id) VALUES
  (101, '2023-08-05 10:22:11.001234', '2023-08-05 10:22:11.654321', 4, 0.87, 1, 1, 1),
  (102, '2023-08-05 10:00:00', '2023-08-06 10:00:00', 8, 1.0, 2, 2, 1),
  (103, '2023-08-05 11:00:00', '2023-08-05 11:00:00', NULL, NULL, 2, 2, 1),
  (104, '2023-08-05 12:00:00', '2023-08-07 09:30:00', 4, 1.0, 1, 1, 1),
  (105, '2023-08-05 13:00:00', '2023-08-05 13:00:00', 4, 0.9, 1, 1, 1),
  (106, '2023-08-05 13:00:00', '2023-08-05 13:00:00', 4, 0.9, 3, 3, 2),
  (107, '2023-08-05 14:00:00', '2023-08-05 14:00:00', 5, 0.3, 2, 2, 1),
  (108, '2023-08-05 15:00:00', '2023-08-05 15:00:00', 4, 0.8, 4, 4, 3),
  (109, '2023-08-05 15:00:00', '2023-08-05 15:00:00', 5, 0.8, 4, 4, 3),
  (110, '2023-08-05 15:00:00', '2023-08-05 15:00:00', 8, 0.8, 4, 4, 3);

INSERT INTO main_detection (id, created_at, updated_at, source_image_id, bbox, timestamp, path, occurrence_id, frame_num, detection_algorithm_id, detection_score) VALUES
  (1001, '2023-08-02', '2023-08-02', 11, '[10, 20, 110, 140]', '2023-08-02 01:14:03', 'detections/1/20230802011403-det-0.jpg', 101, 0, 3, 0.95),
  (1002, '2023-08-02', '2023-08-02', 12, '[12, 22, 112, 142]', '2023-08-02 01:16:03', 'https://bucket.example.org/detections/1/20230802011603-det-1.jpg', 101, 1, 3, 0.91),
  (1003, '2023-08-03', '2023-08-03', 13, '[0, 0, 50, 50]', '2023-08-03 22:00:00', 'detections/2/20230803220000-det-0.jpg', 102, 0, 3, 0.9),
  (1004, '2023-08-03', '2023-08-03', 13, NULL, '2023-08-03 22:00:00', NULL, 103, 1, 3, NULL),
  (1005, '2023-08-02', '2023-08-02', 11, '[200, 200, 260, 280]', '2023-08-02 01:14:03', 'detections/1/20230802011403-det-2.jpg', 104, 2, 3, 0.8),
  (1006, '2023-08-03', '2023-08-03', 14, '[1, 1, 2, 2]', '2023-08-03 22:00:00', 'hidden-det.jpg', 106, 0, 3, 0.8),
  (1007, '2023-08-03', '2023-08-03', 13, '[5, 5, 9, 9]', '2023-08-03 22:00:00', 'low.jpg', 107, 2, 3, 0.5),
  (1008, '2023-08-03', '2023-08-03', 15, '[5, 5, 9, 9]', '2023-08-03 23:00:00', 'e1.jpg', 108, 0, 3, 0.5),
  (1009, '2023-08-03', '2023-08-03', 15, '[5, 5, 9, 9]', '2023-08-03 23:00:00', 'e2.jpg', 109, 1, 3, 0.5),
  (1010, '2023-08-03', '2023-08-03', 15, '[5, 5, 9, 9]', '2023-08-03 23:00:00', 'e3.jpg', 110, 2, 3, 0.5);

INSERT INTO main_classification (id, created_at, updated_at, detection_id, taxon_id, score, timestamp, terminal, category_map_id, algorithm_id) VALUES
  (5001, '2023-08-05 10:22:10', '2023-08-05 10:22:10', 1001, 1, 0.99, '2023-08-05 10:22:10', false, 1, 1),
  (5002, '2023-08-05 10:22:11.123456', '2023-08-05 10:22:11.123456', 1001, 4, 0.87, '2023-08-05 10:22:11', true, 2, 2),
  (5003, '2023-08-05 10:22:12', '2023-08-05 10:22:12', 1002, 5, 0.6, '2023-08-05 10:22:12', true, 2, 2),
  (5004, '2023-08-05 10:00:00', '2023-08-05 10:00:00', 1003, 7, 0.55, '2023-08-05 10:00:00', true, 2, 2),
  (5005, '2023-08-05 12:00:00', '2023-08-05 12:00:00', 1005, 5, 0.7, '2023-08-05 12:00:00', true, 2, 2),
  (5006, '2023-08-05 14:00:00', '2023-08-05 14:00:00', 1007, 5, 0.3, '2023-08-05 14:00:00', true, 2, 2);

INSERT INTO main_identification (id, created_at, updated_at, user_id, taxon_id, occurrence_id, withdrawn, comment) VALUES
  (201, '2023-08-06 10:00:00', '2023-08-06 10:00:00', 1, 8, 102, false, ''),
  (202, '2023-08-05 09:00:00', '2023-08-05 09:00:00', 2, 5, 104, true, 'First guess'),
  (203, '2023-08-07 09:30:00', '2023-08-07 09:30:00', 2, 4, 104, false, 'Looks right');
