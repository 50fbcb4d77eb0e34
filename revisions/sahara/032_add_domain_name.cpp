// Revision 032: the DNS domain of clusters and their templates, and each instance's DNS hostname.
#include <sdm/revision.hpp>

static void upgrade(sdm::Operations& op) {
  op.add_column("cluster_templates", sdm::Column("domain_name", sdm::String(255)));
  op.add_column("clusters", sdm::Column("domain_name", sdm::String(255)));
  op.add_column("instances", sdm::Column("dns_hostname", sdm::String(255)));
}

static void downgrade(sdm::Operations& op) {
  op.drop_column("instances", "dns_hostname");
  op.drop_column("clusters", "domain_name");
  op.drop_column("cluster_templates", "domain_name");
}

SDM_REVISION(add_domain_name, "032", "031",
             "032_add_domain_name\n"
             "\n"
             "Revision ID: 032\n"
             "Revises: 031\n"
             "Create Date: 2016-07-21 13:33:33.674853",
             upgrade, downgrade)
SDM_REVISION_PLUGIN(add_domain_name)
