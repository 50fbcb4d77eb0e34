// Revision 021: job_executions.data_source_urls (JSON text) resolves data source placeholders.
#include <sdm/revision.hpp>

static void upgrade(sdm::Operations& op) {
  op.add_column("job_executions", sdm::Column("data_source_urls", sdm::Text()));
}

static void downgrade(sdm::Operations& op) {
  op.drop_column("job_executions", "data_source_urls");
}

SDM_REVISION(datasource_placeholders, "021", "020",
             "Add data_source_urls to job_executions to support placeholders\n"
             "\n"
             "Revision ID: 021\n"
             "Revises: 020\n"
             "Create Date: 2015-02-24 12:47:17.871520",
             upgrade, downgrade)
SDM_REVISION_PLUGIN(datasource_placeholders)
