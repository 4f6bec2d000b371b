-- Undoes 004.
DROP TABLE tenants;
