-- The DDL Alembic 1.8.1 emits for each of Sahara's revisions on sqlite (offline mode),
-- statement by statement, as the Python sahara-db-manage runs it. One block per revision,
-- opened by a '-- revision NNN' line; each statement ends with ';' and a blank line.

-- revision 001

CREATE TABLE jobs (
    created_at DATETIME,
    updated_at DATETIME,
    id VARCHAR(36) NOT NULL,
    tenant_id VARCHAR(36),
    name VARCHAR(80) NOT NULL,
    description TEXT,
    type VARCHAR(80) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE (name, tenant_id)
);

CREATE TABLE node_group_templates (
    created_at DATETIME,
    updated_at DATETIME,
    id VARCHAR(36) NOT NULL,
    name VARCHAR(80) NOT NULL,
    description TEXT,
    tenant_id VARCHAR(36),
    flavor_id VARCHAR(36) NOT NULL,
    image_id VARCHAR(36),
    plugin_name VARCHAR(80) NOT NULL,
    hadoop_version VARCHAR(80) NOT NULL,
    node_processes TEXT,
    node_configs TEXT,
    volumes_per_node INTEGER NOT NULL,
    volumes_size INTEGER,
    volume_mount_prefix VARCHAR(80),
    floating_ip_pool VARCHAR(36),
    PRIMARY KEY (id),
    UNIQUE (name, tenant_id)
);

CREATE TABLE cluster_templates (
    created_at DATETIME,
    updated_at DATETIME,
    id VARCHAR(36) NOT NULL,
    name VARCHAR(80) NOT NULL,
    description TEXT,
    cluster_configs TEXT,
    default_image_id VARCHAR(36),
    anti_affinity TEXT,
    tenant_id VARCHAR(36),
    neutron_management_network VARCHAR(36),
    plugin_name VARCHAR(80) NOT NULL,
    hadoop_version VARCHAR(80) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE (name, tenant_id)
);

CREATE TABLE job_binary_internal (
    created_at DATETIME,
    updated_at DATETIME,
    id VARCHAR(36) NOT NULL,
    tenant_id VARCHAR(36),
    name VARCHAR(80) NOT NULL,
    data BLOB,
    datasize BIGINT,
    PRIMARY KEY (id),
    UNIQUE (name, tenant_id)
);

CREATE TABLE job_binaries (
    created_at DATETIME,
    updated_at DATETIME,
    id VARCHAR(36) NOT NULL,
    tenant_id VARCHAR(36),
    name VARCHAR(80) NOT NULL,
    description TEXT,
    url VARCHAR(256) NOT NULL,
    extra TEXT,
    PRIMARY KEY (id),
    UNIQUE (name, tenant_id)
);

CREATE TABLE data_sources (
    created_at DATETIME,
    updated_at DATETIME,
    id VARCHAR(36) NOT NULL,
    tenant_id VARCHAR(36),
    name VARCHAR(80) NOT NULL,
    description TEXT,
    type VARCHAR(80) NOT NULL,
    url VARCHAR(256) NOT NULL,
    credentials TEXT,
    PRIMARY KEY (id),
    UNIQUE (name, tenant_id)
);

CREATE TABLE libs_association (
    "Job_id" VARCHAR(36),
    "JobBinary_id" VARCHAR(36),
    FOREIGN KEY("JobBinary_id") REFERENCES job_binaries (id),
    FOREIGN KEY("Job_id") REFERENCES jobs (id)
);

CREATE TABLE clusters (
    created_at DATETIME,
    updated_at DATETIME,
    id VARCHAR(36) NOT NULL,
    name VARCHAR(80) NOT NULL,
    description TEXT,
    tenant_id VARCHAR(36),
    trust_id VARCHAR(36),
    is_transient BOOLEAN,
    plugin_name VARCHAR(80) NOT NULL,
    hadoop_version VARCHAR(80) NOT NULL,
    cluster_configs TEXT,
    default_image_id VARCHAR(36),
    neutron_management_network VARCHAR(36),
    anti_affinity TEXT,
    management_private_key TEXT NOT NULL,
    management_public_key TEXT NOT NULL,
    user_keypair_id VARCHAR(80),
    status VARCHAR(80),
    status_description VARCHAR(200),
    info TEXT,
    extra TEXT,
    cluster_template_id VARCHAR(36),
    PRIMARY KEY (id),
    FOREIGN KEY(cluster_template_id) REFERENCES cluster_templates (id),
    UNIQUE (name, tenant_id)
);

