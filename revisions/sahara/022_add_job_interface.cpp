// Revision 022: the declared arguments (interface) of a job.
#include <sdm/revision.hpp>

static void upgrade(sdm::Operations& op) {
  // "order" and "default" are reserved words; the dialect quotes them.
  op.create_table("job_interface_arguments",
                  {
                      sdm::Column("created_at", sdm::DateTime()),
                      sdm::Column("updated_at", sdm::DateTime()),
                      sdm::Column("id", sdm::String(36)).not_null(),
                      sdm::Column("job_id", sdm::String(36)).not_null(),
                      sdm::Column("tenant_id", sdm::String(36)),
                      sdm::Column("name", sdm::String(80)).not_null(),
                      sdm::Column("description", sdm::Text()),
                      sdm::Column("mapping_type", sdm::String(80)).not_null(),
                      sdm::Column("location", sdm::Text()).not_null(),
                      sdm::Column("value_type", sdm::String(80)).not_null(),
                      sdm::Column("required", sdm::Boolean()).not_null(),
                      sdm::Column("order", sdm::SmallInteger()).not_null(),
                      sdm::Column("default", sdm::Text()),
                  },
                  {sdm::ForeignKey({"job_id"}, "jobs", {"id"}), sdm::PrimaryKey({"id"}),
                   sdm::Unique({"job_id", "order"}), sdm::Unique({"job_id", "name"})},
                  {{"mysql_engine", "InnoDB"}, {"mysql_charset", "utf8"}});
}

static void downgrade(sdm::Operations& op) {
  op.drop_table("job_interface_arguments");
}

SDM_REVISION(add_job_interface, "022", "021",
             "add_job_interface\n"
             "\n"
             "Revision ID: 022\n"
             "Revises: 021\n"
             "Create Date: 2015-01-27 15:53:22.128263",
             upgrade, downgrade)
SDM_REVISION_PLUGIN(add_job_interface)
