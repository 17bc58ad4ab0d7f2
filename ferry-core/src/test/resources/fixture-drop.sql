-- Drops the fixture schema, referencing tables before the tables they reference.
DROP TABLE IF EXISTS main_identification;
DROP TABLE IF EXISTS main_classification;
DROP TABLE IF EXISTS ml_algorithm;
DROP TABLE IF EXISTS main_detection;
DROP TABLE IF EXISTS main_occurrence;
DROP TABLE IF EXISTS main_sourceimage;
DROP TABLE IF EXISTS main_event;
DROP TABLE IF EXISTS main_taxon_projects;
DROP TABLE IF EXISTS main_taxon;
DROP TABLE IF EXISTS main_project;
DROP TABLE IF EXISTS users_user;
