-- Project 4: 1,200 occurrences shaped like the demo data (one detection each, two classifications
-- per detection by two algorithms, an identification on every 20th), for the statement counts.
INSERT INTO main_project (id, created_at, updated_at, name, draft, default_filters_score_threshold)
VALUES (4, '2023-01-01', '2023-01-01', 'Bulk', false, 0.5);
INSERT INTO main_deployment (id, created_at, updated_at, name, project_id) VALUES (40, '2023-01-01', '2023-01-01', 'Bulk Station', 4);
INSERT INTO main_event (id, created_at, updated_at, group_by, start, "end", project_id, deployment_id)
VALUES (40, '2023-08-01', '2023-08-01', '2023-08-01', '2023-08-01 22:00:00', '2023-08-02 05:00:00', 4, 40);
INSERT INTO main_sourceimage (id, created_at, updated_at, path, timestamp, project_id, deployment_id, event_id)
SELECT 100000 + g, '2023-08-02', '2023-08-02', 'bulk/' || g || '.jpg', timestamp '2023-08-01 22:00:00' + g * interval '10 seconds', 4, 40, 40
FROM generate_series(1, 1200) g;
INSERT INTO main_occurrence (id, created_at, updated_at, determination_id, determination_score, event_id, deployment_id, project_id)
SELECT 100000 + g, '2023-08-05', '2023-08-05', 4 + g % 5, 0.5 + (g % 50) / 100.0, 40, 40, 4 FROM generate_series(1, 1200) g;
INSERT INTO main_detection (id, created_at, updated_at, source_image_id, bbox, timestamp, path, occurrence_id, frame_num)
SELECT 100000 + g, '2023-08-02', '2023-08-02', 100000 + g, '[1, 2, 3, 4]', timestamp '2023-08-01 22:00:00' + g * interval '10 seconds',
       'detections/40/' || g || '.jpg', 100000 + g, 0 FROM generate_series(1, 1200) g;
INSERT INTO main_classification (id, created_at, updated_at, detection_id, taxon_id, score, timestamp, terminal, category_map_id, algorithm_id)
SELECT 100000 + g, '2023-08-05', '2023-08-05', 100000 + g, 1, 0.99, '2023-08-05', false, 1, 1 FROM generate_series(1, 1200) g;
INSERT INTO main_classification (id, created_at, updated_at, detection_id, taxon_id, score, timestamp, terminal, category_map_id, algorithm_id)
SELECT 200000 + g, '2023-08-05', '2023-08-05', 100000 + g, 4 + g % 5, 0.5 + (g % 50) / 100.0, '2023-08-05', true, 2, 2 FROM generate_series(1, 1200) g;
INSERT INTO main_identification (id, created_at, updated_at, user_id, taxon_id, occurrence_id, withdrawn, comment)
SELECT 100000 + g, '2023-08-06', '2023-08-06', 1 + g % 2, 4, 100000 + g, false, '' FROM generate_series(20, 1200, 20) g;