CREATE TABLE templates_relations (
    created_at DATETIME,
    updated_at DATETIME,
    id VARCHAR(36) NOT NULL,
    tenant_id VARCHAR(36),
    name VARCHAR(80) NOT NULL,
    flavor_id VARCHAR(36) NOT NULL,
    image_id VARCHAR(36),
    node_processes TEXT,
    node_configs TEXT,
    volumes_per_node INTEGER,
    volumes_size INTEGER,
    volume_mount_prefix VARCHAR(80),
    count INTEGER NOT NULL,
    cluster_template_id VARCHAR(36),
    node_group_template_id VARCHAR(36),
    floating_ip_pool VARCHAR(36),
    PRIMARY KEY (id),
    FOREIGN KEY(cluster_template_id) REFERENCES cluster_templates (id),
    FOREIGN KEY(node_group_template_id) REFERENCES node_group_templates (id)
);

CREATE TABLE mains_association (
    "Job_id" VARCHAR(36),
    "JobBinary_id" VARCHAR(36),
    FOREIGN KEY("JobBinary_id") REFERENCES job_binaries (id),
    FOREIGN KEY("Job_id") REFERENCES jobs (id)
);

CREATE TABLE job_executions (
    created_at DATETIME,
    updated_at DATETIME,
    id VARCHAR(36) NOT NULL,
    tenant_id VARCHAR(36),
    job_id VARCHAR(36),
    input_id VARCHAR(36),
    output_id VARCHAR(36),
    start_time DATETIME,
    end_time DATETIME,
    cluster_id VARCHAR(36),
    info TEXT,
    progress FLOAT,
    oozie_job_id VARCHAR(100),
    return_code VARCHAR(80),
    job_configs TEXT,
    extra TEXT,
    PRIMARY KEY (id),
    FOREIGN KEY(cluster_id) REFERENCES clusters (id),
    FOREIGN KEY(input_id) REFERENCES data_sources (id),
    FOREIGN KEY(job_id) REFERENCES jobs (id),
    FOREIGN KEY(output_id) REFERENCES data_sources (id)
);

CREATE TABLE node_groups (
    created_at DATETIME,
    updated_at DATETIME,
    id VARCHAR(36) NOT NULL,
    name VARCHAR(80) NOT NULL,
    tenant_id VARCHAR(36),
    flavor_id VARCHAR(36) NOT NULL,
    image_id VARCHAR(36),
    image_username VARCHAR(36),
    node_processes TEXT,
    node_configs TEXT,
    volumes_per_node INTEGER,
    volumes_size INTEGER,
    volume_mount_prefix VARCHAR(80),
    count INTEGER NOT NULL,
    cluster_id VARCHAR(36),
    node_group_template_id VARCHAR(36),
    floating_ip_pool VARCHAR(36),
    PRIMARY KEY (id),
    FOREIGN KEY(cluster_id) REFERENCES clusters (id),
    FOREIGN KEY(node_group_template_id) REFERENCES node_group_templates (id),
    UNIQUE (name, cluster_id)
);

CREATE TABLE instances (
    created_at DATETIME,
    updated_at DATETIME,
    id VARCHAR(36) NOT NULL,
    tenant_id VARCHAR(36),
    node_group_id VARCHAR(36),
    instance_id VARCHAR(36),
    instance_name VARCHAR(80) NOT NULL,
    internal_ip VARCHAR(15),
    management_ip VARCHAR(15),
    volumes TEXT,
    PRIMARY KEY (id),
    FOREIGN KEY(node_group_id) REFERENCES node_groups (id),
    UNIQUE (instance_id, node_group_id)
);

-- revision 002

-- revision 003

-- revision 004

-- revision 005

-- revision 006

-- revision 007

ALTER TABLE clusters ALTER COLUMN status_description TYPE TEXT;

-- revision 008

ALTER TABLE node_group_templates ADD COLUMN security_groups TEXT;

ALTER TABLE node_groups ADD COLUMN security_groups TEXT;

ALTER TABLE templates_relations ADD COLUMN security_groups TEXT;

-- revision 009

ALTER TABLE clusters ADD COLUMN rollback_info TEXT;

-- revision 010

ALTER TABLE node_group_templates ADD COLUMN auto_security_group BOOLEAN;

ALTER TABLE node_groups ADD COLUMN auto_security_group BOOLEAN;

ALTER TABLE templates_relations ADD COLUMN auto_security_group BOOLEAN;

ALTER TABLE node_groups ADD COLUMN open_ports TEXT;

-- revision 011

ALTER TABLE clusters ADD COLUMN sahara_info TEXT;

-- revision 012

ALTER TABLE node_group_templates ADD COLUMN availability_zone VARCHAR(255);

ALTER TABLE node_groups ADD COLUMN availability_zone VARCHAR(255);

ALTER TABLE templates_relations ADD COLUMN availability_zone VARCHAR(255);

-- revision 013

ALTER TABLE node_group_templates ADD COLUMN volumes_availability_zone VARCHAR(255);

ALTER TABLE node_groups ADD COLUMN volumes_availability_zone VARCHAR(255);

