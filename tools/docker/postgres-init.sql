-- One database and role per service, as the local stack's LocalPostgres.ensureDatabase does
-- (role = password = name: development credentials only; CREATEDB for Prisma's shadow database).
CREATE ROLE order_store LOGIN PASSWORD 'order_store' CREATEDB;
CREATE DATABASE order_store OWNER order_store;
CREATE ROLE mailer LOGIN PASSWORD 'mailer' CREATEDB;
CREATE DATABASE mailer OWNER mailer;
CREATE ROLE crm LOGIN PASSWORD 'crm' CREATEDB;
CREATE DATABASE crm OWNER crm;
CREATE ROLE shipping LOGIN PASSWORD 'shipping' CREATEDB;
CREATE DATABASE shipping OWNER shipping;
CREATE ROLE stock LOGIN PASSWORD 'stock' CREATEDB;
CREATE DATABASE stock OWNER stock;
