-- Occurrence 900000 of project 4 with :detections detections (psql-style variables are not used: the test replaces
-- DETECTIONS with a number), one capture each, 2-3 classifications each by two algorithms, scores that tie at the
-- top of each algorithm, a path on most detections and frame numbers out of timestamp order.
INSERT INTO main_occurrence (id, created_at, updated_at, determination_id, determination_score, event_id, deployment_id, project_id)
VALUES (900000, '2023-08-05', '2023-08-05', 5, 0.97, 40, 40, 4);
INSERT INTO main_sourceimage (id, created_at, updated_at, path, timestamp, project_id, deployment_id, event_id)
SELECT 900000 + g, '2023-08-02', '2023-08-02', 'large/' || g || '.jpg', timestamp '2023-08-01 22:00:00' + g * interval '1 second', 4, 40, 40
FROM generate_series(1, DETECTIONS) g;
INSERT INTO main_detection (id, created_at, updated_at, source_image_id, bbox, timestamp, path, occurrence_id, frame_num)
SELECT 900000 + g, '2023-08-02', '2023-08-02', 900000 + g, '[1, 2, 3, 4]', timestamp '2023-08-01 22:00:00' + g * interval '1 second',
       CASE WHEN g % 7 = 0 THEN NULL ELSE 'detections/large/' || g || '.jpg' END, 900000, (g * 37) % 1000
FROM generate_series(1, DETECTIONS) g;
INSERT INTO main_classification (id, created_at, updated_at, detection_id, taxon_id, score, timestamp, terminal, category_map_id, algorithm_id)
SELECT 9000000 + g, timestamp '2023-08-05' + (g % 97) * interval '1 minute', '2023-08-05', 900000 + g, 1,
       CASE WHEN g % 1000 = 3 THEN 0.999 ELSE 0.5 + (g % 400) / 1000.0 END, '2023-08-05', false, 1, 1
FROM generate_series(1, DETECTIONS) g;
INSERT INTO main_classification (id, created_at, updated_at, detection_id, taxon_id, score, timestamp, terminal, category_map_id, algorithm_id)
SELECT 9500000 + g, timestamp '2023-08-05' + (g % 89) * interval '1 minute', '2023-08-05', 900000 + g, 4 + g % 5,
       CASE WHEN g % 500 = 7 THEN 0.97 ELSE 0.4 + (g % 500) / 1000.0 END, '2023-08-05', true, 2, 2
FROM generate_series(1, DETECTIONS) g;
INSERT INTO main_classification (id, created_at, updated_at, detection_id, taxon_id, score, timestamp, terminal, category_map_id, algorithm_id)
SELECT 9900000 + g, '2023-08-06', '2023-08-06', 900000 + g, 6, NULL, '2023-08-06', true, 2, 2
FROM generate_series(1, DETECTIONS, 3) g;