ALTER TABLE templates_relations ADD COLUMN volumes_availability_zone VARCHAR(255);

-- revision 014

ALTER TABLE node_group_templates ADD COLUMN volume_type VARCHAR(255);

ALTER TABLE node_groups ADD COLUMN volume_type VARCHAR(255);

ALTER TABLE templates_relations ADD COLUMN volume_type VARCHAR(255);

-- revision 015

CREATE TABLE cluster_provision_steps (
    created_at DATETIME,
    updated_at DATETIME,
    id VARCHAR(36) NOT NULL,
    cluster_id VARCHAR(36),
    tenant_id VARCHAR(36),
    step_name VARCHAR(80),
    step_type VARCHAR(36),
    completed INTEGER,
    total INTEGER,
    successful BOOLEAN,
    started_at DATETIME,
    completed_at DATETIME,
    PRIMARY KEY (id),
    FOREIGN KEY(cluster_id) REFERENCES clusters (id),
    UNIQUE (id, cluster_id)
);

CREATE TABLE cluster_events (
    created_at DATETIME,
    updated_at DATETIME,
    id VARCHAR(36) NOT NULL,
    node_group_id VARCHAR(36),
    instance_id VARCHAR(36),
    instance_name VARCHAR(80),
    event_info TEXT,
    successful BOOLEAN NOT NULL,
    step_id VARCHAR(36),
    PRIMARY KEY (id),
    FOREIGN KEY(step_id) REFERENCES cluster_provision_steps (id),
    UNIQUE (id, step_id)
);

-- revision 016

ALTER TABLE node_group_templates ADD COLUMN is_proxy_gateway BOOLEAN;

ALTER TABLE node_groups ADD COLUMN is_proxy_gateway BOOLEAN;

ALTER TABLE templates_relations ADD COLUMN is_proxy_gateway BOOLEAN;

-- revision 017

ALTER TABLE job_executions DROP COLUMN progress;

-- revision 018

ALTER TABLE node_group_templates ADD COLUMN volume_local_to_instance BOOLEAN;

ALTER TABLE node_groups ADD COLUMN volume_local_to_instance BOOLEAN;

ALTER TABLE templates_relations ADD COLUMN volume_local_to_instance BOOLEAN;

-- revision 019

ALTER TABLE cluster_templates ADD COLUMN is_default BOOLEAN;

ALTER TABLE node_group_templates ADD COLUMN is_default BOOLEAN;

-- revision 020

ALTER TABLE cluster_provision_steps DROP COLUMN completed_at;

ALTER TABLE cluster_provision_steps DROP COLUMN completed;

ALTER TABLE cluster_provision_steps DROP COLUMN started_at;

-- revision 021

ALTER TABLE job_executions ADD COLUMN data_source_urls TEXT;

-- revision 022

CREATE TABLE job_interface_arguments (
    created_at DATETIME,
    updated_at DATETIME,
    id VARCHAR(36) NOT NULL,
    job_id VARCHAR(36) NOT NULL,
    tenant_id VARCHAR(36),
    name VARCHAR(80) NOT NULL,
    description TEXT,
    mapping_type VARCHAR(80) NOT NULL,
    location TEXT NOT NULL,
    value_type VARCHAR(80) NOT NULL,
    required BOOLEAN NOT NULL,
    "order" SMALLINT NOT NULL,
    "default" TEXT,
    PRIMARY KEY (id),
    FOREIGN KEY(job_id) REFERENCES jobs (id),
    UNIQUE (job_id, "order"),
    UNIQUE (job_id, name)
);

-- revision 023

ALTER TABLE clusters ADD COLUMN use_autoconfig BOOLEAN;

ALTER TABLE cluster_templates ADD COLUMN use_autoconfig BOOLEAN;

ALTER TABLE node_group_templates ADD COLUMN use_autoconfig BOOLEAN;

ALTER TABLE node_groups ADD COLUMN use_autoconfig BOOLEAN;

ALTER TABLE templates_relations ADD COLUMN use_autoconfig BOOLEAN;

-- revision 024

ALTER TABLE node_group_templates ADD COLUMN shares TEXT;

ALTER TABLE node_groups ADD COLUMN shares TEXT;

ALTER TABLE templates_relations ADD COLUMN shares TEXT;

ALTER TABLE clusters ADD COLUMN shares TEXT;

ALTER TABLE cluster_templates ADD COLUMN shares TEXT;

-- revision 025

ALTER TABLE instances ALTER COLUMN internal_ip DROP NOT NULL;

ALTER TABLE instances ALTER COLUMN internal_ip TYPE VARCHAR(45);

ALTER TABLE instances ALTER COLUMN management_ip DROP NOT NULL;

ALTER TABLE instances ALTER COLUMN management_ip TYPE VARCHAR(45);

