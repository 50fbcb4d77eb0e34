// Revision 028: instances.storage_devices_number.
#include <sdm/revision.hpp>

static void upgrade(sdm::Operations& op) {
  op.add_column("instances", sdm::Column("storage_devices_number", sdm::Integer()));
}

static void downgrade(sdm::Operations& op) {
  op.drop_column("instances", "storage_devices_number");
}

SDM_REVISION(storage_devices_number, "028", "027",
             "add_storage_devices_number\n"
             "\n"
             "Revision ID: 028\n"
             "Revises: 027\n"
             "Create Date: 2015-07-20 16:56:23.562710",
             upgrade, downgrade)
SDM_REVISION_PLUGIN(storage_devices_number)