-- revision 026

ALTER TABLE clusters ADD COLUMN is_public BOOLEAN;

ALTER TABLE cluster_templates ADD COLUMN is_public BOOLEAN;

ALTER TABLE node_group_templates ADD COLUMN is_public BOOLEAN;

ALTER TABLE data_sources ADD COLUMN is_public BOOLEAN;

ALTER TABLE job_executions ADD COLUMN is_public BOOLEAN;

ALTER TABLE jobs ADD COLUMN is_public BOOLEAN;

ALTER TABLE job_binary_internal ADD COLUMN is_public BOOLEAN;

ALTER TABLE job_binaries ADD COLUMN is_public BOOLEAN;

ALTER TABLE clusters ADD COLUMN is_protected BOOLEAN;

ALTER TABLE cluster_templates ADD COLUMN is_protected BOOLEAN;

ALTER TABLE node_group_templates ADD COLUMN is_protected BOOLEAN;

ALTER TABLE data_sources ADD COLUMN is_protected BOOLEAN;

ALTER TABLE job_executions ADD COLUMN is_protected BOOLEAN;

ALTER TABLE jobs ADD COLUMN is_protected BOOLEAN;

ALTER TABLE job_binary_internal ADD COLUMN is_protected BOOLEAN;

ALTER TABLE job_binaries ADD COLUMN is_protected BOOLEAN;

-- revision 027

ALTER TABLE job_executions ALTER COLUMN oozie_job_id TYPE VARCHAR(100);

ALTER TABLE job_executions RENAME oozie_job_id TO engine_job_id;

-- revision 028

ALTER TABLE instances ADD COLUMN storage_devices_number INTEGER;

-- revision 029

UPDATE node_group_templates SET is_protected=? WHERE node_group_templates.is_default = 1;

UPDATE cluster_templates SET is_protected=? WHERE cluster_templates.is_default = 1;

-- revision 030

CREATE TABLE cluster_verifications (
    created_at DATETIME,
    updated_at DATETIME,
    id VARCHAR(36) NOT NULL,
    cluster_id VARCHAR(36),
    status VARCHAR(15),
    PRIMARY KEY (id),
    FOREIGN KEY(cluster_id) REFERENCES clusters (id),
    UNIQUE (id, cluster_id)
);

CREATE TABLE cluster_health_checks (
    created_at DATETIME,
    updated_at DATETIME,
    id VARCHAR(36) NOT NULL,
    verification_id VARCHAR(36),
    status VARCHAR(15),
    description TEXT,
    name VARCHAR(80),
    PRIMARY KEY (id),
    FOREIGN KEY(verification_id) REFERENCES cluster_verifications (id),
    UNIQUE (id, verification_id)
);

-- revision 031

CREATE TABLE plugin_data (
    created_at DATETIME,
    updated_at DATETIME,
    id VARCHAR(36) NOT NULL,
    tenant_id VARCHAR(36) NOT NULL,
    name VARCHAR(15) NOT NULL,
    plugin_labels TEXT,
    version_labels TEXT,
    PRIMARY KEY (id),
    UNIQUE (name, tenant_id)
);

-- revision 032

ALTER TABLE cluster_templates ADD COLUMN domain_name VARCHAR(255);

ALTER TABLE clusters ADD COLUMN domain_name VARCHAR(255);

ALTER TABLE instances ADD COLUMN dns_hostname VARCHAR(255);

-- revision 033

ALTER TABLE clusters ADD COLUMN anti_affinity_ratio INTEGER;

-- revision 034

ALTER TABLE node_group_templates ADD COLUMN boot_from_volume BOOLEAN NOT NULL;

ALTER TABLE node_groups ADD COLUMN boot_from_volume BOOLEAN NOT NULL;

ALTER TABLE templates_relations ADD COLUMN boot_from_volume BOOLEAN NOT NULL;

-- revision 035

ALTER TABLE node_group_templates ADD COLUMN boot_volume_availability_zone VARCHAR(255);

ALTER TABLE node_group_templates ADD COLUMN boot_volume_local_to_instance BOOLEAN;

ALTER TABLE node_group_templates ADD COLUMN boot_volume_type VARCHAR(255);

ALTER TABLE node_groups ADD COLUMN boot_volume_availability_zone VARCHAR(255);

ALTER TABLE node_groups ADD COLUMN boot_volume_local_to_instance BOOLEAN;

ALTER TABLE node_groups ADD COLUMN boot_volume_type VARCHAR(255);

ALTER TABLE templates_relations ADD COLUMN boot_volume_availability_zone VARCHAR(255);

ALTER TABLE templates_relations ADD COLUMN boot_volume_local_to_instance BOOLEAN;

ALTER TABLE templates_relations ADD COLUMN boot_volume_type VARCHAR(255);

